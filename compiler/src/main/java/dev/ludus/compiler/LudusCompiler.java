package dev.ludus.compiler;

import dev.ludus.compiler.diagnostic.CompileErrors;
import dev.ludus.compiler.resolve.Program;
import dev.ludus.compiler.resolve.Resolver;
import dev.ludus.compiler.syntax.LudusParser;
import dev.ludus.compiler.syntax.SourceText;
import java.nio.file.Path;

/** The stage chain: parse -> resolve -> emit. */
public final class LudusCompiler {
    private LudusCompiler() {}

    /** Parse and resolve a file and its imports; static errors as CompileErrors. */
    public static Program analyse(Path file, String displayName) throws CompileErrors {
        try {
            return Resolver.analyse(file, displayName, LudusParser::parse);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + displayName, e);
        }
    }

    /** Parse and resolve source text (stdin, REPL, tests). */
    public static Program analyse(SourceText source) throws CompileErrors {
        return Resolver.analyse(source, LudusParser::parse);
    }

    /** Generate JVM classes for an analysed program. */
    public static CompiledProgram emit(Program program) {
        return dev.ludus.compiler.emit.ProgramEmitter.emit(program);
    }

    /** Generate JVM classes for an analysed program under class names chosen by {@code namer}. */
    public static CompiledProgram emit(Program program, dev.ludus.compiler.emit.ProgramEmitter.ClassNamer namer) {
        return dev.ludus.compiler.emit.ProgramEmitter.emit(program, namer);
    }

    public static CompiledProgram compile(Path file, String displayName) throws CompileErrors {
        return emit(analyse(file, displayName));
    }
}
