package dev.ludus.compiler.syntax;

import static dev.ludus.grammar.Ludus.*;

import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * One-line hints for lexical and syntax errors (stderr only; the §11 messages stay the spec's):
 * the usual reasons a programmer writes what the parser cannot take, and how to say it in Ludus.
 */
final class SyntaxHints {
    private SyntaxHints() {}

    /** The hint for a syntax error at {@code found} (see {@link SyntaxMessages#message}), or null. */
    static String syntax(Token found, IntervalSet expected, Token previous, String message) {
        int type = found.getType();
        if (type == NL && previous != null) {
            String word = switch (previous.getType()) {
                case ARROW -> "->";
                case THEN -> "then";
                case ELSE -> "else";
                case GT -> ">";
                default -> null;
            };
            if (word != null) {
                return "Ludus allows no line break right after `" + word + "`: start what follows on the same line"
                        + (previous.getType() == ARROW ? " (for a longer body: `-> {`, then the lines, then `}`)" : "");
            }
        }
        if (message.equals(SyntaxMessages.BINDING_FORM)) {
            return "bind the value on a line of its own first (`let x = ...`), then use the name here";
        }
        if (message.equals(SyntaxMessages.NAMED_FN)) return null; // the message says what to do
        if (expected.contains(ELSE)) return "an `if` needs both branches: `if condition then a else b`";
        if (expected.contains(THEN)) {
            return type == EQ ? "to compare two values, use `eq? (a, b)`" : "write `if condition then a else b`";
        }
        if (expected.contains(WITH)) return "write `match value with { pattern -> result }`";
        if (expected.contains(ARROW)) return "each clause is written `pattern -> expression`";
        if (type == Token.EOF) return "the file ends before this form is complete: is a `(`, `[` or `{` left open?";
        if (type == EQ) return "Ludus has no assignment: bind a new name with `let name = value` (names can't be rebound)";
        String what = SyntaxMessages.what(expected);
        if (what.equals("a newline or ';'")) {
            if (previous != null && previous.getType() == WORD && startsValue(type)) {
                return "to call a function, put its arguments in parentheses: " + "`" + previous.getText() + " (...)`";
            }
            return "put each expression on a line of its own, or separate them with `;`";
        }
        if (what.startsWith("',' or ") && startsValue(type)) return "separate the items with commas";
        return null;
    }

    private static boolean startsValue(int type) {
        return type == WORD || type == NUMBER || type == STRING || type == KEYWORD || type == NIL
                || type == TRUE || type == FALSE;
    }

    /** The hint for a lexical error (spec §11 messages), or null. */
    static String lexical(String message) {
        String prefix = "unexpected character '";
        if (message.startsWith(prefix) && message.length() > prefix.length()) {
            return unexpected(message.substring(prefix.length(), message.length() - 1));
        }
        if (message.startsWith("'-' must be followed")) {
            return "to subtract, use `sub (a, b)`; names can't contain `-` (use `_`, as in `my_name`)";
        }
        if (message.equals("unterminated string")) return "the string that starts here has no closing `\"`";
        if (message.equals("expected a digit after '.'")) {
            return "write numbers with digits on both sides of the point: `1.0`, `0.5`";
        }
        if (message.startsWith("a keyword needs a letter")) return "a keyword is `:` followed by a name, as in `:ok`";
        return null;
    }

    private static String unexpected(String c) {
        return switch (c) {
            case "+" -> "Ludus has no operators: to add, use `add (a, b)`";
            case "*" -> "Ludus has no operators: to multiply, use `mult (a, b)`";
            case "/" -> "Ludus has no operators: to divide, use `div (a, b)`";
            case "%" -> "Ludus has no operators: for the remainder, use `mod (a, b)`";
            case "^" -> "Ludus has no operators: for powers, use `pow (a, b)`";
            case "<" -> "Ludus has no operators: to compare, use `lt? (a, b)` or `lte? (a, b)`";
            case "!" -> "to negate, use `not (x)`; `!` may only end a name, as in `print!`";
            case "." -> "Ludus has no `.` access: for a dict's or ns's member write `value :key`";
            case "'" -> "strings are written in double quotes: `\"...\"`";
            case "@" -> "struct literals `@{...}` are not supported; use a dict `#{...}`";
            case "#" -> "a dict is written `#{:key value, ...}`";
            case "$" -> "a set is written `${a, b, ...}`";
            default -> null;
        };
    }
}
