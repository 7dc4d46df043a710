package dev.ludus.compiler.diagnostic;

import java.util.List;

/** Renders diagnostics in the reference-compatible stdout format of spec §11. */
public final class ReferenceReport {
    private ReferenceReport() {}

    public static String render(Diagnostic d) {
        var s = d.span();
        String prefix = s.line() + ": ";
        StringBuilder out = new StringBuilder();
        out.append("Ludus found an error in ").append(d.source().displayName())
           .append(" at line ").append(s.line()).append(", column ").append(s.col())
           .append(": ").append(d.message()).append('\n');
        out.append(prefix).append(d.source().line(s.line())).append('\n');
        out.append("-".repeat(prefix.length() + s.col() - 1)).append("^".repeat(s.caretLength())).append('\n');
        return out.toString();
    }

    public static String render(List<Diagnostic> ds) {
        StringBuilder out = new StringBuilder();
        for (Diagnostic d : ds) out.append(render(d));
        return out.toString();
    }
}
