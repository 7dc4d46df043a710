package dev.ludus.compiler.format;

import static dev.ludus.grammar.Ludus.*;

import dev.ludus.compiler.syntax.SourceTokens.Tok;
import java.util.ArrayList;
import java.util.List;

/**
 * Breaks the first line longer than {@link Formatter#WIDTH} columns: its outermost collection or
 * argument list of two or more items (closed on that line) gets one item per line. Only
 * brackets whose grammar takes a line break as a separator are broken: ( [ ${ #{, never a
 * block's {.
 */
final class LineBreaker {
    private LineBreaker() {}

    /** The stream with line breaks added to one long line, or null when no line can be broken. */
    static List<Tok> breakLongLine(List<Tok> stream, String rendered) {
        for (Layout.Line line : Layout.lines(stream)) {
            if (line.hasMultilineToken() || width(line.text()) <= Formatter.WIDTH) continue;
            List<Integer> at = breakPoints(stream, line.from(), line.to());
            if (at == null) continue;
            List<Tok> out = new ArrayList<>(stream.size() + at.size());
            int next = 0;
            for (int k = 0; k < stream.size(); k++) {
                while (next < at.size() && at.get(next) == k) {
                    out.add(Formatter.BREAK);
                    next++;
                }
                out.add(stream.get(k));
            }
            return out;
        }
        return null;
    }

    private static int width(String text) {
        return text.codePointCount(0, text.length());
    }

    /** Stream indexes before which a line break goes, or null if the line has no breakable list. */
    private static List<Integer> breakPoints(List<Tok> stream, int from, int to) {
        int bestDepth = Integer.MAX_VALUE;
        List<Integer> best = null;
        int depth = 0;
        for (int k = from; k < to; k++) {
            int type = stream.get(k).type();
            if (Layout.isCloser(type)) depth--;
            if (Layout.isOpener(type)) {
                if (type != LBRACE && depth < bestDepth) {
                    List<Integer> points = isLong(stream, k, to) ? items(stream, k, to) : null;
                    if (points != null) {
                        bestDepth = depth;
                        best = points;
                    }
                }
                depth++;
            }
        }
        return best;
    }

    /** A list is long when it takes at least half the width by itself (short ones stay whole in a long line). */
    private static boolean isLong(List<Tok> stream, int open, int to) {
        int depth = 0, width = 0;
        for (int k = open; k < to; k++) {
            Tok t = stream.get(k);
            width += t.text().codePointCount(0, t.text().length()) + 1;
            if (Layout.isOpener(t.type())) depth++;
            if (Layout.isCloser(t.type()) && --depth == 0) return width >= Formatter.WIDTH / 2;
        }
        return false;
    }

    /** Break points for the list opened at {@code open}: after the opener, after each comma, before the closer. */
    private static List<Integer> items(List<Tok> stream, int open, int to) {
        List<Integer> points = new ArrayList<>();
        points.add(open + 1);
        int depth = 0;
        int items = 0;
        boolean inItem = false;
        for (int k = open + 1; k < to; k++) {
            Tok t = stream.get(k);
            int type = t.type();
            if (depth == 0 && Layout.isCloser(type)) {
                if (items < 2 || points.get(points.size() - 1) == k) return null;
                points.add(k);
                return points;
            }
            if (Layout.isOpener(type)) depth++;
            if (Layout.isCloser(type)) depth--;
            if (depth == 0 && type == COMMA) {
                inItem = false;
                if (k + 1 < to && !Layout.isCloser(stream.get(k + 1).type()) && stream.get(k + 1).type() != COMMA) {
                    points.add(k + 1);
                }
            } else if (!inItem && !t.isComment()) {
                inItem = true;
                items++;
            }
        }
        return null; // not closed on this line
    }
}
