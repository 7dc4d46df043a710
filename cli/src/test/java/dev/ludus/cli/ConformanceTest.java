package dev.ludus.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ludus.runtime.RunOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;

/**
 * The end-to-end golden tests: every {@code NAME.ld} in the shared conformance corpus
 * ({@code ${ludus.shared}/conformance} and its {@code extensions/}) and in our own {@code src/test/resources/golden} is
 * compiled and run in-process exactly as {@code ludus run NAME.ld} does it (display name: the
 * bare file name), and its stdout plus {@code [exit N]} must equal {@code NAME.expected} byte for
 * byte (conformance/README.md). Adding a test means adding a file pair, never Java.
 */
class ConformanceTest {
    /** Per-program time limit (seconds), like run.sh's LUDUS_TIMEOUT. */
    static final Duration TIMEOUT = Duration.ofSeconds(Long.getLong("ludus.test.timeout",
            envLong("LUDUS_TIMEOUT", 60)));

    /** Fixed seed so programs using `random` are reproducible. */
    static final long SEED = 1;

    @TestFactory
    Stream<DynamicTest> conformance() throws IOException {
        return goldenTests(sharedDir().resolve("conformance"));
    }

    /** The 2024-25 language additions (language.md §15, prelude.md §13). */
    @TestFactory
    Stream<DynamicTest> extensions() throws IOException {
        return goldenTests(sharedDir().resolve("conformance").resolve("extensions"));
    }

    @TestFactory
    Stream<DynamicTest> ownGoldens() throws IOException, URISyntaxException {
        URL url = ConformanceTest.class.getResource("/golden");
        assertTrue(url != null, "src/test/resources/golden is missing from the test class path");
        return goldenTests(Path.of(url.toURI()));
    }

    static Path sharedDir() {
        return SharedCorpus.dir();
    }

    /** How a golden program is run: (absolute path, display name, options, stdout, stderr) -> exit status. */
    @FunctionalInterface
    interface Runner {
        int run(Path program, String displayName, RunOptions opts, PrintStream out, PrintStream err);
    }

    /** One test per {@code *.ld} directly in {@code dir} (a file pair; subdirectories hold helpers). */
    static Stream<DynamicTest> goldenTests(Path dir) throws IOException {
        return goldenTests(dir, ProgramRunner::compileAndRun);
    }

    /** As {@link #goldenTests(Path)}, each program run by {@code runner}. */
    static Stream<DynamicTest> goldenTests(Path dir, Runner runner) throws IOException {
        List<Path> programs;
        try (Stream<Path> files = Files.list(dir)) {
            programs = files.filter(p -> p.getFileName().toString().endsWith(".ld") && Files.isRegularFile(p))
                    .sorted().toList();
        }
        assertFalse(programs.isEmpty(), "no *.ld programs in " + dir);
        return programs.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), p.toUri(), () -> check(p, runner)));
    }

    static void check(Path program, Runner runner) throws IOException {
        String name = program.getFileName().toString();
        Path expectedFile = program.resolveSibling(name.substring(0, name.length() - ".ld".length()) + ".expected");
        assertTrue(Files.isRegularFile(expectedFile), "missing " + expectedFile);
        byte[] expected = Files.readAllBytes(expectedFile);

        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit;
        try (var o = new PrintStream(out, false, StandardCharsets.UTF_8);
             var e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            exit = assertTimeoutPreemptively(TIMEOUT,
                    () -> runner.run(program.toAbsolutePath(), name, RunOptions.defaults().withSeed(SEED), o, e),
                    () -> name + " did not finish within " + TIMEOUT.toSeconds() + " s");
            o.flush();
        }
        out.write(("[exit " + exit + "]\n").getBytes(StandardCharsets.UTF_8));
        byte[] actual = out.toByteArray();
        if (!java.util.Arrays.equals(expected, actual)) {
            String exp = new String(expected, StandardCharsets.UTF_8);
            String act = new String(actual, StandardCharsets.UTF_8);
            String stderr = err.toString(StandardCharsets.UTF_8);
            throw new AssertionFailedError(name + ": stdout differs from " + expectedFile.getFileName() + "\n"
                    + LineDiff.diff(exp, act)
                    + (stderr.isEmpty() ? "" : "stderr:\n" + abbreviate(stderr, 40)),
                    exp, act);
        }
    }

    private static String abbreviate(String text, int maxLines) {
        String[] lines = text.split("\n", -1);
        if (lines.length <= maxLines) return text;
        return String.join("\n", java.util.Arrays.copyOf(lines, maxLines)) + "\n... (" + (lines.length - maxLines) + " more lines)\n";
    }

    private static long envLong(String name, long fallback) {
        try {
            String v = System.getenv(name);
            return v == null ? fallback : Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
