package dev.ludus.runtime.process;

/**
 * How a process's code is suspended and resumed. The scheduler only ever runs one process at a
 * time, on the thread that runs the main script: {@link #resume} returns when the process has
 * suspended itself or finished. Two implementations give identical output: JDK continuations
 * (when {@code java.base/jdk.internal.vm} is exported to us) and virtual threads handing a
 * baton (Java 21's public API).
 */
interface Backend {
    /** Runs {@code p} (from its start, or from where it suspended) until it suspends or finishes. */
    void resume(Proc p);

    /** Called by the running process itself: gives control back to whoever resumed it. */
    void suspend(Proc p);

    /** Whether {@link #discard} must be called for every started process (threads must be unwound). */
    boolean needsDiscard();

    /** Forgets a process that will never run again (program end, :reset). */
    void discard(Proc p);

    /** For `ludus --version` and tests. */
    String name();
}
