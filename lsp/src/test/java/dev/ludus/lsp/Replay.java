package dev.ludus.lsp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.lsp4j.*;
import org.eclipse.lsp4j.services.TextDocumentService;

/**
 * Types a program into the server one character at a time, as an editor would send it: after
 * each keystroke a didChange with the whole text, then one request at the cursor (the kinds in
 * turn), and at each line end the diagnostics for that version. Every answer's latency is
 * recorded per kind. Used by the robustness test (every golden program) and the latency
 * benchmark.
 */
final class Replay {
    static final List<String> KINDS = List.of("hover", "completion", "signatureHelp", "definition",
            "documentSymbol", "references", "semanticTokens", "formatting");

    /** Latencies in nanoseconds, by request kind ("diagnostics" too). */
    final Map<String, List<Long>> latencies = new LinkedHashMap<>();
    /** A bound that only a hang exceeds (not a speed requirement). */
    final long hangSeconds;
    private int version = 1;
    /** Wait for the diagnostics of every keystroke (else only at line ends). */
    boolean diagnosticsEveryKeystroke;

    Replay(long hangSeconds) {
        this.hangSeconds = hangSeconds;
        latencies.put("diagnostics", new ArrayList<>());
        for (String k : KINDS) latencies.put(k, new ArrayList<>());
    }

    /** The golden programs: the shared corpus (with processes/ and extensions/), our goldens, examples/. */
    static List<Path> goldenPrograms(Path shared, Path repo) throws Exception {
        List<Path> out = new ArrayList<>();
        for (Path dir : List.of(shared.resolve("conformance"), repo.resolve("cli/src/test/resources/golden"), repo.resolve("examples"))) {
            try (Stream<Path> s = Files.walk(dir)) {
                s.filter(p -> p.toString().endsWith(".ld")).sorted().forEach(out::add);
            }
        }
        return out;
    }

    /** Types {@code text} into a new document at {@code uri} (closed again at the end). */
    void type(LspClient client, String uri, String text, int from) throws Exception {
        TextDocumentService docs = client.server.getTextDocumentService();
        version = 1;
        client.open(uri, text.substring(0, from));
        await(client, uri, version, System.nanoTime(), true);
        int kind = 0;
        int[] cps = text.codePoints().toArray();
        StringBuilder typed = new StringBuilder(text.substring(0, from));
        int line = (int) typed.chars().filter(c -> c == '\n').count();
        int ch = typed.length() - (typed.lastIndexOf("\n") + 1);
        for (int i = text.codePointCount(0, from); i < cps.length; i++) {
            typed.appendCodePoint(cps[i]);
            if (cps[i] == '\n') { line++; ch = 0; } else ch += Character.charCount(cps[i]);
            version++;
            long sent = System.nanoTime();
            client.change(uri, version, typed.toString());
            boolean lineEnd = diagnosticsEveryKeystroke || cps[i] == '\n' || i == cps.length - 1;
            if (lineEnd) await(client, uri, version, sent, false);
            String k = KINDS.get(kind++ % KINDS.size());
            Position at = new Position(line, ch);
            TextDocumentIdentifier id = new TextDocumentIdentifier(uri);
            long start = System.nanoTime();
            CompletableFuture<?> f = switch (k) {
                case "hover" -> docs.hover(new HoverParams(id, at));
                case "completion" -> docs.completion(new CompletionParams(id, at));
                case "signatureHelp" -> docs.signatureHelp(new SignatureHelpParams(id, at));
                case "definition" -> docs.definition(new DefinitionParams(id, at));
                case "documentSymbol" -> docs.documentSymbol(new DocumentSymbolParams(id));
                case "references" -> docs.references(new ReferenceParams(id, at, new ReferenceContext(true)));
                case "semanticTokens" -> docs.semanticTokensFull(new SemanticTokensParams(id));
                default -> docs.formatting(new DocumentFormattingParams(id, new FormattingOptions(2, true)));
            };
            try {
                f.get(hangSeconds, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError(k + " did not answer within " + hangSeconds + " s at " + uri + " " + at);
            }
            latencies.get(k).add(System.nanoTime() - start);
        }
        docs.didClose(new DidCloseTextDocumentParams(new TextDocumentIdentifier(uri)));
        client.diagnostics.clear();
    }

    private void await(LspClient client, String uri, int v, long sent, boolean opening) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(hangSeconds);
        while (System.nanoTime() < end) {
            PublishDiagnosticsParams p = client.diagnostics.poll(50, TimeUnit.MILLISECONDS);
            if (p != null && p.getUri().equals(uri) && p.getVersion() != null && p.getVersion() >= v) {
                if (!opening) latencies.get("diagnostics").add(System.nanoTime() - sent);
                return;
            }
        }
        throw new AssertionError("no diagnostics within " + hangSeconds + " s for " + uri + " version " + v);
    }

    /** "kind  n  p50  p99  max" lines, milliseconds. */
    String table() {
        StringBuilder sb = new StringBuilder(String.format("%-15s %7s %9s %9s %9s%n", "request", "count", "p50 ms", "p99 ms", "max ms"));
        latencies.forEach((k, v) -> {
            if (v.isEmpty()) return;
            List<Long> s = new ArrayList<>(v);
            s.sort(null);
            sb.append(String.format("%-15s %7d %9.2f %9.2f %9.2f%n", k, s.size(), pct(s, 50), pct(s, 99), s.get(s.size() - 1) / 1e6));
        });
        return sb.toString();
    }

    private static double pct(List<Long> sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i))) / 1e6;
    }
}
