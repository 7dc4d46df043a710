package dev.ludus.runtime.turtle;

import dev.ludus.runtime.prelude.Prelude;
import dev.ludus.runtime.prelude.Turtle;
import dev.ludus.runtime.value.LFn;
import dev.ludus.runtime.value.Tuple;
import java.util.ArrayList;
import java.util.List;

/**
 * Test helpers: drive the prelude's turtle functions from Java (ints become Ludus numbers,
 * int[] becomes a tuple), and an independent model of where the turtle should have drawn.
 */
final class Turtles {
    private Turtles() {}

    static void reset() { Prelude.resetState(1); }

    static Object call(String name, Object... args) {
        Object f = Prelude.get(name);
        if (!(f instanceof LFn fn)) throw new AssertionError("not a prelude function: " + name);
        Object[] vs = new Object[args.length];
        for (int i = 0; i < args.length; i++) vs[i] = value(args[i]);
        return fn.callN(vs);
    }

    private static Object value(Object o) {
        if (o instanceof Number n) return n.doubleValue();
        if (o instanceof double[] ds) {
            Object[] items = new Object[ds.length];
            for (int i = 0; i < ds.length; i++) items[i] = ds[i];
            return Tuple.of(items);
        }
        return o;
    }

    static double[] rgba(double... cs) { return cs; }

    static Scene scene() { return Scene.of(Turtle.drawing(), 640, 640); }

    static Scene scene(int w, int h) { return Scene.of(Turtle.drawing(), w, h); }

    /** An expected line in turtle coordinates. */
    record Expected(double x1, double y1, double x2, double y2, double[] rgba, double width) {}

    /**
     * The turtle as the spec describes it, computed independently of the prelude: heading h (turns)
     * moves along (−sin 2πh, cos 2πh), so 0 is up (+y) and 0.25 is −x; right! adds to h.
     */
    static final class Model {
        double x, y, h;
        boolean down = true;
        double[] color = {255, 255, 255, 255};
        double width = 1;
        final List<Expected> lines = new ArrayList<>();

        /** forward! through the prelude and in the model. */
        Model forward(double d) {
            call("forward!", d);
            double nx = x - d * Math.sin(2 * Math.PI * h), ny = y + d * Math.cos(2 * Math.PI * h);
            moveTo(nx, ny);
            return this;
        }

        Model right(double t) { call("right!", t); h += t; return this; }

        Model left(double t) { call("left!", t); h -= t; return this; }

        Model go(double nx, double ny) { call("goto!", nx, ny); moveTo(nx, ny); return this; }

        Model penUp() { call("penup!"); down = false; return this; }

        Model penDown() { call("pendown!"); down = true; return this; }

        Model color(double... c) {
            call("pencolor!", c);
            color = c.length == 4 ? c : new double[] {c[0], c[1], c[2], 255};
            return this;
        }

        Model width(double w) { call("penwidth!", w); width = w; return this; }

        private void moveTo(double nx, double ny) {
            if (down) lines.add(new Expected(x, y, nx, ny, color.clone(), width));
            x = nx;
            y = ny;
        }
    }

    /** The square of the brief: repeat 4 { forward! (100); right! (0.25) }. */
    static Model square() {
        Model m = new Model();
        for (int i = 0; i < 4; i++) m.forward(100).right(0.25);
        return m;
    }

    /** A square spiral that grows by 6 each step and turns a little less than a quarter. */
    static Model spiral() {
        Model m = new Model();
        for (int i = 1; i <= 60; i++) m.forward(6 * i).right(0.23);
        return m;
    }

    /** A five-pointed star, a new colour for each edge (some translucent), width 4. */
    static final double[][] STAR_COLORS = {
        {255, 0, 0, 255}, {255, 160, 0, 255}, {0, 200, 0, 255}, {0, 120, 255, 128}, {200, 0, 255, 255}};

    static Model star() {
        Model m = new Model();
        call("background!", rgba(10, 20, 30));
        m.width(4).penUp().go(150, 50).right(0.25).penDown();
        for (double[] c : STAR_COLORS) m.color(c).forward(300).right(0.4);
        return m;
    }
}
