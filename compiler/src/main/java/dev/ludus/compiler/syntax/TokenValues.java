package dev.ludus.compiler.syntax;

import dev.ludus.grammar.Ludus;
import org.antlr.v4.runtime.Token;

/**
 * The values of single tokens (literals, keyword names, docstrings), for both parsers: FastParser
 * and the parse tree's AstBuilder. A class of its own so that FastParser, which parses every
 * program without syntax errors, does not load AstBuilder and with it the parse tree's ~50
 * classes, ANTLR's and the grammar's (start-up of every compile).
 */
final class TokenValues {
    private final String file;

    TokenValues(String file) {
        this.file = file;
    }

    private Span span(Token t) {
        return ((LToken) t).span(file);
    }

    /** A literal token: nil, true, false, a number or a string. */
    Ast.Expr literal(Token t) {
        Span s = span(t);
        return switch (t.getType()) {
            case Ludus.NIL -> new Ast.Nil(s);
            case Ludus.TRUE -> new Ast.Bool(s, true);
            case Ludus.FALSE -> new Ast.Bool(s, false);
            case Ludus.NUMBER -> number(t);
            case Ludus.STRING -> StringLiterals.decode((LToken) t, file);
            case Ludus.KEYWORD -> new Ast.Kw(s, keywordName(t));
            default -> throw new IllegalStateException("not a literal: " + t);
        };
    }

    Ast.Num number(Token t) {
        String text = t.getText();
        return new Ast.Num(span(t), Double.parseDouble(text.replace("_", "")), text);
    }

    /** Keyword names are kept without the leading ':'. */
    static String keywordName(Token t) {
        return t.getText().substring(1);
    }

    /** A fn's docstring: text; an interpolation inside it is not evaluated. */
    String docstring(Token t) {
        Ast.Expr d = StringLiterals.decode((LToken) t, file);
        String doc = d instanceof Ast.Str s ? s.value() : t.getText();
        if (d instanceof Ast.InterpStr) doc = rawDoc(t.getText());
        return doc;
    }

    /** The text of an import path or a test name: as written if it has {word} in it (see rawDoc). */
    String stringText(Token t) {
        Ast.Expr decoded = StringLiterals.decode((LToken) t, file);
        return decoded instanceof Ast.Str s ? s.value() : rawDoc(t.getText());
    }

    /** A docstring with {word} in it is kept as written (escapes processed, braces kept). */
    private static String rawDoc(String tokenText) {
        StringBuilder out = new StringBuilder();
        int[] cp = Lexer.codePoints(tokenText); // not a stream: start-up (see Lexer.codePoints)
        for (int i = 1; i < cp.length - 1; i++) {
            int c = cp[i];
            if (c == '\\' && i + 1 < cp.length - 1) {
                int e = cp[++i];
                out.append(e == 'n' ? "\n" : e == 't' ? "\t" : e == 'r' ? "\r" : Character.toString(e));
            } else {
                out.appendCodePoint(c);
            }
        }
        return out.toString();
    }

    /**
     * A literal in a pattern. A string pattern is matched by its text (spec §5): there is nothing
     * to interpolate into, so {@code {word}} stays literal text (as in the reference, which had no
     * interpolation), like a docstring.
     */
    Ast.Expr patternLiteral(Token t) {
        Ast.Expr lit = literal(t);
        if (!(lit instanceof Ast.InterpStr is)) return lit;
        StringBuilder text = new StringBuilder(is.texts().get(0));
        for (int i = 0; i < is.names().size(); i++) {
            text.append('{').append(is.names().get(i).name()).append('}').append(is.texts().get(i + 1));
        }
        return new Ast.Str(is.span(), text.toString());
    }
}
