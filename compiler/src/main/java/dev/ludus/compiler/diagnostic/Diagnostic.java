package dev.ludus.compiler.diagnostic;

import dev.ludus.compiler.syntax.SourceText;
import dev.ludus.compiler.syntax.Span;

/**
 * A compile-time error: where it is (span, in source), the spec §11 message, and optionally a
 * one-line hint for humans (stderr only, never part of the §11 stdout report), and a second
 * place that explains it (e.g. the bracket that was never closed) with its note, or null.
 */
public record Diagnostic(SourceText source, Span span, String message, String hint, Span related, String relatedNote) {
    public Diagnostic(SourceText source, Span span, String message) {
        this(source, span, message, null);
    }

    public Diagnostic(SourceText source, Span span, String message, String hint) {
        this(source, span, message, hint, null, null);
    }

    public Diagnostic withHint(String h) {
        return new Diagnostic(source, span, message, h, related, relatedNote);
    }
}
