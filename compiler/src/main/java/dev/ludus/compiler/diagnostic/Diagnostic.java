package dev.ludus.compiler.diagnostic;

import dev.ludus.compiler.syntax.SourceText;
import dev.ludus.compiler.syntax.Span;

/** A compile-time error: where it is (span, in source) and the spec §11 message. */
public record Diagnostic(SourceText source, Span span, String message) {}
