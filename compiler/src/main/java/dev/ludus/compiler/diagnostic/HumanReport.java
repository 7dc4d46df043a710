package dev.ludus.compiler.diagnostic;

import dev.ludus.compiler.syntax.Span;
import dev.ludus.runtime.diag.Ansi;
import dev.ludus.runtime.diag.Snippet;
import java.util.List;

/**
 * Compile errors for humans, on stderr (the §11 report on stdout stays the reference's):
 * <pre>
 * a.ld:2:9: error: unbound name: eqq?
 *  2 | print! (eqq? (x, 1))
 *    |         ^^^^
 *    = hint: did you mean eq??
 * </pre>
 * The carets cover the diagnostic's span on its first line (to the end of that line if the span
 * goes on). Colour follows {@link Ansi} (terminals only).
 */
public final class HumanReport {
    private HumanReport() {}

    public static String render(Diagnostic d, boolean colour) {
        Span s = d.span();
        String text = d.source().line(s.line());
        int length = s.endLine() == s.line() ? s.caretLength() : Snippet.restOfLine(text, s.col());
        StringBuilder out = new StringBuilder();
        String where = d.source().displayName() + ":" + s.line() + ":" + s.col() + ":";
        out.append(Ansi.paint(colour, Ansi.Style.BOLD, where)).append(' ')
           .append(Ansi.paint(colour, Ansi.Style.ERROR, "error:")).append(' ')
           .append(Ansi.paint(colour, Ansi.Style.BOLD, d.message())).append('\n');
        Snippet.append(out, colour, s.line(), text, s.col(), length, d.hint());
        Span r = d.related();
        if (r != null) {
            String where2 = d.source().displayName() + ":" + r.line() + ":" + r.col() + ":";
            out.append(Ansi.paint(colour, Ansi.Style.BOLD, where2)).append(' ')
               .append(Ansi.paint(colour, Ansi.Style.HINT, "note:")).append(' ').append(d.relatedNote()).append('\n');
            Snippet.append(out, colour, r.line(), d.source().line(r.line()), r.col(), r.caretLength(), null);
        }
        return out.toString();
    }

    public static String render(List<Diagnostic> ds, boolean colour) {
        StringBuilder out = new StringBuilder();
        for (Diagnostic d : ds) out.append(render(d, colour));
        return out.toString();
    }
}
