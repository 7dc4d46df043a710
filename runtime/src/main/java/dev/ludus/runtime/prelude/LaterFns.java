package dev.ludus.runtime.prelude;

import dev.ludus.runtime.Values;
import dev.ludus.runtime.collection.LList;
import dev.ludus.runtime.collection.LSet;
import dev.ludus.runtime.value.Boxes;
import dev.ludus.runtime.value.LFn;
import dev.ludus.runtime.value.Nil;
import dev.ludus.runtime.value.Tuple;

/** Prelude §13: the names later Ludus (2024–25) added, so that programs written for it run here. */
final class LaterFns {
    private LaterFns() {}

    /** The names this file defines (see {@link CollFns.Names}). */
    static final class Names {
        static final String[] LIST = {"contains?", "to_number", "pow", "foldr", "int?"};
    }

    static Object make(String name) {
        return switch (name) {
            case "contains?" -> new Fn("contains?", "Returns true if a set, list or tuple has a member equal to the value.",
                    "(x, s as :set)", "(x, xs as :list)", "(x, t as :tuple)") {
                @Override public Object call2(Object x, Object c) {
                    if (c instanceof LSet s) return s.contains(x);
                    if (c instanceof LList l) return in(l, x);
                    if (c instanceof Tuple t) return in(t, x);
                    throw noMatch(x, c);
                }
            };
            case "to_number" -> new Fn("to_number", "Returns the number a string spells (after trimming white space), or nil; a number is returned as it is.",
                    "(n as :number)", "(s as :string)") {
                @Override public Object call1(Object x) {
                    if (x instanceof Double) return x;
                    if (x instanceof String s) return toNumber(s);
                    throw noMatch(x);
                }
            };
            case "pow" -> new Fn("pow", "Returns x to the power y.", "(x as :number, y as :number)") {
                @Override public Object call2(Object x, Object y) {
                    if (x instanceof Double a && y instanceof Double b) return Boxes.of(StrictMath.pow(a, b));
                    throw noMatch(x, y);
                }
            };
            case "foldr" -> new Fn("foldr", "Combines the elements of a list from the right with a two-argument function (element, accumulator), starting from init (default: the function called with no arguments).",
                    "(f as :fn, xs as :list)", "(f as :fn, xs as :list, init)") {
                @Override public Object call2(Object f, Object xs) {
                    if (f instanceof LFn fn && xs instanceof LList) return call3(f, xs, fn.call0());
                    throw noMatch(f, xs);
                }
                @Override public Object call3(Object f, Object xs, Object init) {
                    if (f instanceof LFn fn && xs instanceof LList l) {
                        Object acc = init;
                        for (int i = l.size() - 1; i >= 0; i--) acc = fn.call2(l.get(i), acc);
                        return acc;
                    }
                    throw noMatch(f, xs, init);
                }
            };
            case "int?" -> new Fn("int?", "Returns true if the value is a finite number with no fractional part.", "(x)") {
                @Override public Object call1(Object x) {
                    return x instanceof Double d && Double.isFinite(d) && d == Math.floor(d);
                }
            };
            default -> null;
        };
    }

    private static boolean in(Tuple t, Object x) {
        for (int i = 0, n = t.size(); i < n; i++) if (Values.eq(t.get(i), x)) return true;
        return false;
    }

    private static boolean in(Iterable<Object> xs, Object x) {
        for (Object e : xs) if (Values.eq(e, x)) return true;
        return false;
    }

    /**
     * §13 to_number: after trimming, an optional sign, then digits with single `_` separators
     * and an optional fraction ({@code 1.}, {@code .5}, {@code 1_000.25}), then an optional
     * exponent ({@code e}/{@code E}, optional sign, digits); anything else is nil. A scan, not
     * a regex: java.util.regex made a call ~130 ns (strings built and read back in a loop).
     */
    static Object toNumber(String s) {
        String t = s.strip();
        int n = t.length(), i = 0;
        if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) i++;
        int end = digitGroup(t, i);
        boolean whole = end > i;
        i = end;
        if (i < n && t.charAt(i) == '.') {
            end = digitGroup(t, i + 1);
            if (end == i + 1 && !whole) return Nil.NIL; // "." or "-." or ".e5"
            i = end;
        } else if (!whole) {
            return Nil.NIL;
        }
        if (i < n && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < n && (t.charAt(j) == '+' || t.charAt(j) == '-')) j++;
            int k = j;
            while (k < n && isDigit(t.charAt(k))) k++;
            if (k == j) return Nil.NIL;
            i = k;
        }
        if (i != n) return Nil.NIL;
        return Boxes.of(Double.parseDouble(t.indexOf('_') < 0 ? t : t.replace("_", "")));
    }

    /** The end of the digits from i, each after the first maybe preceded by one `_`; i if none. */
    private static int digitGroup(String t, int i) {
        int n = t.length();
        if (i >= n || !isDigit(t.charAt(i))) return i;
        int j = i + 1;
        while (j < n) {
            if (isDigit(t.charAt(j))) j++;
            else if (t.charAt(j) == '_' && j + 1 < n && isDigit(t.charAt(j + 1))) j += 2;
            else break;
        }
        return j;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
