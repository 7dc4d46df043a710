package dev.ludus.runtime.prelude;

import dev.ludus.runtime.value.Boxes;

import static dev.ludus.runtime.prelude.Arith.noMatch;

import dev.ludus.runtime.collection.LList;
import java.util.Map;
import java.util.SplittableRandom;

/** Prelude §3–§4: arithmetic, comparisons, random, range, angles and trigonometry. */
final class MathFns {
    private MathFns() {}

    private static SplittableRandom rng = new SplittableRandom();

    static synchronized void seed(long seed) { rng = new SplittableRandom(seed); }

    static synchronized double nextDouble() { return rng.nextDouble(); }

    static Object range(Object start, Object end) {
        if (start instanceof Double s && end instanceof Double e) {
            // leaves filled here and handed over whole (see LList.Builder.addLeaf)
            LList.Builder b = LList.builder();
            Object[] leaf = new Object[32];
            int k = 0;
            double stop = e;
            for (double i = Math.ceil(s); i < stop; i++) {
                if (i + 1 == i) break; // beyond 2^53 the count cannot advance
                leaf[k++] = Boxes.of(i);
                if (k == 32) { b.addLeaf(leaf, 32); leaf = new Object[32]; k = 0; }
            }
            b.addLeaf(leaf, k);
            return b.build();
        }
        throw noMatch("range", start, end);
    }

    private static Fn.F1 num1(String name, java.util.function.DoubleUnaryOperator op) {
        return a -> {
            if (a instanceof Double x) return op.applyAsDouble(x);
            throw noMatch(name, a);
        };
    }

    private static Object bool(boolean b) { return b ? Boolean.TRUE : Boolean.FALSE; }

    static void install(Map<String, Object> m) {
        put(m, new Fn("add", "Adds numbers, or 2D vectors (x, y) component-wise.",
                "()", "(x as :number)", "(x as :number, y as :number)", "(x, y, ...zs)", "((x1, y1), (x2, y2))")
                .on2(Arith::add).onN(Arith::add));
        put(m, new Fn("sub", "Subtracts the second and later numbers (or 2D vectors) from the first.",
                "()", "(x as :number)", "(x as :number, y as :number)", "(x, y, ...zs)", "((x1, y1), (x2, y2))")
                .on2(Arith::sub).onN(Arith::sub));
        put(m, new Fn("mult", "Multiplies numbers, or scales a 2D vector by a number.",
                "()", "(x as :number)", "(x as :number, y as :number)", "(x, y, ...zs)",
                "(scalar as :number, (x, y))", "((x, y), scalar as :number)")
                .on2(Arith::mult).onN(Arith::mult));
        put(m, new Fn("div", "Divides the first number by the others; panics when dividing by zero.",
                "(x as :number)", "(_, 0)", "(x as :number, y as :number)", "(x, y, ...zs)")
                .on2(Arith::div).onN(Arith::div));
        put(m, new Fn("div/0", "Divides the first number by the others; dividing by zero gives 0.",
                "(x as :number)", "(_, 0)", "(x as :number, y as :number)", "(x, y, ...zs)")
                .on2(Arith::div0).onN(Arith::div0));
        put(m, new Fn("div/safe", "Divides the first number by the others, returning (:ok, quotient) or (:err, message) for a zero divisor.",
                "(x as :number)", "(_, 0)", "(x, y)", "(x, y, ...zs)")
                .on2(Arith::divSafe).onN(Arith::divSafe));
        put(m, new Fn("inc", "Returns a number plus one.", "(x as :number)").on1(Arith::inc));
        put(m, new Fn("dec", "Returns a number minus one.", "(x as :number)").on1(Arith::dec));
        put(m, new Fn("neg", "Returns a number with its sign flipped.", "(n as :number)").on1(Arith::neg));
        put(m, new Fn("even?", "Returns true if the value is an even number.", "(x as :number)", "(_)")
                .on1(a -> bool(Arith.evenQ(a))));
        put(m, new Fn("odd?", "Returns true if the value is an odd number.", "(x as :number)", "(_)")
                .on1(a -> bool(Arith.oddQ(a))));
        // square, sum_of_squares and dist stay in Java: numeric vector code calls them in inner
        // loops (bench/vecmath), where the host versions measured clearly faster.
        put(m, new Fn("square", "Returns a number multiplied by itself.", "(x as :number)").on1(Arith::square));
        put(m, new Fn("sum_of_squares", "Returns the sum of the squares of its arguments.",
                "()", "(x as :number)", "(x as :number, y as :number)", "(x, y, ...zs)")
                .onN(Arith::sumOfSquares));
        put(m, new Fn("dist", "Returns the distance of the point (x, y) from the origin.",
                "(x as :number, y as :number)", "((x, y))")
                .on2(Arith::dist).on1(Arith::dist));
        put(m, new Fn("sqrt", "Returns the square root of a number (NaN for negative numbers).", "(x as :number)")
                .on1(Arith::sqrt));
        put(m, new Fn("mod", "Returns the floored remainder of dividing x by y (its sign follows y); panics when y is zero.",
                "(x as :number, y as :number)")
                .on2(Arith::mod));
        put(m, new Fn("floor", "Rounds a number down to an integer.", "(n as :number)").on1(Arith::floor));
        put(m, new Fn("ceil", "Rounds a number up to an integer.", "(n as :number)").on1(Arith::ceil));
        put(m, new Fn("round", "Rounds a number to the nearest integer; halves round up.", "(n as :number)")
                .on1(Arith::round));
        String[] cmpPatterns = {"(x as :number)", "(x as :number, y as :number)", "(x, y, ...zs)"};
        put(m, new Fn("gt?", "Returns true if the numbers are in strictly decreasing order.", cmpPatterns)
                .on2(Arith::gt).onN(a -> Arith.compareN(0, "gt?", a)));
        put(m, new Fn("gte?", "Returns true if the numbers are in decreasing or equal order.", cmpPatterns)
                .on2(Arith::gte).onN(a -> Arith.compareN(1, "gte?", a)));
        put(m, new Fn("lt?", "Returns true if the numbers are in strictly increasing order.", cmpPatterns)
                .on2(Arith::lt).onN(a -> Arith.compareN(2, "lt?", a)));
        put(m, new Fn("lte?", "Returns true if the numbers are in increasing or equal order.", cmpPatterns)
                .on2(Arith::lte).onN(a -> Arith.compareN(3, "lte?", a)));
        put(m, new Fn("random", "Returns a random number: in [0, 1) with no arguments, in [0, n) with one, in [m, n) with two.",
                "()", "(n as :number)", "(m as :number, n as :number)")
                .on0(() -> nextDouble())
                .on1(a -> {
                    if (a instanceof Double n) return n * nextDouble();
                    throw noMatch("random", a);
                })
                .on2((a, b) -> {
                    if (a instanceof Double lo && b instanceof Double hi) return lo + (hi - lo) * nextDouble();
                    throw noMatch("random", a, b);
                }));
        put(m, new Fn("range", "Returns the list of integers from ceil (start) (default 0) up to, not including, end.",
                "(end as :number)", "(start as :number, end as :number)")
                .on1(e -> {
                    if (e instanceof Double) return range(Arith.ZERO, e);
                    throw noMatch("range", e);
                })
                .on2(MathFns::range));

        m.put("pi", Arith.PI);
        m.put("tau", Arith.TAU);
        String[] trigPatterns = {"(a as :number)", "(a as :number, :turns)", "(a as :number, :degrees)",
            "(a as :number, :radians)"};
        put(m, new Fn("sin", "Returns the sine of an angle, in turns unless a unit keyword (:turns, :degrees, :radians) is given.",
                trigPatterns)
                .on1(a -> Arith.trig(0, "sin", a)).on2((a, u) -> Arith.trig(0, "sin", a, u)));
        put(m, new Fn("cos", "Returns the cosine of an angle, in turns unless a unit keyword (:turns, :degrees, :radians) is given.",
                trigPatterns)
                .on1(a -> Arith.trig(1, "cos", a)).on2((a, u) -> Arith.trig(1, "cos", a, u)));
        put(m, new Fn("tan", "Returns the tangent of an angle, in turns unless a unit keyword (:turns, :degrees, :radians) is given.",
                trigPatterns)
                .on1(a -> Arith.trig(2, "tan", a)).on2((a, u) -> Arith.trig(2, "tan", a, u)));
        put(m, new Fn("atan/2", "Returns the angle of the vector (x, y), in turns unless a unit keyword is given.",
                "(x as :number, y as :number)", "(x, y, :turns)", "(x, y, :radians)", "(x, y, :degrees)",
                "((x, y))", "((x, y), units as :keyword)")
                .on1(Arith::atan2).on2(Arith::atan2Two).on3(Arith::atan2));
        put(m, new Fn("rotate", "Rotates the vector (x, y) by an angle, in turns unless a unit keyword is given.",
                "((x, y), angle)", "((x, y), angle, units as :keyword)")
                .on2(Arith::rotate).on3(Arith::rotate));
    }

    static void put(Map<String, Object> m, Fn f) { m.put(f.name(), f); }
}
