package dev.ludus.compiler.diagnostic;

import dev.ludus.compiler.syntax.SourceText;
import dev.ludus.compiler.syntax.Span;

/**
 * A compile-time error: where it is (span, in source), the spec §11 message, and optionally a
 * one-line hint for humans (stderr only, never part of the §11 stdout report).
 */
public record Diagnostic(SourceText source, Span span, String message, String hint) {
    public Diagnostic(SourceText source, Span span, String message) {
        this(source, span, message, null);
    }

    public Diagnostic withHint(String h) {
        return new Diagnostic(source, span, message, h);
    }
}
