package dev.ludus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ludus play}'s option checks (the server itself is tested in playground/). */
class PlayCommandTest {
    @TempDir Path dir;

    @Test
    void badArgumentsAreUsageErrors() {
        MainTest.Result noDir = MainTest.ludus("play", dir.resolve("missing").toString());
        assertEquals(2, noDir.exit());
        assertTrue(noDir.err().contains("not a directory"), noDir.err());
        MainTest.Result time = MainTest.ludus("play", "--time-limit", "0");
        assertEquals(2, time.exit());
        assertTrue(time.err().contains("--time-limit"), time.err());
        MainTest.Result workers = MainTest.ludus("play", "--workers", "0");
        assertEquals(2, workers.exit());
        assertTrue(workers.err().contains("--workers"), workers.err());
    }

    @Test
    void helpListsPlay() {
        MainTest.Result help = MainTest.ludus("--help");
        assertTrue((help.out() + help.err()).contains("play"), help.out());
    }
}
