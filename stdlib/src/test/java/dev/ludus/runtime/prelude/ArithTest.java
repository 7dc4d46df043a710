package dev.ludus.runtime.prelude;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArithTest extends PreludeTestSupport {
    @Test void add() {
        is("0", "add");
        is("5", "add", 5);
        is("15", "add", 1, 2, 3, 4, 5);
        is("(4, 6)", "add", tup(1, 2), tup(3, 4));
        is("0.30000000000000004", "add", 0.1, 0.2);
        is("(4, 6)", "add", tup(1, 1), tup(1, 2), tup(2, 3));
        panics("Match Error: No match found for (1, \"two\") in function add", "add", 1, "two");
        noMatch("add", "x");
        panics("Match Error: No match found for (3, :k) in function add", "add", 1, 2, kw("k"));
        panics("Match Error: No match found for ((1, 2), 3) in function add", "add", tup(1, 2), 3);
    }

    @Test void sub() {
        is("0", "sub");
        is("7", "sub", 7);
        is("4", "sub", 10, 1, 2, 3);
        is("3", "sub", 5, 2);
        is("(4, 3)", "sub", tup(5, 5), tup(1, 2));
        noMatch("sub", "a", 1);
    }

    @Test void mult() {
        is("1", "mult");
        is("3", "mult", 3);
        is("42", "mult", 6, 7);
        is("(6, 8)", "mult", 2, tup(3, 4));
        is("(6, 8)", "mult", tup(3, 4), 2);
        is("24", "mult", 1, 2, 3, 4);
        noMatch("mult", tup(1, 2), tup(3, 4));
        noMatch("mult", "a");
    }

    @Test void div() {
        is("5", "div", 5);
        is("3.5", "div", 7, 2);
        is("10", "div", 100, 2, 5);
        panics("Division by zero.", "div", 1, 0);
        panics("Division by zero.", "div", 1, 0.0);
        panics("Division by zero.", "div", 1, -0.0);
        panics("Division by zero.", "div", 10, 2, 0);
        panics("Division by zero.", "div", "a", 0);
        noMatch("div");
        noMatch("div", "a", 2);
        is("0.6666666666666666", "div", 2, 3);
    }

    @Test void divZero() {
        is("0", "div/0", 10, 0);
        is("2", "div/0", 12, 2, 3);
        is("0", "div/0", 12, 2, 0);
        is("4", "div/0", 4);
        noMatch("div/0", "a", 1);
    }

    @Test void divSafe() {
        is("(:err, \"Division by zero\")", "div/safe", 1, 2, 0);
        is("(:ok, 2)", "div/safe", 6, 3);
        is("(:ok, 5)", "div/safe", 5);
        is("(:err, \"Division by zero\")", "div/safe", 1, 0);
        is("(:ok, 1)", "div/safe", 6, 3, 2);
    }

    @Test void incDecNeg() {
        is("1.5", "inc", 0.5);
        is("-0.5", "dec", 0.5);
        noMatch("inc", "a");
        noMatch("dec", kw("a"));
        is("-3", "neg", 3);
        is("0", "neg", 0);
        noMatch("neg", "x");
    }

    @Test void abs() {
        is("0", "abs", 0);
        is("0", "abs", -0.0);
        is("3", "abs", -3);
        is("3", "abs", 3);
        is("\"x\"", "abs", "x");
    }

    @Test void signPredicates() {
        is("true", "zero?", 0.0);
        is("true", "zero?", -0.0);
        is("false", "zero?", NIL);
        is("false", "zero?", 1);
        is("true", "pos?", 1);
        is("false", "pos?", 0);
        is("false", "pos?", "a");
        is("true", "neg?", -1);
        is("false", "neg?", -0.0);
        is("false", "neg?", kw("a"));
    }

    @Test void evenOdd() {
        is("true", "even?", 2);
        is("false", "even?", 2.5);
        is("false", "even?", kw("a"));
        is("true", "even?", -4);
        is("false", "even?", 3);
        is("true", "odd?", -3);
        is("true", "odd?", 3);
        is("false", "odd?", 2);
        is("false", "odd?", "x");
    }

    @Test void squareSqrt() {
        is("0.25", "square", 0.5);
        noMatch("square", "a");
        is("3", "sqrt", 9);
        is("NaN", "sqrt", -1);
        is("1.4142135623730951", "sqrt", 2);
        noMatch("sqrt", NIL);
    }

    @Test void sumOfSquares() {
        is("0", "sum_of_squares");
        is("9", "sum_of_squares", 3);
        is("25", "sum_of_squares", 3, 4);
        is("14", "sum_of_squares", 1, 2, 3);
        noMatch("sum_of_squares", 1, "a");
    }

    @Test void dist() {
        is("5", "dist", 3, 4);
        is("5", "dist", tup(3, 4));
        noMatch("dist", "a", 4);
        noMatch("dist", list(3, 4));
    }

    @Test void mod() {
        is("1", "mod", 7, 3);
        is("2", "mod", -7, 3);
        is("1.5", "mod", 7.5, 2);
        is("-2", "mod", 7, -3);
        panics("Division by zero.", "mod", 7, 0);
        noMatch("mod", "a", 2);
    }

    @Test void floorCeilRound() {
        is("-3", "floor", -2.7);
        is("2", "floor", 2.7);
        is("-2", "ceil", -2.2);
        is("3", "ceil", 2.2);
        is("3", "round", 2.5);
        is("-2", "round", -2.5);
        is("-3", "round", -2.6);
        is("0", "round", 0.49999999999999994);
        is("1", "round", 0.5);
        is("4503599627370497", "round", 4503599627370497.0);
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits((Double) call("round", -0.4)));
        noMatch("floor", "a");
        noMatch("ceil", "a");
        noMatch("round", "a");
    }

    @Test void comparisons() {
        is("true", "gt?", 3, 2, 1);
        is("false", "gt?", 3, 1, 2);
        is("true", "lte?", 1, 1, 2);
        is("true", "lt?", 1.5, 2);
        is("true", "gt?", 5);
        is("true", "gte?", 2, 2);
        is("false", "gte?", 1, 2);
        is("false", "lt?", 2, 2);
        is("true", "lte?", 2, 2);
        is("false", "lte?", 3, 2, 1);
        is("true", "lt?", 1, 2, 3, 4);
        noMatch("gt?", 1, "a");
        noMatch("lt?", "a");
        noMatch("gte?");
        noMatch("lte?", 1, 2, "x");
    }

    @Test void random() {
        Prelude.resetState(7);
        double a = (Double) call("random");
        Prelude.resetState(7);
        assertEquals(a, (Double) call("random"));
        Set<Double> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            double r = (Double) call("random");
            assertTrue(r >= 0 && r < 1);
            seen.add(r);
            double s = (Double) call("random", 10);
            assertTrue(s >= 0 && s < 10);
            double t = (Double) call("random", 5, 8);
            assertTrue(t >= 5 && t < 8, "random (5, 8) gave " + t);
        }
        assertTrue(seen.size() > 900);
        noMatch("random", "a");
        noMatch("random", 1, "a");
    }

    @Test void range() {
        is("[0, 1, 2, 3, 4]", "range", 5);
        is("[2, 3, 4, 5]", "range", 2, 6);
        is("[]", "range", 5, 2);
        is("[-2, -1, 0, 1]", "range", -2, 2);
        is("[1, 2]", "range", 0.5, 3);
        is("[0, 1, 2]", "range", 2.5);
        is("[]", "range", 0);
        noMatch("range", "a");
    }

    @Test void fastPathsReturnDoubles() {
        assertEquals(3.0, Arith.add(1.0, 2.0));
        assertEquals(-1.0, Arith.sub(1.0, 2.0));
        assertEquals(2.0, Arith.mult(1.0, 2.0));
        assertEquals(0.5, Arith.div(1.0, 2.0));
        assertEquals(2.0, Arith.inc(1.0));
        assertEquals(0.0, Arith.dec(1.0));
        assertEquals(Boolean.TRUE, Arith.eq(1.0, 1.0));
        assertEquals(Boolean.TRUE, Arith.gt(2.0, 1.0));
        assertTrue(Arith.lteZ(1.0, 1.0));
    }
}
