package dev.ludus.runtime.turtle;

import dev.ludus.runtime.prelude.Arith;
import dev.ludus.runtime.prelude.Turtle;
import dev.ludus.runtime.value.Tuple;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The turtle's final drawing in screen coordinates (language.md §12.4), computed once so that
 * the SVG and the PNG renderers draw exactly the same geometry and colours.
 *
 * <p>A turtle point (x, y) is drawn at screen (W/2 − x, H/2 − y): y points up and x is
 * mirrored, so that heading 0 points up the screen and {@code right!} turns clockwise.
 *
 * <p>Values the prelude does not validate are made drawable here (and identically for both
 * formats): colour channels are clamped to 0–255 (NaN → 0), a negative or non-finite pen width
 * draws nothing (width 0), and a segment or turtle with a non-finite coordinate is left out,
 * since neither format can place it.
 */
public record Scene(int width, int height, Paint background, List<Line> lines, TurtleShape turtle) {

    /** A colour with channels 0–255 (already clamped); {@link #opacity()} is a/255. */
    public record Paint(double r, double g, double b, double a) {
        public static final Paint BLACK = new Paint(0, 0, 0, 255);
        /** The turtle's fill: white at 150/255 (render_turtle!'s {@code (:fill, 255, 255, 255, 150)}). */
        public static final Paint TURTLE_FILL = new Paint(255, 255, 255, 150);

        static Paint of(double[] rgba) {
            return new Paint(channel(rgba[0]), channel(rgba[1]), channel(rgba[2]), channel(rgba[3]));
        }

        private static double channel(double v) {
            return Double.isNaN(v) ? 0 : Math.max(0, Math.min(255, v));
        }

        public double opacity() { return a / 255; }
    }

    public record Point(double x, double y) {}

    /** A straight line in screen coordinates, drawn with round caps. */
    public record Line(Point from, Point to, Paint paint, double width) {}

    /** The visible turtle: a filled triangle without stroke, and a black "nose" line. */
    public record TurtleShape(List<Point> triangle, Paint fill, Line nose) {}

    public Scene {
        lines = Collections.unmodifiableList(new ArrayList<>(lines));
    }

    /** The scene of {@code drawing} on a {@code width} × {@code height} canvas. */
    public static Scene of(Turtle.Drawing drawing, int width, int height) {
        double cx = width / 2.0, cy = height / 2.0;
        List<Line> lines = new ArrayList<>(drawing.segments().size());
        for (Turtle.Segment s : drawing.segments()) {
            if (!finite(s.x1(), s.y1(), s.x2(), s.y2())) continue;
            lines.add(new Line(new Point(cx - s.x1(), cy - s.y1()), new Point(cx - s.x2(), cy - s.y2()),
                    Paint.of(new double[] {s.r(), s.g(), s.b(), s.a()}), width(s.width())));
        }
        return new Scene(width, height, Paint.of(drawing.background()), lines, turtle(drawing.turtle(), cx, cy));
    }

    private static TurtleShape turtle(Turtle.TurtleView t, double cx, double cy) {
        if (!t.visible() || !finite(t.x(), t.y(), t.heading())) return null;
        // The turtle's frame: the triangle of render_turtle!, rotated by the heading (turns,
        // with the prelude's own rotate so the maths matches the p5 calls) and moved to the
        // position.
        double[] tri = Turtle.triangle();
        List<Point> points = new ArrayList<>(3);
        for (int i = 0; i < 6; i += 2) points.add(place(tri[i], tri[i + 1], t, cx, cy));
        // The nose goes from the centre to (0, 20) in the turtle's frame, which is the first
        // vertex. Its width is the pen width: the reference replays p5 calls, and stroke weight
        // is still the last penwidth! when render_turtle!'s (:stroke, 0) line is drawn.
        Line nose = new Line(place(0, 0, t, cx, cy), points.get(0), Paint.BLACK, width(t.penwidth()));
        return new TurtleShape(List.copyOf(points), Paint.TURTLE_FILL, nose);
    }

    private static Point place(double x, double y, Turtle.TurtleView t, double cx, double cy) {
        Tuple r = (Tuple) Arith.rotate(Tuple.of(x, y), t.heading());
        double tx = (Double) r.get(0) + t.x(), ty = (Double) r.get(1) + t.y();
        return new Point(cx - tx, cy - ty);
    }

    private static double width(double w) {
        return Double.isFinite(w) && w > 0 ? w : 0;
    }

    private static boolean finite(double... vs) {
        for (double v : vs) if (!Double.isFinite(v)) return false;
        return true;
    }
}
