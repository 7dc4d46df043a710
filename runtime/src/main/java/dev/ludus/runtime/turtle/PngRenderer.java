package dev.ludus.runtime.turtle;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Paints a {@link Scene} with Java2D into an ARGB image and writes it as PNG: the same geometry
 * and colours as {@link SvgRenderer} (round caps, antialiasing, exact sub-pixel stroking), so a
 * translucent background stays translucent as it would in the SVG.
 *
 * <p>A pen width of 0 draws nothing (as in SVG), whereas Java2D would draw a hairline.
 */
public final class PngRenderer {
    private PngRenderer() {}

    static {
        // Before AWT initialises: no display is needed (servers, CI); keep an explicit choice.
        if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
    }

    /** The largest canvas rendered (4 bytes a pixel: 256 MiB), so a typo in --size fails cleanly. */
    public static final long MAX_PIXELS = 1L << 26;

    /** Renders {@code scene}; throws IllegalArgumentException if the canvas exceeds {@link #MAX_PIXELS}. */
    public static BufferedImage render(Scene scene) {
        long pixels = (long) scene.width() * scene.height();
        if (pixels > MAX_PIXELS) {
            throw new IllegalArgumentException("a " + scene.width() + "x" + scene.height()
                    + " canvas is too large for PNG (at most " + MAX_PIXELS + " pixels)");
        }
        BufferedImage image = new BufferedImage(scene.width(), scene.height(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            // PURE: no nudging of strokes to pixel centres, so geometry matches the SVG's.
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(color(scene.background()));
            g.fill(new Rectangle2D.Double(0, 0, scene.width(), scene.height()));
            for (Scene.Line line : scene.lines()) draw(g, line);
            Scene.TurtleShape t = scene.turtle();
            if (t != null) {
                Path2D.Double tri = new Path2D.Double();
                tri.moveTo(t.triangle().get(0).x(), t.triangle().get(0).y());
                for (int i = 1; i < t.triangle().size(); i++) tri.lineTo(t.triangle().get(i).x(), t.triangle().get(i).y());
                tri.closePath();
                g.setColor(color(t.fill()));
                g.fill(tri);
                draw(g, t.nose());
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Writes the PNG to {@code path}, replacing any existing file. */
    public static void write(Scene scene, Path path) throws IOException {
        BufferedImage image = render(scene);
        ImageIO.setUseCache(false); // encode in memory, no temporary files
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16)) {
            if (!ImageIO.write(image, "png", out)) throw new IOException("no PNG encoder in this Java runtime");
        }
    }

    private static void draw(Graphics2D g, Scene.Line line) {
        if (line.width() <= 0) return;
        g.setColor(color(line.paint()));
        g.setStroke(new BasicStroke((float) line.width(), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Double(line.from().x(), line.from().y(), line.to().x(), line.to().y()));
    }

    private static Color color(Scene.Paint p) {
        return new Color(channel(p.r()), channel(p.g()), channel(p.b()), channel(p.a()));
    }

    private static int channel(double v) { return (int) Math.round(v); }
}
