package dev.ludus.runtime.turtle;

import dev.ludus.runtime.NumberFormat;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a {@link Scene} as SVG (language.md §12.4): a full-canvas background rect, one
 * {@code <line>} per pen-down segment (in group {@code drawing}), then the visible turtle (in
 * group {@code turtle}). Every number uses the §9.3 format. Opacities are separate
 * {@code stroke-opacity}/{@code fill-opacity} attributes rather than {@code rgba()}, which older
 * SVG renderers do not read.
 */
public final class SvgRenderer {
    private SvgRenderer() {}

    /** The SVG document as a string. */
    public static String render(Scene scene) {
        StringWriter w = new StringWriter();
        try {
            write(scene, w);
        } catch (IOException e) {
            throw new IllegalStateException("StringWriter cannot fail", e);
        }
        return w.toString();
    }

    /** Writes the SVG document to {@code path} (UTF-8), replacing any existing file. */
    public static void write(Scene scene, Path path) throws IOException {
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(path, StandardCharsets.UTF_8), 1 << 16)) {
            write(scene, w);
        }
    }

    /** Writes the SVG document to {@code w} (streamed: a drawing may have millions of lines). */
    public static void write(Scene scene, Writer w) throws IOException {
        String width = n(scene.width()), height = n(scene.height());
        w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        w.write("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + width + "\" height=\"" + height
                + "\" viewBox=\"0 0 " + width + " " + height + "\">\n");
        w.write("<rect id=\"background\" x=\"0\" y=\"0\" width=\"" + width + "\" height=\"" + height + "\""
                + fill(scene.background()) + "/>\n");
        w.write("<g id=\"drawing\">\n");
        for (Scene.Line line : scene.lines()) w.write(line(line));
        w.write("</g>\n");
        Scene.TurtleShape t = scene.turtle();
        if (t != null) {
            w.write("<g id=\"turtle\">\n");
            StringBuilder points = new StringBuilder();
            for (Scene.Point p : t.triangle()) {
                if (points.length() > 0) points.append(' ');
                points.append(n(p.x())).append(',').append(n(p.y()));
            }
            w.write("<polygon points=\"" + points + "\"" + fill(t.fill()) + " stroke=\"none\"/>\n");
            w.write(line(t.nose()));
            w.write("</g>\n");
        }
        w.write("</svg>\n");
    }

    private static String line(Scene.Line l) {
        return "<line x1=\"" + n(l.from().x()) + "\" y1=\"" + n(l.from().y()) + "\" x2=\"" + n(l.to().x())
                + "\" y2=\"" + n(l.to().y()) + "\" stroke=\"" + rgb(l.paint()) + "\" stroke-opacity=\""
                + n(l.paint().opacity()) + "\" stroke-width=\"" + n(l.width()) + "\" stroke-linecap=\"round\"/>\n";
    }

    private static String fill(Scene.Paint p) {
        return " fill=\"" + rgb(p) + "\" fill-opacity=\"" + n(p.opacity()) + "\"";
    }

    private static String rgb(Scene.Paint p) {
        return "rgb(" + n(p.r()) + "," + n(p.g()) + "," + n(p.b()) + ")";
    }

    private static String n(double d) { return NumberFormat.format(d); }
}
