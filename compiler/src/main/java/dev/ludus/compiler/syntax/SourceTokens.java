package dev.ludus.compiler.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * The real scanner's tokens, for tools that work on the text rather than the tree (the
 * formatter, editors): every token with its exact position, plus the comments the parser never
 * sees. Token types are those of {@code dev.ludus.grammar.Ludus}; comments have type
 * {@link #COMMENT}.
 */
public final class SourceTokens {
    private SourceTokens() {}

    /** The type of a comment token (no grammar token has it). */
    public static final int COMMENT = org.antlr.v4.runtime.Token.INVALID_TYPE;

    /** One token: 1-based line/column (code points), exclusive end; text exactly as written. */
    public record Tok(int type, String text, int line, int col, int endLine, int endCol) {
        public boolean isComment() { return type == COMMENT; }
    }

    /**
     * The scan of a text: tokens without the final EOF (and without LEXERROR), comments, and the
     * first lexical error's message and position if there was one (the tokens then stop there).
     */
    public record Scan(List<Tok> tokens, List<Tok> comments, String error, int errorLine, int errorCol) {
        /** Tokens and comments in source order. */
        public List<Tok> all() {
            List<Tok> out = new ArrayList<>(tokens.size() + comments.size());
            int c = 0;
            for (Tok t : tokens) {
                while (c < comments.size() && before(comments.get(c), t)) out.add(comments.get(c++));
                out.add(t);
            }
            while (c < comments.size()) out.add(comments.get(c++));
            return out;
        }

        private static boolean before(Tok a, Tok b) {
            return a.line() < b.line() || (a.line() == b.line() && a.col() < b.col());
        }
    }

    public static Scan scan(String text) {
        Lexer.Result r = Lexer.scan(text);
        List<Tok> tokens = new ArrayList<>(r.tokens().size());
        for (LToken t : r.tokens()) {
            int type = t.getType();
            if (type == org.antlr.v4.runtime.Token.EOF || type == dev.ludus.grammar.Ludus.LEXERROR) continue;
            tokens.add(tok(t));
        }
        List<Tok> comments = new ArrayList<>(r.comments().size());
        for (LToken t : r.comments()) comments.add(tok(t));
        LexError e = r.error();
        return new Scan(tokens, comments, e == null ? null : e.message(), e == null ? 0 : e.line(), e == null ? 0 : e.col());
    }

    private static Tok tok(LToken t) {
        return new Tok(t.getType(), t.getText(), t.getLine(), t.col, t.endLine, t.endCol);
    }
}
