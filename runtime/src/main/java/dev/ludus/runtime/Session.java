package dev.ludus.runtime;

import dev.ludus.runtime.prelude.Console;
import dev.ludus.runtime.prelude.Prelude;
import java.io.PrintStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;

/**
 * The runtime side of the REPL ({@code ludus repl}).
 *
 * <p><b>Session store.</b> Each REPL entry is compiled to its own module class. A name that an
 * earlier entry bound is compiled into later entries as a constant read from a slot of this
 * append-only store (bootstrap {@link #bootstrap}). Rebinding a name at the REPL takes a new slot,
 * so code compiled earlier keeps the value it was compiled against (entries behave like nested
 * scopes, not like mutable variables).
 *
 * <p><b>Running entries.</b> {@link #start} sets the prelude state up once (it then persists from
 * entry to entry: console, turtle, random); {@link #runEntry} evaluates one entry's module on a
 * big-stack thread and prints its panic report if it panics.
 */
public final class Session {
    private Session() {}

    private static final List<Object> VALUES = new ArrayList<>();

    /** Stores a value for a session name; returns its slot (never reused). */
    public static synchronized int define(Object value) {
        if (value == null) throw new IllegalArgumentException("a session value cannot be null");
        VALUES.add(value);
        return VALUES.size() - 1;
    }

    /** The value in {@code slot}. */
    public static synchronized Object value(int slot) {
        return VALUES.get(slot);
    }

    /** Constant bootstrap (see Bootstraps): the value of a session name (static argument: its slot). */
    public static Object bootstrap(MethodHandles.Lookup lookup, String ignored, Class<?> type, int slot) {
        return value(slot);
    }

    /**
     * Starts a session: resets the prelude's state with {@code seed}, enables {@code test} forms
     * (they report as they run) and sends console output to {@code out}.
     */
    public static void start(long seed, PrintStream out) {
        start(seed, out, System.err);
    }

    /** As above; a spawned process's panic diagnostics go to {@code err}. */
    public static void start(long seed, PrintStream out, PrintStream err) {
        Console.err = err;
        Launcher.endProcesses(); // :reset drops the session's processes (spec §16)
        Prelude.resetState(seed);
        Launcher.testsEnabled = true;
        Tests.enable(true);
        Console.out = out;
    }

    /** How an entry ended. */
    public sealed interface Outcome {}

    /** The entry ran to the end; {@code value} is its result (the value of its last form). */
    public record Completed(Object value) implements Outcome {}

    /** The entry panicked; the report (spec §10.1) has been printed. */
    public record Panicked(String message) implements Outcome {}

    /** The entry was interrupted (Ctrl-C); the program thread has been stopped. */
    public record Interrupted() implements Outcome {}

    /** A bug in the implementation (not the user's program). */
    public record Failed(Throwable error) implements Outcome {}

    /**
     * Runs {@code module}'s {@code $run()} on a thread with the program stack size
     * ({@link Launcher#stackSize()}), console output going to {@code out}. A panic's report is
     * printed to {@code out}; nothing else is printed. If the calling thread is interrupted while
     * waiting, the program thread is stopped and {@link Interrupted} is returned.
     */
    public static Outcome runEntry(Class<?> module, PrintStream out) {
        return runEntry(module, out, System.err);
    }

    /** As {@link #runEntry(Class, PrintStream)}, the human diagnostic of a panic going to {@code err}. */
    public static Outcome runEntry(Class<?> module, PrintStream out, PrintStream err) {
        MethodHandle entry;
        try {
            entry = MethodHandles.publicLookup().findStatic(module, "$run", MethodType.methodType(Object.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return new Failed(new IllegalStateException(module.getName() + " is not a Ludus module", e));
        }
        Console.out = out;
        Cancellation.reset();
        Object[] result = new Object[1];
        Throwable[] failure = new Throwable[1];
        Thread program = new Thread(null, () -> {
            try {
                dev.ludus.runtime.bootstrap.Invoke.setTailDepth(0); // an earlier entry may have panicked mid-call
                result[0] = entry.invoke();
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, "ludus-repl-entry", Launcher.stackSize());
        program.setDaemon(true);
        program.start();
        try {
            program.join();
        } catch (InterruptedException e) {
            Launcher.stop(program, "Interrupted");
            out.flush();
            return new Interrupted();
        } finally {
            out.flush();
        }
        Throwable t = failure[0];
        if (t == null) {
            return result[0] != null ? new Completed(result[0])
                    : new Failed(new IllegalStateException("the entry produced no value"));
        }
        for (int i = 0; i < 8 && t instanceof ExceptionInInitializerError && t.getCause() != null; i++) {
            t = t.getCause();
        }
        LudusPanic panic = null;
        if (t instanceof LudusPanic p) panic = p;
        else if (t instanceof StackOverflowError so) panic = Launcher.overflow(so);
        else if (t instanceof OutOfMemoryError) panic = LudusPanic.outOfMemory();
        if (panic == null) return new Failed(t);
        Launcher.reportPanic(panic, out, err); // stdout: the report; stderr: the human diagnostic
        return new Panicked(panic.getMessage());
    }
}
