package dev.ludus.lsp;

import dev.ludus.compiler.BigStack;
import dev.ludus.compiler.LudusCompiler;
import dev.ludus.compiler.diagnostic.Diagnostic;
import dev.ludus.compiler.resolve.Module;
import dev.ludus.compiler.resolve.Resolver;
import dev.ludus.compiler.syntax.SourceText;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * One open document: its current text, and the analysis of that text, made when first needed
 * (requests always answer for the text the editor shows). The last analysis that parsed is kept
 * for completion while the user is in the middle of typing something that does not.
 */
final class Document {
    final String uri;
    final Path path;
    private String text;
    private int version;

    /** An analysis of one version of the text. */
    record Snapshot(int version, String text, Positions positions, Resolver.Analysis analysis) {
        Module main() {
            return analysis.program() == null ? null : analysis.program().main();
        }

        List<Diagnostic> errors() { return analysis.errors(); }
    }

    private Snapshot current;
    private Snapshot lastParsed;

    Document(String uri, String text, int version) {
        this.uri = uri;
        this.path = pathOf(uri);
        this.text = text;
        this.version = version;
    }

    static Path pathOf(String uri) {
        try {
            URI u = URI.create(uri);
            return "file".equals(u.getScheme()) ? Path.of(u) : null;
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return null;
        }
    }

    synchronized void update(String newText, int newVersion) {
        text = newText;
        version = newVersion;
    }

    synchronized String text() { return text; }

    /** Forget the current analysis (a file it imports may have changed). */
    synchronized void invalidate() { current = null; }

    synchronized int version() { return version; }

    /** The analysis of the current text (made now if the text changed since the last one). */
    Snapshot snapshot() {
        String t;
        int v;
        synchronized (this) {
            if (current != null && current.version() == version && current.text() == text) return current;
            t = text;
            v = version;
        }
        Snapshot s = new Snapshot(v, t, new Positions(t), analyse(t));
        synchronized (this) {
            if (s.main() != null) lastParsed = s;
            if (v == version && t == text) current = s;
        }
        return s;
    }

    /** The newest analysis that parsed (the current one if it does), or null. */
    Snapshot parsed() {
        Snapshot s = snapshot();
        if (s.main() != null) return s;
        synchronized (this) { return lastParsed; }
    }

    private Resolver.Analysis analyse(String t) {
        String name = path != null && path.getFileName() != null ? path.getFileName().toString() : uri;
        SourceText src = new SourceText(name, path, t);
        try {
            return BigStack.call("ludus-lsp", () -> LudusCompiler.analyseForTools(src));
        } catch (Exception | StackOverflowError e) {
            var span = new dev.ludus.compiler.syntax.Span(name, 1, 1, 1, 2);
            return new Resolver.Analysis(null, List.of(new Diagnostic(src, span,
                    "internal error while analysing this file (a bug in Ludus): " + e)));
        }
    }
}
