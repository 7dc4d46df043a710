package dev.ludus.cli;

import static dev.ludus.cli.MainTest.ludus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cooperative cancellation (issue 12): --time-limit ends a runaway program with the panic
 * `Time limit of N s exceeded` (exit 1, its output kept) on Java 17 and on Java 25, where
 * Thread.stop no longer exists; output to a closed pipe ends the program quietly.
 */
class CancellationTest {
    @TempDir Path dir;

    static final List<String> RUNAWAYS = List.of(
            "loop (0) with (n) -> recur (inc (n))",
            "fn f (n) -> f (inc (n))\nf (0)",
            "fn ping (n) -> pong (n)\nfn pong (n) -> ping (inc (n))\nping (0)",
            "repeat 1_000_000_000_000 { :x }",
            "fn g (xs) -> g (map (inc, xs))\ng ([1, 2, 3])",
            "let f = fn (n) -> loop (n) with (m) -> recur (add (m, 0.5))\nf (1)");

    private void timesOut(Path java) throws Exception {
        for (int i = 0; i < RUNAWAYS.size(); i++) {
            Path jar = ChildRuns.jar(dir, "runaway" + i, "print! (:start)\n" + RUNAWAYS.get(i) + "\n");
            ChildRuns.Result r = ChildRuns.run(java, jar, List.of(), List.of("--time-limit", "1"), 30);
            assertEquals(":start\nLudus panicked!\nTime limit of 1 s exceeded\n", r.out(), RUNAWAYS.get(i) + "\n" + r.err());
            assertEquals(1, r.exit());
            assertTrue(r.err().contains("panic: Time limit of 1 s exceeded"), r.err());
        }
    }

    @Test
    void timeLimitOnThisJava() throws Exception {
        timesOut(ChildRuns.currentJava());
    }

    @Test
    void timeLimitOnJava25() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(ChildRuns.JAVA_25), "no Java 25 at " + ChildRuns.JAVA_25);
        timesOut(ChildRuns.JAVA_25);
    }

    @Test
    void runAndTestTakeTheOption() throws Exception {
        Path top = dir.resolve("top.ld");
        Files.writeString(top, "print! (:start)\nloop (0) with (n) -> recur (inc (n))\n");
        Path src = dir.resolve("loop.ld");
        Files.writeString(src, "print! (:start)\ntest \"forever\" loop (0) with (n) -> recur (inc (n))\ntest \"never\" true\n");
        MainTest.Result run = ludus("run", "--time-limit", "1", top.toString());
        assertEquals(":start\nLudus panicked!\nTime limit of 1 s exceeded\n", run.out());
        assertEquals(1, run.exit());
        MainTest.Result test = ludus("test", "--time-limit=1", src.toString());
        assertTrue(test.out().startsWith(":start\n"), test.out());
        assertTrue(test.out().contains("Time limit of 1 s exceeded"), test.out());
        assertEquals(1, test.exit());
        MainTest.Result bad = ludus("run", "--time-limit", "soon", src.toString());
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("invalid time limit 'soon'"), bad.err());
    }

    @Test
    void aClosedPipeEndsTheProgramQuietly() throws Exception {
        for (Path java : javas()) {
            Path jar = ChildRuns.jar(dir, "printer", "loop (0) with (n) -> { print! (n); recur (inc (n)) }\n");
            Process p = new ProcessBuilder(java.toString(), "-jar", jar.toString()).start();
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("0", in.readLine());
            in.close(); // the reader goes away, as `| head -1` does
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the program went on writing to a closed pipe");
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals("", err);
            assertEquals(0, p.exitValue());
        }
    }

    /**
     * Ctrl-C typed on a terminal (a pseudo-terminal made by util-linux `script`) while an entry
     * runs for ever interrupts that entry, on Java 17 and 25, and the session goes on.
     */
    @Test
    void ctrlCInTheReplStopsARunawayEntry() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "no util-linux script here");
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/perl")), "no perl here");
        for (Path java : javas()) {
            // A background job (nohup … &, as CI may be run) starts with SIGINT ignored, and the JVM
            // then leaves it ignored: perl puts back the default disposition, as a terminal's shell has.
            String command = "perl -e '$SIG{INT} = \"DEFAULT\"; exec @ARGV or die' -- "
                    + java + " -cp " + System.getProperty("java.class.path") + " dev.ludus.cli.Main repl";
            Process p = new ProcessBuilder("script", "-qec", command, "/dev/null").redirectErrorStream(true).start();
            var typed = p.getOutputStream();
            var seen = new StringBuffer();
            Thread reader = new Thread(() -> {
                try (var in = p.getInputStream()) {
                    byte[] buf = new byte[4096];
                    for (int n; (n = in.read(buf)) > 0; ) seen.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                } catch (java.io.IOException ignored) {
                    // the process ended
                }
            });
            reader.start();
            try {
                typed.write("loop (0) with (n) -> recur (inc (n))\n".getBytes(StandardCharsets.UTF_8));
                typed.flush();
                // Wait for the REPL to be up and the entry to run; on a loaded machine the JVM may
                // still be starting, and a Ctrl-C typed while JLine reads the line is taken as input.
                // So, like a person, press Ctrl-C again until the entry is interrupted.
                for (int i = 0; i < 100 && !seen.toString().contains("REPL."); i++) Thread.sleep(100);
                Thread.sleep(2000);
                for (int i = 0; i < 10 && !seen.toString().contains("interrupted"); i++) {
                    typed.write(3); // Ctrl-C
                    typed.flush();
                    for (int j = 0; j < 20 && !seen.toString().contains("interrupted"); j++) Thread.sleep(100);
                }
                typed.write("add (40, 2)\n:quit\n".getBytes(StandardCharsets.UTF_8));
                typed.flush();
            } catch (java.io.IOException e) {
                reader.join(5000);
                throw new AssertionError(java + ": the REPL went away early; it printed:\n" + seen, e);
            }
            boolean ended = p.waitFor(30, TimeUnit.SECONDS);
            if (!ended) p.destroyForcibly();
            reader.join(5000);
            String transcript = seen.toString();
            assertTrue(ended, java + ": the REPL did not end; it printed:\n" + transcript);
            assertTrue(transcript.contains("interrupted"), java + ":\n" + transcript);
            assertTrue(transcript.contains("42"), java + ": the session did not go on after Ctrl-C:\n" + transcript);
        }
    }

    private static List<Path> javas() {
        List<Path> javas = new ArrayList<>(List.of(ChildRuns.currentJava()));
        if (Files.isExecutable(ChildRuns.JAVA_25)) javas.add(ChildRuns.JAVA_25);
        return javas;
    }

    /** Runs source in this JVM as `ludus run --time-limit 1` would, but with the JVM going on. */
    private String runHere(String source) throws Exception {
        Path src = dir.resolve("here.ld");
        Files.writeString(src, source);
        var out = new java.io.ByteArrayOutputStream();
        var err = new java.io.ByteArrayOutputStream();
        int exit;
        try (var o = new java.io.PrintStream(out, true, StandardCharsets.UTF_8); var e = new java.io.PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = ProgramRunner.compileAndRun(src, "here.ld", dev.ludus.runtime.RunOptions.defaults().withTimeLimit(1), o, e);
        }
        assertEquals(1, exit, err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aCancelInADeepRecursionStopsInPlaceWhereTheJvmGoesOn() throws Exception {
        // In the REPL (or any JVM that goes on), a cancelled program unwinds by an exception;
        // through a deep stack whose compiled frames the cancel deoptimised, that took 5-40 s
        // and hundreds of MB. Deep stacks now stop in place (the thread stays parked); shallow
        // ones still unwind and end.
        String spin = "fn spin (n) -> spin (inc (n))\n";
        int before = ChildRuns.threadsNamed(dev.ludus.runtime.Cancellation.STOPPED_THREAD).size();
        String shallow = runHere("print! (:start)\n" + spin + "spin (0)\n");
        assertEquals(":start\nLudus panicked!\nTime limit of 1 s exceeded\n", shallow);
        assertEquals(before, ChildRuns.threadsNamed(dev.ludus.runtime.Cancellation.STOPPED_THREAD).size());
        String deep = runHere("print! (:start)\n" + spin
                + "fn f (n) -> if eq? (n, 30_000) then spin (0) else inc (f (inc (n)))\nf (0)\n");
        assertEquals(":start\nLudus panicked!\nTime limit of 1 s exceeded\n", deep);
        List<Thread> stopped = ChildRuns.threadsNamed(dev.ludus.runtime.Cancellation.STOPPED_THREAD);
        assertEquals(before + 1, stopped.size());
        Thread t = stopped.get(stopped.size() - 1);
        assertTrue(t.isAlive() && t.isDaemon(), t.toString());
        // and the JVM goes on: the next program runs as usual
        assertEquals(":start\nLudus panicked!\nTime limit of 1 s exceeded\n", runHere("print! (:start)\n" + spin + "spin (0)\n"));
    }
}
