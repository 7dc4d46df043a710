package dev.ludus.cli;

import dev.ludus.runtime.Launcher;
import dev.ludus.runtime.RunOptions;
import dev.ludus.runtime.turtle.TurtleOutput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "run", description = {
        "Compile and run a Ludus program.",
        "Prints what the program prints, then `=> ` and the value of its last expression. If the program has an error or panics, says where and why."}, footer = {"", "Examples:", "  ludus run examples/hello.ld", "  ludus run examples/turtle-star.ld --svg star.svg --png star.png", "  ludus run examples/turtle-star.ld --open", "  echo 'print! (\"hi\")' | ludus run -", "", Main.EXIT_STATUS})
final class RunCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(paramLabel = "FILE", description = "The program (`-` reads it from standard input).")
    String file;

    @Mixin
    SeedOption seed;

    @Mixin
    TimeLimitOption timeLimit;

    @Option(names = "--svg", paramLabel = "PATH", description = "Write the turtle drawing as SVG.")
    Path svg;

    @Option(names = "--png", paramLabel = "PATH", description = "Write the turtle drawing as PNG.")
    Path png;

    @Option(names = "--open", description = "Write the drawing (to --svg/--png, else a temporary SVG file) and open it.")
    boolean open;

    @Option(names = "--no-cache", description = "Compile afresh and keep nothing (by default an unchanged program's classes are reused from the user's cache directory; LUDUS_COMPILE_CACHE=0 does the same).")
    boolean noCache;

    @Option(names = "--size", paramLabel = "W[xH]", converter = SizeConverter.class,
            description = "Canvas size for --svg/--png (default: 640x640).")
    Size size;

    @Option(names = "--no-opt", hidden = true,
            description = "Developer: compile without the optional optimisations (the generic code paths; no compile cache).")
    boolean noOpt;

    /** A canvas size. */
    record Size(int width, int height) {}

    @Override
    public Integer call() {
        Path svgOut = svg;
        if (open && svg == null && png == null) {
            try {
                svgOut = Files.createTempFile("ludus-drawing-", ".svg");
            } catch (IOException e) {
                throw new Main.UserError("cannot create a temporary file for --open: " + e.getMessage());
            }
        }
        RunOptions opts = timeLimit.apply(seed.options()).withSvg(svgOut).withPng(png);
        if (size != null) opts = opts.withSize(size.width(), size.height());
        int code = run(file, opts, main.in, main.out, main.err, !noCache, !noOpt);
        if (code == Launcher.EXIT_INTERNAL && !TurtleOutput.drewAnything()) return code;
        if (open) {
            Path shown = svgOut != null ? svgOut : png;
            if (TurtleOutput.drewAnything() && Files.exists(shown)) Browser.open(shown.toUri(), main.err);
            else main.err.println("ludus: the program drew nothing to open");
        } else if (svg == null && png == null) {
            hintAtDrawing(main.err);
        }
        main.err.flush();
        return code;
    }

    /** After a run without turtle output: one line if the program drew something, so a learner knows where it went. */
    static void hintAtDrawing(PrintStream err) {
        if (TurtleOutput.drewAnything()) {
            err.println("ludus: the program drew something: see it with --svg FILE, --png FILE or --open");
            err.flush();
        }
    }

    /** Compiles and runs the program named on the command line (`-`: standard input). */
    static int run(String file, RunOptions opts, InputStream stdin, PrintStream out, PrintStream err) {
        return run(file, opts, stdin, out, err, true, true);
    }

    /**
     * As above; {@code useCache}: reuse and keep the classes of an unchanged program (not for
     * standard input); {@code optimise} false: without the optional optimisations ({@code --no-opt},
     * the fuzzer's oracle's twin; never cached).
     */
    static int run(String file, RunOptions opts, InputStream stdin, PrintStream out, PrintStream err, boolean useCache,
                   boolean optimise) {
        try (SourceInput in = SourceInput.open(file, stdin)) {
            if (!optimise) return ProgramRunner.compileAndRunUnoptimised(in.path(), in.displayName(), opts, out, err);
            CompileCache cache = useCache && in.tempDir() == null ? CompileCache.configured() : null;
            return ProgramRunner.compileAndRun(in.path(), in.displayName(), opts, out, err, cache);
        }
    }

    /** {@code W} or {@code WxH}, as RunOptions parses it. */
    static final class SizeConverter implements CommandLine.ITypeConverter<Size> {
        @Override
        public Size convert(String value) {
            try {
                int[] wh = RunOptions.parseSize(value);
                return new Size(wh[0], wh[1]);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
