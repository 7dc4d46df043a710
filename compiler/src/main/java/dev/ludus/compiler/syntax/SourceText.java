package dev.ludus.compiler.syntax;

import java.nio.file.Path;
import java.util.List;

/**
 * A Ludus source file: the name used in reports (as given on the command line, or as resolved
 * for imports), its canonical path (null for stdin/REPL input) and its text.
 */
public record SourceText(String displayName, Path path, String text) {
    /** A byte-order mark at the start is not part of the program (as javac and most compilers do). */
    public SourceText {
        if (text != null && text.startsWith("\uFEFF")) text = text.substring(1);
    }

    /** Line {@code n} (1-based) verbatim, without its line terminator; "" if out of range. */
    public String line(int n) {
        List<String> lines = text.lines().toList();
        return n >= 1 && n <= lines.size() ? lines.get(n - 1) : "";
    }
}
