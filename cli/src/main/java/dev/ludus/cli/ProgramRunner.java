package dev.ludus.cli;

import dev.ludus.compiler.BigStack;
import dev.ludus.compiler.CompiledProgram;
import dev.ludus.compiler.LudusCompiler;
import dev.ludus.compiler.ProgramClassLoader;
import dev.ludus.compiler.Warmup;
import dev.ludus.compiler.diagnostic.CompileErrors;
import dev.ludus.compiler.diagnostic.HumanReport;
import dev.ludus.compiler.diagnostic.ReferenceReport;
import dev.ludus.compiler.resolve.Program;
import dev.ludus.runtime.Launcher;
import dev.ludus.runtime.RunOptions;
import dev.ludus.runtime.diag.Ansi;
import dev.ludus.runtime.diag.Reports;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * Compile-and-run as {@code ludus run} does it (spec §12.1), shared by the command and the
 * golden tests: compile in memory, define the classes in a fresh {@link ProgramClassLoader}, hand the
 * main module to the {@link Launcher}. Reports go to {@code out}, human diagnostics to {@code err}.
 */
public final class ProgramRunner {
    private ProgramRunner() {}

    /** Compiles and runs {@code file} (named {@code displayName} in reports); returns the exit status. */
    public static int compileAndRun(Path file, String displayName, RunOptions opts, PrintStream out, PrintStream err) {
        return compileAndLaunch(file, displayName, opts, out, err, false, null, true);
    }

    /** As {@link #compileAndRun}, reusing (and keeping) the classes of an unchanged file in {@code cache} (may be null). */
    static int compileAndRun(Path file, String displayName, RunOptions opts, PrintStream out, PrintStream err,
                             CompileCache cache) {
        return compileAndLaunch(file, displayName, opts, out, err, false, cache, true);
    }

    /** As {@link #compileAndRun}, without the optional optimisations ({@code ludus run --no-opt}; no cache). */
    static int compileAndRunUnoptimised(Path file, String displayName, RunOptions opts, PrintStream out, PrintStream err) {
        return compileAndLaunch(file, displayName, opts, out, err, false, null, false);
    }

    /**
     * Compiles {@code file} and runs it with its test forms enabled, as {@code ludus test} does
     * (spec §12.3): a line per test, the summary, and a panic report if the script panicked
     * outside the tests. Returns the exit status (0 iff no test failed and nothing panicked).
     */
    public static int compileAndTest(Path file, String displayName, RunOptions opts, PrintStream out, PrintStream err) {
        return compileAndLaunch(file, displayName, opts, out, err, true, null, true);
    }

    private static int compileAndLaunch(Path file, String displayName, RunOptions opts, PrintStream out,
                                        PrintStream err, boolean tests, CompileCache cache, boolean optimise) {
        CompiledProgram program = cache == null ? null : cache.lookup(file, displayName);
        if (program != null) {
            Class<?> kept = null;
            try {
                kept = load(program);
            } catch (ClassNotFoundException | LinkageError e) {
                // kept classes that do not load (checked on load, so hardly ever): compile as without the cache
            }
            if (kept != null) return launch(kept, tests, opts, out, err);
        }
        Warmup.start(); // (once per JVM)
        try {
            program = compileOnBigStack(file, displayName, optimise, cache);
        } catch (CompileErrors e) {
            return reportCompileErrors(e, out, err);
        } catch (InterruptedException e) {
            return internalError(e, out, err);
        } catch (Exception | LinkageError | StackOverflowError | OutOfMemoryError e) {
            return compileFailed(e, displayName, out, err);
        }
        Class<?> main;
        try {
            main = load(program);
        } catch (ClassNotFoundException | LinkageError e) {
            return internalError(e, out, err);
        }
        return launch(main, tests, opts, out, err);
    }

    private static int launch(Class<?> main, boolean tests, RunOptions opts, PrintStream out, PrintStream err) {
        return tests ? Launcher.runTests(main, opts, out, err) : Launcher.run(main, opts, out, err);
    }

    /** Parses, resolves and generates code (on a big stack). */
    public static CompiledProgram compile(Path file, String displayName) throws Exception {
        return compile(file, displayName, true);
    }

    /** As {@link #compile(Path, String)}; optimise false: without the optional optimisations (LudusCompiler). */
    public static CompiledProgram compile(Path file, String displayName, boolean optimise) throws Exception {
        return compileOnBigStack(file, displayName, optimise, null);
    }

    /** Compiles on a big stack, and keeps the result in {@code cache} unless it is null. */
    private static CompiledProgram compileOnBigStack(Path file, String displayName, boolean optimise, CompileCache cache)
            throws Exception {
        return BigStack.call("ludus-compile", new Compile(file, displayName, optimise, cache));
    }

    /**
     * The compile task. One named class for both paths (not a lambda: see LudusCompiler.PARSER):
     * the build's class-data-sharing archive, trained with the compile cache on, then holds the
     * class that a run without the cache needs too (a class loaded from the jar costs ~1 ms).
     */
    private static final class Compile implements Callable<CompiledProgram> {
        private final Path file;
        private final String displayName;
        private final boolean optimise;
        private final CompileCache cache;

        Compile(Path file, String displayName, boolean optimise, CompileCache cache) {
            this.file = file;
            this.displayName = displayName;
            this.optimise = optimise;
            this.cache = cache;
        }

        @Override
        public CompiledProgram call() throws Exception {
            if (cache == null) return LudusCompiler.compile(file, displayName, optimise);
            Program program = LudusCompiler.analyse(file, displayName);
            LudusCompiler.requireProcessSupport(program);
            CompiledProgram compiled = LudusCompiler.emit(program);
            cache.store(file, displayName, program, compiled);
            return compiled;
        }
    }

    /** Parses and resolves only (on a big stack). */
    public static Program analyse(Path file, String displayName) throws Exception {
        return BigStack.call("ludus-analyse", () -> LudusCompiler.analyse(file, displayName));
    }

    /** Defines the program's classes in a fresh loader and returns its main module class. */
    public static Class<?> load(CompiledProgram program) throws ClassNotFoundException {
        ClassLoader parent = ProgramRunner.class.getClassLoader();
        return Class.forName(program.mainClass(), false, new ProgramClassLoader(program, parent));
    }

    /** Prints the §11 report to {@code out} and the human diagnostics (excerpt, caret, hint) to {@code err}; returns 1. */
    public static int reportCompileErrors(CompileErrors e, PrintStream out, PrintStream err) {
        if (!Reports.humanOnly()) out.print(ReferenceReport.render(e.diagnostics())); // said once on a terminal
        out.flush();
        err.print(HumanReport.render(e.diagnostics(), Ansi.enabled()));
        err.flush();
        return Main.EXIT_ERROR;
    }

    /**
     * The compiler failed with {@code t}: running out of memory or stack means a program too
     * large or too deeply nested to compile (a clear error, exit 1); anything else is a bug.
     */
    public static int compileFailed(Throwable t, String displayName, PrintStream out, PrintStream err) {
        if (!(t instanceof OutOfMemoryError || t instanceof StackOverflowError)) return internalError(t, out, err);
        String why = t instanceof OutOfMemoryError ? "out of memory" : "out of stack";
        String msg = "Ludus could not compile " + displayName + ": the compiler ran " + why
                + " (the program is too large or too deeply nested); split it into smaller parts or files\n";
        out.print(msg);
        out.flush();
        err.print("ludus: " + msg);
        err.flush();
        return Main.EXIT_ERROR;
    }

    /** A bug in the implementation: the §12.1 line on {@code out}, the Java trace on {@code err}; returns 2. */
    public static int internalError(Throwable t, PrintStream out, PrintStream err) {
        if (!Reports.humanOnly()) out.print("Ludus internal error: " + t + "\n");
        out.flush();
        err.println("ludus: internal error (a bug in the Ludus implementation):");
        t.printStackTrace(err);
        err.flush();
        return Main.EXIT_USAGE;
    }
}
