package dev.ludus.compiler.resolve;

import java.util.List;

/** The main module and every module it imports (transitively), dependencies first, main last. */
public record Program(List<Module> modules) {
    public Module main() { return modules.get(modules.size() - 1); }

    /** The first use of processes in the program (main module first, then its imports), or null. */
    public dev.ludus.compiler.syntax.Span processSite() {
        for (int i = modules.size() - 1; i >= 0; i--) {
            dev.ludus.compiler.syntax.Span s = modules.get(i).resolution().processSite();
            if (s != null) return s;
        }
        return null;
    }
}
