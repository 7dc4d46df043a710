package dev.ludus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LineDiffTest {
    @Test
    void showsChangedLinesWithContext() {
        assertEquals("--- expected\n+++ actual\n  a\n- b\n+ B\n  c\n",
                LineDiff.diff("a\nb\nc\n", "a\nB\nc\n"));
    }

    @Test
    void makesInvisibleDifferencesVisible() {
        assertEquals("--- expected\n+++ actual\n- x\n+ x\\r\n",
                LineDiff.diff("x\n", "x\r\n"));
        assertEquals("--- expected\n+++ actual\n- x\n+ x  (no newline at end)\n",
                LineDiff.diff("x\n", "x"));
    }
}
