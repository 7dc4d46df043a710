package dev.ludus.compiler.emit;

import dev.ludus.compiler.CompiledProgram;
import dev.ludus.compiler.analyse.AnalysedProgram;
import dev.ludus.compiler.analyse.Analyser;
import dev.ludus.compiler.resolve.Module;
import dev.ludus.compiler.resolve.Program;
import dev.ludus.compiler.diagnostic.CompileErrors;
import dev.ludus.compiler.diagnostic.Diagnostic;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Emits one class per module of a program. By default the binary names are "ludus.M<i>_<file>"
 * (i = the module's position in the program), which is unique within one program; a build that
 * compiles many programs into one output directory (the Maven plugin) passes its own
 * {@link ClassNamer} so that a file gets the same, project-unique class name whichever program
 * it is compiled in.
 */
public final class ProgramEmitter {
    private ProgramEmitter() {}

    /** Chooses the binary class name (e.g. {@code ludus.app.M_main}) of each module of a program. */
    @FunctionalInterface
    public interface ClassNamer {
        /** @param index the module's position in {@link Program#modules()} (dependencies first) */
        String binaryName(Module module, int index);
    }

    /** The default names: "ludus.M<i>_<file name without .ld, sanitized>". */
    public static final ClassNamer DEFAULT_NAMES = new ClassNamer() { // a class, not a lambda: see LudusCompiler.PARSER
        @Override
        public String binaryName(Module mod, int i) {
            return "ludus.M" + i + "_" + ModuleContext.sanitize(baseName(mod.source().displayName()));
        }
    };

    /** The file name without directories and {@code .ld} (as the regexes {@code .*[/\\]} and {@code \.ld$} remove them, without their start-up cost). */
    static String baseName(String displayName) {
        for (int k = 0; k < displayName.length(); k++) {
            char c = displayName.charAt(k);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') { // lines: as the regexes see them
                return displayName.replaceAll(".*[/\\\\]", "").replaceFirst("\\.ld$", "");
            }
        }
        String base = displayName.substring(Math.max(displayName.lastIndexOf('/'), displayName.lastIndexOf('\\')) + 1);
        return base.endsWith(".ld") ? base.substring(0, base.length() - 3) : base;
    }

    /** Emits an analysed program under the default class names. */
    public static CompiledProgram emit(AnalysedProgram program) throws CompileErrors {
        return emit(program, DEFAULT_NAMES, false, false);
    }

    /** Emits an analysed program under the class names chosen by {@code namer}. */
    public static CompiledProgram emit(AnalysedProgram program, ClassNamer namer) throws CompileErrors {
        return emit(program, namer, false, false);
    }

    /**
     * The overloads that take a resolved {@link Program} run the analysis stage first
     * ({@link Analyser}), for callers that hold only the resolved program.
     */
    public static CompiledProgram emit(Program program) throws CompileErrors {
        return emit(Analyser.analyse(program), DEFAULT_NAMES, false, false);
    }

    /** Emits every module of {@code program} under the class names chosen by {@code namer} (must be distinct). */
    public static CompiledProgram emit(Program program, ClassNamer namer) throws CompileErrors {
        return emit(Analyser.analyse(program), namer, false, false);
    }

    /**
     * @param mainClass binary name for the main module's class (null: the default naming)
     * @param preludeMode compile as part of the prelude: panics carry no location (spec D18)
     */
    public static CompiledProgram emit(Program program, String mainClass, boolean preludeMode) throws CompileErrors {
        return emit(Analyser.analyse(program), mainClass, preludeMode, false);
    }

    /**
     * @param replEntry the main module also gets {@code public static Object[] $bindings()}, the
     *     values of its module-level bindings in {@code Resolution.moduleBindings} order (REPL entries)
     */
    public static CompiledProgram emit(Program program, String mainClass, boolean preludeMode, boolean replEntry)
            throws CompileErrors {
        return emit(Analyser.analyse(program), mainClass, preludeMode, replEntry);
    }

    /** As {@link #emit(Program, String, boolean, boolean)}, for an analysed program. */
    public static CompiledProgram emit(AnalysedProgram analysed, String mainClass, boolean preludeMode, boolean replEntry)
            throws CompileErrors {
        Program program = analysed.program();
        ClassNamer namer = mainClass == null ? DEFAULT_NAMES : new ClassNamer() {
            @Override
            public String binaryName(Module mod, int i) {
                return mod == program.main() ? mainClass : DEFAULT_NAMES.binaryName(mod, i);
            }
        };
        return emit(analysed, namer, preludeMode, replEntry);
    }

    private static CompiledProgram emit(AnalysedProgram program, ClassNamer namer, boolean preludeMode, boolean replEntry)
            throws CompileErrors {
        try {
            return emitClasses(program, namer, preludeMode, replEntry);
        } catch (ModuleEmitter.TooLarge e) {
            throw new CompileErrors(List.of(new Diagnostic(e.source, e.span, e.reason)));
        }
    }

    private static CompiledProgram emitClasses(AnalysedProgram analysed, ClassNamer namer, boolean preludeMode, boolean replEntry) {
        Program program = analysed.program();
        Map<Module, String> names = new IdentityHashMap<>();
        java.util.Set<String> taken = new java.util.HashSet<>();
        List<Module> modules = program.modules();
        for (int i = 0; i < modules.size(); i++) {
            String internal = namer.binaryName(modules.get(i), i).replace('.', '/');
            if (!taken.add(internal)) {
                throw new IllegalArgumentException("two modules were given the class name " + internal.replace('/', '.'));
            }
            names.put(modules.get(i), internal);
        }
        Map<String, byte[]> classes = new LinkedHashMap<>();
        java.util.function.Function<Module, String> classNames = new java.util.function.Function<>() {
            @Override
            public String apply(Module m) {
                return names.get(m);
            }
        };
        for (Module mod : modules) {
            String internal = names.get(mod);
            ModuleEmitter e = new ModuleEmitter(mod, analysed.of(mod), internal, classNames, preludeMode);
            boolean main = mod == program.main();
            if (main) e.processSite = program.processSite();
            classes.put(internal.replace('/', '.'), e.emit(main, main && replEntry));
            classes.putAll(e.partBytes); // a large module's part classes (ClassUnit)
        }
        return new CompiledProgram(classes, names.get(program.main()).replace('/', '.'));
    }
}
