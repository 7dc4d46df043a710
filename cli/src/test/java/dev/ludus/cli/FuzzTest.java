package dev.ludus.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ludus.compiler.CompiledProgram;
import dev.ludus.compiler.ProgramClassLoader;
import dev.ludus.compiler.diagnostic.CompileErrors;
import dev.ludus.runtime.Launcher;
import dev.ludus.runtime.RunOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.util.CheckClassAdapter;

/**
 * The fuzzer (issue 12): generated and mutated programs (FuzzPrograms) compiled and run in
 * this JVM with a per-program time limit. Properties: no internal error and no Java exception
 * text, exit status 0 or 1, every generated class verifies, and a compile error found by
 * `check` (analyse) is also one for `run`. In `mvn verify` a fixed-seed run of
 * {@code ludus.fuzz.count} (default 2,000) programs; {@code fuzz/run} runs long ones with any
 * seed ({@code -Dludus.fuzz.seed}), writing each failing program, reduced line by line, to
 * {@code cli/target/fuzz-failures/}.
 */
class FuzzTest {
    static final long SEED = Long.getLong("ludus.fuzz.seed", 12);
    static final int COUNT = Integer.getInteger("ludus.fuzz.count", 2000);
    /** Whether every program that compiles is also compared with its unoptimised build (the oracle). */
    static final boolean ORACLE = Boolean.parseBoolean(System.getProperty("ludus.fuzz.oracle", "true"));

    @Test
    void fuzz() throws Exception {
        List<String> corpus = new ArrayList<>();
        try (Stream<Path> files = Files.list(ConformanceTest.sharedDir().resolve("conformance"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".ld")).sorted().toList()) corpus.add(Files.readString(p));
        }
        FuzzPrograms gen = new FuzzPrograms(SEED, corpus);
        Path dir = Files.createTempDirectory("ludus-fuzz");
        Path file = dir.resolve("fuzz.ld");
        Map<String, Integer> outcomes = new TreeMap<>(), compared = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            String program = gen.next();
            String[] outcome = new String[2];
            long rssBefore = ChildRuns.statusMb("self", "VmRSS");
            String failure = check(file, program, outcome);
            outcomes.merge(outcome[0], 1, Integer::sum);
            if (outcome[1] != null) compared.merge(outcome[1], 1, Integer::sum);
            long rssAfter = ChildRuns.statusMb("self", "VmRSS");
            if (rssAfter - rssBefore > 256) {
                System.out.println("fuzz rss: program " + i + " took resident memory from " + rssBefore + " to " + rssAfter + " MB");
                if (Boolean.getBoolean("ludus.fuzz.debug")) System.out.println(program);
            }
            if (failure != null) {
                failures.add("program " + i + ": " + failure);
                record(file, program, i);
            }
        }
        System.out.println("fuzz: seed " + SEED + ", " + COUNT + " programs: " + outcomes + ", " + failures.size() + " failures");
        if (ORACLE) System.out.println("fuzz oracle: seed " + SEED + ": " + compared);
        assertTrue(failures.isEmpty(), String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
    }

    /** Runs one program; answers what is wrong with its outcome, or null. outcome[0]: its kind. */
    static String check(Path file, String program, String[] outcome) throws Exception {
        Files.write(file, program.getBytes(StandardCharsets.UTF_8)); // a lone surrogate (cut pair) becomes ?
        String checkError = null;
        try {
            ProgramRunner.analyse(file, "fuzz.ld");
        } catch (CompileErrors e) {
            checkError = e.diagnostics().get(0).message();
        } catch (Throwable t) {
            outcome[0] = "internal";
            return "ludus check: " + t;
        }
        CompiledProgram compiled;
        try {
            compiled = ProgramRunner.compile(file, "fuzz.ld");
        } catch (CompileErrors e) {
            outcome[0] = "compile error";
            if (Boolean.getBoolean("ludus.fuzz.debug")) System.out.println("fuzz compile error: " + e.diagnostics().get(0).message() + "\n" + program);
            // what check cannot know is no failure: a method too large for the JVM, and on Java 17
            // a program with process words, which run refuses before it starts (README: processes)
            String message = e.diagnostics().get(0).message();
            boolean jvmBound = message.contains("too large") || message.startsWith("processes need Java");
            return checkError == null && !jvmBound ? "check said ok, run: " + message : null;
        } catch (Throwable t) {
            outcome[0] = "internal";
            return "compile: " + t;
        }
        if (checkError != null) {
            outcome[0] = "internal";
            return "check found \"" + checkError + "\", run compiled it";
        }
        Run run = verifyAndRun(compiled);
        if (run.failure != null) {
            outcome[0] = "internal";
            return run.failure;
        }
        outcome[0] = run.exit == 0 ? "ran" : run.stdout.contains("Time limit of") ? "time limit" : run.exit == 1 ? "panic" : "exit " + run.exit;
        if (run.hang != null) return run.hang;
        String wrong = wrongOutcome(run);
        if (wrong != null) return wrong;
        return ORACLE ? oracle(file, program, run, outcome) : null;
    }

    /**
     * The differential oracle: the program compiled without the optional optimisations
     * (LudusCompiler.compile(file, name, false): the emitter's generic paths, parsed by ANTLR alone) must print the same
     * stdout and stderr (a panic's message, place and trace) and exit the same. Not compared
     * (outcome[1] says why): a run that hit the time limit, the stack or the heap (how far a
     * program gets before that depends on frame sizes and speed), programs naming process words
     * (scheduling), and "same code": both builds generated the same classes (nothing to compare,
     * the second run is left out). random is seeded alike (--seed 1) in both runs.
     */
    private static String oracle(Path file, String program, Run fast, String[] outcome) throws Exception {
        if (outcome.length < 2) return null;
        for (String word : NONDETERMINISTIC) {
            if (program.contains(word)) {
                outcome[1] = "skipped: processes";
                return null;
            }
        }
        if (resourceBound(fast)) {
            outcome[1] = "skipped: limit";
            return null;
        }
        CompiledProgram compiled;
        try {
            compiled = ProgramRunner.compile(file, "fuzz.ld", false);
        } catch (CompileErrors e) {
            if (e.diagnostics().get(0).message().contains("too large")) {
                outcome[1] = "skipped: too large";
                return null;
            }
            outcome[1] = "differ";
            return "unoptimised build: compile error " + e.diagnostics().get(0).message();
        } catch (Throwable t) {
            outcome[1] = "differ";
            return "unoptimised build: compile: " + t;
        }
        if (sameClasses(fast.compiled, compiled)) { // no optimisation applied: the same run again
            outcome[1] = "same code";
            return null;
        }
        Run plain = verifyAndRun(compiled);
        if (plain.failure != null) {
            outcome[1] = "differ";
            return "unoptimised build: " + plain.failure;
        }
        if (plain.hang != null) return "unoptimised build: " + plain.hang;
        String wrong = wrongOutcome(plain);
        if (wrong != null) return "unoptimised build: " + wrong;
        if (resourceBound(plain)) {
            outcome[1] = "skipped: limit";
            return null;
        }
        if (plain.exit == fast.exit && plain.stdout.equals(fast.stdout) && plain.stderr.equals(fast.stderr)) {
            outcome[1] = "same"; // the builds' code differs (some optimisation applied), their outputs agree
            return null;
        }
        outcome[1] = "differ";
        return "optimised and unoptimised builds differ: " + firstDifference("exit " + fast.exit + "\n" + fast.stdout + "[stderr]\n" + fast.stderr,
                "exit " + plain.exit + "\n" + plain.stdout + "[stderr]\n" + plain.stderr);
    }

    /** Words of programs the oracle does not compare: processes run as the scheduler has them. */
    private static final String[] NONDETERMINISTIC = {"spawn", "send", "receive", "sleep!", "self", "link"};

    /** A run that ended on a limit of time, stack or heap (where it stops is not the program's meaning). */
    private static boolean resourceBound(Run r) {
        return r.stdout.contains("Time limit of") || r.stdout.contains("Maximum call stack size exceeded")
                || r.stdout.contains("Out of memory");
    }

    /** The first line where a and b differ, both ways. */
    private static String firstDifference(String a, String b) {
        String[] x = a.split("\n", -1), y = b.split("\n", -1);
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            String p = i < x.length ? x[i] : "<none>", q = i < y.length ? y[i] : "<none>";
            if (!p.equals(q)) return "line " + (i + 1) + ": optimised \"" + p + "\", unoptimised \"" + q + "\"";
        }
        return "(same text)";
    }

    /** Whether two builds generated the same classes, byte for byte (no optimisation applied). */
    private static boolean sameClasses(CompiledProgram a, CompiledProgram b) {
        if (!a.classes().keySet().equals(b.classes().keySet())) return false;
        for (Map.Entry<String, byte[]> e : a.classes().entrySet()) {
            if (!java.util.Arrays.equals(e.getValue(), b.classes().get(e.getKey()))) return false;
        }
        return true;
    }

    /** One run of compiled classes: failure (a class does not verify), hang, or its exit status and output. */
    private record Run(CompiledProgram compiled, String failure, String hang, int exit, String stdout, String stderr) {}

    /** Verifies every class, then runs the program with seed 1 and a 1 s time limit, watching for a hang. */
    private static Run verifyAndRun(CompiledProgram compiled) throws Exception {
        ProgramClassLoader loader = new ProgramClassLoader(compiled, FuzzTest.class.getClassLoader());
        for (Map.Entry<String, byte[]> e : compiled.classes().entrySet()) {
            StringWriter sw = new StringWriter();
            CheckClassAdapter.verify(new ClassReader(e.getValue()), loader, false, new PrintWriter(sw));
            if (!sw.toString().isEmpty()) {
                return new Run(compiled, "class " + e.getKey() + " does not verify: " + sw.toString().lines().findFirst().orElse(""), null, -1, "", "");
            }
        }
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit;
        // program threads an earlier program left (abandoned, still ending) are not this one's
        java.util.Set<Thread> earlier = new java.util.HashSet<>(ChildRuns.threadsNamed("ludus-main"));
        long start = System.nanoTime();
        try (var o = new PrintStream(out, true, StandardCharsets.UTF_8); var er = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = Launcher.run(loader.load(compiled.mainClass()), RunOptions.defaults().withSeed(1L).withTimeLimit(1), o, er);
        }
        String stdout = out.toString(StandardCharsets.UTF_8), stderr = err.toString(StandardCharsets.UTF_8);
        // The limit is 1 s: a cancel must end the program at its next poll. A program thread
        // still alive once the run returned was abandoned (no poll reached within the grace);
        // it may be unwinding a deep recursion's stack overflow, which HotSpot takes seconds of
        // CPU over once a cancel has deoptimised its frames. See awaitEnd for when that counts
        // as a hang.
        for (Thread t : ChildRuns.threadsNamed("ludus-main")) {
            if (earlier.contains(t)) continue;
            String hang = awaitEnd(t, start);
            if (hang != null) return new Run(compiled, null, hang, exit, stdout, stderr);
        }
        return new Run(compiled, null, null, exit, stdout, stderr);
    }

    /** What is wrong with a finished run's exit status and output, or null. */
    private static String wrongOutcome(Run r) {
        if (r.exit != 0 && r.exit != 1) return "exit status " + r.exit + ": " + r.stdout.lines().reduce((a, b) -> b).orElse("");
        if (r.stdout.contains("internal error") || r.stderr.contains("internal error")) return "internal error: " + r.stdout;
        if (r.stderr.contains("java.") || r.stderr.contains("\tat ")) return "Java text on stderr: " + r.stderr.lines().findFirst().orElse("");
        return null;
    }

    /** CPU time an abandoned thread may use before it counts as running on (a hang). */
    static final long HANG_CPU_MS = 30_000;
    /** A thread that used less CPU than this over the last {@link #STALL_WINDOW_MS} is stalled (waiting, not starved). */
    static final long STALL_CPU_MS = 100;
    static final long STALL_WINDOW_MS = 60_000;
    /** Past this, any thread still alive is a hang. */
    static final long HANG_WALL_MS = 30 * 60_000;

    /**
     * Waits for an abandoned program thread to end; answers why it counts as a hang, or null.
     * A thread that keeps running (30 s of its own CPU) or that has stopped making progress (under
     * 0.1 s of CPU in a minute, after 5 minutes) hangs. One that is only starved does not: on a
     * shared machine (load 60 on 2 cores) a thread gets ~2 s of CPU a minute, and unwinding a
     * deoptimised stack overflow then takes minutes of wall time for seconds of CPU.
     */
    private static String awaitEnd(Thread t, long start) throws InterruptedException {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuAtStart = mx.getThreadCpuTime(t.getId());
        java.util.ArrayDeque<long[]> samples = new java.util.ArrayDeque<>(); // {wall ms, cpu ms}
        while (t.isAlive()) {
            t.join(1_000);
            long wallMs = (System.nanoTime() - start) / 1_000_000;
            long cpu = mx.getThreadCpuTime(t.getId()); // -1 once the thread has ended
            if (cpu < 0 || cpuAtStart < 0 || !t.isAlive()) continue;
            long cpuMs = (cpu - cpuAtStart) / 1_000_000;
            samples.addLast(new long[] {wallMs, cpuMs});
            while (samples.size() > 1 && samples.peekFirst()[0] < wallMs - STALL_WINDOW_MS) samples.removeFirst();
            long[] oldest = samples.peekFirst();
            boolean windowFull = wallMs - oldest[0] >= STALL_WINDOW_MS - 2_000;
            String why = cpuMs > HANG_CPU_MS ? "it keeps running"
                    : wallMs > 300_000 && windowFull && cpuMs - oldest[1] < STALL_CPU_MS ? "it has stopped making progress"
                    : wallMs > HANG_WALL_MS ? "it has not ended in " + HANG_WALL_MS / 60_000 + " minutes"
                    : null;
            if (why != null) {
                t.interrupt();
                return "the program thread still runs " + wallMs + " ms after the run started: " + why + " ("
                    + cpuMs + " ms of its CPU time since the run returned; time limit 1 s)";
            }
        }
        return null;
    }

    /** Writes a failing program, reduced by deleting lines while it still fails. */
    private static void record(Path file, String program, int index) throws Exception {
        List<String> lines = new ArrayList<>(program.lines().toList());
        String[] ignored = new String[2];
        for (int i = lines.size() - 1; i >= 0 && lines.size() > 1; i--) {
            List<String> fewer = new ArrayList<>(lines);
            fewer.remove(i);
            if (check(file, String.join("\n", fewer) + "\n", ignored) != null) lines = fewer;
        }
        Path dir = Path.of("target", "fuzz-failures");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("seed" + SEED + "-" + index + ".ld"), String.join("\n", lines) + "\n");
    }
}
