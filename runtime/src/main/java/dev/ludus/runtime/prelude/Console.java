package dev.ludus.runtime.prelude;

import java.io.PrintStream;

/**
 * Where print!, report!, doc! and prn! write. Settable so that the CLI and tests can capture
 * output; every line is flushed as it is written (spec §12.2: output is written line by line).
 */
public final class Console {
    private Console() {}

    /** The destination stream; defaults to System.out. */
    public static volatile PrintStream out = System.out;

    /** Where human diagnostics go (a spawned process's panic); defaults to System.err. */
    public static volatile PrintStream err = System.err;

    /** Writes text followed by a newline and flushes. */
    public static void writeLine(String text) {
        PrintStream o = out;
        o.print(text);
        o.print('\n');
        o.flush();
    }
}
