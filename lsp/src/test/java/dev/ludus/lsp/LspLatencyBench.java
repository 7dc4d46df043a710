package dev.ludus.lsp;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The language server's latency benchmark (bench/lsp/run; skipped in the normal build): p50/p99
 * per request kind, measured at the client through LSP4J over pipes,
 * <ol>
 *   <li>typing the last 40 lines of a 500-line program into it, character by character
 *       (diagnostics after every keystroke: didChange sent to publishDiagnostics received, no
 *       debounce, so each is a full parse and resolve of the file);</li>
 *   <li>typing every golden program character by character.</li>
 * </ol>
 * Results are printed and written to {@code target/lsp-latency.txt}.
 */
@EnabledIfSystemProperty(named = "ludus.lspBench", matches = "true")
class LspLatencyBench {
    /** A realistic 500-line program: 50 blocks of functions, matches, loops, collections and calls. */
    static String program500() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            sb.append("& block ").append(i).append(": a few functions over lists and dicts\n");
            sb.append("fn score_").append(i).append(" {\n");
            sb.append("  \"Scores a value for block ").append(i).append(".\"\n");
            sb.append("  (n as :number) -> mult (n, ").append(i + 1).append(")\n");
            sb.append("  (xs as :list) -> fold (fn (acc, x) -> add (acc, score_").append(i).append(" (x)), xs, 0)\n");
            sb.append("  (_) -> 0\n");
            sb.append("}\n");
            sb.append("let data_").append(i).append(" = #{:name \"item ").append(i).append("\", :values [1, 2, 3, ").append(i).append("]}\n");
            sb.append("let total_").append(i).append(" = match data_").append(i).append(" :values with { [] -> 0; xs -> score_").append(i).append(" (xs) }\n");
            sb.append("print! (data_").append(i).append(" :name, total_").append(i).append(", loop (0, 0) with (k, acc) -> if lt? (k, 3) then recur (inc (k), add (acc, k)) else acc)\n");
        }
        return sb.toString();
    }

    @Test
    void latency() throws Exception {
        StringBuilder report = new StringBuilder();
        String big = program500();
        Path dir = Files.createTempDirectory("ludus-lsp-bench");
        Path file = dir.resolve("big.ld");
        Files.writeString(file, big);
        int lines = (int) big.lines().count();
        int cut = big.length();
        for (int k = 0; k < 40; k++) cut = big.lastIndexOf('\n', cut - 1);
        try (LspClient client = new LspClient()) {
            client.initialize(0);
            // warm-up: one pass over the file, not recorded
            new Replay(60).type(client, file.toUri().toString(), big, cut);
            Replay r = new Replay(60);
            r.diagnosticsEveryKeystroke = true;
            r.type(client, file.toUri().toString(), big, cut);
            report.append("typing the last 40 lines of a ").append(lines).append("-line program (")
                  .append(big.length() - cut).append(" keystrokes):\n").append(r.table()).append('\n');

            Path shared = Path.of(System.getProperty("ludus.shared", "../../shared"));
            List<Path> programs = Replay.goldenPrograms(shared, Path.of(".."));
            Replay g = new Replay(60);
            for (Path p : programs) g.type(client, p.toAbsolutePath().toUri().toString(), Files.readString(p, StandardCharsets.UTF_8), 0);
            report.append("typing all ").append(programs.size()).append(" golden programs:\n").append(g.table());
        }
        System.out.println(report);
        Files.writeString(Path.of("target", "lsp-latency.txt"), report.toString());
    }
}
