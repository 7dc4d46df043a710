package dev.ludus.runtime.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AritiesTest {
    @Test
    void specRoundTrips() {
        assertEquals("2", Arities.spec(List.of(2, 2), List.of()));
        assertEquals("0,1", Arities.spec(List.of(1, 0), List.of()));
        assertEquals("1,3+", Arities.spec(List.of(1, 4), List.of(3)));
        Arities a = Arities.parse("1,3+");
        assertTrue(a.accepts(1) && a.accepts(3) && a.accepts(10));
        assertFalse(a.accepts(0) || a.accepts(2));
        assertNull(Arities.parse("x"));
    }

    @Test
    void describe() {
        assertEquals("1 argument", Arities.parse("1").describe());
        assertEquals("2 arguments", Arities.parse("2").describe());
        assertEquals("0 arguments", Arities.parse("0").describe());
        assertEquals("1 or 2 arguments", Arities.parse("1,2").describe());
        assertEquals("0, 1 or 3 arguments", Arities.parse("0,1,3").describe());
        assertEquals("2 or more arguments", Arities.parse("2+").describe());
        assertEquals("1, or 3 or more arguments", Arities.parse("1,3+").describe());
    }

    @Test
    void fromPatterns() {
        Arities a = Arities.fromPatterns(List.of("()", "(x as :number)", "(x, y, ...zs)", "((x1, y1), (x2, y2))"));
        assertEquals("0, 1, or 2 or more arguments", a.describe());
        assertEquals("3 arguments", Arities.fromPatterns(List.of("(\"a, b\", [1, 2], #{:k v, l})")).describe());
        assertEquals("1 argument", Arities.fromPatterns(List.of("(\"say \\\"x, y\\\"\")")).describe());
        assertEquals("0 or more arguments", Arities.fromPatterns(List.of("(...args)")).describe());
        assertNull(Arities.fromPatterns(List.of("x")));
        assertNull(Arities.fromPatterns(List.of()));
    }
}
