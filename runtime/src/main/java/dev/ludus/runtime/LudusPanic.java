package dev.ludus.runtime;

/**
 * A Ludus panic (spec §10). {@code file}/{@code line} locate the site when the spec gives one
 * (line 0: no location). No Java stack trace is captured: panics are values of the language,
 * never shown as Java traces.
 */
public final class LudusPanic extends RuntimeException {
    private final String file;
    private final int line;
    private final int col;

    public LudusPanic(String message, String file, int line, int col) {
        super(message, null, false, false);
        this.file = file;
        this.line = line;
        this.col = col;
    }

    public LudusPanic(String message) { this(message, null, 0, 0); }

    public String file() { return file; }
    public int line() { return line; }
    public int col() { return col; }
    public boolean hasLocation() { return line > 0; }
}
