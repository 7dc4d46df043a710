package dev.ludus.compiler.syntax;

import org.antlr.v4.runtime.CommonToken;

/**
 * A token of the hand-written scanner. ANTLR's own position fields count UTF-16 units, but the
 * spec counts code points, so the exact 1-based start column and the exclusive end position
 * are kept here.
 */
final class LToken extends CommonToken {
    final int col;
    final int endLine;
    final int endCol;

    LToken(int type, String text, int line, int col, int endLine, int endCol) {
        super(type, text);
        setLine(line);
        setCharPositionInLine(col - 1);
        this.col = col;
        this.endLine = endLine;
        this.endCol = endCol;
    }

    Span span(String file) {
        return new Span(file, getLine(), col, endLine, endCol);
    }
}
