package dev.ludus.compiler.resolve;

import java.util.List;

/** The main module and every module it imports (transitively), dependencies first, main last. */
public record Program(List<Module> modules) {
    public Module main() { return modules.get(modules.size() - 1); }

    /** The first module that uses processes (main first, then its imports), or null. */
    public Module processModule() {
        for (int i = modules.size() - 1; i >= 0; i--) {
            if (modules.get(i).resolution().processSite() != null) return modules.get(i);
        }
        return null;
    }

    /** The first use of processes in the program (in {@link #processModule}), or null. */
    public dev.ludus.compiler.syntax.Span processSite() {
        Module m = processModule();
        return m == null ? null : m.resolution().processSite();
    }
}
