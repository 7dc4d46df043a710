package dev.ludus.runtime.process;

import dev.ludus.runtime.LudusPanic;
import dev.ludus.runtime.Panics;
import dev.ludus.runtime.bootstrap.Invoke;
import java.util.ArrayDeque;
import java.util.PriorityQueue;

/**
 * The deterministic scheduler of spec §16: one FIFO run queue, a sleep queue ordered by
 * (virtual wake-up time, order of the sleep! calls), a virtual clock that only jumps.
 *
 * <p>The main script (pid 0) is never suspended by a backend: it runs on its own thread as a
 * program without processes does, and when it must wait (receive with nothing to take, yield!,
 * sleep!) it runs the scheduler loop itself, on its own stack, until its turn comes again.
 * Spawned processes run inside that loop, one at a time, and hand control back to it when they
 * wait. So there is one thread, one order of events, and no scheduler at all until a program
 * uses processes.
 */
final class Scheduler {
    final Backend backend;
    final Proc main;
    /** The process whose code is running now. */
    Proc running;
    private final ArrayDeque<Proc> runQueue = new ArrayDeque<>();
    private final PriorityQueue<Proc> sleepers = new PriorityQueue<>((a, b) -> {
        int c = Double.compare(a.wake.time(), b.wake.time());
        return c != 0 ? c : Long.compare(a.wake.order(), b.wake.order());
    });
    /** An error that is not a Ludus panic in the process that just ran (a bug, or the program being stopped). */
    private Throwable failure;
    private double clock;
    private long sleepCalls;
    private int nextId = 1;
    /** Every process that has started and not finished (to discard them at the end). */
    private final java.util.Set<Proc> started = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private final ProcessPanics panics;

    Scheduler(Backend backend, ProcessPanics panics) {
        this.backend = backend;
        this.panics = panics;
        this.main = new Proc(0, null, Proc.State.RUNNING, this);
        this.running = main;
    }

    // ---- the operations of spec §16

    Proc spawn(Object fn) {
        Proc p = new Proc(nextId++, fn, Proc.State.QUEUED, this);
        runQueue.addLast(p);
        return p;
    }

    void send(Proc p, Object msg) {
        if (p.state == Proc.State.DONE) return;
        p.append(msg);
        if (p.state == Proc.State.BLOCKED) {
            p.state = Proc.State.QUEUED;
            runQueue.addLast(p);
        }
    }

    void yieldNow() {
        Proc me = running;
        me.state = Proc.State.QUEUED;
        runQueue.addLast(me);
        switchOut(me);
    }

    void sleep(double ms) {
        if (!(ms > 0)) {
            yieldNow();
            return;
        }
        Proc me = running;
        me.state = Proc.State.SLEEPING;
        me.wake = new Proc.Wake(clock + ms, sleepCalls++);
        sleepers.add(me);
        switchOut(me);
    }

    /**
     * The next message after {@code cursor} in the running process's mailbox, waiting for one if
     * there is none; after a wait the scan starts again from the oldest if {@code rescan}.
     */
    Proc.Node next(Proc.Node cursor, boolean rescan, String file, int line, int col) {
        Proc me = running;
        for (;;) {
            Proc.Node n = me.after(cursor);
            if (n != null) return n;
            me.state = Proc.State.BLOCKED;
            if (me == main) {
                waitFile = file;
                waitLine = line;
                waitCol = col;
            }
            switchOut(me);
            if (rescan) cursor = null;
        }
    }

    void take(Proc.Node n) {
        running.remove(n);
    }

    // ---- switching

    /** Where the main script waits in receive (the site of a deadlock panic). */
    private String waitFile;
    private int waitLine, waitCol;

    /** {@code me} has stopped running (queued, sleeping or blocked): let the others run. */
    private void switchOut(Proc me) {
        if (me != main) backend.suspend(me);
        else runUntilMainsTurn();
    }

    /** The loop, on the main script's stack: runs processes until main is taken off the run queue. */
    private void runUntilMainsTurn() {
        for (;;) {
            Proc p = runQueue.pollFirst();
            if (p == null) {
                if (sleepers.isEmpty()) {
                    main.state = Proc.State.RUNNING;
                    running = main;
                    // only a receive leaves main neither queued nor sleeping
                    throw Panics.at("Deadlock: receive in pid 0 can never be satisfied", waitFile, waitLine, waitCol);
                }
                wakeEarliest();
                continue;
            }
            if (p == main) {
                main.state = Proc.State.RUNNING;
                running = main;
                return;
            }
            run(p);
        }
    }

    private void wakeEarliest() {
        Proc first = sleepers.poll();
        clock = first.wake.time();
        wakeUp(first);
        while (!sleepers.isEmpty() && sleepers.peek().wake.time() <= clock) wakeUp(sleepers.poll());
    }

    private void wakeUp(Proc p) {
        p.wake = null;
        p.state = Proc.State.QUEUED;
        runQueue.addLast(p);
    }

    private void run(Proc p) {
        int mainDepth = Invoke.tailDepth();
        Invoke.setTailDepth(p.tailDepth);
        p.state = Proc.State.RUNNING;
        running = p;
        if (p.handle == null && backend.needsDiscard()) started.add(p);
        try {
            backend.resume(p);
        } finally {
            p.tailDepth = Invoke.tailDepth();
            Invoke.setTailDepth(mainDepth);
            running = main;
        }
        if (p.state == Proc.State.DONE) {
            started.remove(p);
            Throwable failure = this.failure;
            if (failure != null) {
                this.failure = null;
                if (failure instanceof RuntimeException r) throw r;
                if (failure instanceof Error e) throw e;
                throw new IllegalStateException(failure);
            }
        }
    }

    /** A spawned process's whole life, inside its backend. */
    void body(Proc p) {
        Object fn = p.fn;
        p.fn = null;
        try {
            Invoke.setTailDepth(0);
            dev.ludus.runtime.prelude.Calls.call0(fn);
        } catch (dev.ludus.runtime.Cancellation.Cancelled e) {
            failure = e; // a time limit or Ctrl-C ends the whole program, not just this process
        } catch (LudusPanic e) {
            panics.report(p, e);
        } catch (StackOverflowError e) {
            panics.report(p, LudusPanic.stackExhausted(dev.ludus.runtime.Launcher.STACK_EXHAUSTED, e));
        } catch (ThreadBackend.Discarded e) {
            throw e;
        } catch (Throwable t) {
            failure = t; // not the program's fault: the whole program ends with it, on main's side
        } finally {
            p.state = Proc.State.DONE;
            p.head = p.tail = null;
        }
    }

    /** Program end or :reset: every other process is dropped, runnable or not. */
    void discardAll() {
        for (Proc p : started.toArray(new Proc[0])) {
            backend.discard(p);
            p.state = Proc.State.DONE;
            p.head = p.tail = null;
        }
        started.clear();
        for (Proc p : runQueue) p.state = Proc.State.DONE;
        for (Proc p : sleepers) p.state = Proc.State.DONE;
        runQueue.clear();
        sleepers.clear();
    }
}
