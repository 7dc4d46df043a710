package dev.ludus.compiler.format;

import static dev.ludus.grammar.Ludus.*;

import dev.ludus.compiler.diagnostic.CompileErrors;
import dev.ludus.compiler.syntax.LudusParser;
import dev.ludus.compiler.syntax.SourceText;
import dev.ludus.compiler.syntax.SourceTokens;
import dev.ludus.compiler.syntax.SourceTokens.Tok;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ludus fmt}: the canonical layout of a Ludus file (docs/formatting.md). It works on the
 * real scanner's tokens, comments included, so strings and comments are copied exactly; the
 * layout only changes blanks and line breaks, and only where the grammar treats a line break
 * like any other separator. The author's own line breaks are kept (they are separators in
 * Ludus); blank lines are normalised, indentation is recomputed from brackets and
 * continuation keywords, spaces between tokens are canonical, and lines longer than
 * {@link #WIDTH} columns have their collections and argument lists broken one item per line.
 *
 * <p>New forms need nothing here as long as they are made of words and brackets (e.g. a
 * {@code receive { pattern -> expr }} form indents like {@code match}).
 */
public final class Formatter {
    private Formatter() {}

    public static final int WIDTH = 100;

    /** A synthetic line break (a token of its own type in the working list). */
    static final Tok BREAK = new Tok(NL, "\n", 0, 0, 0, 0);

    /**
     * The formatted text of {@code src}.
     * @throws CompileErrors when the text does not parse (a file with a syntax error is never reformatted)
     */
    public static String format(SourceText src) throws CompileErrors {
        LudusParser.parse(src);
        SourceTokens.Scan scan = SourceTokens.scan(src.text());
        List<Tok> stream = scan.all();
        String out = Layout.render(stream);
        for (int round = 0; round < 10_000; round++) {
            List<Tok> broken = LineBreaker.breakLongLine(stream, out);
            if (broken == null) break;
            stream = broken;
            out = Layout.render(stream);
        }
        verify(src, scan, out);
        // keep a Windows file's line endings (strings are copied as they are)
        return usesCrLf(src.text()) ? Layout.render(stream, "\r\n") : out;
    }

    private static boolean usesCrLf(String text) {
        int nl = text.indexOf('\n');
        return nl > 0 && text.charAt(nl - 1) == '\r';
    }

    /**
     * A safety net, not a style rule: the result must parse and hold exactly the same tokens and
     * comments in the same order (only line breaks may differ). A failure is a formatter bug:
     * the caller keeps the original text.
     */
    private static void verify(SourceText src, SourceTokens.Scan before, String out) {
        try {
            LudusParser.parse(new SourceText(src.displayName(), src.path(), out));
        } catch (CompileErrors e) {
            throw new IllegalStateException("formatting " + src.displayName() + " broke its syntax: "
                    + e.diagnostics().get(0).message());
        }
        List<String> a = significant(before.all());
        List<String> b = significant(SourceTokens.scan(out).all());
        if (!a.equals(b)) throw new IllegalStateException("formatting " + src.displayName() + " changed its tokens");
    }

    private static List<String> significant(List<Tok> toks) {
        List<String> out = new ArrayList<>(toks.size());
        for (Tok t : toks) {
            if (t.type() == NL) continue;
            out.add(t.type() + ":" + (t.isComment() ? t.text().stripTrailing() : t.text()));
        }
        return out;
    }
}
