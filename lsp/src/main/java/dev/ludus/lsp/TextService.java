package dev.ludus.lsp;

import dev.ludus.compiler.diagnostic.CompileErrors;
import dev.ludus.compiler.format.Formatter;
import dev.ludus.compiler.syntax.SourceText;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.eclipse.lsp4j.*;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * The text document half of the server. Documents are synchronised whole (each change carries
 * the full text). Diagnostics are published after a pause in typing ({@link #debounceMs});
 * every request answers for the text as it is now.
 */
final class TextService implements TextDocumentService {
    private final Map<String, Document> docs = new ConcurrentHashMap<>();
    private final Map<String, ScheduledFuture<?>> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService diagnostics = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ludus-lsp-diagnostics");
        t.setDaemon(true);
        return t;
    });
    /** Requests run here (two threads: one slow request does not hold up the next keystroke's). */
    private static final java.util.concurrent.ExecutorService REQUESTS = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "ludus-lsp-request");
        t.setDaemon(true);
        return t;
    });
    volatile LanguageClient client;
    volatile long debounceMs = Long.getLong("ludus.lsp.debounceMs", 150);

    // ---------------------------------------------------------------- synchronisation

    @Override
    public void didOpen(DidOpenTextDocumentParams params) {
        TextDocumentItem d = params.getTextDocument();
        docs.put(d.getUri(), new Document(d.getUri(), d.getText(), d.getVersion()));
        schedule(d.getUri(), 0);
    }

    @Override
    public void didChange(DidChangeTextDocumentParams params) {
        Document doc = docs.get(params.getTextDocument().getUri());
        if (doc == null || params.getContentChanges().isEmpty()) return;
        var change = params.getContentChanges().get(params.getContentChanges().size() - 1);
        doc.update(change.getText(), params.getTextDocument().getVersion());
        schedule(doc.uri, debounceMs);
    }

    @Override
    public void didClose(DidCloseTextDocumentParams params) {
        String uri = params.getTextDocument().getUri();
        docs.remove(uri);
        ScheduledFuture<?> f = pending.remove(uri);
        if (f != null) f.cancel(false);
        LanguageClient c = client;
        if (c != null) c.publishDiagnostics(new PublishDiagnosticsParams(uri, List.of()));
    }

    @Override
    public void didSave(DidSaveTextDocumentParams params) {
        // another open file may import the one just saved
        for (Document d : docs.values()) {
            d.invalidate();
            schedule(d.uri, 0);
        }
    }

    private void schedule(String uri, long delay) {
        ScheduledFuture<?> old = pending.put(uri, diagnostics.schedule(() -> publish(uri), delay, TimeUnit.MILLISECONDS));
        if (old != null) old.cancel(false);
    }

    private void publish(String uri) {
        Document doc = docs.get(uri);
        LanguageClient c = client;
        if (doc == null || c == null) return;
        try {
            Document.Snapshot s = doc.snapshot();
            var params = new PublishDiagnosticsParams(uri, DiagnosticsMapper.map(doc, s));
            params.setVersion(s.version());
            c.publishDiagnostics(params);
        } catch (RuntimeException e) {
            c.logMessage(new MessageParams(MessageType.Error, "ludus lsp: diagnostics failed for " + uri + ": " + e));
        }
    }

    void shutdown() {
        diagnostics.shutdownNow();
    }

    // ---------------------------------------------------------------- requests

    /** Runs a request: never lets an exception out as anything but an error response. */
    private static <T> CompletableFuture<T> answer(Supplier<T> work) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return work.get();
            } catch (ResponseErrorException e) {
                throw e;
            } catch (RuntimeException | StackOverflowError e) {
                return null; // a request about half-typed text has no answer rather than an error
            }
        }, REQUESTS);
    }

    private Document doc(TextDocumentIdentifier id) {
        return docs.get(id.getUri());
    }

    /** The target under the cursor, in the current analysis (or the last one that parsed). */
    private Targets.Target target(Document doc, Position p, Document.Snapshot[] used) {
        Document.Snapshot s = doc.parsed();
        if (s == null) return null;
        used[0] = s;
        return Targets.at(s.main(), p.getLine() + 1, s.positions().col(p));
    }

    @Override
    public CompletableFuture<Hover> hover(HoverParams params) {
        return answer(() -> {
            Document doc = doc(params.getTextDocument());
            if (doc == null) return null;
            Document.Snapshot[] s = {null};
            Targets.Target t = target(doc, params.getPosition(), s);
            if (t == null) return null;
            Hover h = new Hover(new MarkupContent(MarkupKind.MARKDOWN, Hovers.text(t)));
            h.setRange(s[0].positions().range(t.at()));
            return h;
        });
    }

    @Override
    public CompletableFuture<Either<List<CompletionItem>, CompletionList>> completion(CompletionParams params) {
        return answer(() -> {
            Document doc = doc(params.getTextDocument());
            if (doc == null) return null;
            Position p = params.getPosition();
            Positions now = new Positions(doc.text());
            String line = now.line(p.getLine());
            String prefix = line.substring(0, Math.min(p.getCharacter(), line.length()));
            return Either.forLeft(Completions.complete(doc.parsed(), prefix, p.getLine() + 1, now.col(p)));
        });
    }

    @Override
    public CompletableFuture<Either<List<? extends Location>, List<? extends LocationLink>>> definition(DefinitionParams params) {
        return answer(() -> {
            Document doc = doc(params.getTextDocument());
            if (doc == null) return null;
            Document.Snapshot[] s = {null};
            Targets.Target t = target(doc, params.getPosition(), s);
            Location l = t != null ? Navigation.definition(s[0], t, doc.uri) : s[0] == null ? null
                    : Navigation.importedFile(s[0], params.getPosition().getLine() + 1, s[0].positions().col(params.getPosition()));
            return Either.forLeft(l == null ? List.of() : List.of(l));
        });
    }

    @Override
    public CompletableFuture<List<? extends Location>> references(ReferenceParams params) {
        return answer(() -> {
            Document doc = doc(params.getTextDocument());
            if (doc == null) return null;
            Document.Snapshot[] s = {null};
            Targets.Target t = target(doc, params.getPosition(), s);
            if (t == null || t.prelude()) return List.of();
            return Navigation.references(s[0], t, doc.uri, params.getContext() == null || params.getContext().isIncludeDeclaration());
        });
    }

    @Override
    public CompletableFuture<WorkspaceEdit> rename(RenameParams params) {
        return answer(() -> {
            Document doc = doc(params.getTextDocument());
            if (doc == null) return null;
            Document.Snapshot s = doc.snapshot();
            if (s.main() == null) throw new ResponseErrorException(new org.eclipse.lsp4j.jsonrpc.messages.ResponseError(
                    org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode.InvalidRequest, "fix the syntax error first: the file does not parse", null));
            Targets.Target t = Targets.at(s.main(), params.getPosition().getLine() + 1, s.positions().col(params.getPosition()));
            if (t == null) return null;
            return Navigation.rename(s, t, params.getNewName(), doc.uri);
        });
    }

    @Override
    public CompletableFuture<List<Either<SymbolInformation, DocumentSymbol>>> documentSymbol(DocumentSymbolParams params) {
        return answer(() -> {
            Document doc = doc(params.getTextDocument());
            Document.Snapshot s = doc == null ? null : doc.parsed();
            if (s == null) return List.of();
            return Symbols.of(s.main(), s.positions()).stream().map(Either::<SymbolInformation, DocumentSymbol>forRight).toList();
        });
    }

    @Override
    public CompletableFuture<SignatureHelp> signatureHelp(SignatureHelpParams params) {
        return answer(() -> {
            Document doc = doc(params.getTextDocument());
            if (doc == null) return null;
            String text = doc.text();
            Positions pos = new Positions(text);
            return Signatures.help(text, params.getPosition().getLine() + 1, pos.col(params.getPosition()), doc.parsed());
        });
    }

    @Override
    public CompletableFuture<SemanticTokens> semanticTokensFull(SemanticTokensParams params) {
        return answer(() -> {
            Document doc = doc(params.getTextDocument());
            if (doc == null) return null;
            Document.Snapshot s = doc.snapshot();
            return new SemanticTokens(SemanticTokenizer.encode(s.text(), s.main()));
        });
    }

    @Override
    public CompletableFuture<List<? extends TextEdit>> formatting(DocumentFormattingParams params) {
        return answer(() -> {
            Document doc = doc(params.getTextDocument());
            if (doc == null) return null;
            String text = doc.text();
            String formatted;
            try {
                formatted = Formatter.format(new SourceText(doc.uri, doc.path, text));
            } catch (CompileErrors e) {
                return List.of(); // a file that does not parse is left alone (its diagnostic says why)
            }
            if (formatted.equals(text)) return List.of();
            Positions pos = new Positions(text);
            int last = pos.lineCount() - 1;
            Range all = new Range(new Position(0, 0), new Position(last, pos.line(last).length()));
            return List.of(new TextEdit(all, formatted));
        });
    }
}
