package dev.ludus.runtime;

import dev.ludus.runtime.diag.LudusTrace;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.CallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;

/**
 * Cooperative cancellation of the running Ludus program (a time limit, Ctrl-C in the REPL,
 * output to a closed pipe). Thread.stop is gone from Java 20 on, so generated code polls at
 * every function entry and loop head. A poll is an invokedynamic linked to {@link #POLL}, one
 * MutableCallSite shared by every poll: its target is a no-op, which the JIT inlines to
 * nothing (recording a dependency on the site). A cancel retargets it to {@link #stop}; the
 * JVM then deoptimises the compiled code that depends on it, so the next poll reached throws.
 * The state is static, so it works on whatever thread (or continuation) runs the program;
 * one program runs at a time in a JVM.
 */
public final class Cancellation {
    private Cancellation() {}

    /** Whether a cancel was asked for (read by the "volatile" polls, a kind kept for measuring). */
    public static volatile boolean requested;
    /**
     * The panic made when the cancel was asked for, on the asking thread: a poll reached with
     * no stack left cannot even allocate and construct one (see {@link #stop}).
     */
    private static volatile Cancelled pending;
    private static volatile boolean quiet;

    /**
     * The poll's type: it answers a value that the generated code drops ({@code POP}). Not
     * {@code ()V}: the JDK's class-data archive has the linkage code of a site answering an
     * Object but not of one answering void, so a void poll spun a class at every program's
     * first poll. The JIT inlines the no-op target to nothing either way.
     */
    private static final MethodType POLL_TYPE = MethodType.methodType(Object.class);
    private static final MethodHandle GO_ON = GoOn.handle();
    /** The call site of every poll in generated code. */
    private static final MutableCallSite POLL = new MutableCallSite(GO_ON);

    /**
     * The poll's target while no cancel is asked for: a direct handle to a static method that
     * answers null. Not {@code MethodHandles.constant(Object.class, null)}: a constant is a bound
     * handle, whose making initialises the JDK's BoundMethodHandle species machinery (interpreted
     * code: ~10 ms of CPU on the main thread in a profile of `ludus run`), which a program that
     * binds no handle then never needs; a direct handle's code is in the JDK's class-data
     * archive. Its class is initialised before the handle is made (else the handle would carry
     * an initialisation barrier, a LambdaForm class spun at start).
     */
    private static final class GoOn {
        static Object poll() { return null; }

        static MethodHandle handle() {
            poll();
            try {
                return MethodHandles.lookup().findStatic(GoOn.class, "poll", POLL_TYPE);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
    }

    /**
     * The poll's target once a cancel was asked for, and what a poll reached with no stack
     * left throws. Made on the first cancel, not at start: a handle to a static method of a
     * class still being initialised makes the JVM spin a LambdaForm class at every program's
     * start (a few ms of interpreted code). {@link #stop} runs only after {@link #request},
     * which initialises this class.
     */
    private static final class Stop {
        static final MethodHandle STOP;
        static final Cancelled INTERRUPTED = new Cancelled("Interrupted", LudusTrace.EMPTY);
        static final StackWalker WALKER = StackWalker.getInstance();

        static {
            try {
                STOP = MethodHandles.lookup().findStatic(Cancellation.class, "stopPoll", POLL_TYPE);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
    }

    /**
     * Bootstrap of the generated code's {@code poll()Object} invokedynamic. Its type is
     * StringConcatFactory's (one static argument, unused: ""): the JDK invokes a bootstrap of
     * that type exactly, while any other type makes it spin an invoker class at the first
     * site a program links (Java 17 and 25; start-up of every compiled program). An array, not
     * varargs: the handle of a varargs method is an AsVarargsCollector, whose making initialises
     * BoundMethodHandle (see GoOn). The same holds for CallSites' and DictSites' bootstraps.
     */
    public static CallSite pollSite(MethodHandles.Lookup caller, String name, MethodType type, String unused, Object[] none) {
        return POLL;
    }

    /** Asks the running program to end with the panic {@code message}. */
    public static synchronized void request(String message) {
        pending = new Cancelled(message, LudusTrace.EMPTY);
        requested = true;
        retarget(Stop.STOP);
    }

    private static void retarget(MethodHandle target) {
        if (POLL.getTarget() == target) return; // no needless deoptimisation
        POLL.setTarget(target);
        MutableCallSite.syncAll(new MutableCallSite[] {POLL});
    }

    /** Asks the running program to end without a report (its output has nowhere to go). */
    public static void requestQuiet() {
        quiet = true;
        request("Output closed");
    }

    /** Before a program (or REPL entry) starts. */
    public static synchronized void reset() {
        requested = false;
        quiet = false;
        pending = null;
        stopped = null;
        retarget(GO_ON);
    }

    /** Whether the program was stopped because its output was closed (nothing more to report). */
    public static boolean quiet() {
        return quiet;
    }

    /**
     * When set (by a JVM that exits once its one program has ended: `ludus run`/`test`, a
     * compiled jar), a cancelled program does not unwind: {@link #stop} hands its panic over
     * and parks the program thread for good. Unwinding a deep recursion through JIT-compiled
     * frames, all deoptimised by the cancel, takes seconds of CPU (tens of seconds on a loaded
     * machine) and up to gigabytes of native memory; the JVM exit frees it all at once.
     * Elsewhere (the REPL, tests in one JVM) the panic is thrown and the thread ends, unless
     * the stack is deeper than {@link #DEEP_FRAMES}: then the thread stops in place too (its
     * stack stays reserved until the JVM exits, but the session goes on at once).
     */
    private static volatile boolean stopInPlace;
    private static volatile Cancelled stopped;

    public static void stopInPlace(boolean on) {
        stopInPlace = on;
    }

    /** The panic of a program stopped in place (its thread parked for good), or null. */
    public static Cancelled stopped() {
        return stopped;
    }

    /** A stack deeper than this many JVM frames stops in place even where the JVM goes on. */
    static final int DEEP_FRAMES = 10_000;

    /** The name a thread stopped in place takes (it stays parked until the JVM exits). */
    public static final String STOPPED_THREAD = "ludus-stopped";

    /**
     * Called by a poll once a cancel was asked for: ends the program.
     * <p>A poll can be reached with almost no stack left (a runaway recursion cancelled near
     * the limit), where any call made here overflows. HotSpot then skips the handlers of
     * frames too close to the stack's end (it cannot re-arm the guard zone there), so the
     * overflow may leave this method whatever it catches. Hence: where the JVM exits after
     * the program, the panic made by {@link #request} is handed over first, without a call
     * (the launcher's wait notices it within 100 ms); elsewhere the overflow unwinds to the
     * launcher, which reports the cancel's panic instead ({@link #requestedPanic}).
     */
    public static void stop() {
        if (stopInPlace && stopped == null) stopped = pending;
        try {
            Cancelled asked = pending;
            Cancelled panic = new Cancelled(asked == null ? "Interrupted" : asked.getMessage());
            if (!stopInPlace && !deep()) throw panic;
            stopped = panic;
            Thread.currentThread().setName(STOPPED_THREAD);
            synchronized (Cancellation.class) {
                Cancellation.class.notifyAll();
            }
            for (;;) java.util.concurrent.locks.LockSupport.park(); // for good (see stopInPlace)
        } catch (StackOverflowError e) {
            Cancelled p = pending;
            throw p != null ? p : Stop.INTERRUPTED;
        }
    }

    /** The poll's target after a cancel: {@link #stop} (which never returns normally). */
    private static Object stopPoll() {
        stop();
        return null;
    }

    /** The panic of the cancel asked for, or null if none was (see {@link #stop}). */
    public static Cancelled requestedPanic() {
        return requested ? pending : null;
    }

    /** Whether the current stack has more than DEEP_FRAMES frames (walking only that far). */
    private static boolean deep() {
        try {
            return Stop.WALKER.walk(frames -> frames.skip(DEEP_FRAMES).findFirst().isPresent());
        } catch (StackOverflowError | RuntimeException e) {
            return true; // no room even to look: certainly deep
        }
    }

    /**
     * Waits up to {@code millis} (Long.MAX_VALUE: no limit) for a program to end (as
     * {@code ended} tells) or to stop in place; answers whether it did. The launcher's program
     * thread calls {@link #programEnded} as it ends, so the wait ends at once; other threads
     * are noticed within 100 ms.
     */
    static boolean awaitStop(java.util.function.BooleanSupplier ended, long millis) throws InterruptedException {
        long end = millis == Long.MAX_VALUE ? Long.MAX_VALUE : System.nanoTime() + millis * 1_000_000;
        synchronized (Cancellation.class) {
            while (stopped == null && !ended.getAsBoolean()) {
                long left = end == Long.MAX_VALUE ? 100 : (end - System.nanoTime()) / 1_000_000;
                if (left <= 0) break;
                Cancellation.class.wait(Math.min(left, 100));
            }
        }
        return stopped != null || ended.getAsBoolean();
    }

    /** Called by the program thread as it ends (see {@link #awaitStop}). */
    static void programEnded() {
        synchronized (Cancellation.class) {
            Cancellation.class.notifyAll();
        }
    }

    /** The panic that ends a cancelled program; `test` forms do not catch it. */
    public static final class Cancelled extends LudusPanic {
        Cancelled(String message) {
            super(message);
        }

        Cancelled(String message, LudusTrace trace) {
            super(message, trace);
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
