package dev.ludus.runtime.turtle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ludus.runtime.Launcher;
import dev.ludus.runtime.LudusPanic;
import dev.ludus.runtime.RunOptions;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --svg/--png through Launcher.run: written after a completed run and after a panic. */
class TurtleOutputTest {
    @TempDir Path dir;

    record Run(String out, String err, int exit) {}

    static Run run(Class<?> module, RunOptions opts) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code;
        try (var o = new PrintStream(out, true, StandardCharsets.UTF_8);
             var e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Launcher.run(module, opts.withSeed(1L), o, e);
        }
        return new Run(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), code);
    }

    /** A "compiled module" drawing the square (the Launcher resets the prelude first). */
    public static final class Square {
        public static Object $run() {
            Turtles.square();
            return Turtles.call("position");
        }
    }

    /** Draws one line, then panics. */
    public static final class DrawThenPanic {
        public static Object $run() {
            Turtles.call("forward!", 50);
            throw new LudusPanic("Division by zero.");
        }
    }

    public static final class Bug {
        public static Object $run() {
            Turtles.call("forward!", 50);
            throw new IllegalStateException("bug");
        }
    }

    static int svgLines(Path svg) throws Exception {
        String text = Files.readString(svg);
        assertTrue(text.startsWith("<?xml") && text.endsWith("</svg>\n"), text);
        return text.split("<line ", -1).length - 1;
    }

    @Test void completedRunWritesBothFiles() throws Exception {
        Path svg = dir.resolve("sq.svg"), png = dir.resolve("sq.png");
        Run r = run(Square.class, RunOptions.defaults().withSvg(svg).withPng(png).withSize(200, 150));
        assertEquals(0, r.exit());
        assertEquals("", r.err());
        assertTrue(r.out().startsWith("=> ("), r.out());
        assertEquals(4 + 1, svgLines(svg)); // the square and the turtle's nose
        assertTrue(Files.readString(svg).contains("width=\"200\" height=\"150\""));
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(200, img.getWidth());
        assertEquals(150, img.getHeight());
    }

    @Test void panickedRunStillWritesTheDrawing() throws Exception {
        Path svg = dir.resolve("p.svg"), png = dir.resolve("p.png");
        Run r = run(DrawThenPanic.class, RunOptions.defaults().withSvg(svg).withPng(png));
        assertEquals(1, r.exit());
        assertEquals("Ludus panicked!\nDivision by zero.\n", r.out());
        assertEquals("ludus: panic: Division by zero.\n", r.err());
        assertEquals(1 + 1, svgLines(svg));
        assertTrue(Files.size(png) > 0);
    }

    @Test void noFilesAfterAnInternalError() {
        Path svg = dir.resolve("bug.svg");
        Run r = run(Bug.class, RunOptions.defaults().withSvg(svg));
        assertEquals(2, r.exit());
        assertFalse(Files.exists(svg));
        assertFalse(r.err().contains("cannot write"), r.err());
    }

    @Test void nothingRequestedNothingWritten() throws Exception {
        Run r = run(Square.class, RunOptions.defaults());
        assertEquals(0, r.exit());
        assertEquals("", r.err());
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    @Test void unwritableFileFailsAnOtherwiseSuccessfulRun() throws Exception {
        Path svg = dir.resolve("missing/dir/out.svg"), png = dir.resolve("ok.png");
        Run r = run(Square.class, RunOptions.defaults().withSvg(svg).withPng(png));
        assertEquals(Launcher.EXIT_OUTPUT, r.exit());
        assertEquals(2, r.exit());
        assertTrue(r.out().startsWith("=> "), "the report is still printed: " + r.out());
        assertEquals("ludus: cannot write " + svg + ": no such directory\n", r.err());
        assertTrue(Files.exists(png), "the other file is still written");
    }

    @Test void aPanicKeepsItsExitStatusWhenAFileCannotBeWritten() {
        Path png = dir; // a directory
        Run r = run(DrawThenPanic.class, RunOptions.defaults().withPng(png));
        assertEquals(1, r.exit());
        assertTrue(r.err().endsWith("ludus: cannot write " + dir + ": is a directory\n"), r.err());
    }

    @Test void hugePngCanvasIsOneClearLine() {
        Path png = dir.resolve("huge.png");
        Run r = run(Square.class, RunOptions.defaults().withPng(png).withSize(20_000, 20_000));
        assertEquals(2, r.exit());
        assertEquals("ludus: cannot write " + png + ": a 20000x20000 canvas is too large for PNG (at most 67108864 pixels)\n",
                r.err());
        assertFalse(Files.exists(png));
    }

    @Test void existingFilesAreReplaced() throws Exception {
        Path svg = dir.resolve("old.svg");
        Files.writeString(svg, "x".repeat(100_000));
        assertEquals(0, run(Square.class, RunOptions.defaults().withSvg(svg)).exit());
        assertEquals(5, svgLines(svg));
    }
}
