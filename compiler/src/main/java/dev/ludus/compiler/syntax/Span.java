package dev.ludus.compiler.syntax;

/** A source range. Lines and columns are 1-based; columns count code points; endCol is exclusive. */
public record Span(String file, int line, int col, int endLine, int endCol) {
    /** Number of carets to draw under this span on its first line (at least one). */
    public int caretLength() {
        return endLine == line ? Math.max(1, endCol - col) : 1;
    }

    public Span to(Span end) {
        return new Span(file, line, col, end.endLine, end.endCol);
    }
}
