package dev.ludus.runtime.diag;

import java.util.List;
import java.util.TreeSet;

/**
 * The argument counts a function's clauses accept, for the "no match" hint
 * ("pair has clauses for 2 arguments, you gave 3"). Compiled functions carry an exact spec
 * made by the compiler ({@link #spec}); prelude builtins are read from their clause patterns.
 *
 * @param fixed counts accepted by clauses without a splat
 * @param splatMin the smallest count a clause with a splat accepts (-1: none has a splat)
 */
public record Arities(TreeSet<Integer> fixed, int splatMin) {
    /** Whether a clause takes {@code n} arguments. */
    public boolean accepts(int n) {
        return fixed.contains(n) || (splatMin >= 0 && n >= splatMin);
    }

    public boolean isEmpty() { return fixed.isEmpty() && splatMin < 0; }

    /** The compact spec the compiler embeds: counts joined by ',', a splat clause as {@code N+} ("1,2", "0+"). */
    public static String spec(List<Integer> fixedCounts, List<Integer> splatCounts) {
        TreeSet<Integer> f = new TreeSet<>(fixedCounts);
        int min = -1; // a loop, not a stream: the compiler calls this at start-up (see LudusCompiler.PARSER)
        for (int n : splatCounts) if (min < 0 || n < min) min = n;
        StringBuilder b = new StringBuilder();
        for (int n : f) {
            if (min >= 0 && n >= min) continue;
            if (b.length() > 0) b.append(',');
            b.append(n);
        }
        if (min >= 0) b.append(b.length() > 0 ? "," : "").append(min).append('+');
        return b.toString();
    }

    /** Reads a {@link #spec}; null or malformed gives null. */
    public static Arities parse(String spec) {
        if (spec == null) return null;
        TreeSet<Integer> f = new TreeSet<>();
        int min = -1;
        try {
            for (String part : spec.split(",")) {
                if (part.isEmpty()) continue;
                if (part.endsWith("+")) min = Integer.parseInt(part.substring(0, part.length() - 1));
                else f.add(Integer.parseInt(part));
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return new Arities(f, min);
    }

    /**
     * From clause patterns in pattern syntax ("(x, y)", "(x, ...xs)", "()"): the top-level items
     * of each tuple pattern. Strings in patterns are skipped over; a pattern that is not a tuple
     * makes the result unknown (null).
     */
    public static Arities fromPatterns(List<String> patterns) {
        if (patterns == null || patterns.isEmpty()) return null;
        TreeSet<Integer> f = new TreeSet<>();
        int min = -1;
        for (String p : patterns) {
            String s = p.trim();
            if (s.length() < 2 || s.charAt(0) != '(' || s.charAt(s.length() - 1) != ')') return null;
            String inner = s.substring(1, s.length() - 1).trim();
            if (inner.isEmpty()) {
                f.add(0);
                continue;
            }
            int items = 1, depth = 0;
            boolean inString = false, lastIsSplat = inner.startsWith("...");
            for (int i = 0; i < inner.length(); i++) {
                char c = inner.charAt(i);
                if (inString) {
                    if (c == '\\') i++;
                    else if (c == '"') inString = false;
                } else if (c == '"') {
                    inString = true;
                } else if (c == '(' || c == '[' || c == '{') {
                    depth++;
                } else if (c == ')' || c == ']' || c == '}') {
                    depth--;
                } else if (c == ',' && depth == 0) {
                    items++;
                    lastIsSplat = inner.startsWith("...", skipSpaces(inner, i + 1));
                }
            }
            if (lastIsSplat) {
                int need = items - 1;
                min = min < 0 ? need : Math.min(min, need);
            } else {
                f.add(items);
            }
        }
        return new Arities(f, min);
    }

    private static int skipSpaces(String s, int i) {
        while (i < s.length() && s.charAt(i) == ' ') i++;
        return i;
    }

    /** "2 arguments", "1 or 2 arguments", "0, 1 or 3 arguments", "2 or more arguments", "1, or 3 or more arguments". */
    public String describe() {
        StringBuilder b = new StringBuilder();
        // counts a splat clause covers anyway are not worth saying
        List<Integer> counts = fixed.stream().filter(n -> splatMin < 0 || n < splatMin).toList();
        for (int i = 0; i < counts.size(); i++) {
            if (i > 0) b.append(i == counts.size() - 1 && splatMin < 0 ? " or " : ", ");
            b.append(counts.get(i));
        }
        if (splatMin >= 0) {
            if (!counts.isEmpty()) b.append(counts.size() > 1 ? ", or " : ", or ");
            b.append(splatMin).append(" or more");
        }
        boolean one = splatMin < 0 && counts.size() == 1 && counts.get(0) == 1;
        return b + (one ? " argument" : " arguments");
    }
}
