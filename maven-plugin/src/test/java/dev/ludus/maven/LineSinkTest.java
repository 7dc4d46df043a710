package dev.ludus.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineSinkTest {
    @Test
    void passesOnCompleteLinesAndTheUnfinishedLastOne() {
        List<String> lines = new ArrayList<>();
        try (PrintStream out = LineSink.printStream(lines::add)) {
            out.print("test \"ünï\" passed\nsecond");
            assertEquals(List.of("test \"ünï\" passed"), lines); // "second" is not complete yet
            out.print(" half\r\n\nlast");
        }
        assertEquals(List.of("test \"ünï\" passed", "second half", "", "last"), lines);
    }
}
