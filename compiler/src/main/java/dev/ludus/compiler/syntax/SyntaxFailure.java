package dev.ludus.compiler.syntax;

import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/** Thrown out of the ANTLR parser at the first syntax error (no recovery): where, and what was expected. */
final class SyntaxFailure extends RuntimeException {
    final Token offending;
    final IntervalSet expected;

    SyntaxFailure(Token offending, IntervalSet expected) {
        super(null, null, false, false);
        this.offending = offending;
        this.expected = expected;
    }
}
