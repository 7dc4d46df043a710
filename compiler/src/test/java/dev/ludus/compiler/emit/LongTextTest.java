package dev.ludus.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Strings, names and keywords longer than a class-file constant (65,535 bytes of modified
 * UTF-8) compile and run (issue 12: "UTF8 string too large" before). Classes are verified.
 */
class LongTextTest {
    @TempDir Path dir;
    static final String NAME = "a".repeat(70_000);

    @Test
    void longStringLiteral() {
        assertEquals("40000\n=> 80000\n[exit 0]\n",
                Programs.runSource("let s = \"" + "é".repeat(40_000) + "\"\nprint! (count (s))\ncount (concat (s, s))\n"));
        String big = "x".repeat(100_000);
        assertEquals("=> true\n[exit 0]\n",
                Programs.runSource("eq? (\"" + big + "\", join ([\"" + big.substring(50_000) + "\", \"" + big.substring(50_000) + "\"]))\n"));
    }

    @Test
    void longNames() {
        assertEquals("1\n=> 3\n[exit 0]\n", Programs.runSource("let " + NAME + " = 1\nprint! (" + NAME + ")\nfn f (" + NAME + ") -> " + NAME + "\nf (3)\n"));
        String out = Programs.runSource("fn " + NAME + " () -> 1\nprint! (" + NAME + " ())\n" + NAME + " (1)\n");
        assertTrue(out.startsWith("1\nLudus panicked on line 1:\n"), out.substring(0, 100));
        assertTrue(out.endsWith("Match Error: No match found for (1) in function " + NAME + "\n[exit 1]\n"));
    }

    @Test
    void longKeyword() {
        assertEquals("=> 70001\n[exit 0]\n", Programs.runSource("let k = :" + NAME + "\ncount (show (k))\n"));
    }

    @Test
    void longNameExportedFromAnImport() throws Exception {
        Files.writeString(dir.resolve("lib.ld"), "let " + NAME + " = 1\nlet z = 2\npkg P { " + NAME + ", z }\n");
        Path main = dir.resolve("main.ld");
        Files.writeString(main, "import \"lib\" as L\nL :z\n");
        String out = Programs.run(main, "main.ld");
        assertEquals("=> 2\n[exit 0]\n", out);
        assertFalse(out.contains("internal"));
    }
}
