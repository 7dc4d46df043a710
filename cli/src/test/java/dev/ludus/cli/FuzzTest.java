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

    @Test
    void fuzz() throws Exception {
        List<String> corpus = new ArrayList<>();
        try (Stream<Path> files = Files.list(ConformanceTest.sharedDir().resolve("conformance"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".ld")).sorted().toList()) corpus.add(Files.readString(p));
        }
        FuzzPrograms gen = new FuzzPrograms(SEED, corpus);
        Path dir = Files.createTempDirectory("ludus-fuzz");
        Path file = dir.resolve("fuzz.ld");
        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            String program = gen.next();
            String[] outcome = new String[1];
            long rssBefore = ChildRuns.statusMb("self", "VmRSS");
            String failure = check(file, program, outcome);
            outcomes.merge(outcome[0], 1, Integer::sum);
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
            return checkError == null && !e.diagnostics().get(0).message().contains("too large") ? "check said ok, run: " + e.diagnostics().get(0).message() : null;
        } catch (Throwable t) {
            outcome[0] = "internal";
            return "compile: " + t;
        }
        if (checkError != null) {
            outcome[0] = "internal";
            return "check found \"" + checkError + "\", run compiled it";
        }
        ProgramClassLoader loader = new ProgramClassLoader(compiled, FuzzTest.class.getClassLoader());
        for (Map.Entry<String, byte[]> e : compiled.classes().entrySet()) {
            StringWriter sw = new StringWriter();
            CheckClassAdapter.verify(new ClassReader(e.getValue()), loader, false, new PrintWriter(sw));
            if (!sw.toString().isEmpty()) {
                outcome[0] = "internal";
                return "class " + e.getKey() + " does not verify: " + sw.toString().lines().findFirst().orElse("");
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
        outcome[0] = exit == 0 ? "ran" : stdout.contains("Time limit of") ? "time limit" : exit == 1 ? "panic" : "exit " + exit;
        // The limit is 1 s: a cancel must end the program at its next poll. A program thread
        // still alive once the run returned was abandoned (no poll reached within the grace);
        // it may be unwinding a deep recursion's stack overflow, which HotSpot takes seconds
        // over, so it gets 30 s of its own CPU time to end before this counts as a hang: on a
        // shared machine (load 30 on 2 cores) 30 s of wall time can be 2 s of the thread's CPU.
        // A thread that waits instead of running still fails, after 300 s of wall time.
        for (Thread t : ChildRuns.threadsNamed("ludus-main")) {
            if (earlier.contains(t)) continue;
            String hang = awaitEnd(t, start);
            if (hang != null) return hang;
        }
        if (exit != 0 && exit != 1) return "exit status " + exit + ": " + stdout.lines().reduce((a, b) -> b).orElse("");
        if (stdout.contains("internal error") || stderr.contains("internal error")) return "internal error: " + stdout;
        if (stderr.contains("java.") || stderr.contains("\tat ")) return "Java text on stderr: " + stderr.lines().findFirst().orElse("");
        return null;
    }

    /** Waits for an abandoned program thread to end; answers why it counts as a hang, or null. */
    private static String awaitEnd(Thread t, long start) throws InterruptedException {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuAtStart = mx.getThreadCpuTime(t.getId());
        while (t.isAlive()) {
            t.join(1_000);
            long wallMs = (System.nanoTime() - start) / 1_000_000;
            long cpu = mx.getThreadCpuTime(t.getId()); // -1 once the thread has ended
            long cpuMs = cpu < 0 || cpuAtStart < 0 ? 0 : (cpu - cpuAtStart) / 1_000_000;
            if (t.isAlive() && wallMs > 30_000 && (cpuMs > 30_000 || wallMs > 300_000)) {
                t.interrupt();
                return "the program thread still runs " + wallMs + " ms after the run started (" + cpuMs
                    + " ms of its CPU time since the run returned; time limit 1 s)";
            }
        }
        return null;
    }

    /** Writes a failing program, reduced by deleting lines while it still fails. */
    private static void record(Path file, String program, int index) throws Exception {
        List<String> lines = new ArrayList<>(program.lines().toList());
        String[] ignored = new String[1];
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
