package dev.ludus.runtime.diag;

/**
 * The source excerpt under a diagnostic's first line, in the style of rustc:
 * <pre>
 *    3 | let x = foo (1, 2)
 *      |         ^^^
 *      = hint: ...
 * </pre>
 * Columns count code points from 1 and a tab counts as one column (spec §11); the marker line
 * copies the tabs of the source line so the carets stay under the right characters.
 */
public final class Snippet {
    private Snippet() {}

    /**
     * Appends the excerpt for line {@code lineNo} ({@code text}, without terminator).
     * {@code col} &lt;= 0 shows the line without a marker (the column is unknown);
     * otherwise {@code length} carets (at least one) start at {@code col}.
     */
    public static void append(StringBuilder out, boolean colour, int lineNo, String text, int col, int length, String hint) {
        String number = Integer.toString(lineNo);
        String gutter = " ".repeat(number.length() + 1);
        out.append(Ansi.paint(colour, Ansi.Style.GUTTER, " " + number + " |"));
        if (!text.isEmpty()) out.append(' ').append(text);
        out.append('\n');
        if (col > 0) {
            out.append(Ansi.paint(colour, Ansi.Style.GUTTER, gutter + " |")).append(' ')
               .append(padding(text, col))
               .append(Ansi.paint(colour, Ansi.Style.ERROR, "^".repeat(Math.max(1, length)))).append('\n');
        }
        if (hint != null) appendHint(out, colour, gutter, hint);
    }

    /** A hint line without an excerpt (the diagnostic has no location). */
    public static void appendHint(StringBuilder out, boolean colour, String indent, String hint) {
        out.append(indent).append(indent.isEmpty() ? "" : " ")
           .append(Ansi.paint(colour, Ansi.Style.HINT, "= hint:")).append(' ').append(hint).append('\n');
    }

    /** Whitespace as wide as the first {@code col - 1} code points of {@code text} (tabs kept). */
    static String padding(String text, int col) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        for (int n = 1; n < col; n++) {
            if (i < text.length()) {
                int cp = text.codePointAt(i);
                b.append(cp == '\t' ? '\t' : ' ');
                i += Character.charCount(cp);
            } else {
                b.append(' ');
            }
        }
        return b.toString();
    }

    /** The number of code points of {@code text} from column {@code col} to its end (at least 1). */
    public static int restOfLine(String text, int col) {
        int start = offset(text, col);
        return Math.max(1, text.codePointCount(start, text.length()));
    }

    /**
     * The length (code points) of the token starting at column {@code col}: a word, a keyword
     * ({@code :name}) or, for anything else, one character. Panics know where their site starts
     * but not where it ends; their sites are words (let, fn, match, a name) or keyword terms.
     */
    public static int tokenLength(String text, int col) {
        int i = offset(text, col);
        if (i >= text.length()) return 1;
        int start = i;
        if (text.charAt(i) == ':') i++;
        while (i < text.length() && isWordChar(text.charAt(i))) i++;
        return Math.max(1, text.codePointCount(start, i));
    }

    /** Word characters (spec §1), plus {@code _} which starts ignored names and placeholders. */
    static boolean isWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '_' || c == '?' || c == '!' || c == '*' || c == '/';
    }

    /** The char index of column {@code col} (1-based, code points) in {@code text}. */
    static int offset(String text, int col) {
        int i = 0;
        for (int n = 1; n < col && i < text.length(); n++) i += Character.charCount(text.codePointAt(i));
        return i;
    }

    /**
     * The column of {@code word} in {@code text} if it occurs there exactly once as a whole word
     * (not as part of a longer word or keyword); 0 otherwise.
     */
    public static int uniqueWordColumn(String text, String word) {
        if (word == null || word.isEmpty()) return 0;
        int found = -1;
        for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
            boolean startOk = i == 0 || !(isWordChar(text.charAt(i - 1)) || text.charAt(i - 1) == ':');
            int end = i + word.length();
            boolean endOk = end >= text.length() || !isWordChar(text.charAt(end));
            if (startOk && endOk) {
                if (found >= 0) return 0;
                found = i;
            }
        }
        return found < 0 ? 0 : text.codePointCount(0, found) + 1;
    }
}
