package dev.ludus.runtime;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Cooperative cancellation of the running Ludus program (a time limit, Ctrl-C in the REPL,
 * output to a closed pipe). Thread.stop is gone from Java 20 on, so generated code polls
 * {@link #requested} at every function entry and loop back-edge: one volatile read, which
 * the JIT cannot hoist out of a loop. It is a plain static flag, so it works on whatever
 * thread (or continuation) runs the program; one program runs at a time.
 */
public final class Cancellation {
    private Cancellation() {}

    /** Read by generated code; when true the program stops at its next poll. */
    public static volatile boolean requested;
    private static volatile String message;
    private static volatile boolean quiet;

    /** Asks the running program to end with the panic {@code message}. */
    public static void request(String message) {
        Cancellation.message = message;
        requested = true;
    }

    /** Asks the running program to end without a report (its output has nowhere to go). */
    public static void requestQuiet() {
        quiet = true;
        request("Output closed");
    }

    /** Before a program (or REPL entry) starts. */
    public static void reset() {
        requested = false;
        quiet = false;
        message = null;
    }

    /** Whether the program was stopped because its output was closed (nothing more to report). */
    public static boolean quiet() {
        return quiet;
    }

    /** Called by generated code when {@link #requested} is set: ends the program. */
    public static void stop() {
        throw new Cancelled(message == null ? "Interrupted" : message);
    }

    /** The panic that ends a cancelled program; `test` forms do not catch it. */
    public static final class Cancelled extends LudusPanic {
        Cancelled(String message) {
            super(message);
        }
    }

    /** The panic for a time limit of {@code seconds}. */
    public static String timeLimitMessage(long seconds) {
        return "Time limit of " + seconds + " s exceeded";
    }

    /**
     * Wraps stdout: a write that fails (the reader closed the pipe: `ludus run x.ld | head`)
     * stops the program quietly instead of letting it run on with output going nowhere.
     */
    public static OutputStream guard(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override public void write(int b) throws IOException {
                try { out.write(b); } catch (IOException e) { requestQuiet(); throw e; }
            }

            @Override public void write(byte[] b, int off, int len) throws IOException {
                try { out.write(b, off, len); } catch (IOException e) { requestQuiet(); throw e; }
            }

            @Override public void flush() throws IOException {
                try { out.flush(); } catch (IOException e) { requestQuiet(); throw e; }
            }
        };
    }
}
