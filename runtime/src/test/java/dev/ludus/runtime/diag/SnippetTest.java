package dev.ludus.runtime.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SnippetTest {
    private static String snippet(int line, String text, int col, int length, String hint) {
        StringBuilder b = new StringBuilder();
        Snippet.append(b, false, line, text, col, length, hint);
        return b.toString();
    }

    @Test
    void caretsUnderTheSpanWithAGutterAsWideAsTheLineNumber() {
        assertEquals(" 12 | let x = foo (1)\n    |         ^^^\n    = hint: h\n", snippet(12, "let x = foo (1)", 9, 3, "h"));
        assertEquals(" 1 | x\n   | ^\n", snippet(1, "x", 1, 0, null));
    }

    @Test
    void tabsAreKeptAndCodePointsCountAsOneColumn() {
        // "\tf (\"→✓\", y)": y is column 11 (tab, 'f', ' ', '(', '"', '→', '✓', '"', ',', ' ', 'y')
        assertEquals(" 3 | \tf (\"→✓\", y)\n   | \t         ^\n", snippet(3, "\tf (\"→✓\", y)", 11, 1, null));
        assertEquals(" 1 | 😀 z\n   |   ^\n", snippet(1, "😀 z", 3, 1, null));
    }

    @Test
    void unknownColumnShowsTheLineOnly() {
        assertEquals(" 2 | div (1, 0)\n", snippet(2, "div (1, 0)", 0, 1, null));
        assertEquals(" 2 |\n   = hint: h\n", snippet(2, "", 0, 1, "h"));
    }

    @Test
    void tokenLength() {
        assertEquals(3, Snippet.tokenLength("let x = 1", 1));
        assertEquals(2, Snippet.tokenLength("  fn (x) -> x", 3));
        assertEquals(5, Snippet.tokenLength("ns :sqre", 4));
        assertEquals(3, Snippet.tokenLength("eq? (1)", 1));
        assertEquals(1, Snippet.tokenLength("(1)", 1));
        assertEquals(1, Snippet.tokenLength("x", 5));
    }

    @Test
    void uniqueWordColumn() {
        assertEquals(20, Snippet.uniqueWordColumn("fn average (xs) -> div (sum_of (xs), count (xs))", "div"));
        assertEquals(0, Snippet.uniqueWordColumn("add (add (1, 2), 3)", "add"));
        assertEquals(0, Snippet.uniqueWordColumn("let divisor = 3", "div"));
        assertEquals(0, Snippet.uniqueWordColumn("x :div", "div"));
        assertEquals(1, Snippet.uniqueWordColumn("panic! \"x\"", "panic!"));
        assertEquals(0, Snippet.uniqueWordColumn("anything", null));
    }
}
