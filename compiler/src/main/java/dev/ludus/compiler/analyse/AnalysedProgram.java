package dev.ludus.compiler.analyse;

import dev.ludus.compiler.resolve.Module;
import dev.ludus.compiler.resolve.Program;
import java.util.Map;

/** A resolved program with the analysis of each of its modules: what the emit stage takes. */
public record AnalysedProgram(Program program, Map<Module, Analysis> modules) {
    public Analysis of(Module m) {
        Analysis a = modules.get(m);
        if (a == null) throw new IllegalArgumentException("module not analysed: " + m.source().displayName());
        return a;
    }
}
