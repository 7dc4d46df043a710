package dev.ludus.lsp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Robustness: every golden program typed into the server one character at a time (every prefix
 * is a half-typed program, most with a syntax error). Every request must get an answer and every
 * line end its diagnostics; the server must never crash or hang. The bound below only detects a
 * hang: latency is measured by the benchmark (bench/lsp/run), not here.
 */
class KeystrokeReplayTest {
    @Test
    void everyGoldenProgramTypedCharacterByCharacter() throws Exception {
        Path shared = Path.of(System.getProperty("ludus.shared", "../../shared"));
        List<Path> programs = Replay.goldenPrograms(shared, Path.of(".."));
        assertTrue(programs.size() > 150, "golden programs found: " + programs.size());
        Replay replay = new Replay(20);
        try (LspClient client = new LspClient()) {
            client.initialize(0);
            for (Path p : programs) {
                String text = Files.readString(p, StandardCharsets.UTF_8);
                replay.type(client, p.toAbsolutePath().toUri().toString(), text, 0);
            }
        }
        System.out.println("keystroke replay over " + programs.size() + " golden programs:\n" + replay.table());
        assertTrue(replay.latencies.get("diagnostics").size() > 1000);
    }
}
