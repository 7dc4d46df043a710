package dev.ludus.runtime.prelude;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** IntArith gives the double result exactly, or BAIL wherever a long could not stand for it. */
class IntArithTest {
    private static final long BAIL = IntArith.BAIL;
    private static final long MAX = 1L << 53;

    @Test void multIsExactOrBails() {
        assertEquals(-42, IntArith.mult(6, -7));
        assertEquals(0, IntArith.mult(0, 5));
        assertEquals(BAIL, IntArith.mult(0, -5), "0 * -5 is -0");
        assertEquals(BAIL, IntArith.mult(-3, 0), "-3 * 0 is -0");
        assertEquals(MAX - 1, IntArith.mult(MAX - 1, 1));
        assertEquals(BAIL, IntArith.mult(1L << 27, 1L << 26), "2^53 itself is left to doubles");
        assertEquals(BAIL, IntArith.mult(MAX, MAX), "far beyond 2^53");
    }

    @Test void divIsExactOrBails() {
        assertEquals(4, IntArith.div(8, 2));
        assertEquals(-4, IntArith.div(8, -2));
        assertEquals(BAIL, IntArith.div(7, 2), "a fraction");
        assertEquals(BAIL, IntArith.div(1, 0), "division by zero panics on the double path");
        assertEquals(0, IntArith.div(0, 3));
        assertEquals(BAIL, IntArith.div(0, -3), "0 / -3 is -0");
    }

    @Test void exactStartsOnlyFromIntegersAPlainLongHolds() {
        assertEquals(5, IntArith.exact(5.0));
        assertEquals(-MAX, IntArith.exact(-0x1p53));
        assertEquals(MAX, IntArith.exact(0x1p53));
        assertEquals(BAIL, IntArith.exact(0x1p54));
        assertEquals(BAIL, IntArith.exact(2.5));
        assertEquals(BAIL, IntArith.exact(-0.0));
        assertEquals(BAIL, IntArith.exact(Double.NaN));
        assertEquals(BAIL, IntArith.exact(Double.POSITIVE_INFINITY));
        assertEquals(0, IntArith.exact((Object) 0.0));
        assertEquals(BAIL, IntArith.exact((Object) "5"));
    }
}
