package dev.ludus.runtime.prelude;


import static dev.ludus.runtime.prelude.Arith.noMatch;

import dev.ludus.runtime.collection.LList;
import dev.ludus.runtime.collection.LSet;
import dev.ludus.runtime.value.Nil;
import dev.ludus.runtime.value.Tuple;
import java.util.SplittableRandom;

/** Prelude §3–§4: arithmetic, comparisons, random, range, angles and trigonometry. */
final class MathFns {
    private MathFns() {}

    // The generator is made when the first random number is asked for (from the last seed,
    // if any): most programs never ask, and making one costs start-up time.
    private static SplittableRandom rng;
    private static boolean seeded;
    private static long seed;

    static synchronized void seed(long s) {
        seed = s;
        seeded = true;
        rng = null;
    }

    static synchronized double nextDouble() {
        if (rng == null) rng = seeded ? new SplittableRandom(seed) : new SplittableRandom();
        return rng.nextDouble();
    }

    /** A uniform index in [0, n) from the seeded generator (prelude.md §13 random of a collection). */
    private static int index(int n) {
        return Math.min(n - 1, (int) (n * nextDouble()));
    }

    static Object range(Object start, Object end) {
        if (start instanceof Double s && end instanceof Double e) {
            // leaves filled here and handed over whole (see LList.Builder.addLeaf)
            LList.Builder b = LList.builder();
            double[] leaf = new double[32];   // numbers: unboxed leaves
            int k = 0;
            double stop = e;
            for (double i = Math.ceil(s); i < stop; i++) {
                if (i + 1 == i) break; // beyond 2^53 the count cannot advance
                leaf[k++] = i;
                if (k == 32) { b.addLeaf(leaf, 32); leaf = new double[32]; k = 0; }
            }
            b.addLeaf(leaf, k);
            return b.build();
        }
        throw noMatch("range", start, end);
    }

    private static Object bool(boolean b) { return b ? Boolean.TRUE : Boolean.FALSE; }

    /**
     * The names this file defines, in prelude order (aliases right after their target). A
     * class of its own so that listing the names does not initialise this one.
     */
    static final class Names {
        static final String[] LIST = {
            "add", "sub", "mult", "div", "div/0", "div/safe", "inc", "dec", "neg", "even?", "odd?", "square",
            "sum_of_squares", "dist", "sqrt", "mod", "floor", "ceil", "round", "gt?", "gte?", "lt?", "lte?",
            "random", "range", "pi", "tau", "sin", "cos", "tan", "atan/2", "rotate",
        };
    }

    private static final String[] CMP_PATTERNS = {"(x as :number)", "(x as :number, y as :number)", "(x, y, ...zs)"};
    private static final String[] TRIG_PATTERNS = {"(a as :number)", "(a as :number, :turns)", "(a as :number, :degrees)",
        "(a as :number, :radians)"};

    /** The value of one of {@link Names#LIST}: made on first use, see {@link Prelude}. */
    static Object make(String name) {
        return switch (name) {
            case "add" -> new Fn("add", "Adds numbers, or 2D vectors (x, y) component-wise.",
                    "()", "(x as :number)", "(x as :number, y as :number)", "(x, y, ...zs)", "((x1, y1), (x2, y2))") {
                @Override public Object call2(Object a, Object b) { return Arith.add(a, b); }
                @Override protected Object variadic(Object[] a) { return Arith.add(a); }
            };
            case "sub" -> new Fn("sub", "Subtracts the second and later numbers (or 2D vectors) from the first.",
                    "()", "(x as :number)", "(x as :number, y as :number)", "(x, y, ...zs)", "((x1, y1), (x2, y2))") {
                @Override public Object call2(Object a, Object b) { return Arith.sub(a, b); }
                @Override protected Object variadic(Object[] a) { return Arith.sub(a); }
            };
            case "mult" -> new Fn("mult", "Multiplies numbers, or scales a 2D vector by a number.",
                    "()", "(x as :number)", "(x as :number, y as :number)", "(x, y, ...zs)",
                    "(scalar as :number, (x, y))", "((x, y), scalar as :number)") {
                @Override public Object call2(Object a, Object b) { return Arith.mult(a, b); }
                @Override protected Object variadic(Object[] a) { return Arith.mult(a); }
            };
            case "div" -> new Fn("div", "Divides the first number by the others; panics when dividing by zero.",
                    "(x as :number)", "(_, 0)", "(x as :number, y as :number)", "(x, y, ...zs)") {
                @Override public Object call2(Object a, Object b) { return Arith.div(a, b); }
                @Override protected Object variadic(Object[] a) { return Arith.div(a); }
            };
            case "div/0" -> new Fn("div/0", "Divides the first number by the others; dividing by zero gives 0.",
                    "(x as :number)", "(_, 0)", "(x as :number, y as :number)", "(x, y, ...zs)") {
                @Override public Object call2(Object a, Object b) { return Arith.div0(a, b); }
                @Override protected Object variadic(Object[] a) { return Arith.div0(a); }
            };
            case "div/safe" -> new Fn("div/safe", "Divides the first number by the others, returning (:ok, quotient) or (:err, message) for a zero divisor.",
                    "(x as :number)", "(_, 0)", "(x, y)", "(x, y, ...zs)") {
                @Override public Object call2(Object a, Object b) { return Arith.divSafe(a, b); }
                @Override protected Object variadic(Object[] a) { return Arith.divSafe(a); }
            };
            case "inc" -> new Fn("inc", "Returns a number plus one.", "(x as :number)") {
                @Override public Object call1(Object a) { return Arith.inc(a); }
            };
            case "dec" -> new Fn("dec", "Returns a number minus one.", "(x as :number)") {
                @Override public Object call1(Object a) { return Arith.dec(a); }
            };
            case "neg" -> new Fn("neg", "Returns a number with its sign flipped.", "(n as :number)") {
                @Override public Object call1(Object a) { return Arith.neg(a); }
            };
            case "even?" -> new Fn("even?", "Returns true if the value is an even number.", "(x as :number)", "(_)") {
                @Override public Object call1(Object a) { return bool(Arith.evenQ(a)); }
            };
            case "odd?" -> new Fn("odd?", "Returns true if the value is an odd number.", "(x as :number)", "(_)") {
                @Override public Object call1(Object a) { return bool(Arith.oddQ(a)); }
            };
            // square, sum_of_squares and dist stay in Java: numeric vector code calls them in inner
            // loops (bench/vecmath), where the host versions measured clearly faster.
            case "square" -> new Fn("square", "Returns a number multiplied by itself.", "(x as :number)") {
                @Override public Object call1(Object a) { return Arith.square(a); }
            };
            case "sum_of_squares" -> new Fn("sum_of_squares", "Returns the sum of the squares of its arguments.",
                    "()", "(x as :number)", "(x as :number, y as :number)", "(x, y, ...zs)") {
                @Override protected Object variadic(Object[] a) { return Arith.sumOfSquares(a); }
            };
            case "dist" -> new Fn("dist", "Returns the distance of the point (x, y) from the origin.",
                    "(x as :number, y as :number)", "((x, y))") {
                @Override public Object call1(Object v) { return Arith.dist(v); }
                @Override public Object call2(Object x, Object y) { return Arith.dist(x, y); }
            };
            case "sqrt" -> new Fn("sqrt", "Returns the square root of a number (NaN for negative numbers).", "(x as :number)") {
                @Override public Object call1(Object a) { return Arith.sqrt(a); }
            };
            case "mod" -> new Fn("mod", "Returns the floored remainder of dividing x by y (its sign follows y); panics when y is zero.",
                    "(x as :number, y as :number)") {
                @Override public Object call2(Object a, Object b) { return Arith.mod(a, b); }
            };
            case "floor" -> new Fn("floor", "Rounds a number down to an integer.", "(n as :number)") {
                @Override public Object call1(Object a) { return Arith.floor(a); }
            };
            case "ceil" -> new Fn("ceil", "Rounds a number up to an integer.", "(n as :number)") {
                @Override public Object call1(Object a) { return Arith.ceil(a); }
            };
            case "round" -> new Fn("round", "Rounds a number to the nearest integer; halves round up.", "(n as :number)") {
                @Override public Object call1(Object a) { return Arith.round(a); }
            };
            case "gt?" -> new Fn("gt?", "Returns true if the numbers are in strictly decreasing order.", CMP_PATTERNS) {
                @Override public Object call2(Object a, Object b) { return Arith.gt(a, b); }
                @Override protected Object variadic(Object[] a) { return Arith.compareN(0, "gt?", a); }
            };
            case "gte?" -> new Fn("gte?", "Returns true if the numbers are in decreasing or equal order.", CMP_PATTERNS) {
                @Override public Object call2(Object a, Object b) { return Arith.gte(a, b); }
                @Override protected Object variadic(Object[] a) { return Arith.compareN(1, "gte?", a); }
            };
            case "lt?" -> new Fn("lt?", "Returns true if the numbers are in strictly increasing order.", CMP_PATTERNS) {
                @Override public Object call2(Object a, Object b) { return Arith.lt(a, b); }
                @Override protected Object variadic(Object[] a) { return Arith.compareN(2, "lt?", a); }
            };
            case "lte?" -> new Fn("lte?", "Returns true if the numbers are in increasing or equal order.", CMP_PATTERNS) {
                @Override public Object call2(Object a, Object b) { return Arith.lte(a, b); }
                @Override protected Object variadic(Object[] a) { return Arith.compareN(3, "lte?", a); }
            };
            case "random" -> new Fn("random", "Returns a random number: in [0, 1) with no arguments, in [0, n) with one, in [m, n) with two; or a random member of a list, tuple or set (nil if it is empty).",
                    "()", "(n as :number)", "(m as :number, n as :number)", "(xs as :list)", "(t as :tuple)", "(s as :set)") {
                @Override public Object call0() { return nextDouble(); }
                @Override public Object call1(Object a) {
                    if (a instanceof Double n) return n * nextDouble();
                    if (a instanceof LList l) return l.isEmpty() ? Nil.NIL : l.get(index(l.size()));
                    if (a instanceof Tuple t) return t.size() == 0 ? Nil.NIL : t.get(index(t.size()));
                    if (a instanceof LSet s) return s.isEmpty() ? Nil.NIL : s.toArray()[index(s.size())];
                    throw noMatch(a);
                }
                @Override public Object call2(Object a, Object b) {
                    if (a instanceof Double lo && b instanceof Double hi) return lo + (hi - lo) * nextDouble();
                    throw noMatch(a, b);
                }
            };
            case "range" -> new Fn("range", "Returns the list of integers from ceil (start) (default 0) up to, not including, end.",
                    "(end as :number)", "(start as :number, end as :number)") {
                @Override public Object call1(Object e) {
                    if (e instanceof Double) return range(Arith.ZERO, e);
                    throw noMatch(e);
                }
                @Override public Object call2(Object start, Object end) { return range(start, end); }
            };
            case "pi" -> Arith.PI;
            case "tau" -> Arith.TAU;
            case "sin" -> new Fn("sin", "Returns the sine of an angle, in turns unless a unit keyword (:turns, :degrees, :radians) is given.",
                    TRIG_PATTERNS) {
                @Override public Object call1(Object a) { return Arith.trig(0, "sin", a); }
                @Override public Object call2(Object a, Object u) { return Arith.trig(0, "sin", a, u); }
            };
            case "cos" -> new Fn("cos", "Returns the cosine of an angle, in turns unless a unit keyword (:turns, :degrees, :radians) is given.",
                    TRIG_PATTERNS) {
                @Override public Object call1(Object a) { return Arith.trig(1, "cos", a); }
                @Override public Object call2(Object a, Object u) { return Arith.trig(1, "cos", a, u); }
            };
            case "tan" -> new Fn("tan", "Returns the tangent of an angle, in turns unless a unit keyword (:turns, :degrees, :radians) is given.",
                    TRIG_PATTERNS) {
                @Override public Object call1(Object a) { return Arith.trig(2, "tan", a); }
                @Override public Object call2(Object a, Object u) { return Arith.trig(2, "tan", a, u); }
            };
            case "atan/2" -> new Fn("atan/2", "Returns the angle of the vector (x, y), in turns unless a unit keyword is given.",
                    "(x as :number, y as :number)", "(x, y, :turns)", "(x, y, :radians)", "(x, y, :degrees)",
                    "((x, y))", "((x, y), units as :keyword)") {
                @Override public Object call1(Object v) { return Arith.atan2(v); }
                @Override public Object call2(Object a, Object b) { return Arith.atan2Two(a, b); }
                @Override public Object call3(Object x, Object y, Object u) { return Arith.atan2(x, y, u); }
            };
            case "rotate" -> new Fn("rotate", "Rotates the vector (x, y) by an angle, in turns unless a unit keyword is given.",
                    "((x, y), angle)", "((x, y), angle, units as :keyword)") {
                @Override public Object call2(Object v, Object a) { return Arith.rotate(v, a); }
                @Override public Object call3(Object v, Object a, Object u) { return Arith.rotate(v, a, u); }
            };
            default -> null;
        };
    }
}
