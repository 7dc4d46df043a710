package dev.ludus.maven;

import dev.ludus.compiler.BigStack;
import dev.ludus.compiler.CompiledProgram;
import dev.ludus.compiler.LudusCompiler;
import dev.ludus.compiler.ProgramClassLoader;
import dev.ludus.compiler.diagnostic.CompileErrors;
import java.nio.file.Path;

/** Compiling a single program in memory and loading its main module (for the test and run goals). */
final class Programs {
    private Programs() {}

    /**
     * Compiles {@code file} (named {@code displayName} in reports) and its imports, and loads the
     * main module in a fresh class loader whose parent holds the runtime this plugin runs with.
     */
    static Class<?> compileAndLoad(Path file, String displayName) throws CompileErrors, Exception {
        CompiledProgram program = BigStack.call("ludus-compile", () -> LudusCompiler.compile(file, displayName));
        ProgramClassLoader loader = new ProgramClassLoader(program, Programs.class.getClassLoader());
        return Class.forName(program.mainClass(), false, loader);
    }

    /**
     * The Ludus runtime keeps the console, the test counts and the prelude state in static fields:
     * programs run by this plugin (several modules of a parallel build share its class loader)
     * must take turns.
     */
    static final Object RUNTIME_LOCK = new Object();
}
