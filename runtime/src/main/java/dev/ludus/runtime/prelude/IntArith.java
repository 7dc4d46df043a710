package dev.ludus.runtime.prelude;

/**
 * Arithmetic for loop variables the compiler runs as {@code long}s while their values are
 * integers that doubles represent exactly (|x| &lt;= 2^53, never -0): on such values these give
 * exactly the double result. When the double result would be anything else (too large, a
 * fraction, -0, a division by zero) they return {@link #BAIL} and the compiled loop carries on
 * from that point with doubles. Longs add with one-cycle latency where doubles take three or
 * four, which is what a counting loop's dependency chain is made of.
 */
public final class IntArith {
    private IntArith() {}

    /** No value: the result needs the double path. Outside the exact range, so never a result. */
    public static final long BAIL = Long.MIN_VALUE;
    /** 2^53: every integer up to this magnitude is a double. */
    static final long MAX = 1L << 53;

    // add, sub, inc and dec are emitted inline by the compiler (IntLoops), with their range test.

    public static long mult(long a, long b) {
        double p = (double) a * (double) b; // exact whenever |a·b| < 2^53
        if (!(Math.abs(p) < MAX)) return BAIL;
        if (p == 0.0 && (a | b) < 0) return BAIL; // 0 times a negative number is -0
        return a * b;
    }

    public static long div(long a, long b) {
        if (b == 0 || a % b != 0) return BAIL; // division by zero panics; fractions need doubles
        if (a == 0 && b < 0) return BAIL;      // -0
        return a / b;                          // |a / b| <= |a|: in range
    }

    /** A loop's initial value as an exact long, or BAIL. */
    public static long exact(double x) {
        long l = (long) x;
        if (l != x || l > MAX || l < -MAX) return BAIL;
        if (l == 0 && Double.doubleToRawLongBits(x) != 0L) return BAIL; // -0
        return l;
    }

    /** As {@link #exact(double)} for a value of any type (BAIL for non-numbers). */
    public static long exact(Object v) {
        return v instanceof Double d ? exact(d.doubleValue()) : BAIL;
    }
}
