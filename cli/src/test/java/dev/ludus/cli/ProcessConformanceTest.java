package dev.ludus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ludus.compiler.JarWriter;
import dev.ludus.compiler.LudusCompiler;
import dev.ludus.runtime.RunOptions;
import dev.ludus.runtime.process.Processes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/**
 * Processes (spec §16) end to end: the shared corpus {@code conformance/processes} and our own
 * {@code process-goldens} (run), {@code process-test-goldens} (ludus test) and
 * {@code process-repl-goldens} (REPL transcripts), in process and through compiled jars.
 *
 * <p>On Java 21+ the output must equal the golden files. Maven runs this class three times: on
 * the default JDK (17: every program must be refused before it runs, at its first process word),
 * and on a JDK 21+ once with continuations and once with the virtual-thread fallback forced
 * ({@code -Dludus.processes=threads}); {@code ludus.expect.backend} names the backend that run
 * must be using.
 */
class ProcessConformanceTest {
    @TempDir Path tmp;

    static boolean supported() { return Processes.supported(); }

    @Test
    void theExpectedBackendRuns() {
        String expected = System.getProperty("ludus.expect.backend");
        if (expected != null && !expected.isBlank()) {
            assertTrue(supported(), "the " + expected + " run must be on Java 21+, not " + Runtime.version());
            assertEquals(expected, Processes.backendName());
        } else if (!supported()) {
            assertTrue(Processes.backendName().startsWith("none"), Processes.backendName());
        }
    }

    @TestFactory
    Stream<DynamicTest> sharedCorpus() throws IOException {
        return run(ConformanceTest.sharedDir().resolve("conformance").resolve("processes"), ProgramRunner::compileAndRun);
    }

    @TestFactory
    Stream<DynamicTest> ownGoldens() throws IOException, URISyntaxException {
        return run(resource("/process-goldens"), ProgramRunner::compileAndRun);
    }

    @TestFactory
    Stream<DynamicTest> testCommandGoldens() throws IOException, URISyntaxException {
        return run(resource("/process-test-goldens"), ProgramRunner::compileAndTest);
    }

    @TestFactory
    Stream<DynamicTest> replTranscripts() throws IOException, URISyntaxException {
        List<Path> inputs;
        try (Stream<Path> files = Files.list(resource("/process-repl-goldens"))) {
            inputs = files.filter(p -> p.getFileName().toString().endsWith(".in")).sorted().toList();
        }
        assertFalse(inputs.isEmpty());
        return inputs.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), p.toUri(), () -> {
            String name = p.getFileName().toString();
            ReplTest.Result r = ReplTest.repl(Files.readString(p, StandardCharsets.UTF_8), "--echo", "--seed", "1");
            String actual = r.out() + "[exit " + r.exit() + "]\n";
            if (!supported()) {
                assertTrue(actual.contains("processes need Java 21 or later, this is Java "), actual);
                return;
            }
            Path expectedFile = p.resolveSibling(name.substring(0, name.length() - 3) + ".expected");
            String expected = Files.readString(expectedFile, StandardCharsets.UTF_8);
            if (!expected.equals(actual)) {
                throw new AssertionFailedError(name + ": transcript differs from " + expectedFile.getFileName() + "\n"
                        + LineDiff.diff(expected, actual) + (r.err().isEmpty() ? "" : "stderr:\n" + r.err()),
                        expected, actual);
            }
        }));
    }

    /** A time limit ends the whole program wherever the runaway is: main, a process, or both taking turns. */
    @Test
    void aTimeLimitStopsRunawayProcesses() throws IOException {
        String[] runaways = {
            "let p = spawn! (fn () -> loop (0) with (n) -> recur (inc (n)))\nreceive { x -> x }",
            "let p = spawn! (fn () -> receive { x -> x })\nloop (0) with (n) -> recur (inc (n))",
            "fn spin (n) -> { yield! (); spin (inc (n)) }\nlet p = spawn! (fn () -> spin (0))\nspin (0)",
            "fn serve () -> receive { n -> { send (self (), inc (n)); serve () } }\n"
                + "let p = spawn! (serve)\nsend (p, 0)\nloop () with () -> { yield! (); recur () }",
        };
        for (String runaway : runaways) {
            Path src = tmp.resolve("runaway.ld");
            Files.writeString(src, "print! (:start)\n" + runaway + "\n");
            MainTest.Result r = MainTest.ludus("run", "--time-limit", "1", src.toString());
            if (!supported()) {
                assertRefused(r.out() + "[exit " + r.exit() + "]\n");
                continue;
            }
            assertEquals(":start\nLudus panicked!\nTime limit of 1 s exceeded\n", r.out(), runaway + "\n" + r.err());
            assertEquals(1, r.exit());
        }
    }

    /** Every shared process program compiled to a jar and run with `java -jar` on this test's JVM. */
    @TestFactory
    Stream<DynamicTest> compiledJars() throws IOException {
        Path dir = ConformanceTest.sharedDir().resolve("conformance").resolve("processes");
        List<Path> programs = programs(dir);
        return programs.stream().map(src -> DynamicTest.dynamicTest(src.getFileName().toString(), src.toUri(), () -> {
            String file = src.getFileName().toString();
            String name = file.substring(0, file.length() - 3);
            Path jar = tmp.resolve(name + ".jar");
            // compiled without the Java 17 check: the jar itself must refuse to start on 17
            JarWriter.writeJar(LudusCompiler.emit(LudusCompiler.analyse(src, file)), jar);
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            if ("threads".equals(System.getProperty("ludus.processes"))) cmd.add("-Dludus.processes=threads");
            cmd.addAll(List.of("-jar", jar.toString(), "--print-result", "--seed", "1"));
            Process p = new ProcessBuilder(cmd).directory(tmp.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "java -jar timed out");
            String actual = out + "[exit " + p.exitValue() + "]\n";
            if (!supported()) {
                assertRefused(actual);
                return;
            }
            assertEquals(Files.readString(src.resolveSibling(name + ".expected")), actual, file);
        }));
    }

    private Stream<DynamicTest> run(Path dir, ConformanceTest.Runner runner) throws IOException {
        if (supported()) return ConformanceTest.goldenTests(dir, runner);
        return programs(dir).stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), p.toUri(), () -> {
            var out = new ByteArrayOutputStream();
            int exit;
            try (var o = new PrintStream(out, true, StandardCharsets.UTF_8);
                 var e = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)) {
                exit = runner.run(p, p.getFileName().toString(), RunOptions.defaults().withSeed(1L), o, e);
            }
            assertRefused(out.toString(StandardCharsets.UTF_8) + "[exit " + exit + "]\n");
        }));
    }

    /** Java 17: the compile report at the first process word, nothing run, exit 1. */
    private static void assertRefused(String actual) {
        assertTrue(actual.startsWith("Ludus found an error in "), actual);
        assertTrue(actual.contains(": processes need Java 21 or later, this is Java " + Runtime.version().feature() + "\n"), actual);
        assertTrue(actual.endsWith("[exit 1]\n"), actual);
    }

    private static List<Path> programs(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".ld") && Files.isRegularFile(p)).sorted().toList();
        }
    }

    private static Path resource(String name) throws URISyntaxException {
        URL url = ProcessConformanceTest.class.getResource(name);
        assertTrue(url != null, "src/test/resources" + name + " is missing from the test class path");
        return Path.of(url.toURI());
    }
}
