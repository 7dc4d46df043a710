package dev.ludus.compiler.syntax;

import static dev.ludus.grammar.Ludus.*;

import java.util.List;

/**
 * Decides, by lexing only, whether REPL input needs more lines before it is worth compiling
 * (the REPL then shows a continuation prompt). Input that can never become valid by adding
 * lines is "complete" so that its error is reported at once.
 *
 * <p>More input is needed when the text ends
 * <ul>
 *   <li>inside a string, or with an unclosed {@code ( [ { ${ #{};</li>
 *   <li>right after {@code =} or a {@code do} stage's {@code >} (a newline may follow them);</li>
 *   <li>with an {@code if} still waiting for its {@code then} or {@code else}, a {@code match}
 *       waiting for {@code with}, or a {@code do} that has no {@code >} stage yet (the grammar
 *       allows newlines before each of those), as long as each later line starts with what
 *       the unfinished form needs next ({@code else}, {@code with}, {@code >}).</li>
 * </ul>
 * A trailing {@code ->}, {@code then} or {@code else} does <em>not</em> ask for more:
 * spec §2.1 forbids a newline after them, so a continuation line could only produce a syntax
 * error later; reporting it now tells the user to keep the body on the same line (or to open a
 * block with {@code {}).
 */
public final class InputCompleteness {
    private InputCompleteness() {}

    /** True when {@code text} should be continued on another line before it is compiled. */
    public static boolean needsMore(String text) {
        Lexer.Result r = Lexer.scan(text);
        if (r.error() != null) return r.error().message().equals("unterminated string");
        List<LToken> tokens = r.tokens();
        int depth = 0;
        int awaitingThen = 0, awaitingElse = 0, awaitingWith = 0, doWithoutStage = 0;
        int last = -1;
        boolean lineStart = false;
        for (int i = 0; i < tokens.size(); i++) {
            int type = tokens.get(i).getType();
            if (type == EOF) continue;
            if (type == NL) {
                if (depth == 0) lineStart = true;
                continue;
            }
            boolean first = lineStart;
            lineStart = false;
            last = type;
            switch (type) {
                case LPAREN, LBRACK, LBRACE, SETOPEN, DICTOPEN -> depth++;
                case RPAREN, RBRACK, RBRACE -> {
                    if (--depth < 0) return false; // an unmatched closer: report it now
                }
                default -> { }
            }
            if (depth != 0) continue;
            // A line that does not start with what an unfinished form needs next means that the
            // form can no longer be completed: compile now, to report the error.
            if (first && (awaitingElse > 0 && type != ELSE || awaitingWith > 0 && type != WITH
                    || doWithoutStage > 0 && type != GT)) {
                return false;
            }
            // Only forms at the top of the entry can still be completed by later lines: an
            // unfinished form inside brackets that are already closed is a syntax error anyway.
            switch (type) {
                case IF -> awaitingThen++;
                case THEN -> {
                    if (awaitingThen > 0) {
                        awaitingThen--;
                        awaitingElse++;
                    }
                }
                // a guard `(x) if cond -> ...` has no then/else
                case ARROW -> awaitingThen = Math.max(0, awaitingThen - 1);
                case ELSE -> {
                    boolean pattern = i + 1 < tokens.size() && tokens.get(i + 1).getType() == ARROW;
                    if (!pattern && awaitingElse > 0) awaitingElse--;
                }
                case MATCH -> awaitingWith++;
                case WITH -> awaitingWith = Math.max(0, awaitingWith - 1);
                case DO -> doWithoutStage++;
                case GT -> doWithoutStage = Math.max(0, doWithoutStage - 1);
                default -> { }
            }
        }
        if (depth > 0) return true;
        if (last == EQ || last == GT) return true; // a newline may follow `>` in do (§15)
        if (last == ARROW || last == THEN || last == ELSE) return false; // §2.1: no newline may follow
        return awaitingThen > 0 || awaitingElse > 0 || awaitingWith > 0 || doWithoutStage > 0;
    }
}
