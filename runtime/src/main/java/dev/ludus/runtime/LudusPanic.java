package dev.ludus.runtime;

import dev.ludus.runtime.diag.LudusTrace;

/**
 * A Ludus panic (spec §10). {@code file}/{@code line} locate the site when the spec gives one
 * (line 0: no location). No Java stack trace is captured: panics are values of the language,
 * never shown as Java traces. Instead a panic records its Ludus call trace (generated Ludus
 * frames only, folded; see {@link LudusTrace}) and may carry a one-line hint for the stderr
 * diagnostic. The trace costs one stack walk per panic, so programs that never panic pay nothing.
 */
public class LudusPanic extends RuntimeException {
    private final String file;
    private final int line;
    private final int col;
    private final LudusTrace trace;
    private String hint;
    private String callee;

    public LudusPanic(String message, String file, int line, int col) {
        this(message, file, line, col, LudusTrace.capture());
    }

    public LudusPanic(String message) { this(message, null, 0, 0); }

    /** A panic with no location and a trace captured elsewhere (or {@link LudusTrace#EMPTY}). */
    protected LudusPanic(String message, LudusTrace trace) { this(message, null, 0, 0, trace); }

    private LudusPanic(String message, String file, int line, int col, LudusTrace trace) {
        super(message, null, false, false);
        this.file = file;
        this.line = line;
        this.col = col;
        this.trace = trace;
    }

    /** "Maximum call stack size exceeded", traced from the overflow's own recorded stack. */
    public static LudusPanic stackExhausted(String message, StackOverflowError e) {
        LudusTrace t;
        try {
            t = LudusTrace.of(e.getStackTrace());
        } catch (RuntimeException | StackOverflowError ignored) {
            t = LudusTrace.EMPTY;
        }
        return new LudusPanic(message, null, 0, 0, t)
                .withHint("a function called itself too deeply: check that its recursion reaches a base case; "
                        + "a call that is the last thing a function does (a tail call) uses no stack");
    }

    /**
     * "Out of memory": a program that outgrew the heap ends with a panic, not a Java error. No
     * trace: the stack that failed is gone, and walking one needs memory that may not be there.
     */
    public static LudusPanic outOfMemory() {
        return new LudusPanic("Out of memory", null, 0, 0, LudusTrace.EMPTY)
                .withHint("the program's values outgrew the memory available; keep fewer of them alive, "
                        + "or give Java more memory (LUDUS_JAVA_OPTS=-Xmx4g)");
    }

    public String file() { return file; }
    public int line() { return line; }
    public int col() { return col; }
    public boolean hasLocation() { return line > 0; }

    /** The Ludus call trace at the panic (never null; empty if it could not be captured). */
    public LudusTrace trace() { return trace; }

    /** A one-line hint for humans (stderr), or null. */
    public String hint() { return hint; }

    public LudusPanic withHint(String h) {
        this.hint = h;
        return this;
    }

    /** The name of the function whose call failed, when known (to point at the call), or null. */
    public String callee() { return callee; }

    public LudusPanic withCallee(String name) {
        this.callee = name;
        return this;
    }
}
