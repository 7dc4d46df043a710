package dev.ludus.runtime.turtle;

import dev.ludus.runtime.RunOptions;
import dev.ludus.runtime.prelude.Turtle;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Writes the final turtle drawing to the files a run asked for ({@code --svg}, {@code --png},
 * {@code --size}; language.md §12.4). A file that cannot be written is reported as one line
 * {@code ludus: cannot write PATH: REASON} on stderr; the other file is still attempted.
 */
public final class TurtleOutput {
    private TurtleOutput() {}

    /**
     * Whether the last run drew anything worth showing: a line, a background colour or a
     * {@code clear!} (the playground sends a drawing, {@code ludus run} hints at {@code --svg}).
     */
    public static boolean drewAnything() {
        // without touching the turtle (building its state costs start-up time) if it never ran
        return dev.ludus.runtime.prelude.Prelude.turtleUsed() && drewAnything(Turtle.drawing());
    }

    /** As {@link #drewAnything()} for a given drawing. */
    public static boolean drewAnything(Turtle.Drawing d) {
        double[] bg = d.background();
        boolean defaultBackground = bg[0] == 0 && bg[1] == 0 && bg[2] == 0 && bg[3] == 255;
        return !d.segments().isEmpty() || d.clears() > 0 || !defaultBackground;
    }

    /**
     * Writes the requested files from the prelude's current drawing ({@link Turtle#drawing()});
     * returns false if any could not be written (each failure reported on {@code err}).
     */
    public static boolean write(RunOptions opts, PrintStream err) {
        if (!opts.writesDrawing()) return true;
        Scene scene = Scene.of(Turtle.drawing(), opts.width(), opts.height());
        boolean ok = true;
        if (opts.svgPath() != null) ok &= attempt(opts.svgPath(), err, () -> SvgRenderer.write(scene, opts.svgPath()));
        if (opts.pngPath() != null) ok &= attempt(opts.pngPath(), err, () -> PngRenderer.write(scene, opts.pngPath()));
        return ok;
    }

    @FunctionalInterface
    private interface Writing {
        void run() throws IOException;
    }

    private static boolean attempt(Path path, PrintStream err, Writing writing) {
        String reason;
        try {
            writing.run();
            return true;
        } catch (IOException e) {
            reason = reason(path, e);
        } catch (IllegalArgumentException e) {
            reason = e.getMessage(); // canvas too large for PNG
        } catch (OutOfMemoryError e) {
            reason = "not enough memory for the image (try a smaller --size)";
        }
        err.println("ludus: cannot write " + path + ": " + reason);
        err.flush();
        return false;
    }

    /** A short human reason for an I/O failure (no Java exception names). */
    static String reason(Path path, IOException e) {
        if (Files.isDirectory(path)) return "is a directory";
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) return "no such directory";
        if (e instanceof AccessDeniedException) return "permission denied";
        if (e instanceof NoSuchFileException) return "no such file or directory";
        if (e instanceof FileSystemException f && f.getReason() != null) return f.getReason();
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
