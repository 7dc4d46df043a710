package dev.ludus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Turtle output end to end (spec §12.4): Ludus source compiled and run by {@code ludus run}
 * with --svg/--png/--size, the examples, and a compiled jar's own command line.
 */
class TurtleOutputCliTest {
    static final Path EXAMPLES = Path.of("..", "examples");

    @TempDir Path dir;

    static MainTest.Result ludus(String... args) {
        return MainTest.ludus(args);
    }

    /** The drawing's lines (not the turtle's) as {x1, y1, x2, y2}. */
    static List<double[]> drawingLines(Path svg) throws Exception {
        String text = Files.readString(svg);
        String drawing = text.substring(text.indexOf("<g id=\"drawing\">"), text.indexOf("</g>"));
        Matcher m = Pattern.compile("<line x1=\"([^\"]+)\" y1=\"([^\"]+)\" x2=\"([^\"]+)\" y2=\"([^\"]+)\"").matcher(drawing);
        List<double[]> lines = new ArrayList<>();
        while (m.find()) {
            lines.add(new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)),
                Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4))});
        }
        return lines;
    }

    @Test
    void aDrawingRunWithoutSvgGetsAHint() throws Exception {
        Path src = dir.resolve("line.ld"), plain = dir.resolve("plain.ld");
        Files.writeString(src, "forward! (10)\n:ok\n");
        Files.writeString(plain, "print! (1)\n");
        MainTest.Result drew = ludus("run", src.toString());
        assertEquals("=> :ok\n", drew.out());
        assertEquals("ludus: the program drew something: see it with --svg FILE, --png FILE or --open\n", drew.err());
        assertEquals("", ludus("run", plain.toString()).err());
        assertEquals("", ludus("run", src.toString(), "--svg", dir.resolve("x.svg").toString()).err());
    }

    @Test
    void squareFromLudusSource() throws Exception {
        Path src = dir.resolve("square.ld");
        Files.writeString(src, "repeat 4 { forward! (100); right! (0.25) }\nposition ()\n");
        Path svg = dir.resolve("square.svg"), png = dir.resolve("square.png");
        MainTest.Result r = ludus("run", src.toString(), "--svg", svg.toString(), "--png", png.toString(), "--size", "400x300");
        assertEquals(0, r.exit(), r.err());
        assertEquals("=> (-1.4210854715202004e-14, -1.028208126774506e-14)\n", r.out());
        assertEquals("", r.err());
        // up, right, down, left on screen from the centre (200, 150)
        double[][] expected = {{200, 150, 200, 50}, {200, 50, 300, 50}, {300, 50, 300, 150}, {300, 150, 200, 150}};
        List<double[]> lines = drawingLines(svg);
        assertEquals(4, lines.size());
        for (int i = 0; i < 4; i++) {
            for (int k = 0; k < 4; k++) assertEquals(expected[i][k], lines.get(i)[k], 1e-6, "line " + i);
        }
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(400, img.getWidth());
        assertEquals(300, img.getHeight());
        assertTrue((img.getRGB(250, 50) & 0xff) > 100, "top edge drawn");
        assertEquals(0xff000000, img.getRGB(150, 50), "left of the square is background");
    }

    @Test
    void panicStillWritesTheDrawing() throws Exception {
        Path src = dir.resolve("oops.ld");
        Files.writeString(src, "forward! (50)\nforward! (:far)\n");
        Path svg = dir.resolve("oops.svg");
        MainTest.Result r = ludus("run", src.toString(), "--svg", svg.toString());
        assertEquals(1, r.exit());
        assertTrue(r.out().startsWith("Ludus panicked"), r.out());
        assertEquals(1, drawingLines(svg).size());
    }

    @Test
    void unwritableOutputIsExitTwo() throws Exception {
        Path src = dir.resolve("ok.ld");
        Files.writeString(src, "forward! (50)\n");
        Path svg = dir.resolve("no/such/dir/x.svg");
        MainTest.Result r = ludus("run", src.toString(), "--svg", svg.toString());
        assertEquals(2, r.exit());
        assertEquals("=> :ok\n", r.out());
        assertEquals("ludus: cannot write " + svg + ": no such directory\n", r.err());
    }

    @Test
    void examplesRender() throws Exception {
        Path svg = dir.resolve("star.svg"), png = dir.resolve("star.png");
        MainTest.Result r = ludus("run", EXAMPLES.resolve("turtle-star.ld").toString(), "--svg", svg.toString(), "--png", png.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("=> :star\n", r.out());
        assertEquals(5 + 72, drawingLines(svg).size()); // the star's edges and the ring
        assertEquals(640, ImageIO.read(png.toFile()).getWidth());

        Path sq = dir.resolve("square.svg");
        r = ludus("run", EXAMPLES.resolve("turtle-square.ld").toString(), "--svg", sq.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(12 * 4, drawingLines(sq).size());
    }

    @Test
    void compiledJarTakesTheSameOptions() throws Exception {
        Path src = dir.resolve("tri.ld");
        Files.writeString(src, "repeat 3 { forward! (90); right! (div (1, 3)) }\n:done\n");
        Path jar = dir.resolve("tri.jar");
        MainTest.Result c = ludus("compile", src.toString(), "-o", jar.toString());
        assertEquals(0, c.exit(), c.err());
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(javaBin, "-jar", jar.toString(), "--svg", "tri.svg", "--png=tri.png", "--size", "120", "--print-result")
                .directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "java timed out");
        assertEquals(0, p.exitValue(), out);
        assertEquals("=> :done\n", out);
        assertEquals(3, drawingLines(dir.resolve("tri.svg")).size());
        BufferedImage img = ImageIO.read(dir.resolve("tri.png").toFile());
        assertEquals(120, img.getWidth());
        assertEquals(120, img.getHeight());
    }
}
