package dev.ludus.runtime.prelude;

import dev.ludus.runtime.Values;
import dev.ludus.runtime.collection.LDict;
import dev.ludus.runtime.collection.LList;
import dev.ludus.runtime.value.Keyword;
import dev.ludus.runtime.value.Ref;
import dev.ludus.runtime.value.Tuple;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Turtle graphics (prelude.md §11): the state refs the program can inspect, the command
 * functions, and the final {@link Drawing} that the SVG/PNG renderers read (language.md §12.4).
 *
 * <p>Every command appends its command tuple to {@code turtle_commands}, the new state to
 * {@code turtle_states} and (for drawing commands) a p5 call to {@code p5_calls}. Alongside,
 * the pen-down segments are kept on the Java side so that a renderer need not re-interpret
 * p5 calls.
 */
public final class Turtle {
    private Turtle() {}

    static final Keyword POSITION = Keyword.of("position");
    static final Keyword HEADING = Keyword.of("heading");
    static final Keyword PENDOWN = Keyword.of("pendown?");
    static final Keyword PENCOLOR = Keyword.of("pencolor");
    static final Keyword PENWIDTH = Keyword.of("penwidth");
    static final Keyword VISIBLE = Keyword.of("visible?");

    private static final Keyword OK = Keyword.of("ok");
    private static final Keyword FORWARD = Keyword.of("forward");
    private static final Keyword BACK = Keyword.of("back");
    private static final Keyword RIGHT = Keyword.of("right");
    private static final Keyword LEFT = Keyword.of("left");
    private static final Keyword PENUP_C = Keyword.of("penup");
    private static final Keyword PENDOWN_C = Keyword.of("pendown");
    private static final Keyword PENCOLOR_C = Keyword.of("pencolor");
    private static final Keyword PENWIDTH_C = Keyword.of("penwidth");
    private static final Keyword GOTO = Keyword.of("goto");
    private static final Keyword HOME = Keyword.of("home");
    private static final Keyword CLEAR = Keyword.of("clear");

    private static Double n(double d) { return d; }

    private static Tuple rgba(double r, double g, double b, double a) { return Tuple.of(n(r), n(g), n(b), n(a)); }

    /** The colors dict, in the spec's order. */
    public static final LDict COLORS = LDict.builder()
            .put(Keyword.of("white"), rgba(255, 255, 255, 255))
            .put(Keyword.of("light_gray"), rgba(150, 150, 150, 255))
            .put(Keyword.of("dark_gray"), rgba(50, 50, 50, 255))
            .put(Keyword.of("red"), rgba(255, 0, 0, 255))
            .put(Keyword.of("green"), rgba(0, 255, 0, 255))
            .put(Keyword.of("blue"), rgba(0, 0, 255, 255))
            .put(Keyword.of("black"), rgba(0, 0, 0, 255))
            .build();

    static final Tuple ORIGIN = Tuple.of(Arith.ZERO, Arith.ZERO);
    static final Tuple BLACK = rgba(0, 0, 0, 255);

    /** The initial turtle state (prelude.md §11 key order). */
    public static final LDict INITIAL = LDict.builder()
            .put(POSITION, ORIGIN)
            .put(HEADING, Arith.ZERO)
            .put(PENDOWN, Boolean.TRUE)
            .put(PENCOLOR, rgba(255, 255, 255, 255))
            .put(PENWIDTH, Arith.ONE)
            .put(VISIBLE, Boolean.TRUE)
            .build();

    public static final Ref TURTLE_STATES = new Ref("turtle_states", LList.of(INITIAL));
    public static final Ref TURTLE_COMMANDS = new Ref("turtle_commands", LList.EMPTY);
    public static final Ref P5_CALLS = new Ref("p5_calls", LList.EMPTY);
    public static final Ref BGCOLOR = new Ref("bgcolor", BLACK);

    static {
        Prelude.turtleInitialised = true; // from now on resetState has turtle state to reset
    }

    /** Turtle shape: radius and half-angle (turns) of the drawn triangle. */
    public static final double TURTLE_RADIUS = 20;
    public static final double TURTLE_ANGLE = 0.385;

    // ---- the drawing kept for renderers -------------------------------------------------

    /** A pen-down line in turtle coordinates; colour components 0–255. */
    public record Segment(double x1, double y1, double x2, double y2,
                          double r, double g, double b, double a, double width) {}

    /** The turtle at the end of the run. */
    public record TurtleView(double x, double y, double heading, boolean visible, boolean penDown,
                             double[] pencolor, double penwidth) {}

    /**
     * What a renderer draws: the segments recorded since the last clear!, the background
     * colour (rgba 0–255), how many times clear! ran, and the final turtle.
     */
    public record Drawing(List<Segment> segments, double[] background, int clears, TurtleView turtle) {}

    private static final List<Segment> SEGMENTS = new ArrayList<>();
    private static int clears;

    /** The final drawing as of now (call at the end of a run, also after a panic). */
    public static synchronized Drawing drawing() {
        LDict s = state();
        double[] pos = vec(s.get(POSITION));
        return new Drawing(Collections.unmodifiableList(new ArrayList<>(SEGMENTS)),
                color4(BGCOLOR.get(), new double[] {0, 0, 0, 255}), clears,
                new TurtleView(pos[0], pos[1], num(s.get(HEADING), 0),
                        Values.truthy(orNil(s.get(VISIBLE))), Values.truthy(orNil(s.get(PENDOWN))),
                        color4(s.get(PENCOLOR), new double[] {255, 255, 255, 255}), num(s.get(PENWIDTH), 1)));
    }

    /**
     * The turtle triangle in the turtle's own frame (before rotation by the heading and
     * translation to the position): {x1, y1, x2, y2, x3, y3}, computed as render_turtle! does.
     */
    public static double[] triangle() {
        Tuple first = (Tuple) Arith.mult(Tuple.of(Arith.ZERO, Arith.ONE), TURTLE_RADIUS);
        Tuple second = (Tuple) Arith.rotate(first, TURTLE_ANGLE);
        Tuple third = (Tuple) Arith.rotate(first, Arith.neg(TURTLE_ANGLE));
        return new double[] {(Double) first.get(0), (Double) first.get(1), (Double) second.get(0),
            (Double) second.get(1), (Double) third.get(0), (Double) third.get(1)};
    }

    /** Resets every turtle ref and the drawing to the initial state (same Ref objects). */
    static synchronized void reset() {
        TURTLE_STATES.set(LList.of(INITIAL));
        TURTLE_COMMANDS.set(LList.EMPTY);
        P5_CALLS.set(LList.EMPTY);
        BGCOLOR.set(BLACK);
        SEGMENTS.clear();
        clears = 0;
    }

    private static Object orNil(Object v) { return Colls.orNil(v); }

    private static double num(Object v, double dflt) { return v instanceof Double d ? d : dflt; }

    private static double[] vec(Object v) {
        if (v instanceof Tuple t && t.size() == 2) return new double[] {num(t.get(0), 0), num(t.get(1), 0)};
        return new double[] {0, 0};
    }

    private static double[] color4(Object v, double[] dflt) {
        if (v instanceof Tuple t && t.size() == 4) {
            return new double[] {num(t.get(0), 0), num(t.get(1), 0), num(t.get(2), 0), num(t.get(3), 255)};
        }
        return dflt;
    }

    // ---- state and commands -------------------------------------------------------------

    /** The current state: the last element of turtle_states (the initial state if unusable). */
    static LDict state() {
        Object s = Colls.last(TURTLE_STATES.get());
        return s instanceof LDict d ? d : INITIAL;
    }

    private static Object field(Keyword k) { return orNil(state().get(k)); }

    private static Object lookup(LDict d, Keyword k) { return orNil(d.get(k)); }

    static synchronized Object command(Tuple cmd) {
        TURTLE_COMMANDS.set(Colls.append(TURTLE_COMMANDS.get(), cmd));
        LDict prev = state();
        LDict curr = apply(prev, cmd);
        TURTLE_STATES.set(Colls.append(TURTLE_STATES.get(), curr));
        Tuple call = p5Call(cmd, prev, curr);
        if (call != null) P5_CALLS.set(Colls.append(P5_CALLS.get(), call));
        return OK;
    }

    private static LDict apply(LDict s, Tuple cmd) {
        Object kind = cmd.get(0);
        if (kind == FORWARD || kind == BACK) {
            Object unit = Arith.headingVector(lookup(s, HEADING));
            Object vect = Arith.mult(cmd.get(1), unit);
            Object pos = lookup(s, POSITION);
            return s.assoc(POSITION, kind == FORWARD ? Arith.add(vect, pos) : Arith.sub(pos, vect));
        }
        if (kind == RIGHT) return s.assoc(HEADING, Arith.add(lookup(s, HEADING), cmd.get(1)));
        if (kind == LEFT) return s.assoc(HEADING, Arith.sub(lookup(s, HEADING), cmd.get(1)));
        if (kind == GOTO) return s.assoc(POSITION, cmd.get(1));
        if (kind == HOME || kind == CLEAR) return s.assoc(POSITION, ORIGIN);
        if (kind == PENUP_C) return s.assoc(PENDOWN, Boolean.FALSE);
        if (kind == PENDOWN_C) return s.assoc(PENDOWN, Boolean.TRUE);
        if (kind == PENWIDTH_C) return s.assoc(PENWIDTH, cmd.get(1));
        if (kind == PENCOLOR_C) return s.assoc(PENCOLOR, cmd.get(1));
        throw new IllegalStateException("unknown turtle command " + kind);
    }

    private static Tuple p5Call(Tuple cmd, LDict prev, LDict curr) {
        Object kind = cmd.get(0);
        if (kind == FORWARD || kind == BACK || kind == HOME || kind == GOTO) {
            if (!Values.truthy(lookup(curr, PENDOWN))) return null;
            Tuple from = (Tuple) lookup(prev, POSITION);
            Tuple to = (Tuple) lookup(curr, POSITION);
            recordSegment(from, to, curr);
            return Tuple.of(Keyword.of("line"), from.get(0), from.get(1), to.get(0), to.get(1));
        }
        if (kind == PENWIDTH_C) return Tuple.of(Keyword.of("strokeWeight"), lookup(curr, PENWIDTH));
        if (kind == PENCOLOR_C) {
            Tuple c = (Tuple) lookup(curr, PENCOLOR);
            return Tuple.of(Keyword.of("stroke"), c.get(0), c.get(1), c.get(2), c.get(3));
        }
        if (kind == CLEAR) {
            SEGMENTS.clear();
            clears++;
            return Tuple.of(Keyword.of("background"), Arith.ZERO, Arith.ZERO, Arith.ZERO, n(255));
        }
        return null;
    }

    private static void recordSegment(Tuple from, Tuple to, LDict s) {
        double[] c = color4(lookup(s, PENCOLOR), new double[] {255, 255, 255, 255});
        SEGMENTS.add(new Segment(num(from.get(0), 0), num(from.get(1), 0), num(to.get(0), 0), num(to.get(1), 0),
                c[0], c[1], c[2], c[3], num(lookup(s, PENWIDTH), 1)));
    }

    /** A colour argument: gray number, (r, g, b) or (r, g, b, a) of numbers; null otherwise. */
    static Tuple colorArg(Object c) {
        if (c instanceof Double g) return Tuple.of(g, g, g, n(255));
        if (c instanceof Tuple t && (t.size() == 3 || t.size() == 4)) {
            for (int i = 0; i < t.size(); i++) if (!(t.get(i) instanceof Double)) return null;
            return t.size() == 4 ? t : Tuple.of(t.get(0), t.get(1), t.get(2), n(255));
        }
        return null;
    }

    static synchronized Object renderTurtle() {
        LDict s = state();
        if (!Values.truthy(lookup(s, VISIBLE))) return OK;
        Tuple pos = (Tuple) lookup(s, POSITION);
        Object heading = lookup(s, HEADING);
        double[] tri = triangle();
        Object[] calls = {
            Tuple.of(Keyword.of("fill"), n(255), n(255), n(255), n(150)),
            Tuple.of(Keyword.of("push")),
            Tuple.of(Keyword.of("translate"), pos.get(0), pos.get(1)),
            Tuple.of(Keyword.of("rotate"), Arith.mult(heading, Arith.TAU)),
            Tuple.of(Keyword.of("noStroke")),
            Tuple.of(Keyword.of("beginShape")),
            Tuple.of(Keyword.of("vertex"), n(tri[0]), n(tri[1])),
            Tuple.of(Keyword.of("vertex"), n(tri[2]), n(tri[3])),
            Tuple.of(Keyword.of("vertex"), n(tri[4]), n(tri[5])),
            Tuple.of(Keyword.of("endShape")),
            Tuple.of(Keyword.of("stroke"), Arith.ZERO),
            Tuple.of(Keyword.of("line"), Arith.ZERO, Arith.ZERO, n(tri[0]), n(tri[1])),
            Tuple.of(Keyword.of("pop")),
        };
        Object acc = P5_CALLS.get();
        for (Object c : calls) acc = Colls.append(acc, c);
        P5_CALLS.set(acc);
        return OK;
    }

    // ---- prelude functions --------------------------------------------------------------

    /**
     * The names this file defines, in prelude order (aliases right after their target). A
     * class of its own so that listing the names does not initialise this one.
     */
    static final class Names {
        static final String[] LIST = {
            "forward!", "fd!", "back!", "bk!", "left!", "lt!", "right!", "rt!", "penup!", "pu!", "pendown!", "pd!",
            "pencolor!", "pc!", "penwidth!", "pw!", "background!", "bg!", "home!", "clear!", "goto!", "position",
            "heading", "pendown?", "pencolor", "penwidth", "turtle_state", "reset_turtle!", "render_turtle!",
            "colors", "turtle_states", "turtle_commands", "p5_calls", "bgcolor",
        };
    }

    /** The value of one of {@link Names#LIST}: made on first use, see {@link Prelude}. */
    static Object make(String name) {
        return switch (name) {
            case "forward!" -> new Fn("forward!", "Moves the turtle forward by a number of steps, drawing a line if the pen is down.",
                    "(steps as :number)") {
                @Override public Object call1(Object a) {
                    if (a instanceof Double) return command(Tuple.of(FORWARD, a));
                    throw noMatch(a);
                }
            };
            case "fd!" -> Prelude.builtin("forward!");
            case "back!" -> new Fn("back!", "Moves the turtle backward by a number of steps, drawing a line if the pen is down.",
                    "(steps as :number)") {
                @Override public Object call1(Object a) {
                    if (a instanceof Double) return command(Tuple.of(BACK, a));
                    throw noMatch(a);
                }
            };
            case "bk!" -> Prelude.builtin("back!");
            case "left!" -> new Fn("left!", "Turns the turtle counterclockwise by an angle in turns.", "(turns as :number)") {
                @Override public Object call1(Object a) {
                    if (a instanceof Double) return command(Tuple.of(LEFT, a));
                    throw noMatch(a);
                }
            };
            case "lt!" -> Prelude.builtin("left!");
            case "right!" -> new Fn("right!", "Turns the turtle clockwise by an angle in turns.", "(turns as :number)") {
                @Override public Object call1(Object a) {
                    if (a instanceof Double) return command(Tuple.of(RIGHT, a));
                    throw noMatch(a);
                }
            };
            case "rt!" -> Prelude.builtin("right!");
            case "penup!" -> new Fn("penup!", "Raises the pen: the turtle moves without drawing.", "()") {
                @Override public Object call0() { return command(Tuple.of(PENUP_C)); }
            };
            case "pu!" -> Prelude.builtin("penup!");
            case "pendown!" -> new Fn("pendown!", "Lowers the pen: the turtle draws as it moves.", "()") {
                @Override public Object call0() { return command(Tuple.of(PENDOWN_C)); }
            };
            case "pd!" -> Prelude.builtin("pendown!");
            case "pencolor!" -> new Fn("pencolor!", "Sets the pen colour from a gray level, an (r, g, b) or an (r, g, b, a) tuple.",
                    "(gray as :number)", "((r as :number, g as :number, b as :number))",
                    "((r as :number, g as :number, b as :number, a as :number))") {
                @Override public Object call1(Object c) {
                    Tuple col = colorArg(c);
                    if (col == null) throw noMatch(c);
                    return command(Tuple.of(PENCOLOR_C, col));
                }
            };
            case "pc!" -> Prelude.builtin("pencolor!");
            case "penwidth!" -> new Fn("penwidth!", "Sets the width of the pen in pixels.", "(width as :number)") {
                @Override public Object call1(Object w) {
                    if (w instanceof Double) return command(Tuple.of(PENWIDTH_C, w));
                    throw noMatch(w);
                }
            };
            case "pw!" -> Prelude.builtin("penwidth!");
            case "background!" -> new Fn("background!", "Sets the background colour from a gray level, an (r, g, b) or an (r, g, b, a) tuple; returns the colour.",
                    "(gray as :number)", "((r as :number, g as :number, b as :number))",
                    "((r as :number, g as :number, b as :number, a as :number))") {
                @Override public Object call1(Object c) {
                    Tuple col = colorArg(c);
                    if (col == null) throw noMatch(c);
                    return BGCOLOR.set(col);
                }
            };
            case "bg!" -> Prelude.builtin("background!");
            case "home!" -> new Fn("home!", "Moves the turtle back to the origin (0, 0) without changing its heading; draws if the pen is down.", "()") {
                @Override public Object call0() { return command(Tuple.of(HOME)); }
            };
            case "clear!" -> new Fn("clear!", "Erases the drawing and moves the turtle to the origin; the heading is kept.", "()") {
                @Override public Object call0() { return command(Tuple.of(CLEAR)); }
            };
            case "goto!" -> new Fn("goto!", "Moves the turtle to the point (x, y), drawing a line if the pen is down.",
                    "(x as :number, y as :number)", "((x, y))") {
                @Override public Object call2(Object x, Object y) {
                    if (x instanceof Double && y instanceof Double) return command(Tuple.of(GOTO, Tuple.of(x, y)));
                    throw noMatch(x, y);
                }
                @Override public Object call1(Object v) {
                    if (v instanceof Tuple t && t.size() == 2) {
                        if (t.get(0) instanceof Double && t.get(1) instanceof Double) return command(Tuple.of(GOTO, t));
                        throw noMatch(t.get(0), t.get(1));
                    }
                    throw noMatch(v);
                }
            };
            case "position" -> new Fn("position", "Returns the turtle's position as an (x, y) tuple.", "()") {
                @Override public Object call0() { return field(POSITION); }
            };
            case "heading" -> new Fn("heading", "Returns the turtle's heading in turns.", "()") {
                @Override public Object call0() { return field(HEADING); }
            };
            case "pendown?" -> new Fn("pendown?", "Returns true if the turtle's pen is down.", "()") {
                @Override public Object call0() { return field(PENDOWN); }
            };
            case "pencolor" -> new Fn("pencolor", "Returns the pen colour as an (r, g, b, a) tuple.", "()") {
                @Override public Object call0() { return field(PENCOLOR); }
            };
            case "penwidth" -> new Fn("penwidth", "Returns the pen width in pixels.", "()") {
                @Override public Object call0() { return field(PENWIDTH); }
            };
            case "turtle_state" -> new Fn("turtle_state", "Returns the turtle's current state dict.", "()") {
                @Override public Object call0() { return state(); }
            };
            case "reset_turtle!" -> new Fn("reset_turtle!", "Resets the turtle's states to the initial state only; returns that list.", "()") {
                @Override public Object call0() { return TURTLE_STATES.set(LList.of(INITIAL)); }
            };
            case "render_turtle!" -> new Fn("render_turtle!", "Adds the drawing calls for the turtle itself to p5_calls, if it is visible.", "()") {
                @Override public Object call0() { return renderTurtle(); }
            };
            case "colors" -> COLORS;
            case "turtle_states" -> TURTLE_STATES;
            case "turtle_commands" -> TURTLE_COMMANDS;
            case "p5_calls" -> P5_CALLS;
            case "bgcolor" -> BGCOLOR;
            default -> null;
        };
    }
}
