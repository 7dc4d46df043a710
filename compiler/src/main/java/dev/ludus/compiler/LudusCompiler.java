package dev.ludus.compiler;

import dev.ludus.compiler.analyse.AnalysedProgram;
import dev.ludus.compiler.analyse.Analyser;
import dev.ludus.compiler.diagnostic.CompileErrors;
import dev.ludus.compiler.emit.ProgramEmitter;
import dev.ludus.compiler.resolve.Program;
import dev.ludus.compiler.resolve.Resolver;
import dev.ludus.compiler.syntax.LudusParser;
import dev.ludus.compiler.syntax.SourceText;
import java.nio.file.Path;

/**
 * The stage chain: parse (syntax) -> resolve -> analyse -> emit. {@code analyse*} methods below
 * run the first two (parse and resolve, static errors as CompileErrors); {@link #emit} runs the
 * last two on their result, and {@link #compile} all four.
 */
public final class LudusCompiler {
    private LudusCompiler() {}

    /**
     * The parser the resolver calls: LudusParser.parse, or with {@code byGrammar} the parse by
     * the grammar's ANTLR parser alone (LudusParser.parseByGrammar, for the unoptimised
     * compile). A class, not {@code LudusParser::parse}: on Java 17 each lambda or method
     * reference costs ~0.3 ms (more under load) when first run in a fresh JVM, and the path of a
     * short {@code ludus run} had ~40 of them (see Warmup).
     */
    private static final class Parse implements dev.ludus.compiler.resolve.ScriptParser {
        private final boolean byGrammar;

        Parse(boolean byGrammar) { this.byGrammar = byGrammar; }

        @Override
        public dev.ludus.compiler.syntax.Ast.Script parse(SourceText src) throws CompileErrors {
            return byGrammar ? LudusParser.parseByGrammar(src) : LudusParser.parse(src);
        }
    }

    private static final dev.ludus.compiler.resolve.ScriptParser PARSER = new Parse(false);
    private static final dev.ludus.compiler.resolve.ScriptParser GRAMMAR_PARSER = new Parse(true);

    /** Parse and resolve a file and its imports; static errors as CompileErrors. */
    public static Program analyse(Path file, String displayName) throws CompileErrors {
        return analyse(file, displayName, PARSER);
    }

    private static Program analyse(Path file, String displayName, dev.ludus.compiler.resolve.ScriptParser parser)
            throws CompileErrors {
        try {
            return Resolver.analyse(file, displayName, parser);
        } catch (dev.ludus.compiler.resolve.SourceFiles.TooLarge e) {
            SourceText empty = new SourceText(displayName, file, "");
            throw new CompileErrors(java.util.List.of(new dev.ludus.compiler.diagnostic.Diagnostic(empty,
                    new dev.ludus.compiler.syntax.Span(displayName, 1, 1, 1, 1), "cannot read this program: " + e.getMessage())));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + displayName, e);
        }
    }

    /** Parse and resolve source text (stdin, REPL, tests). */
    public static Program analyse(SourceText source) throws CompileErrors {
        return Resolver.analyse(source, PARSER);
    }

    /** Parse and resolve for editors: the program even when it has static errors (see Resolver.Analysis). */
    public static dev.ludus.compiler.resolve.Resolver.Analysis analyseForTools(SourceText source) {
        return Resolver.analyseForTools(source, PARSER);
    }

    /** Parse and resolve source text, importing only the files {@code policy} allows (servers). */
    public static Program analyse(SourceText source, dev.ludus.compiler.resolve.ImportPolicy policy) throws CompileErrors {
        return Resolver.analyse(source, PARSER, java.util.List.of(), policy);
    }

    /**
     * Parse and resolve one REPL entry: {@code session} names (bound by earlier entries) are
     * visible between the prelude and the entry's toplevel scope.
     */
    public static Program analyseEntry(SourceText source, java.util.List<dev.ludus.compiler.resolve.SessionName> session)
            throws CompileErrors {
        return Resolver.analyse(source, PARSER, session);
    }

    /** Generate the classes of a REPL entry: as {@link #emit}, plus {@code $bindings()} on the entry's class. */
    public static CompiledProgram emitEntry(Program program) throws CompileErrors {
        requireProcessSupport(program);
        AnalysedProgram analysed = Analyser.analyse(program);
        return ProgramEmitter.emit(analysed, null, false, true);
    }

    /** Generate JVM classes for a resolved program: analyse, then emit. */
    public static CompiledProgram emit(Program program) throws CompileErrors {
        AnalysedProgram analysed = Analyser.analyse(program);
        return ProgramEmitter.emit(analysed);
    }

    /** As {@link #emit(Program)}, under class names chosen by {@code namer}. */
    public static CompiledProgram emit(Program program, ProgramEmitter.ClassNamer namer) throws CompileErrors {
        AnalysedProgram analysed = Analyser.analyse(program);
        return ProgramEmitter.emit(analysed, namer);
    }

    /** Compile a program to run in this JVM (ludus run/test, the Maven plugin's run/test): the whole chain. */
    public static CompiledProgram compile(Path file, String displayName) throws CompileErrors {
        return compile(file, displayName, true);
    }

    /**
     * As {@link #compile(Path, String)}; with {@code optimise} false, without the optional
     * optimisations (Analyser.analyse(Program, boolean)) and parsed by the grammar's ANTLR parser
     * alone (not FastParser): the same behaviour by the generic code paths, for differential
     * testing (the fuzzer's oracle, {@code ludus run --no-opt}).
     */
    public static CompiledProgram compile(Path file, String displayName, boolean optimise) throws CompileErrors {
        Program resolved = analyse(file, displayName, optimise ? PARSER : GRAMMAR_PARSER); // parse -> resolve
        requireProcessSupport(resolved);
        AnalysedProgram analysed = Analyser.analyse(resolved, optimise); // -> analyse
        return ProgramEmitter.emit(analysed);                  // -> emit
    }

    /**
     * A program that uses processes (spec §16) cannot run on Java 17: it is refused before it
     * runs, at its first process word (compiled jars check the same when they start).
     */
    public static void requireProcessSupport(Program program) throws CompileErrors {
        dev.ludus.compiler.resolve.Module m = program.processModule();
        if (m == null || dev.ludus.runtime.process.Processes.supported()) return;
        throw new CompileErrors(java.util.List.of(new dev.ludus.compiler.diagnostic.Diagnostic(m.source(),
                m.resolution().processSite(), processesNeedJava21()).withHint("run it with a JDK 21 or later: the ludus "
                + "launcher picks the newest JDK it finds (LUDUS_JAVA, JAVA_HOME, PATH, /usr/lib/jvm)")));
    }

    /** The message for a program with processes on a JVM older than 21. */
    public static String processesNeedJava21() {
        return "processes need Java " + dev.ludus.runtime.process.Processes.JAVA_NEEDED
                + " or later, this is Java " + Runtime.version().feature();
    }
}
