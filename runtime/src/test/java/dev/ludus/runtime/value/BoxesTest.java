package dev.ludus.runtime.value;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class BoxesTest {
    @Test
    void smallIntegersShareOneBoxEachAndKeepTheirValue() {
        for (int i = -128; i <= 1023; i++) {
            Double a = Boxes.of(i), b = Boxes.of((double) i);
            assertSame(a, b, "shared box for " + i);
            assertEquals(i, a, 0.0);
        }
    }

    @Test
    void everythingElseGetsItsOwnBoxWithTheExactValue() {
        double[] others = {-129, 1024, 0.5, -0.5, 1e300, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 2.0000001};
        for (double d : others) {
            assertNotSame(Boxes.of(d), Boxes.of(d), "own box for " + d);
            assertEquals(Double.doubleToRawLongBits(d), Double.doubleToRawLongBits(Boxes.of(d)));
        }
        // -0 prints as -0 in Ludus: it must never become the shared 0
        Double negZero = Boxes.of(-0.0);
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(negZero));
        assertNotSame(Boxes.of(0.0), negZero);
    }

    @Test
    void elementsThatAreNotNumbersPassThrough() {
        Object s = "seven";
        assertSame(s, Boxes.element(s));
        assertSame(Boxes.of(7), Boxes.element(Double.valueOf(7)));
        assertSame(Nil.NIL, Boxes.element(Nil.NIL));
    }
}
