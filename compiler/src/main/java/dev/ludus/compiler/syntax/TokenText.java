package dev.ludus.compiler.syntax;

import static dev.ludus.grammar.Ludus.*;

import java.util.Map;

/** How fixed tokens are written in the source, for messages. */
final class TokenText {
    private TokenText() {}

    private static final Map<Integer, String> PUNCT = Map.ofEntries(
        Map.entry(SEMI, ";"), Map.entry(COMMA, ","), Map.entry(LPAREN, "("), Map.entry(RPAREN, ")"),
        Map.entry(LBRACK, "["), Map.entry(RBRACK, "]"), Map.entry(LBRACE, "{"), Map.entry(RBRACE, "}"),
        Map.entry(SETOPEN, "${"), Map.entry(DICTOPEN, "#{"), Map.entry(EQ, "="), Map.entry(ARROW, "->"),
        Map.entry(GT, ">"), Map.entry(ELLIPSIS, "..."), Map.entry(PLACEHOLDER, "_"), Map.entry(PANIC, "panic!"));

    static String of(int type) {
        String p = PUNCT.get(type);
        if (p != null) return p;
        for (var e : Lexer.RESERVED.entrySet()) {
            if (e.getValue() == type) return e.getKey();
        }
        return VOCABULARY.getSymbolicName(type);
    }
}
