package dev.ludus.runtime.diag;

import dev.ludus.runtime.LudusPanic;
import dev.ludus.runtime.Sources;
import dev.ludus.runtime.prelude.Prelude;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The human diagnostic of a panic, for stderr (spec §10.1 leaves its format free):
 * <pre>
 * a.ld:1:1: panic: Match Error: No match found for (1, 2, 3) in function pair
 *  1 | fn pair (x, y) -> (x, y)
 *    | ^^
 *    = hint: pair has clauses for 2 arguments, you gave 3
 * trace (innermost call first):
 *   at pair (a.ld:1)
 *   at top level (a.ld:3)
 * </pre>
 * Where the spec gives the panic a site, that is the location (exact column). Otherwise the
 * location is the line of the program's innermost frame (from the class's line table); its
 * column is known only when the failed call's name appears once on that line (see {@link #callees}).
 */
public final class PanicReport {
    private PanicReport() {}

    public static String render(LudusPanic p, boolean colour) {
        String message = firstLine(p.getMessage() == null ? "" : p.getMessage());
        LudusTrace trace = p.trace() == null ? LudusTrace.EMPTY : p.trace();
        String file = null;
        int line = 0, col = 0, length = 1;
        String text = "";
        if (p.hasLocation()) {
            file = p.file();
            line = p.line();
            col = p.col();
            text = Sources.line(file, line);
            length = Snippet.tokenLength(text, col);
        } else if (trace.innermostUser() != null && trace.innermostUser().line() > 0) {
            LudusTrace.Frame u = trace.innermostUser();
            file = u.file();
            line = u.line();
            text = Sources.line(file, line);
            for (String callee : callees(p, trace)) {
                col = Snippet.uniqueWordColumn(text, callee);
                if (col > 0) {
                    length = callee.codePointCount(0, callee.length());
                    break;
                }
            }
        }
        StringBuilder out = new StringBuilder();
        String where = file == null ? "ludus" : file + ":" + line + (col > 0 ? ":" + col : "");
        out.append(Ansi.paint(colour, Ansi.Style.BOLD, where + ":")).append(' ')
           .append(Ansi.paint(colour, Ansi.Style.ERROR, "panic:")).append(' ')
           .append(Ansi.paint(colour, Ansi.Style.BOLD, message)).append('\n');
        if (file != null && Sources.has(file)) {
            Snippet.append(out, colour, line, text, col, length, p.hint());
        } else if (p.hint() != null) {
            Snippet.appendHint(out, colour, "", p.hint());
        }
        // A located panic's line is better than the line table's for the innermost frame (the
        // "no match" code of a fn or match sits after its last clause in the line table).
        boolean sameFrame = p.hasLocation() && file != null && trace.innermost() != null
                && file.equals(trace.innermost().file());
        out.append(trace.render(colour, sameFrame ? line : 0));
        return out.toString();
    }

    /**
     * Names that may be the failed call on the line of the innermost user frame, best first: the
     * function the panic names, the prelude function (written in Ludus) being run, then the
     * prelude's Java methods being run that are named like a prelude function. Only a name found
     * exactly once on the line is used, so a wrong guess shows no column rather than a wrong one.
     */
    private static List<String> callees(LudusPanic p, LudusTrace trace) {
        List<String> names = new ArrayList<>();
        if (p.callee() != null) names.add(p.callee());
        if (trace.calleeOfUser() != null) names.add(trace.calleeOfUser().name());
        if (!trace.hostMethods().isEmpty()) {
            try {
                Set<String> prelude = Prelude.names();
                for (String m : trace.hostMethods()) {
                    // typed variants carry a suffix (divDD, eqZ); predicates and actions a ? or ! in Ludus
                    String base = m.replaceFirst("[A-Z]+$", "");
                    for (String n : new String[] {m, base, base + "?", base + "!"}) {
                        if (prelude.contains(n) && !names.contains(n)) {
                            names.add(n);
                            break;
                        }
                    }
                }
            } catch (RuntimeException | LinkageError e) {
                // no prelude: no guess
            }
        }
        return names;
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl) + " ...";
    }
}
