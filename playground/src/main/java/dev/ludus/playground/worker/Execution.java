package dev.ludus.playground.worker;

import dev.ludus.compiler.BigStack;
import dev.ludus.compiler.CompiledProgram;
import dev.ludus.compiler.LudusCompiler;
import dev.ludus.compiler.ProgramClassLoader;
import dev.ludus.compiler.diagnostic.CompileErrors;
import dev.ludus.compiler.diagnostic.HumanReport;
import dev.ludus.compiler.diagnostic.ReferenceReport;
import dev.ludus.compiler.resolve.ImportPolicy;
import dev.ludus.compiler.syntax.SourceText;
import dev.ludus.playground.RunResult;
import dev.ludus.runtime.Launcher;
import dev.ludus.runtime.RunOptions;
import dev.ludus.runtime.prelude.Turtle;
import dev.ludus.runtime.turtle.Scene;
import dev.ludus.runtime.turtle.SvgRenderer;
import dev.ludus.runtime.turtle.TurtleOutput;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run inside a worker, as {@code ludus run} does it: compile in memory (imports only from the
 * playground's directory, if any), run on the launcher, capture both streams with a cap, and
 * render the drawing as {@code --svg} would.
 */
final class Execution {
    /** The name the program has in reports (and in the editor's error marks). */
    static final String NAME = "program.ld";
    private static final Pattern LOCATION = Pattern.compile(Pattern.quote(NAME) + ":(\\d+):(\\d+)");

    private final Path dir;
    private final int outputBytes;
    private final int drawingSegments;
    private boolean launched;

    Execution(Path dir, int outputBytes, int drawingSegments) {
        this.dir = dir;
        this.outputBytes = outputBytes;
        this.drawingSegments = drawingSegments;
    }

    RunResult run(String source, Long seed) {
        long start = System.nanoTime();
        CappedStream outBytes = new CappedStream(outputBytes), errBytes = new CappedStream(outputBytes);
        PrintStream out = new PrintStream(outBytes, false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(errBytes, false, StandardCharsets.UTF_8);
        int exit;
        launched = false;
        try {
            exit = compileAndRun(source, seed, out, err);
        } catch (CappedStream.Exceeded e) {
            exit = 1;
        }
        try {
            out.flush();
            err.flush();
        } catch (CappedStream.Exceeded ignored) {
            // the limit is reported below
        }
        String stdout = outBytes.text(), stderr = errBytes.text(), limit = null, svg = null;
        if (outBytes.exceeded() || errBytes.exceeded()) {
            limit = RunResult.OUTPUT;
            exit = 1;
            stderr = "The program printed more than " + outputBytes / 1000 + " kB and was stopped (output limit).\n";
        } else if (launched && exit != Launcher.EXIT_INTERNAL) {
            Turtle.Drawing drawing = Turtle.drawing();
            if (drawing.segments().size() > drawingSegments) {
                limit = RunResult.DRAWING;
                exit = 1;
                stderr += "The drawing has " + drawing.segments().size() + " lines, more than the playground shows ("
                        + drawingSegments + "; drawing limit).\n";
            } else if (TurtleOutput.drewAnything(drawing)) {
                svg = SvgRenderer.render(Scene.of(drawing, RunOptions.DEFAULT_SIZE, RunOptions.DEFAULT_SIZE));
            }
        }
        int line = 0, column = 0;
        Matcher m = LOCATION.matcher(stderr);
        if (exit != 0 && m.find()) {
            line = Integer.parseInt(m.group(1));
            column = Integer.parseInt(m.group(2));
        }
        return new RunResult(stdout, stderr, exit, svg, limit, line, column, (System.nanoTime() - start) / 1_000_000, 0);
    }

    private int compileAndRun(String source, Long seed, PrintStream out, PrintStream err) {
        SourceText text = new SourceText(NAME, dir == null ? null : dir.resolve(NAME), source);
        ImportPolicy policy = dir == null
                ? ImportPolicy.none("import is not available here: this playground was started without a directory"
                        + " (ludus play DIR lets programs import the .ld files in DIR)")
                : ImportPolicy.within(dir, "the playground imports only files inside its directory");
        CompiledProgram program;
        try {
            program = BigStack.call("ludus-compile", () -> LudusCompiler.emit(LudusCompiler.analyse(text, policy)));
        } catch (CompileErrors e) {
            out.print(ReferenceReport.render(e.diagnostics()));
            err.print(HumanReport.render(e.diagnostics(), false));
            return 1;
        } catch (Exception | LinkageError | StackOverflowError e) {
            return internalError(e, out);
        }
        Class<?> main;
        try {
            main = Class.forName(program.mainClass(), false, new ProgramClassLoader(program, Execution.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
            return internalError(e, out);
        }
        launched = true; // the launcher resets the turtle: from here on the drawing is this run's
        return Launcher.run(main, RunOptions.defaults().withSeed(seed), out, err);
    }

    private static int internalError(Throwable t, PrintStream out) {
        out.print("Ludus internal error: " + t + "\n");
        return 2;
    }
}
