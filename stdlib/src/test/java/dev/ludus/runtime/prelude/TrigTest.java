package dev.ludus.runtime.prelude;

import org.junit.jupiter.api.Test;

class TrigTest extends PreludeTestSupport {
    @Test void constants() {
        is("3.141592653589793", "deref", new dev.ludus.runtime.value.Ref("x", Prelude.get("pi")));
        org.junit.jupiter.api.Assertions.assertEquals("3.141592653589793", show(fn("pi")));
        org.junit.jupiter.api.Assertions.assertEquals("6.283185307179586", show(fn("tau")));
    }

    @Test void conversions() {
        is("180", "turn/deg", 0.5);
        is("0.25", "deg/turn", 90);
        is("3.141592653589793", "turn/rad", 0.5);
        is("0.15915494309189535", "rad/turn", 1);
        is("1.5707963267948966", "deg/rad", 90);
        is("57.29577951308232", "rad/deg", 1);
        noMatch("turn/deg", "a");
        noMatch("deg/turn", "a");
        noMatch("turn/rad", "a");
        noMatch("rad/turn", "a");
        noMatch("deg/rad", "a");
        noMatch("rad/deg", "a");
    }

    @Test void sinCosTan() {
        is("1", "sin", 0.25);
        is("1", "sin", 0.25, kw("turns"));
        is("6.123233995736766e-17", "cos", 0.25);
        is("0.49999999999999994", "sin", 30, kw("degrees"));
        is("0.9999999999999999", "tan", 0.125);
        is("1.2246467991473532e-16", "sin", Arith.PI, kw("radians"));
        is("-1", "cos", Arith.PI, kw("radians"));
        is("0.9999999999999999", "tan", 45, kw("degrees"));
        noMatch("sin", 1, kw("grads"));
        noMatch("cos", "a");
        noMatch("tan", 1, 2);
    }

    @Test void atan2() {
        is("0.25", "atan/2", 1, 0);
        is("0", "atan/2", 0, 1);
        is("45", "atan/2", 1, 1, kw("degrees"));
        is("0.5", "atan/2", 0, -1);
        is("90", "atan/2", tup(1, 0), kw("degrees"));
        is("0.25", "atan/2", tup(1, 0));
        is("0.25", "atan/2", 1, 0, kw("turns"));
        is("1.5707963267948966", "atan/2", 1, 0, kw("radians"));
        noMatch("atan/2", 1, 0, kw("grads"));
        noMatch("atan/2", "a", 0);
        noMatch("atan/2", 1);
    }

    @Test void angle() {
        is("-0.25", "angle", tup(1, 0), tup(0, 1));
        is("0", "angle", tup(1, 1), tup(2, 2));
    }

    @Test void rotate() {
        is("(-1, 6.123233995736766e-17)", "rotate", tup(0, 1), 0.25);
        is("(-1, 6.123233995736766e-17)", "rotate", tup(0, 1), 90, kw("degrees"));
        noMatch("rotate", list(0, 1), 0.25);
    }

    @Test void headingVector() {
        is("(6.123233995736766e-17, 1)", "heading/vector", 0);
        is("(-1, 1.2246467991473532e-16)", "heading/vector", 0.25);
        is("(-0.7071067811865475, 0.7071067811865476)", "heading/vector", 0.125);
    }
}
