package dev.ludus.compiler.resolve;

import java.util.List;

/** The main module and every module it imports (transitively), dependencies first, main last. */
public record Program(List<Module> modules) {
    public Module main() { return modules.get(modules.size() - 1); }
}
