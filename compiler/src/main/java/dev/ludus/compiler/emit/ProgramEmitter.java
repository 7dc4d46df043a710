package dev.ludus.compiler.emit;

import dev.ludus.compiler.CompiledProgram;
import dev.ludus.compiler.resolve.Module;
import dev.ludus.compiler.resolve.Program;
import dev.ludus.compiler.diagnostic.CompileErrors;
import dev.ludus.compiler.diagnostic.Diagnostic;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

/** Emits one class per module of a program (binary names "ludus.M<i>_<file>"). */
public final class ProgramEmitter {
    private ProgramEmitter() {}

    public static CompiledProgram emit(Program program) throws CompileErrors {
        return emit(program, null, false, false);
    }

    /**
     * @param mainClass binary name for the main module's class (null: the default naming)
     * @param preludeMode compile as part of the prelude: panics carry no location (spec D18)
     */
    public static CompiledProgram emit(Program program, String mainClass, boolean preludeMode) throws CompileErrors {
        return emit(program, mainClass, preludeMode, false);
    }

    /**
     * @param replEntry the main module also gets {@code public static Object[] $bindings()}, the
     *     values of its module-level bindings in {@code Resolution.moduleBindings} order (REPL entries)
     */
    public static CompiledProgram emit(Program program, String mainClass, boolean preludeMode, boolean replEntry)
            throws CompileErrors {
        try {
            return emitClasses(program, mainClass, preludeMode, replEntry);
        } catch (ModuleEmitter.TooLarge e) {
            throw new CompileErrors(List.of(new Diagnostic(e.source, e.span,
                    "this expression is too large to compile: its code exceeds the JVM's 64 KB method limit; split it into smaller parts")));
        }
    }

    private static CompiledProgram emitClasses(Program program, String mainClass, boolean preludeMode, boolean replEntry) {
        Map<Module, String> names = new IdentityHashMap<>();
        int i = 0;
        for (Module mod : program.modules()) {
            String base = mod.source().displayName().replaceAll(".*[/\\\\]", "").replaceFirst("\\.ld$", "");
            names.put(mod, "ludus/M" + i++ + "_" + ModuleEmitter.sanitize(base));
        }
        if (mainClass != null) names.put(program.main(), mainClass.replace('.', '/'));
        Map<String, byte[]> classes = new LinkedHashMap<>();
        for (Module mod : program.modules()) {
            String internal = names.get(mod);
            ModuleEmitter e = new ModuleEmitter(mod, internal, names::get, preludeMode);
            boolean main = mod == program.main();
            classes.put(internal.replace('/', '.'), e.emit(main, main && replEntry));
        }
        return new CompiledProgram(classes, names.get(program.main()).replace('/', '.'));
    }
}
