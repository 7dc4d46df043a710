package dev.ludus.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SourcesTest {
    @Test void splitsLinesExactlyAsStringLines() {
        String[] texts = {
            "", "a", "a\n", "a\nb", "a\nb\n", "\n", "\n\n", "a\r\nb", "a\rb", "a\r", "a\r\n", "\r\n\r\n",
            "a\n\rb", "a\r\r\nb\n\n", "x\u2028y", " \t \n  ", "fn f {\r\n  (x) -> x\r\n}\r\n",
        };
        for (String t : texts) {
            assertArrayEquals(t.lines().toArray(String[]::new), Sources.lines(t), () -> "text " + t.replace("\r", "\\r").replace("\n", "\\n"));
        }
    }

    @Test void registeredLinesAreReadBack() {
        Sources.register("SourcesTest.ld", "one\r\ntwo\rthree\n");
        assertEquals("two", Sources.line("SourcesTest.ld", 2));
        assertEquals("three", Sources.line("SourcesTest.ld", 3));
        assertEquals("", Sources.line("SourcesTest.ld", 4));
    }
}
