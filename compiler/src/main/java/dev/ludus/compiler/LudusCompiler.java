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

    /** Parse and resolve source text, importing only the files {@code policy} allows (servers). */
    public static Program analyse(SourceText source, dev.ludus.compiler.resolve.ImportPolicy policy) throws CompileErrors {
        return Resolver.analyse(source, LudusParser::parse, java.util.List.of(), policy);
    }

    /**
     * Parse and resolve one REPL entry: {@code session} names (bound by earlier entries) are
     * visible between the prelude and the entry's toplevel scope.
     */
    public static Program analyseEntry(SourceText source, java.util.List<dev.ludus.compiler.resolve.SessionName> session)
            throws CompileErrors {
        return Resolver.analyse(source, LudusParser::parse, session);
    }

    /** Generate the classes of a REPL entry: as {@link #emit}, plus {@code $bindings()} on the entry's class. */
    public static CompiledProgram emitEntry(Program program) throws CompileErrors {
        return dev.ludus.compiler.emit.ProgramEmitter.emit(program, null, false, true);
    }

    /** Generate JVM classes for an analysed program. */
    public static CompiledProgram emit(Program program) throws CompileErrors {
        return dev.ludus.compiler.emit.ProgramEmitter.emit(program);
    }

    /** Generate JVM classes for an analysed program under class names chosen by {@code namer}. */
    public static CompiledProgram emit(Program program, dev.ludus.compiler.emit.ProgramEmitter.ClassNamer namer)
            throws CompileErrors {
        return dev.ludus.compiler.emit.ProgramEmitter.emit(program, namer);
    }

    public static CompiledProgram compile(Path file, String displayName) throws CompileErrors {
        return emit(analyse(file, displayName));
    }
}
