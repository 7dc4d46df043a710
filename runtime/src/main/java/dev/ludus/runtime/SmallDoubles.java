package dev.ludus.runtime;

/**
 * Shared boxes for the numbers 0..1023, for prelude results that are often small integers
 * (remainders, counters): handing out a shared box instead of a new one saves an allocation
 * and keeps lists of such numbers compact. Ludus compares numbers by value, never by box
 * identity, so sharing is invisible; -0.0 is never mapped to 0.0.
 */
public final class SmallDoubles {
    private SmallDoubles() {}

    static final int SIZE = 1024;
    private static final Double[] BOXES = new Double[SIZE];

    static {
        for (int i = 0; i < SIZE; i++) BOXES[i] = (double) i;
    }

    /** A box for d: a shared one when d is an integer in [0, 1024) (not -0.0), else a new one. */
    public static Double box(double d) {
        int i = (int) d;
        if (i == d && (i & ~(SIZE - 1)) == 0 && (i != 0 || Double.doubleToRawLongBits(d) == 0L)) return BOXES[i];
        return d;
    }
}
