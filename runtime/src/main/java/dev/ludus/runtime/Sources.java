package dev.ludus.runtime;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Source texts of the running program's modules, keyed by display name, so a panic report
 * (spec §10.1) can print the verbatim source line of its site. Each compiled module class
 * registers its file from its static initializer.
 */
public final class Sources {
    private Sources() {}

    private static final Map<String, String[]> LINES = new ConcurrentHashMap<>();

    /** Records (or replaces) the text of {@code file}. */
    public static void register(String file, String sourceText) {
        if (file == null || sourceText == null) return;
        LINES.put(file, lines(sourceText));
    }

    /**
     * The lines of {@code text} as {@code String.lines()} gives them (split on \n, \r\n and \r,
     * like SourceText.line in the compiler; no empty last line after a final terminator),
     * without the stream machinery, which costs several milliseconds when a compiled program
     * starts.
     */
    static String[] lines(String text) {
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        int n = text.length();
        int start = 0;
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                out.add(text.substring(start, i));
                i += c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n' ? 2 : 1;
                start = i;
            } else {
                i++;
            }
        }
        if (start < n) out.add(text.substring(start));
        return out.toArray(new String[0]);
    }

    /** Line {@code n} (1-based) of {@code file}, verbatim without its terminator; "" if unknown. */
    public static String line(String file, int n) {
        String[] lines = file == null ? null : LINES.get(file);
        return lines != null && n >= 1 && n <= lines.length ? lines[n - 1] : "";
    }

    /** Whether {@code file} has been registered. */
    public static boolean has(String file) {
        return file != null && LINES.containsKey(file);
    }
}
