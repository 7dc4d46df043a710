package dev.ludus.lsp;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.eclipse.lsp4j.*;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * {@code ludus lsp}: the Ludus language server, speaking LSP over a pair of streams (stdio).
 * It serves what the compiler front end knows: static errors, bindings, docstrings, the
 * formatter. {@link #run} blocks until the client closes the connection or sends exit.
 */
public final class LudusLanguageServer implements LanguageServer, LanguageClientAware {
    private final TextService text = new TextService();
    private final WorkspaceService workspace = new WorkspaceService() {
        @Override public void didChangeConfiguration(DidChangeConfigurationParams params) { }
        @Override public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) { }
    };
    private volatile boolean shutdown;
    private volatile Runnable onExit = () -> { };

    /** Serves one client on {@code in}/{@code out} until it disconnects; returns the exit status (0 after shutdown). */
    public static int run(InputStream in, OutputStream out) throws InterruptedException {
        LudusLanguageServer server = new LudusLanguageServer();
        Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server, in, out);
        server.connect(launcher.getRemoteProxy());
        Future<Void> listening = launcher.startListening();
        server.onExit = () -> listening.cancel(true);
        try {
            listening.get();
        } catch (ExecutionException | java.util.concurrent.CancellationException e) {
            // connection closed or exit received
        }
        server.text.shutdown();
        return server.shutdown ? 0 : 1;
    }

    @Override
    public void connect(LanguageClient client) {
        text.client = client;
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        if (params.getInitializationOptions() instanceof com.google.gson.JsonObject o && o.has("debounceMs")) {
            text.debounceMs = o.get("debounceMs").getAsLong();
        }
        ServerCapabilities c = new ServerCapabilities();
        TextDocumentSyncOptions sync = new TextDocumentSyncOptions();
        sync.setOpenClose(true);
        sync.setChange(TextDocumentSyncKind.Full);
        sync.setSave(new SaveOptions(false));
        c.setTextDocumentSync(sync);
        c.setHoverProvider(true);
        c.setCompletionProvider(new CompletionOptions(false, List.of(":")));
        c.setDefinitionProvider(true);
        c.setReferencesProvider(true);
        c.setRenameProvider(true);
        c.setDocumentSymbolProvider(true);
        c.setSignatureHelpProvider(new SignatureHelpOptions(List.of("(", ",")));
        c.setDocumentFormattingProvider(true);
        c.setSemanticTokensProvider(new SemanticTokensWithRegistrationOptions(SemanticTokenizer.LEGEND, true));
        ServerInfo info = new ServerInfo("ludus lsp", LudusLanguageServer.class.getPackage().getImplementationVersion());
        return CompletableFuture.completedFuture(new InitializeResult(c, info));
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        shutdown = true;
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void exit() {
        onExit.run();
    }

    @Override
    public TextDocumentService getTextDocumentService() { return text; }

    @Override
    public WorkspaceService getWorkspaceService() { return workspace; }

}
