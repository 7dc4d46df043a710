package dev.ludus.runtime;

import dev.ludus.runtime.prelude.Console;
import dev.ludus.runtime.prelude.Prelude;
import dev.ludus.runtime.turtle.TurtleOutput;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Runs a compiled Ludus module and prints the reference-compatible report of spec §12.1 to
 * stdout: the result line, a panic report (§10.1) or an internal error. Used by {@code ludus run}
 * (in memory) and by the {@code main} method of every compiled program (jar).
 */
public final class Launcher {
    private Launcher() {}

    public static final int EXIT_OK = 0;
    public static final int EXIT_PANIC = 1;
    public static final int EXIT_INTERNAL = 2;
    /** The program completed but a requested turtle file (--svg/--png) could not be written. */
    public static final int EXIT_OUTPUT = 2;

    /**
     * Default stack size of the program thread: deep non-tail recursion (spec §7: at least
     * 100,000 nested Ludus calls) needs a large one, but HotSpot's unwinding of a
     * StackOverflowError through JIT-compiled frames costs far more than the stack: a runaway
     * recursion took ~50 s and ~10 GB of native memory with 512 MiB, 6-34 s with 128 MiB, 1-4 s
     * and 0.3-1.5 GB with 64 MiB (issue 12; plain Java behaves the same). 64 MiB still holds
     * 100,000 nested calls through `map` and a lambda in a cold, loaded JVM (48 MiB did not).
     * Override with -Dludus.stackSize=SIZE (bytes, or with a k/m/g suffix).
     */
    public static final long DEFAULT_STACK_SIZE = 64L << 20;

    /** The program thread's stack size: {@code ludus.stackSize} if set and valid, else the default. */
    public static long stackSize() {
        String s = System.getProperty("ludus.stackSize");
        if (s == null || s.isBlank()) return DEFAULT_STACK_SIZE;
        s = s.trim().toLowerCase(java.util.Locale.ROOT);
        long unit = switch (s.charAt(s.length() - 1)) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            default -> 1L;
        };
        try {
            long n = Long.parseLong(unit == 1L ? s : s.substring(0, s.length() - 1));
            return n > 0 ? n * unit : DEFAULT_STACK_SIZE;
        } catch (NumberFormatException e) {
            return DEFAULT_STACK_SIZE;
        }
    }

    public static final String STACK_EXHAUSTED = "Maximum call stack size exceeded";

    /**
     * Set by a compiled program's main: colour panic reports if stderr looks like a colour
     * terminal, and report once if stdout and stderr are one terminal (decided at the panic).
     */
    private static volatile boolean colourFromTerminal;

    /**
     * The outcome of evaluating a module on the program thread: completed (its shown result),
     * panicked or failed. One class, not a record per kind: every class a compiled program
     * loads from its jar costs its start ~0.3 ms (StartupPathTest counts them).
     */
    private static final class Outcome {
        final String shownResult;
        final LudusPanic panic;
        final Throwable error;

        private Outcome(String shownResult, LudusPanic panic, Throwable error) {
            this.shownResult = shownResult;
            this.panic = panic;
            this.error = error;
        }

        static Outcome completed(String shownResult) { return new Outcome(shownResult, null, null); }
        static Outcome panicked(LudusPanic panic) { return new Outcome(null, panic, null); }
        static Outcome failed(Throwable error) { return new Outcome(null, null, error); }

        boolean isFailure() { return error != null; }
    }

    /**
     * Entry point of a compiled program's {@code main}: parses the options, runs, exits. A
     * compiled program prints only its own output (and a panic report); {@code --print-result}
     * adds the {@code => value} line that `ludus run` prints.
     */
    public static void main(Class<?> module, String[] args) {
        List<String> argList = new java.util.ArrayList<>(List.of(args));
        if (argList.contains("--help") || argList.contains("-h")) {
            System.out.println("usage: java -jar PROGRAM.jar [--print-result] "
                    + RunOptions.USAGE.substring("options: ".length()));
            System.exit(EXIT_OK);
        }
        boolean printResult = argList.remove("--print-result");
        RunOptions opts;
        try {
            opts = RunOptions.parse(argList);
        } catch (IllegalArgumentException e) {
            System.err.println("ludus: " + e.getMessage());
            System.err.println(RunOptions.USAGE);
            System.exit(EXIT_INTERNAL);
            return;
        }
        PrintStream out = stdout();
        colourFromTerminal = true; // decided when a panic is reported: reading the environment costs start-up time
        Cancellation.stopInPlace(true); // the JVM exits after this one run
        int code = run(module, opts, out, System.err, false, printResult);
        out.flush();
        exit(code);
    }

    /**
     * Ends this JVM with status {@code code}; the caller's {@code main} must return right after.
     * Status 0 with no other live non-daemon thread returns instead of calling System.exit: the
     * JVM then ends as a plain Java program does (shutdown hooks included), without
     * Runtime.exit's logging look-up, which from Java 21 initialises System.Logger (a
     * ServiceLoader over the JDK's modules, ~10 ms at the end of every run).
     */
    public static void exit(int code) {
        System.out.flush();
        System.err.flush();
        if (code == EXIT_OK && onlyDaemonsLeft()) return;
        System.exit(code);
    }

    /** Whether every live thread of this thread group (and below) but the current one is a daemon. */
    private static boolean onlyDaemonsLeft() {
        Thread me = Thread.currentThread();
        Thread[] all = new Thread[Thread.activeCount() + 8];
        int n = Thread.enumerate(all);
        if (n == all.length) return false; // more threads than we saw: let System.exit decide
        for (int i = 0; i < n; i++) {
            if (all[i] != me && all[i].isAlive() && !all[i].isDaemon()) return false;
        }
        return true;
    }

    /**
     * A UTF-8 stdout independent of the platform encoding; buffered, and flushed at every line
     * when attached to a terminal so interactive output appears promptly.
     */
    public static PrintStream stdout() {
        boolean terminal = dev.ludus.runtime.diag.Terminals.consoleAttached(); // not System.console(): 15 ms on Java 25
        return new PrintStream(new BufferedOutputStream(Cancellation.guard(new FileOutputStream(FileDescriptor.out)), 1 << 16),
                terminal, StandardCharsets.UTF_8);
    }

    /** Runs {@code module} writing the report to {@code out}; diagnostics to System.err. */
    public static int run(Class<?> module, RunOptions opts, PrintStream out) {
        return run(module, opts, out, System.err);
    }

    /**
     * Runs {@code module} ({@code public static Object $run()}) on a thread with a large stack and
     * prints the report of spec §12.1 to {@code out}. Human diagnostics go to {@code err}.
     * Returns the exit status: 0 completed, 1 panicked, 2 internal error or turtle output (spec
     * §12.4, {@code opts.svgPath()/pngPath()}) not writable. If the calling thread is
     * interrupted while waiting, the program thread is stopped and 2 is returned.
     */
    public static int run(Class<?> module, RunOptions opts, PrintStream out, PrintStream err) {
        return run(module, opts, out, err, false, true);
    }

    /**
     * {@code ludus test} (spec §12.3): runs the module with its test forms enabled; prints a line
     * per test, then the summary (and a panic report if the script panicked outside the tests).
     * Exit status 0 iff no test failed and the script did not panic.
     */
    public static int runTests(Class<?> module, RunOptions opts, PrintStream out, PrintStream err) {
        return run(module, opts, out, err, true, false);
    }

    private static int run(Class<?> module, RunOptions opts, PrintStream out, PrintStream err,
                           boolean tests, boolean printResult) {
        if (opts == null) opts = RunOptions.defaults();
        MethodHandle entry;
        try {
            entry = MethodHandles.publicLookup()
                    .findStatic(module, "$run", MethodType.methodType(Object.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return internalError(new IllegalStateException(
                    module.getName() + " is not a Ludus module: no public static Object $run()", e), out, err);
        }
        String processSite = Runtime.version().feature() < 21 ? processSite(module) : null;
        if (processSite != null) return processesUnsupported(processSite, out, err);
        long seed = opts.effectiveSeed();
        PrintStream previousConsole = Console.out;
        PrintStream previousErr = Console.err;
        if (err != null) Console.err = err;
        Outcome outcome;
        Cancellation.reset();
        try {
            outcome = evaluate(new RunModule(entry, seed, tests, printResult, out), opts.timeLimit());
        } finally {
            // the main script has ended: every other process is discarded (spec §16), unless
            // the program is parked where a cancel stopped it (the JVM exits next)
            endProcesses(Cancellation.stopped() == null);
            out.flush();
        }
        if (Cancellation.quiet()) {
            // stdout was closed (`ludus run x.ld | head`): nothing more can be reported there
            Console.out = previousConsole;
            return EXIT_OK;
        }
        int code;
        if (tests && !outcome.isFailure()) out.print(Tests.summary() + "\n");
        if (outcome.isFailure()) {
            code = internalError(outcome.error, out, err);
        } else if (outcome.panic != null) {
            reportPanic(outcome.panic, out, err);
            code = EXIT_PANIC;
        } else {
            if (printResult) out.print(outcome.shownResult);
            code = tests && Tests.failed() > 0 ? EXIT_PANIC : EXIT_OK;
        }
        out.flush();
        // Turtle output (spec §12.4) comes after the report, for a completed run and after a
        // panic alike: a panicking drawing is often what the programmer wants to look at. Not
        // after an internal error (the drawing may be half-updated, the thread even still
        // running). A file that cannot be written makes an otherwise successful run fail with
        // EXIT_OUTPUT; a panic or failed test keeps its own status.
        // (asked of the options: TurtleOutput is loaded only when a file is asked for)
        if (!outcome.isFailure() && opts.writesDrawing()
                && !TurtleOutput.write(opts, err != null ? err : System.err) && code == EXIT_OK) {
            code = EXIT_OUTPUT;
        }
        Console.out = previousConsole;
        Console.err = previousErr;
        return code;
    }

    /** Set once a run (or the REPL's session) has turned tests on: later runs must turn them off. */
    static volatile boolean testsEnabled;

    /** Set when a program first uses processes: only then is there a scheduler to end. */
    private static volatile boolean processesUsed;

    public static void noteProcessesUsed() { processesUsed = true; }

    /** Discards the processes of the program that just ended (and of a REPL session at :reset). */
    public static void endProcesses() {
        endProcesses(true);
    }

    /** As above; without {@code discard} the processes are only forgotten (see Processes.abandon). */
    private static void endProcesses(boolean discard) {
        if (!processesUsed) return;
        processesUsed = false;
        if (discard) dev.ludus.runtime.process.Processes.reset();
        else dev.ludus.runtime.process.Processes.abandon();
    }

    /** Where a compiled program first uses processes ("file:line:col"), or null. */
    private static String processSite(Class<?> module) {
        try {
            return (String) module.getField("$processSite").get(null);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    /** A program with processes on Java 17: the compile-error report (spec §11) at its first process word, exit 1. */
    private static int processesUnsupported(String site, PrintStream out, PrintStream err) {
        int c2 = site.lastIndexOf(':'), c1 = site.lastIndexOf(':', c2 - 1);
        String file = site.substring(0, c1), line = site.substring(c1 + 1, c2), col = site.substring(c2 + 1);
        String message = "processes need Java 21 or later, this is Java " + Runtime.version().feature();
        String text = Sources.line(file, Integer.parseInt(line));
        int column = Integer.parseInt(col);
        int carets = Math.max(1, dev.ludus.runtime.diag.Snippet.tokenLength(text, column));
        out.print("Ludus found an error in " + file + " at line " + line + ", column " + col + ": " + message + "\n"
                + line + ": " + text + "\n" + "-".repeat(line.length() + 2 + column - 1) + "^".repeat(carets) + "\n");
        out.flush();
        if (err != null) {
            err.println(file + ":" + line + ":" + col + ": error: " + message);
            err.println("  = hint: run it with a JDK 21 or later");
            err.flush();
        }
        return EXIT_PANIC;
    }

    // Classes rather than lambdas here and below: a compiled program spins each lambda's class
    // when it first runs (no class-data archive), a few milliseconds of start-up each; and one
    // class for the program thread's work, its outcome and the "has it ended" test (each class
    // loaded from a jar costs ~0.3 ms).

    /**
     * Evaluates a module from a fresh prelude state on the program thread and keeps its outcome
     * (the shown result line, or the panic or error); tells the waiting thread when it has ended.
     */
    private static final class RunModule implements Runnable, java.util.function.BooleanSupplier {
        private final MethodHandle entry;
        private final long seed;
        private final boolean tests;
        private final boolean showResult;
        private final PrintStream out;
        volatile Outcome result;
        volatile Thread thread;

        RunModule(MethodHandle entry, long seed, boolean tests, boolean showResult, PrintStream out) {
            this.entry = entry;
            this.seed = seed;
            this.tests = tests;
            this.showResult = showResult;
            this.out = out;
        }

        private String call() throws Throwable {
            Prelude.resetState(seed);
            dev.ludus.runtime.bootstrap.Invoke.setTailDepth(0);
            // Tests is loaded only once a run has had its tests on: until then they are off
            if (tests || testsEnabled) {
                testsEnabled = true;
                Tests.enable(tests);
            }
            Console.out = out;
            Object value = entry.invoke();
            // a compiled program's jar prints no result: no need to show it (nor to load the
            // classes that show it, at its start)
            return showResult ? "=> " + Values.show(value) + "\n" : "";
        }

        @Override public void run() {
            try {
                result = Outcome.completed(call());
            } catch (Throwable t) {
                result = classify(t);
            } finally {
                Cancellation.programEnded();
            }
        }

        /** Whether the program has ended: it has an outcome, or its thread died without one. */
        @Override public boolean getAsBoolean() {
            return result != null || !thread.isAlive();
        }
    }

    /** How long a cancelled program has to reach its next poll before it is abandoned. */
    static final long GRACE_MILLIS = 5000;

    /** Runs body on the program thread; past {@code timeLimit} seconds (0: none) it is cancelled. */
    private static Outcome evaluate(RunModule evaluation, long timeLimit) {
        Thread program = new Thread(null, evaluation, "ludus-main", stackSize());
        program.setDaemon(true); // a stopped or runaway program must not keep the JVM alive
        evaluation.thread = program;
        program.start();
        try {
            // ends when the program ends, stops in place (its output was closed), or at the limit
            boolean ended = Cancellation.awaitStop(evaluation, timeLimit > 0 ? Math.multiplyExact(timeLimit, 1000L) : Long.MAX_VALUE);
            if (!ended) {
                String message = Cancellation.timeLimitMessage(timeLimit);
                if (!stop(program, message)) return Outcome.panicked(new LudusPanic(message)); // stuck in Java code
            }
        } catch (InterruptedException e) {
            stop(program, "Interrupted");
            Thread.currentThread().interrupt();
            return Outcome.failed(new InterruptedException("the program was interrupted"));
        }
        Cancellation.Cancelled inPlace = Cancellation.stopped();
        if (inPlace != null) return Outcome.panicked(inPlace); // its thread is parked for good
        Outcome result = evaluation.result;
        return result != null ? result : Outcome.failed(new IllegalStateException("the program thread ended without a result"));
    }

    /**
     * Stops a program thread (time limit, interrupted run): asks it to cancel (its next poll
     * ends it with the panic {@code message}) and waits up to {@link #GRACE_MILLIS}. Answers
     * whether it ended (or stopped in place); if not (stuck in a long Java operation), the
     * daemon thread is abandoned.
     */
    static boolean stop(Thread t, String message) {
        Cancellation.request(message);
        t.interrupt();
        try {
            return Cancellation.awaitStop(() -> !t.isAlive(), GRACE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !t.isAlive();
        }
    }

    /**
     * The panic for a stack overflow that ended a program: the cancel's own panic if one was
     * asked for (a poll with no stack left overflows instead of ending the program, see
     * {@link Cancellation#stop}), else "Maximum call stack size exceeded".
     */
    static LudusPanic overflow(StackOverflowError so) {
        LudusPanic cancelled = Cancellation.requestedPanic();
        return cancelled != null ? cancelled : LudusPanic.stackExhausted(STACK_EXHAUSTED, so);
    }

    private static Outcome classify(Throwable t) {
        // A module's static initializer failing reaches us wrapped.
        for (int i = 0; i < 8 && t instanceof ExceptionInInitializerError && t.getCause() != null; i++) {
            t = t.getCause();
        }
        if (t instanceof LudusPanic p) return Outcome.panicked(p);
        if (t instanceof StackOverflowError so) return Outcome.panicked(overflow(so));
        if (t instanceof OutOfMemoryError) return Outcome.panicked(LudusPanic.outOfMemory());
        return Outcome.failed(t);
    }

    /** Prints the §10.1 report to {@code out} and the human diagnostic (location, hint, Ludus trace) to {@code err}. */
    static void reportPanic(LudusPanic p, PrintStream out, PrintStream err) {
        String message = p.getMessage() == null ? "" : p.getMessage();
        StringBuilder report = new StringBuilder();
        if (p.hasLocation()) {
            report.append("Ludus panicked on line ").append(p.line()).append(":\n")
                  .append(Sources.line(p.file(), p.line())).append('\n');
        } else {
            report.append("Ludus panicked!\n");
        }
        report.append(message).append('\n');
        if (colourFromTerminal) {
            dev.ludus.runtime.diag.Ansi.setEnabled(dev.ludus.runtime.diag.Ansi.terminalWantsColour());
            dev.ludus.runtime.diag.Reports.setHumanOnly(dev.ludus.runtime.diag.Reports.stdoutAndStderrAreOneTerminal());
        }
        // Said once: on a terminal that is both stdout and stderr, only the human diagnostic.
        if (err == null || !dev.ludus.runtime.diag.Reports.humanOnly()) out.print(report);
        out.flush();
        if (err != null) {
            err.print(dev.ludus.runtime.diag.PanicReport.render(p, dev.ludus.runtime.diag.Ansi.enabled()));
            err.flush();
        }
    }

    private static int internalError(Throwable t, PrintStream out, PrintStream err) {
        if (err == null || !dev.ludus.runtime.diag.Reports.humanOnly()) out.print("Ludus internal error: " + t + "\n");
        out.flush();
        if (err != null) {
            // An internal error is a bug in the implementation: the Java trace helps fix it.
            err.println("ludus: internal error (a bug in the Ludus implementation):");
            t.printStackTrace(err);
            err.flush();
        }
        return EXIT_INTERNAL;
    }
}
