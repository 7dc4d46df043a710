package dev.ludus.runtime;

import dev.ludus.runtime.prelude.Console;
import java.lang.invoke.MethodHandle;

/**
 * {@code test "name" expr} forms (spec §12.3). Compiled code calls {@link #reached} where a test
 * form stands; under {@code ludus run} that does nothing, under {@code ludus test} it runs the
 * body, catches its panic, and prints one line. Only the main module's tests run.
 */
public final class Tests {
    private Tests() {}

    private static boolean enabled;
    private static int passed;
    private static int failed;

    /** Starts a test run (true) or a normal run (false); resets the counts. */
    public static void enable(boolean on) {
        enabled = on;
        passed = 0;
        failed = 0;
    }

    public static int passed() { return passed; }
    public static int failed() { return failed; }

    public static String summary() {
        return (passed + failed) + " tests: " + passed + " passed, " + failed + " failed";
    }

    /** The call a running test's body made, if its body is one call (see {@link #call}); else null. */
    private static String lastCall;

    /**
     * A test body that is a single call {@code f (a, b)}: calls {@code fn} with the evaluated
     * arguments and keeps {@code f (a, b)} with their shown values for the FAILED line.
     */
    public static Object call(Object fn, Object[] args, String name) {
        StringBuilder sb = new StringBuilder(name).append(" (");
        for (int i = 0; i < args.length; i++) sb.append(i > 0 ? ", " : "").append(Values.show(args[i]));
        lastCall = sb.append(')').toString();
        return dev.ludus.runtime.prelude.Calls.callN(fn, args);
    }

    /** Called by compiled code at a test form; {@code body} is {@code ()Object}. Value: nil. */
    public static Object reached(String name, int line, boolean mainModule, MethodHandle body) {
        if (!enabled || !mainModule) return dev.ludus.runtime.value.Nil.NIL;
        String outcome;
        int tailDepth = dev.ludus.runtime.bootstrap.Invoke.tailDepth();
        lastCall = null;
        try {
            Object v = TailCall.settle((Object) body.invokeExact());
            if (Values.truthy(v)) {
                passed++;
                outcome = "passed";
            } else {
                failed++;
                outcome = "FAILED on line " + line + ": "
                        + (lastCall != null ? lastCall + " is " + Values.show(v) : "returned " + Values.show(v));
            }
        } catch (LudusPanic p) {
            if (p instanceof Cancellation.Cancelled) throw p; // a time limit ends the whole run
            failed++;
            outcome = "FAILED on line " + line + ": panicked: " + p.getMessage();
        } catch (StackOverflowError e) {
            failed++;
            outcome = "FAILED on line " + line + ": panicked: Maximum call stack size exceeded";
        } catch (OutOfMemoryError e) {
            failed++;
            outcome = "FAILED on line " + line + ": panicked: Out of memory";
        } catch (Throwable t) {
            throw TailCall.rethrow(t);
        } finally {
            dev.ludus.runtime.bootstrap.Invoke.setTailDepth(tailDepth);
        }
        Console.writeLine("test \"" + name + "\" " + outcome);
        return dev.ludus.runtime.value.Nil.NIL;
    }
}
