package dev.ludus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;

/**
 * Golden tests of the human diagnostics on stderr (compile errors and panics): every
 * {@code NAME.ld} in {@code src/test/resources/diagnostics} is run through the real command line
 * in-process ({@code ludus run PATH}, colour off as for any non-terminal) and its stderr plus
 * {@code [exit N]} must equal {@code NAME.stderr}. The program is named by its path relative to
 * the working directory, as a user would type it; the goldens show it without that directory
 * (the one substitution made), so they do not depend on where the build runs.
 *
 * <p>A first line {@code & test-option: ludus.stackSize=SIZE} runs that program with a small
 * program stack (a stack overflow then takes milliseconds, not seconds).
 */
class DiagnosticsGoldenTest {
    private static final String OPTION = "& test-option: ludus.stackSize=";

    @TestFactory
    Stream<DynamicTest> diagnostics() throws IOException {
        Path dir = dir();
        List<Path> programs;
        try (Stream<Path> files = Files.list(dir)) {
            programs = files.filter(p -> p.getFileName().toString().endsWith(".ld")).sorted().toList();
        }
        assertFalse(programs.isEmpty(), "no *.ld programs in " + dir);
        return programs.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), p.toUri(), () -> check(p)));
    }

    static Path dir() {
        URL url = DiagnosticsGoldenTest.class.getResource("/diagnostics");
        assertTrue(url != null, "src/test/resources/diagnostics is missing from the test class path");
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code ludus <command> PATH} the way a user would: returns stderr (directory stripped) + exit line. */
    static String stderrOf(String command, Path program) throws IOException {
        Path cwd = Path.of("").toAbsolutePath();
        Path relative = cwd.relativize(program.toAbsolutePath());
        String prefix = relative.getParent() == null ? "" : relative.getParent() + "/";
        String first = Files.readString(program, StandardCharsets.UTF_8).lines().findFirst().orElse("");
        String stack = first.startsWith(OPTION) ? first.substring(OPTION.length()).trim() : null;
        String previous = System.getProperty("ludus.stackSize");
        if (stack != null) System.setProperty("ludus.stackSize", stack);
        try {
            MainTest.Result r = assertTimeoutPreemptively(ConformanceTest.TIMEOUT,
                    () -> MainTest.ludus(command, relative.toString()));
            return r.err().replace(prefix, "") + "[exit " + r.exit() + "]\n";
        } finally {
            if (stack != null) {
                if (previous == null) System.clearProperty("ludus.stackSize");
                else System.setProperty("ludus.stackSize", previous);
            }
        }
    }

    static void check(Path program) throws IOException {
        String name = program.getFileName().toString();
        Path golden = program.resolveSibling(name.substring(0, name.length() - ".ld".length()) + ".stderr");
        assertTrue(Files.isRegularFile(golden), "missing " + golden.getFileName());
        String expected = Files.readString(golden, StandardCharsets.UTF_8);
        String actual = stderrOf("run", program);
        if (!expected.equals(actual)) {
            throw new AssertionFailedError(name + ": stderr differs from " + golden.getFileName() + "\n"
                    + LineDiff.diff(expected, actual), expected, actual);
        }
        assertFalse(actual.contains("\u001b["), name + ": colour codes outside a terminal");
        assertFalse(actual.contains("dev.ludus") || actual.contains("java."), name + ": Java names on stderr");
    }

    /** check and compile report compile errors exactly as run does (one code path, three commands). */
    @Test
    void checkAndCompileShowTheSameCompileDiagnostics() throws IOException {
        Path program = dir().resolve("unbound-name-did-you-mean.ld");
        String run = stderrOf("run", program);
        assertTrue(run.contains("error: unbound name"), run);
        assertEquals(run, stderrOf("check", program));
        assertEquals(run, stderrOf("compile", program)); // fails before writing a jar
    }
}
