package dev.ludus.compiler;

import dev.ludus.compiler.diagnostic.CompileErrors;
import dev.ludus.compiler.resolve.Program;
import java.nio.file.Path;

/** The stage chain: parse -> resolve -> emit. STUB: pending the stages. */
public final class LudusCompiler {
    private LudusCompiler() {}

    /** Parse and resolve a file and its imports; static errors as CompileErrors. */
    public static Program analyse(Path file, String displayName) throws CompileErrors {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** Generate JVM classes for an analysed program. */
    public static CompiledProgram emit(Program program) {
        return dev.ludus.compiler.emit.ProgramEmitter.emit(program);
    }

    public static CompiledProgram compile(Path file, String displayName) throws CompileErrors {
        return emit(analyse(file, displayName));
    }
}
