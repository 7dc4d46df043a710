package dev.ludus.maven;

import dev.ludus.compiler.diagnostic.Diagnostic;

/** The one-line form of a compile error in the build log: {@code path:line:col: message}. */
final class Diagnostics {
    private Diagnostics() {}

    static String format(Diagnostic d) {
        return d.source().displayName() + ":" + d.span().line() + ":" + d.span().col() + ": " + d.message();
    }
}
