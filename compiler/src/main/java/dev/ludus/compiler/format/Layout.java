package dev.ludus.compiler.format;

import static dev.ludus.grammar.Ludus.*;

import dev.ludus.compiler.syntax.SourceTokens.Tok;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Lays out a token stream (tokens, comments and line breaks in source order): one output line
 * per run of tokens between line breaks, indented by the brackets still open and by
 * continuation keywords, with canonical spaces between tokens and normalised blank lines.
 */
final class Layout {
    private Layout() {}

    static final int INDENT = 2;

    /** One non-blank line: stream[from, to) holds its tokens; text is the rendered line. */
    record Line(int from, int to, String text, boolean hasMultilineToken,
                boolean topLevelStatement, boolean commentOnly, int firstType, boolean blankBefore) {}

    private record Open(int type, int lineIndent) {}

    /** An if-expression still waiting for its else: the indent of its line, and the bracket depth it is at. */
    private record PendingIf(int lineIndent, int depth) {}

    /** An `if` after these starts an if-expression; after anything else (a pattern) it is a guard. */
    private static boolean startsIfExpression(Tok prev) {
        if (prev == null) return true;
        return switch (prev.type()) {
            case EQ, ARROW, LPAREN, COMMA, THEN, ELSE, LBRACK, LBRACE, SEMI, GT, DO, SETOPEN, DICTOPEN, PANIC -> true;
            default -> false;
        };
    }

    static String render(List<Tok> stream) {
        return render(stream, "\n");
    }

    /** The laid-out text, each line ended by {@code newline}. */
    static String render(List<Tok> stream, String newline) {
        List<Line> lines = lines(stream);
        StringBuilder out = new StringBuilder();
        boolean[] blank = blankLines(lines);
        for (int i = 0; i < lines.size(); i++) {
            if (blank[i]) out.append(newline);
            out.append(lines.get(i).text()).append(newline);
        }
        return out.toString();
    }

    static List<Line> lines(List<Tok> stream) {
        List<Line> out = new ArrayList<>();
        Deque<Open> stack = new ArrayDeque<>();
        Deque<PendingIf> pendingIfs = new ArrayDeque<>();
        int i = 0, n = stream.size();
        boolean pendingBlank = false;
        int breaks = 0;
        Tok prevLast = null; // last non-comment token of the previous non-blank line
        while (i < n) {
            if (stream.get(i).type() == NL) {
                breaks++;
                if (breaks >= 2) pendingBlank = true;
                i++;
                continue;
            }
            int from = i;
            while (i < n && stream.get(i).type() != NL) i++;
            int to = i;
            breaks = 0;

            boolean topBefore = stack.isEmpty();
            Tok first = stream.get(from);
            int indent = -1;
            boolean cont = continuation(stream, from, to, prevLast);
            // then/else lines line up under the `if` they continue, nested ifs one step further
            while (!pendingIfs.isEmpty() && pendingIfs.peek().depth() > stack.size()) pendingIfs.pop();
            int ifIndent = cont && (first.type() == THEN || first.type() == ELSE) && !pendingIfs.isEmpty()
                    && pendingIfs.peek().depth() == stack.size() ? pendingIfs.peek().lineIndent() + INDENT : -1;
            StringBuilder text = new StringBuilder();
            boolean multi = false;
            Tok prev = null;
            for (int k = from; k < to; k++) {
                Tok t = stream.get(k);
                Open closed = null;
                if (isCloser(t.type())) {
                    closed = stack.isEmpty() ? null : stack.pop();
                    if (prev == null && indent < 0) indent = closed == null ? 0 : closed.lineIndent();
                }
                if (indent < 0 && ifIndent >= 0) indent = ifIndent;
                if (indent < 0) indent = (stack.isEmpty() ? 0 : stack.peek().lineIndent() + INDENT) + (cont ? INDENT : 0);
                if (prev == null) text.append(" ".repeat(indent));
                else text.append(space(prev, t, closed));
                text.append(t.isComment() ? t.text().stripTrailing() : t.text());
                if (t.line() != t.endLine()) multi = true;
                if (isOpener(t.type())) stack.push(new Open(t.type(), indent));
                if (t.type() == IF && startsIfExpression(prev)) pendingIfs.push(new PendingIf(indent, stack.size()));
                if (t.type() == ELSE && !(k + 1 < to && stream.get(k + 1).type() == ARROW)) {
                    while (!pendingIfs.isEmpty() && pendingIfs.peek().depth() > stack.size()) pendingIfs.pop();
                    if (!pendingIfs.isEmpty() && pendingIfs.peek().depth() == stack.size()) pendingIfs.pop();
                }
                prev = t;
                if (!t.isComment()) prevLast = t;
            }
            boolean commentOnly = first.isComment();
            boolean statement = topBefore && !cont && !isCloser(first.type()) && !commentOnly;
            out.add(new Line(from, to, text.toString(), multi, statement, commentOnly && topBefore && !cont,
                    first.type(), pendingBlank));
            pendingBlank = false;
        }
        return out;
    }

    /**
     * Which lines get a blank line before them: the author's blank lines (at most one), except at
     * the start, after an opening bracket and before a closing one; and exactly one between
     * top-level functions (before any comment lines directly above the second).
     */
    private static boolean[] blankLines(List<Line> lines) {
        int n = lines.size();
        boolean[] blank = new boolean[n];
        for (int i = 1; i < n; i++) {
            Line l = lines.get(i);
            blank[i] = l.blankBefore() && !isCloser(l.firstType()) && !endsWithOpener(lines.get(i - 1));
        }
        // group starts: a top-level statement, preceded by the comment lines directly above it
        List<Integer> starts = new ArrayList<>();
        List<Integer> stmts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!lines.get(i).topLevelStatement()) continue;
            int g = i;
            while (g > 0 && lines.get(g - 1).commentOnly() && !lines.get(g).blankBefore()) g--;
            if (!starts.isEmpty() && g <= starts.get(starts.size() - 1)) g = i;
            starts.add(g);
            stmts.add(i);
        }
        for (int s = 1; s < starts.size(); s++) {
            Line prev = lines.get(stmts.get(s - 1)), cur = lines.get(stmts.get(s));
            boolean prevFn = prev.firstType() == FN, curFn = cur.firstType() == FN;
            boolean prevMulti = starts.get(s) - stmts.get(s - 1) > 1;
            int curEnd = s + 1 < starts.size() ? starts.get(s + 1) : n;
            boolean curMulti = curEnd - stmts.get(s) > 1;
            if ((prevFn && curFn) || (prevFn && prevMulti) || (curFn && curMulti)) blank[starts.get(s)] = true;
        }
        if (n > 0) blank[0] = false;
        return blank;
    }

    private static boolean endsWithOpener(Line l) {
        String t = l.text().stripTrailing();
        return t.endsWith("(") || t.endsWith("[") || t.endsWith("{");
    }

    /**
     * A line that continues the expression of the line above: it starts with then, else (not a
     * clause's `else ->`), with or `>`, or the line above ended with `=` or `if`.
     */
    private static boolean continuation(List<Tok> stream, int from, int to, Tok prevLast) {
        int type = stream.get(from).type();
        if (type == THEN || type == WITH || type == GT) return true;
        if (type == ELSE) return !(from + 1 < to && stream.get(from + 1).type() == ARROW);
        return prevLast != null && (prevLast.type() == EQ || prevLast.type() == IF);
    }

    static boolean isOpener(int type) {
        return type == LPAREN || type == LBRACK || type == LBRACE || type == SETOPEN || type == DICTOPEN;
    }

    static boolean isCloser(int type) {
        return type == RPAREN || type == RBRACK || type == RBRACE;
    }

    /** The blank between two tokens on one line. */
    private static String space(Tok prev, Tok cur, Open closedByCur) {
        int p = prev.type(), c = cur.type();
        if (cur.isComment()) return " ";
        if (p == LPAREN || p == LBRACK || p == SETOPEN || p == DICTOPEN) return "";
        if (c == RPAREN || c == RBRACK || c == COMMA || c == SEMI) return "";
        if (p == COMMA && c == COMMA) return "";
        if (c == RBRACE) return closedByCur != null && closedByCur.type() != LBRACE ? "" : " ";
        if (p == ELLIPSIS) return "";
        return " ";
    }
}
