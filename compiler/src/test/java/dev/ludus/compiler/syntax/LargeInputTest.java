package dev.ludus.compiler.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Parses a generated ~1 MB script of 20,000 small functions and prints the time (no wall-clock assertion). */
class LargeInputTest {
    /** About 62 bytes per function: 20,000 functions make a bit over 1 MB. */
    static String generate(int functions) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < functions; i++) {
            b.append("fn f").append(i).append(" (x, y) -> if gt? (x, y) then add (x, ").append(i)
             .append(") else [y, :k]\n");
        }
        return b.toString();
    }

    @Test
    void parsesOneMegabyte() throws Exception {
        String text = generate(20_000);
        assertTrue(text.length() > 1_000_000, "size " + text.length());
        SourceText src = new SourceText("big.ld", null, text);
        LudusParser.parse(src); // warm-up
        long t0 = System.nanoTime();
        Ast.Script script = LudusParser.parse(src);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("parsed %,d bytes (%,d functions) in %d ms%n", text.length(), script.body().size(), ms);
        assertEquals(20_000, script.body().size());
    }
}
