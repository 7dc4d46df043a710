package dev.ludus.lsp;

import dev.ludus.compiler.syntax.Span;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * Converts between the compiler's positions (1-based lines, 1-based columns in code points) and
 * LSP's (0-based lines, 0-based UTF-16 offsets) over one text.
 */
final class Positions {
    private final String[] lines;

    Positions(String text) {
        this.lines = text.split("\r\n|\r|\n", -1);
    }

    String line(int zeroBased) {
        return zeroBased >= 0 && zeroBased < lines.length ? lines[zeroBased] : "";
    }

    int lineCount() { return lines.length; }

    Position position(int line, int col) {
        String l = line(line - 1);
        int cps = Math.max(0, col - 1);
        int units;
        try {
            units = l.offsetByCodePoints(0, Math.min(cps, l.codePointCount(0, l.length())));
        } catch (IndexOutOfBoundsException e) {
            units = l.length();
        }
        return new Position(Math.max(0, line - 1), units);
    }

    Range range(Span s) {
        return new Range(position(s.line(), s.col()), position(s.endLine(), s.endCol()));
    }

    /** The 1-based code-point column of an LSP position. */
    int col(Position p) {
        String l = line(p.getLine());
        int units = Math.min(Math.max(0, p.getCharacter()), l.length());
        return l.codePointCount(0, units) + 1;
    }

    /** Whether 1-based (line, col) lies in the span (its end included, so a cursor right after a name finds it). */
    static boolean contains(Span s, int line, int col) {
        if (line < s.line() || line > s.endLine()) return false;
        if (line == s.line() && col < s.col()) return false;
        return !(line == s.endLine() && col > s.endCol());
    }
}
