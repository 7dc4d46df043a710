package dev.ludus.runtime.process;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.locks.LockSupport;

/**
 * The fallback when continuations are not exported to us (Java 21+): each process is a virtual
 * thread, and exactly one thread runs at a time, passing a baton: {@link #resume} wakes the
 * process and parks until it hands the baton back. The order of events is the scheduler's
 * alone, so the output is the same as with continuations, only slower. Virtual threads are
 * made through method handles, so this class compiles for Java 17.
 */
final class ThreadBackend implements Backend {
    private static final MethodHandle UNSTARTED;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.publicLookup();
            Object builder = l.findStatic(Thread.class, "ofVirtual",
                    MethodType.methodType(Class.forName("java.lang.Thread$Builder$OfVirtual"))).invoke();
            Class<?> builderClass = Class.forName("java.lang.Thread$Builder");
            UNSTARTED = l.findVirtual(builderClass, "unstarted", MethodType.methodType(Thread.class, Runnable.class))
                    .bindTo(builder);
        } catch (Throwable e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Thrown inside a discarded process's thread to unwind it. */
    static final class Discarded extends Error {
        Discarded() { super("process discarded", null, false, false); }
    }

    /** Per process: whose turn it is, and who is waiting for the baton. */
    private static final class Baton {
        final Thread thread;
        volatile boolean processTurn;
        volatile boolean discarded;
        volatile Thread resumer;

        Baton(Thread thread) { this.thread = thread; }
    }

    @Override public void resume(Proc p) {
        Runnable body = p;
        Baton b = (Baton) p.handle;
        boolean start = b == null;
        if (start) {
            Baton[] self = new Baton[1];
            Runnable run = () -> {
                Baton mine = self[0];
                try {
                    while (!mine.processTurn) LockSupport.park(this);
                    if (!mine.discarded) body.run();
                } catch (Discarded ignored) {
                    // unwound by discard
                } finally {
                    mine.processTurn = false;
                    Thread r = mine.resumer;
                    if (r != null) LockSupport.unpark(r);
                }
            };
            try {
                b = new Baton((Thread) UNSTARTED.invokeExact(run));
            } catch (Throwable t) {
                throw new IllegalStateException("cannot start a virtual thread", t);
            }
            self[0] = b;
            p.handle = b;
        }
        b.resumer = Thread.currentThread();
        b.processTurn = true;
        if (start) b.thread.start();
        else LockSupport.unpark(b.thread);
        while (b.processTurn) LockSupport.park(this);
        if (p.state == Proc.State.DONE) p.handle = null;
    }

    @Override public void suspend(Proc p) {
        Baton b = (Baton) p.handle;
        b.processTurn = false;
        LockSupport.unpark(b.resumer);
        while (!b.processTurn) LockSupport.park(this);
        if (b.discarded) throw new Discarded();
    }

    @Override public void discard(Proc p) {
        Baton b = (Baton) p.handle;
        p.handle = null;
        if (b == null) return;
        // Wake it to unwind (its finally blocks run now, not later alongside another program).
        b.discarded = true;
        b.resumer = Thread.currentThread();
        b.processTurn = true;
        LockSupport.unpark(b.thread);
        try {
            b.thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override public boolean needsDiscard() { return true; }

    @Override public String name() { return "virtual threads"; }
}
