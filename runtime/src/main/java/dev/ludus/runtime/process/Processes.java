package dev.ludus.runtime.process;

import dev.ludus.runtime.value.Pid;

/**
 * The processes of spec §16, as the prelude functions and the code generated for
 * {@code receive} see them. Nothing here exists until a program first uses a process word: a
 * program without processes never loads the scheduler.
 *
 * <p>Processes need Java 21 (continuations or virtual threads). The backend is chosen once per
 * JVM: continuations when {@code java.base/jdk.internal.vm} is exported to us, else virtual
 * threads; {@code -Dludus.processes=threads} forces the fallback (tests run the process corpus
 * with both).
 */
public final class Processes {
    private Processes() {}

    /** The Java version processes need. */
    public static final int JAVA_NEEDED = 21;

    private static Backend backend;
    private static Scheduler current;

    /** Whether this JVM can run processes. */
    public static boolean supported() { return Runtime.version().feature() >= JAVA_NEEDED; }

    /** The name of the backend this JVM uses ("continuations" or "virtual threads"), or why there is none. */
    public static String backendName() {
        if (!supported()) return "none (processes need Java " + JAVA_NEEDED + " or later)";
        return backend().name();
    }

    private static synchronized Backend backend() {
        if (backend == null) {
            if (!supported()) {
                throw new UnsupportedOperationException("processes need Java " + JAVA_NEEDED
                        + " or later, this is Java " + Runtime.version().feature());
            }
            boolean forceThreads = "threads".equals(System.getProperty("ludus.processes"));
            backend = !forceThreads && continuationsUsable() ? new ContinuationBackend() : new ThreadBackend();
        }
        return backend;
    }

    /**
     * Whether this JVM lets us use continuations: Java 21+ with jdk.internal.vm exported to us
     * (the launchers and jar manifests add the export; a plain class path on 21+ does not).
     * Asked here, not in ContinuationBackend, whose class initialisation fails without the export.
     */
    private static boolean continuationsUsable() {
        if (Runtime.version().feature() < 21) return false;
        return Object.class.getModule().isExported("jdk.internal.vm", Processes.class.getModule());
    }

    private static Scheduler scheduler() {
        Scheduler s = current;
        if (s == null) {
            current = s = new Scheduler(backend(), new ProcessPanics());
            dev.ludus.runtime.Launcher.noteProcessesUsed();
        }
        return s;
    }

    /**
     * Drops every process and the scheduler: at the end of a program (the main script finished,
     * panicked or failed) and at the REPL's {@code :reset}. The next use starts afresh at pid 0.
     */
    /**
     * Forgets the scheduler without discarding its processes: the program thread is parked
     * inside it for good (a cancel stopped it in place), so nothing may switch to them.
     */
    public static void abandon() {
        current = null;
    }

    public static void reset() {
        Scheduler s = current;
        current = null;
        if (s != null) s.discardAll();
    }

    /** Whether processes have been used since the last reset (tests). */
    public static boolean active() { return current != null; }

    // ---- the prelude functions

    public static Pid spawn(Object fn) { return scheduler().spawn(fn); }

    public static Pid self() { return scheduler().running; }

    public static Object send(Pid pid, Object msg) {
        scheduler().send((Proc) pid, msg);
        return msg;
    }

    public static void yieldNow() { scheduler().yieldNow(); }

    public static void sleep(double ms) { scheduler().sleep(ms); }

    public static boolean alive(Pid pid) { return ((Proc) pid).state != Proc.State.DONE; }

    // ---- receive (ExprGen.receive)

    /** The mailbox node after {@code cursor} (null: the oldest), waiting for a message if needed. */
    public static Object next(Object cursor, boolean rescan, String file, int line, int col) {
        return scheduler().next((Proc.Node) cursor, rescan, file, line, col);
    }

    public static Object message(Object node) { return ((Proc.Node) node).msg; }

    /** Takes the matched message out of the running process's mailbox. */
    public static void take(Object node) { scheduler().take((Proc.Node) node); }
}
