package dev.ludus.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A small line diff (LCS) for readable golden-test failures. */
final class LineDiff {
    private LineDiff() {}

    private static final int CONTEXT = 2;
    private static final int MAX_LINES = 3000;

    /** A unified-style diff: "-" expected only, "+" actual only, " " common (with context). */
    static String diff(String expected, String actual) {
        String[] a = split(expected), b = split(actual);
        if (a.length > MAX_LINES || b.length > MAX_LINES) {
            return "--- expected (" + a.length + " lines)\n+++ actual (" + b.length + " lines)\n(too long to diff)\n";
        }
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> ops = new ArrayList<>();
        int i = 0, j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                ops.add("  " + a[i]);
                i++;
                j++;
            } else if (i < a.length && (j == b.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
                ops.add("- " + a[i++]);
            } else {
                ops.add("+ " + b[j++]);
            }
        }
        boolean[] show = new boolean[ops.size()];
        for (int k = 0; k < ops.size(); k++) {
            if (ops.get(k).charAt(0) != ' ') {
                for (int c = Math.max(0, k - CONTEXT); c <= Math.min(ops.size() - 1, k + CONTEXT); c++) show[c] = true;
            }
        }
        StringBuilder sb = new StringBuilder("--- expected\n+++ actual\n");
        boolean gap = false;
        for (int k = 0; k < ops.size(); k++) {
            if (show[k]) {
                if (gap) sb.append("  ...\n");
                sb.append(ops.get(k)).append('\n');
                gap = false;
            } else {
                gap = true;
            }
        }
        return sb.toString();
    }

    /**
     * Lines with visible terminators: a line ending in "\r" shows it, and text without a final
     * newline gets a marker, so byte-level differences are visible.
     */
    private static String[] split(String s) {
        if (s.isEmpty()) return new String[0];
        boolean finalNewline = s.endsWith("\n");
        String[] lines = (finalNewline ? s.substring(0, s.length() - 1) : s).split("\n", -1);
        lines = Arrays.stream(lines).map(l -> l.replace("\r", "\\r").replace("\t", "\\t")).toArray(String[]::new);
        if (!finalNewline) lines[lines.length - 1] += "  (no newline at end)";
        return lines;
    }
}
