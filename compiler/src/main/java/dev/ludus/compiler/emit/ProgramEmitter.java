package dev.ludus.compiler.emit;

import dev.ludus.compiler.CompiledProgram;
import dev.ludus.compiler.resolve.Module;
import dev.ludus.compiler.resolve.Program;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Emits one class per module of a program (binary names "ludus.M<i>_<file>"). */
public final class ProgramEmitter {
    private ProgramEmitter() {}

    public static CompiledProgram emit(Program program) {
        return emit(program, false);
    }

    /**
     * {@code replEntry}: the main module also gets {@code public static Object[] $bindings()}, the
     * values of its module-level bindings in {@code Resolution.moduleBindings} order.
     */
    public static CompiledProgram emit(Program program, boolean replEntry) {
        Map<Module, String> names = new IdentityHashMap<>();
        int i = 0;
        for (Module mod : program.modules()) {
            String base = mod.source().displayName().replaceAll(".*[/\\\\]", "").replaceFirst("\\.ld$", "");
            names.put(mod, "ludus/M" + i++ + "_" + ModuleEmitter.sanitize(base));
        }
        Map<String, byte[]> classes = new LinkedHashMap<>();
        for (Module mod : program.modules()) {
            String internal = names.get(mod);
            ModuleEmitter e = new ModuleEmitter(mod, internal, names::get);
            boolean main = mod == program.main();
            classes.put(internal.replace('/', '.'), e.emit(main, main && replEntry));
        }
        return new CompiledProgram(classes, names.get(program.main()).replace('/', '.'));
    }
}
