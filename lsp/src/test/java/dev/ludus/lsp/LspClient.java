package dev.ludus.lsp;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.*;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageServer;

/**
 * A real LSP client for tests and the latency benchmark: LSP4J's own client launcher, talking
 * JSON-RPC to a {@link LudusLanguageServer} over a pair of pipes.
 */
final class LspClient implements LanguageClient, AutoCloseable {
    final BlockingQueue<PublishDiagnosticsParams> diagnostics = new LinkedBlockingQueue<>();
    final LanguageServer server;
    private final Thread serverThread;
    final int[] serverExit = {-1};

    LspClient() throws IOException {
        PipedInputStream serverIn = new PipedInputStream(1 << 20);
        PipedOutputStream toServer = new PipedOutputStream(serverIn);
        PipedInputStream clientIn = new PipedInputStream(1 << 20);
        PipedOutputStream toClient = new PipedOutputStream(clientIn);
        serverThread = new Thread(() -> {
            try {
                serverExit[0] = LudusLanguageServer.run(serverIn, toClient);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "ludus-lsp-under-test");
        serverThread.setDaemon(true);
        serverThread.start();
        var launcher = LSPLauncher.createClientLauncher(this, clientIn, toServer);
        launcher.startListening();
        server = launcher.getRemoteProxy();
    }

    InitializeResult initialize(long debounceMs) throws Exception {
        InitializeParams p = new InitializeParams();
        com.google.gson.JsonObject opts = new com.google.gson.JsonObject();
        opts.addProperty("debounceMs", debounceMs);
        p.setInitializationOptions(opts);
        InitializeResult r = server.initialize(p).get(30, TimeUnit.SECONDS);
        server.initialized(new InitializedParams());
        return r;
    }

    void open(String uri, String text) {
        server.getTextDocumentService().didOpen(new DidOpenTextDocumentParams(new TextDocumentItem(uri, "ludus", 1, text)));
    }

    void change(String uri, int version, String text) {
        server.getTextDocumentService().didChange(new DidChangeTextDocumentParams(
                new VersionedTextDocumentIdentifier(uri, version), List.of(new TextDocumentContentChangeEvent(text))));
    }

    /** The next diagnostics published for {@code uri} at {@code version} (or later). */
    PublishDiagnosticsParams diagnosticsFor(String uri, int version) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < end) {
            PublishDiagnosticsParams p = diagnostics.poll(100, TimeUnit.MILLISECONDS);
            if (p != null && p.getUri().equals(uri) && p.getVersion() != null && p.getVersion() >= version) return p;
        }
        throw new AssertionError("no diagnostics for " + uri + " version " + version);
    }

    @Override
    public void close() throws Exception {
        server.shutdown().get(30, TimeUnit.SECONDS);
        server.exit();
        serverThread.join(10_000);
    }

    // ---- LanguageClient
    @Override public void telemetryEvent(Object object) { }
    @Override public void publishDiagnostics(PublishDiagnosticsParams d) { diagnostics.add(d); }
    @Override public void showMessage(MessageParams m) { }
    @Override public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams r) {
        return CompletableFuture.completedFuture(null);
    }
    @Override public void logMessage(MessageParams m) { System.err.println("server: " + m.getMessage()); }
}
