package dev.ludus.runtime.value;

/**
 * Shared boxes for small integers, for numbers stored in lists: a list of small counts, digits
 * or grid coordinates then holds no box of its own per element. Only at the point where a
 * number is stored: a shared box for an arithmetic result that is unboxed again right away
 * would keep the JIT from removing that box (measured: fib 6 -> 13 ms).
 */
public final class Boxes {
    private Boxes() {}

    private static final int LOW = -128, HIGH = 1023;
    private static final Double[] SHARED = new Double[HIGH - LOW + 1];

    static {
        for (int i = 0; i < SHARED.length; i++) SHARED[i] = (double) (i + LOW);
    }

    /** A box of d: the shared one for the integers -128..1023 (not -0), else a new one. */
    public static Double of(double d) {
        int i = (int) d;
        if (i == d && i >= LOW && i <= HIGH && (i != 0 || Double.doubleToRawLongBits(d) == 0L)) return SHARED[i - LOW];
        return d;
    }

    /**
     * A value about to be stored in a list: a number gets the box {@link #of} gives, so the box
     * it arrived in is never kept (the JIT can then drop that one when it made it inline).
     */
    public static Object element(Object v) {
        return v instanceof Double d ? of(d.doubleValue()) : v;
    }
}
