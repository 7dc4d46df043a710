package dev.ludus.runtime.turtle;

import static dev.ludus.runtime.turtle.Turtles.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PNG: same picture as the SVG, checked pixel by pixel against the expected geometry. */
class PngRendererTest {
    @BeforeEach void reset() { Turtles.reset(); }

    static int argb(double r, double g, double b, double a) {
        return (int) Math.round(a) << 24 | (int) Math.round(r) << 16 | (int) Math.round(g) << 8 | (int) Math.round(b);
    }

    static int channelDiff(int p, int q) {
        int max = 0;
        for (int s = 0; s < 32; s += 8) max = Math.max(max, Math.abs((p >>> s & 255) - (q >>> s & 255)));
        return max;
    }

    /** Distance from (px, py) to the segment (x1, y1)–(x2, y2). */
    static double distance(double px, double py, double x1, double y1, double x2, double y2) {
        double dx = x2 - x1, dy = y2 - y1, len2 = dx * dx + dy * dy;
        double t = len2 == 0 ? 0 : Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / len2));
        return Math.hypot(px - (x1 + t * dx), py - (y1 + t * dy));
    }

    /**
     * Along every expected segment (screen: W/2 − x, H/2 − y) some pixel next to the path is
     * clearly not background; every pixel well away from all segments and from the turtle is
     * exactly the background.
     */
    static void assertPicture(BufferedImage img, Turtles.Model m, int background) {
        int w = img.getWidth(), h = img.getHeight();
        for (Turtles.Expected e : m.lines) {
            for (double t = 0.05; t < 1; t += 0.1) {
                double x = w / 2.0 - (e.x1() + t * (e.x2() - e.x1())), y = h / 2.0 - (e.y1() + t * (e.y2() - e.y1()));
                if (nearTurtle(x, y, m, w, h)) continue; // the turtle is drawn on top
                int best = 0;
                for (int dx = -1; dx <= 1; dx++) {
                    for (int dy = -1; dy <= 1; dy++) {
                        int px = (int) Math.floor(x) + dx, py = (int) Math.floor(y) + dy;
                        if (px >= 0 && py >= 0 && px < w && py < h) best = Math.max(best, channelDiff(img.getRGB(px, py), background));
                    }
                }
                assertTrue(best >= 100, "no ink near (" + x + ", " + y + ") on " + e);
            }
        }
        int checked = 0;
        for (int px = 0; px < w; px += 3) {
            for (int py = 0; py < h; py += 3) {
                double cx = px + 0.5, cy = py + 0.5;
                if (nearTurtle(cx, cy, m, w, h)) continue;
                boolean near = false;
                for (Turtles.Expected e : m.lines) {
                    double d = distance(cx, cy, w / 2.0 - e.x1(), h / 2.0 - e.y1(), w / 2.0 - e.x2(), h / 2.0 - e.y2());
                    if (d < e.width() / 2 + 1.5) { near = true; break; }
                }
                if (near) continue;
                assertEquals(Integer.toHexString(background), Integer.toHexString(img.getRGB(px, py)),
                        "background expected at (" + px + ", " + py + ")");
                checked++;
            }
        }
        assertTrue(checked > w * h / 9 / 2, "most of the canvas is background");
    }

    /** Within reach of the turtle's triangle (radius 20) and its nose line. */
    static boolean nearTurtle(double x, double y, Turtles.Model m, int w, int h) {
        return Math.hypot(x - (w / 2.0 - m.x), y - (h / 2.0 - m.y)) < 20 + m.width / 2 + 2;
    }

    static void assertColor(BufferedImage img, double x, double y, int expected, int tolerance) {
        int px = (int) Math.floor(img.getWidth() / 2.0 - x), py = (int) Math.floor(img.getHeight() / 2.0 - y);
        int actual = img.getRGB(px, py);
        assertTrue(channelDiff(actual, expected) <= tolerance, "at turtle (" + x + ", " + y + ") pixel (" + px + ", " + py
                + "): expected " + Integer.toHexString(expected) + ", got " + Integer.toHexString(actual));
    }

    @Test void square() {
        Turtles.Model m = Turtles.square();
        BufferedImage img = PngRenderer.render(Turtles.scene());
        assertEquals(640, img.getWidth());
        assertEquals(640, img.getHeight());
        assertPicture(img, m, 0xff000000);
        // the square is above and to the right of the centre (heading 0 up, right! clockwise)
        assertTrue(channelDiff(img.getRGB(370, 220), 0xff000000) > 100, "top edge at y = 220");
        assertTrue(channelDiff(img.getRGB(420, 270), 0xff000000) > 100, "right edge at x = 420");
        assertEquals(0xff000000, img.getRGB(270, 220), "nothing to the left");
        // the turtle at home facing up: a white 150/255 triangle, pointing up, over black
        assertColor(img, -6, -10, argb(150, 150, 150, 255), 2);
        assertColor(img, 6, -10, argb(150, 150, 150, 255), 2);
        assertEquals(0xff000000, img.getRGB(320 + 6, 320 + 18), "below the triangle's base");
    }

    @Test void spiral() {
        Turtles.Model m = Turtles.spiral();
        BufferedImage img = PngRenderer.render(Turtles.scene());
        assertPicture(img, m, 0xff000000);
    }

    @Test void colouredStar() {
        Turtles.Model m = Turtles.star();
        BufferedImage img = PngRenderer.render(Turtles.scene());
        int bg = argb(10, 20, 30, 255);
        assertPicture(img, m, bg);
        // the middle of each edge crosses no other edge: exactly the pen colour there (the
        // translucent one blended over the background)
        for (int i = 0; i < m.lines.size(); i++) {
            Turtles.Expected e = m.lines.get(i);
            double[] c = e.rgba();
            double a = c[3] / 255;
            int expected = argb(c[0] * a + 10 * (1 - a), c[1] * a + 20 * (1 - a), c[2] * a + 30 * (1 - a), 255);
            assertColor(img, (e.x1() + e.x2()) / 2, (e.y1() + e.y2()) / 2, expected, 2);
        }
    }

    @Test void sizeAndOrigin() {
        Turtles.Model m = new Turtles.Model().width(3).go(100, 50);
        BufferedImage img = PngRenderer.render(Turtles.scene(300, 200));
        assertEquals(300, img.getWidth());
        assertEquals(200, img.getHeight());
        assertPicture(img, m, 0xff000000);
        assertColor(img, 50, 25, 0xffffffff, 2);
    }

    @Test void translucentBackgroundStaysTranslucent() {
        call("bg!", Turtles.rgba(0, 0, 255, 100));
        BufferedImage img = PngRenderer.render(Turtles.scene(50, 50));
        assertEquals(argb(0, 0, 255, 100), img.getRGB(2, 2));
    }

    @Test void zeroWidthDrawsNothing() {
        call("penwidth!", 0);
        call("forward!", 100);
        BufferedImage img = PngRenderer.render(Turtles.scene());
        assertEquals(0xff000000, img.getRGB(320, 250));
        assertEquals(0xff000000, img.getRGB(319, 250));
    }

    @Test void tooLargeACanvasIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PngRenderer.render(Turtles.scene(100_000, 100_000)));
        assertEquals("a 100000x100000 canvas is too large for PNG (at most 67108864 pixels)", e.getMessage());
    }

    @Test void writesAPngFile(@TempDir Path dir) throws Exception {
        Turtles.Model m = Turtles.star();
        Path file = dir.resolve("star.png");
        PngRenderer.write(Turtles.scene(400, 400), file);
        BufferedImage img = ImageIO.read(file.toFile());
        assertEquals(400, img.getWidth());
        assertEquals(400, img.getHeight());
        assertPicture(img, m, argb(10, 20, 30, 255));
        assertTrue(List.of(ImageIO.getReaderFileSuffixes()).contains("png"));
    }
}
