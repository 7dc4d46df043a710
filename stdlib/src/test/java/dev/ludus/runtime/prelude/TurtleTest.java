package dev.ludus.runtime.prelude;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TurtleTest extends PreludeTestSupport {
    static final String INITIAL =
            "#{:position (0, 0), :heading 0, :pendown? true, :pencolor (255, 255, 255, 255), :penwidth 1, :visible? true}";

    Object deref(String ref) { return call("deref", fn(ref)); }

    @Test void initialState() {
        is(INITIAL, "turtle_state");
        is("(0, 0)", "position");
        is("0", "heading");
        is("true", "pendown?");
        is("(255, 255, 255, 255)", "pencolor");
        is("1", "penwidth");
        is("[:position, :heading, :pendown?, :pencolor, :penwidth, :visible?]", "keys", call("turtle_state"));
        assertEquals("[" + INITIAL + "]", show(deref("turtle_states")));
        assertEquals("[]", show(deref("turtle_commands")));
        assertEquals("[]", show(deref("p5_calls")));
        assertEquals("(0, 0, 0, 255)", show(deref("bgcolor")));
        assertEquals("ref: bgcolor {(0, 0, 0, 255)}", show(fn("bgcolor")));
    }

    @Test void forward() {
        is(":ok", "forward!", 100);
        is("(6.123233995736766e-15, 100)", "position");
        assertEquals("[(:forward, 100)]", show(deref("turtle_commands")));
        assertEquals("[(:line, 0, 0, 6.123233995736766e-15, 100)]", show(deref("p5_calls")));
        assertEquals(2, ((dev.ludus.runtime.collection.LList) deref("turtle_states")).size());
        noMatch("forward!", "a");
        noMatch("fd!".equals("fd!") ? "forward!" : "", kw("x"));
    }

    @Test void turns() {
        is(":ok", "right!", 0.25);
        is("0.25", "heading");
        is(":ok", "fd!", 10);
        is("(-10, 1.2246467991473533e-15)", "position");
        is(":ok", "left!", 0.5);
        is("-0.25", "heading");
        is(":ok", "rt!", 0.125);
        is(":ok", "lt!", 0.125);
        is("-0.25", "heading");
        is(":ok", "fd!", 10);
        is("(0, 1.2246467991473533e-15)", "position");
        noMatch("right!", "a");
        noMatch("left!", NIL);
    }

    @Test void squareCommandsCount() {
        for (int i = 0; i < 4; i++) {
            call("fd!", 100);
            call("rt!", 0.25);
        }
        is("8", "count", deref("turtle_commands"));
        is("9", "count", deref("turtle_states"));
        is("(:right, 0.25)", "last", deref("turtle_commands"));
        is("4", "count", deref("p5_calls"));
        is("(-1.4210854715202004e-14, -1.028208126774506e-14)", "position");
        is("1", "heading");
    }

    @Test void back() {
        is(":ok", "back!", 10);
        is("(-6.123233995736766e-16, -10)", "position");
        is(":ok", "bk!", 10);
        assertEquals("[(:back, 10), (:back, 10)]", show(deref("turtle_commands")));
        noMatch("back!", "a");
    }

    @Test void pen() {
        call("penup!");
        is("false", "pendown?");
        call("fd!", 50);
        assertEquals("[]", show(deref("p5_calls")));
        call("pendown!");
        is("true", "pendown?");
        call("pu!");
        call("pd!");
        call("penwidth!", 5);
        call("pw!", 3);
        is("3", "penwidth");
        call("pencolor!", 128);
        is("(128, 128, 128, 255)", "pencolor");
        call("pc!", tup(255, 0, 0));
        is("(255, 0, 0, 255)", "pencolor");
        call("pencolor!", tup(0, 255, 0, 100));
        is("(0, 255, 0, 100)", "pencolor");
        assertEquals("[(:strokeWeight, 5), (:strokeWeight, 3), (:stroke, 128, 128, 128, 255), "
                + "(:stroke, 255, 0, 0, 255), (:stroke, 0, 255, 0, 100)]", show(deref("p5_calls")));
        assertEquals("[(:penup), (:fd, 50)]".replace("(:fd, 50)", "(:forward, 50)"),
                show(call("slice", deref("turtle_commands"), 2)));
        noMatch("pencolor!", tup(1, 2));
        noMatch("pencolor!", tup(1, 2, "x"));
        noMatch("penwidth!", "x");
        noMatch("penup!", 1);
        noMatch("pendown!", 1);
    }

    @Test void background() {
        is("(100, 100, 100, 255)", "background!", 100);
        assertEquals("(100, 100, 100, 255)", show(deref("bgcolor")));
        call("bg!", tup(10, 20, 30));
        assertEquals("(10, 20, 30, 255)", show(deref("bgcolor")));
        call("bg!", tup(1, 2, 3, 4));
        assertEquals("(1, 2, 3, 4)", show(deref("bgcolor")));
        assertEquals("[]", show(deref("turtle_commands")));
        noMatch("background!", "red");
    }

    @Test void colors() {
        assertEquals("#{:white (255, 255, 255, 255), :light_gray (150, 150, 150, 255), :dark_gray (50, 50, 50, 255), "
                + ":red (255, 0, 0, 255), :green (0, 255, 0, 255), :blue (0, 0, 255, 255), :black (0, 0, 0, 255)}",
                show(fn("colors")));
    }

    @Test void homeClearGoto() {
        call("rt!", 0.25);
        call("goto!", 10, 20);
        is("(10, 20)", "position");
        call("goto!", tup(-5, 5));
        is("(-5, 5)", "position");
        call("home!");
        is("(0, 0)", "position");
        is("0.25", "heading");
        call("fd!", 5);
        call("clear!");
        is("(0, 0)", "position");
        is("0.25", "heading");
        assertEquals("[(:right, 0.25), (:goto, (10, 20)), (:goto, (-5, 5)), (:home), (:forward, 5), (:clear)]",
                show(deref("turtle_commands")));
        assertEquals("[(:line, 0, 0, 10, 20), (:line, 10, 20, -5, 5), (:line, -5, 5, 0, 0), "
                + "(:line, 0, 0, -5, 6.123233995736766e-16), (:background, 0, 0, 0, 255)]", show(deref("p5_calls")));
        noMatch("goto!", "a", 1);
        noMatch("goto!", 1, "a".isEmpty() ? 0 : "a");
        noMatch("goto!", list(1, 2));
        noMatch("home!", 1);
        noMatch("clear!", 1);
    }

    @Test void resetTurtle() {
        call("fd!", 10);
        is("[" + INITIAL + "]", "reset_turtle!");
        is("(0, 0)", "position");
        is("1", "count", deref("turtle_commands"));
        is("1", "count", deref("p5_calls"));
    }

    @Test void renderTurtle() {
        call("fd!", 10);
        is(":ok", "render_turtle!");
        is("14", "count", deref("p5_calls"));
        String calls = show(call("rest", deref("p5_calls")));
        assertTrue(calls.startsWith("[(:fill, 255, 255, 255, 150), (:push), (:translate, 6.123233995736766e-16, 10), "
                + "(:rotate, 0), (:noStroke), (:beginShape), (:vertex, 0, 20), (:vertex, "), calls);
        assertTrue(calls.endsWith("(:endShape), (:stroke, 0), (:line, 0, 0, 0, 20), (:pop)]"), calls);
        // an invisible turtle draws nothing
        Prelude.resetState(1);
        call("make!", fn("turtle_states"), list(call("assoc", call("turtle_state"), kw("visible?"), false)));
        is(":ok", "render_turtle!");
        is("0", "count", deref("p5_calls"));
        noMatch("render_turtle!", 1);
    }

    @Test void drawing() {
        call("pc!", tup(255, 0, 0));
        call("pw!", 2);
        call("goto!", 10, 0);
        call("pu!");
        call("goto!", 20, 0);
        call("pd!");
        call("goto!", 20, 10);
        call("bg!", 30);
        Turtle.Drawing d = Turtle.drawing();
        assertEquals(2, d.segments().size());
        assertEquals(new Turtle.Segment(0, 0, 10, 0, 255, 0, 0, 255, 2), d.segments().get(0));
        assertEquals(new Turtle.Segment(20, 0, 20, 10, 255, 0, 0, 255, 2), d.segments().get(1));
        assertEquals(30, d.background()[0]);
        assertEquals(255, d.background()[3]);
        assertEquals(0, d.clears());
        assertEquals(20, d.turtle().x());
        assertEquals(10, d.turtle().y());
        assertTrue(d.turtle().visible());
        call("clear!");
        d = Turtle.drawing();
        assertEquals(0, d.segments().size());
        assertEquals(1, d.clears());
        double[] tri = Turtle.triangle();
        assertEquals(0, tri[0]);
        assertEquals(20, tri[1]);
    }

    @Test void resetStateKeepsRefs() {
        Object states = fn("turtle_states");
        call("fd!", 10);
        call("bg!", 3);
        call("print!", "x");
        Prelude.resetState(3);
        assertSame(states, fn("turtle_states"));
        assertEquals("[" + INITIAL + "]", show(deref("turtle_states")));
        assertEquals("[]", show(deref("turtle_commands")));
        assertEquals("[]", show(deref("p5_calls")));
        assertEquals("(0, 0, 0, 255)", show(deref("bgcolor")));
        assertEquals("[]", show(deref("console")));
        assertFalse(Turtle.drawing().segments().size() > 0);
    }
}
