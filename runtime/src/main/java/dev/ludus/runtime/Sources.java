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
        // String.lines() splits on \n, \r\n and \r, like SourceText.line in the compiler.
        LINES.put(file, sourceText.lines().toArray(String[]::new));
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
