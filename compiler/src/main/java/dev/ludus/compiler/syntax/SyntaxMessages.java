package dev.ludus.compiler.syntax;

import static dev.ludus.grammar.Ludus.*;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * The texts of spec §11 syntax errors. The parser gives us the offending token and the set of
 * token types that could have come instead (exact, computed with the full rule context); from
 * that set we tell which situation we are in, the way a hand-written parser would phrase it.
 */
final class SyntaxMessages {
    private SyntaxMessages() {}

    static final String BINDING_FORM = "a binding form (let/fn/ref) can't be used here";
    static final String NAMED_FN = "a named fn can't be used here; use a lambda (fn (...) -> ...)";

    /** `<token>` of "found <token>". */
    static String describeFound(Token t) {
        return switch (t.getType()) {
            case WORD, PANIC -> "word '" + t.getText() + "'";
            case KEYWORD -> "keyword '" + t.getText() + "'";
            case NUMBER -> "number " + t.getText();
            case STRING -> "a string";
            case NL -> "newline";
            case Token.EOF -> "end of input";
            default -> "'" + t.getText() + "'";
        };
    }

    /**
     * The message for an error at {@code found}, given the expected token types and the token
     * before it (null at the start of the file).
     */
    static String message(Token found, IntervalSet expected, Token previous) {
        int type = found.getType();
        // The two special messages take precedence (§11).
        if ((type == LET || type == REF || type == BOX) && expectsExpression(expected) && !expected.contains(REF)) {
            return BINDING_FORM;
        }
        if (type == WORD && previous != null && previous.getType() == FN) {
            return NAMED_FN;
        }
        return "expected " + what(expected) + ", found " + describeFound(found);
    }

    /** A non-binding expression may start here (patterns also start with literals, but with IGNORED). */
    static boolean expectsExpression(IntervalSet e) {
        return e.contains(NIL) && !e.contains(IGNORED);
    }

    /** `<what>` of "expected <what>". */
    static String what(IntervalSet e) {
        if (expectsExpression(e)) return "an expression";
        if (e.contains(NIL) && e.contains(IGNORED)) return "a pattern";
        // An expression is complete in a script, block or clause list (those accept ';').
        if (e.contains(SEMI) && (e.contains(RBRACE) || e.contains(Token.EOF))) return "a newline or ';'";
        // A member is complete inside brackets.
        if (e.contains(COMMA)) {
            String closer = e.contains(RPAREN) ? "')'" : e.contains(RBRACK) ? "']'" : e.contains(RBRACE) ? "'}'" : null;
            if (closer != null && !(e.contains(KEYWORD) && e.contains(WORD) && e.contains(RBRACE) && !e.contains(LPAREN))) {
                return "',' or " + closer;
            }
        }
        // One required token after optional ones (a synthetic's terms, a guard, NL*).
        for (int required : new int[] {THEN, ELSE, WITH, ARROW, GT, EQ}) {
            if (e.contains(required)) return describeExpected(required);
        }
        // Several possibilities: kinds of token first ("a name"), then fixed tokens ("'('").
        List<String> items = new ArrayList<>();
        List<String> fixed = new ArrayList<>();
        for (int t : e.toList()) {
            if (t == NL || t == SEMI || t == COMMA) continue;
            String d = describeExpected(t);
            (d.startsWith("'") ? fixed : items).add(d);
        }
        items.addAll(fixed);
        if (items.isEmpty()) return "a newline or ';'";
        if (items.size() == 1) return items.get(0);
        return String.join(", ", items.subList(0, items.size() - 1)) + " or " + items.get(items.size() - 1);
    }

    static String describeExpected(int type) {
        return switch (type) {
            case WORD -> "a name";
            case KEYWORD -> "a keyword";
            case NUMBER -> "a number";
            case STRING -> "a string";
            case IGNORED -> "an ignored name";
            case NL -> "a newline";
            case Token.EOF -> "end of input";
            default -> "'" + TokenText.of(type) + "'";
        };
    }
}
