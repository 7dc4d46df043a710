package dev.ludus.cli;

import dev.ludus.compiler.CompiledProgram;
import dev.ludus.compiler.LudusCompiler;
import dev.ludus.compiler.ProgramClassLoader;
import dev.ludus.compiler.diagnostic.CompileErrors;
import dev.ludus.compiler.diagnostic.Diagnostic;
import dev.ludus.compiler.diagnostic.ReferenceReport;
import dev.ludus.compiler.resolve.Program;
import dev.ludus.runtime.Launcher;
import dev.ludus.runtime.RunOptions;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Compile-and-run as {@code ludus run} does it (spec §12.1), shared by the command and the
 * golden tests: compile in memory, define the classes in a fresh {@link ProgramClassLoader}, hand the
 * main module to the {@link Launcher}. Reports go to {@code out}, human diagnostics to {@code err}.
 */
public final class ProgramRunner {
    private ProgramRunner() {}

    /** Compiles and runs {@code file} (named {@code displayName} in reports); returns the exit status. */
    public static int compileAndRun(Path file, String displayName, RunOptions opts, PrintStream out, PrintStream err) {
        return compileAndRun(file, displayName, opts, out, err, false);
    }

    /**
     * As above; with {@code tests} the program runs as {@code ludus test} does it (spec §12.3):
     * test forms run, one line each, then the summary.
     */
    public static int compileAndRun(Path file, String displayName, RunOptions opts, PrintStream out, PrintStream err,
            boolean tests) {
        CompiledProgram program;
        try {
            program = compile(file, displayName);
        } catch (CompileErrors e) {
            return reportCompileErrors(e, out, err);
        } catch (InterruptedException e) {
            return internalError(e, out, err);
        } catch (Exception | LinkageError | StackOverflowError e) {
            return internalError(e, out, err);
        }
        Class<?> main;
        try {
            main = load(program);
        } catch (ClassNotFoundException | LinkageError e) {
            return internalError(e, out, err);
        }
        return tests ? Launcher.runTests(main, opts, out, err) : Launcher.run(main, opts, out, err);
    }

    /** Parses, resolves and generates code (on a big stack). */
    public static CompiledProgram compile(Path file, String displayName) throws Exception {
        return BigStack.call("ludus-compile", () -> LudusCompiler.compile(file, displayName));
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

    /** Prints the §11 report to {@code out} and one line per error to {@code err}; returns 1. */
    public static int reportCompileErrors(CompileErrors e, PrintStream out, PrintStream err) {
        out.print(ReferenceReport.render(e.diagnostics()));
        out.flush();
        for (Diagnostic d : e.diagnostics()) {
            err.println(d.source().displayName() + ":" + d.span().line() + ":" + d.span().col() + ": error: " + d.message());
        }
        err.flush();
        return Main.EXIT_ERROR;
    }

    /** A bug in the implementation: the §12.1 line on {@code out}, the Java trace on {@code err}; returns 2. */
    public static int internalError(Throwable t, PrintStream out, PrintStream err) {
        out.print("Ludus internal error: " + t + "\n");
        out.flush();
        err.println("ludus: internal error (a bug in the Ludus implementation):");
        t.printStackTrace(err);
        err.flush();
        return Main.EXIT_USAGE;
    }
}
