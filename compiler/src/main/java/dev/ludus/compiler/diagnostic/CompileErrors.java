package dev.ludus.compiler.diagnostic;

import java.util.List;

/** Thrown by a stage that found static errors; carries them in source order (at most 20). */
public final class CompileErrors extends Exception {
    public static final int MAX = 20;
    private final List<Diagnostic> diagnostics;

    public CompileErrors(List<Diagnostic> diagnostics) {
        super(diagnostics.isEmpty() ? "compile errors" : diagnostics.get(0).message(), null, false, false);
        this.diagnostics = List.copyOf(diagnostics.size() > MAX ? diagnostics.subList(0, MAX) : diagnostics);
    }

    public List<Diagnostic> diagnostics() { return diagnostics; }
}
