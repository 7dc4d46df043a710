package dev.ludus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ludus.compiler.diagnostic.CompileErrors;
import dev.ludus.compiler.format.Formatter;
import dev.ludus.compiler.syntax.SourceText;
import dev.ludus.runtime.RunOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The formatter's properties over every golden program (shared conformance corpus with its
 * processes/ and extensions/, our own goldens) and examples/: formatting is idempotent, and the
 * formatted program prints what the original printed. Each corpus is copied whole into a
 * temporary directory with every file formatted, so imports run formatted too. Panic and compile
 * reports quote a line number and the source line, which formatting may move or re-indent: those
 * are compared without positions and blanks (the rest of the output byte for byte). A file that
 * does not parse (syntax-error goldens, forms this build does not know) must be refused with
 * the compile error, never reformatted.
 */
class FormatPropertiesTest {
    @TempDir
    static Path tmp;

    @TestFactory
    Stream<DynamicTest> conformance() throws IOException {
        return corpus(ConformanceTest.sharedDir().resolve("conformance"), "conformance");
    }

    @TestFactory
    Stream<DynamicTest> ownGoldens() throws IOException {
        return corpus(Path.of("src", "test", "resources", "golden"), "golden");
    }

    @TestFactory
    Stream<DynamicTest> examples() throws IOException {
        return corpus(Path.of("..", "examples"), "examples");
    }

    private Stream<DynamicTest> corpus(Path dir, String name) throws IOException {
        Path mirror = tmp.resolve(name);
        List<Path> programs = new ArrayList<>();
        List<Path> refused = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                Path copy = mirror.resolve(dir.relativize(p).toString());
                Files.createDirectories(copy.getParent());
                if (!p.toString().endsWith(".ld")) {
                    Files.copy(p, copy);
                    continue;
                }
                String text = Files.readString(p, StandardCharsets.UTF_8);
                String formatted;
                try {
                    formatted = Formatter.format(new SourceText(p.toString(), p, text));
                } catch (CompileErrors e) {
                    refused.add(p);
                    formatted = text;
                }
                Files.writeString(copy, formatted, StandardCharsets.UTF_8);
                programs.add(p);
            }
        }
        assertTrue(programs.size() > refused.size(), "most programs of " + dir + " must parse: refused " + refused);
        List<DynamicTest> tests = new ArrayList<>();
        for (Path p : programs) {
            Path copy = mirror.resolve(dir.relativize(p).toString());
            tests.add(DynamicTest.dynamicTest(dir.relativize(p) + " idempotent", () -> {
                String once = Files.readString(copy, StandardCharsets.UTF_8);
                if (refused.contains(p)) return;
                assertEquals(once, Formatter.format(new SourceText(copy.toString(), copy, once)));
            }));
            if (refused.contains(p)) continue;
            tests.add(DynamicTest.dynamicTest(dir.relativize(p) + " same output", () ->
                    assertEquals(withoutPositions(run(p)), withoutPositions(run(copy)), p + " prints differently once formatted")));
        }
        return tests.stream();
    }

    private static String run(Path program) {
        var out = new ByteArrayOutputStream();
        int exit;
        try (var o = new PrintStream(out, true, StandardCharsets.UTF_8);
             var e = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)) {
            exit = assertTimeoutPreemptively(ConformanceTest.TIMEOUT, () -> ProgramRunner.compileAndRun(
                    program.toAbsolutePath(), program.getFileName().toString(),
                    RunOptions.defaults().withSeed(ConformanceTest.SEED), o, e));
        }
        return out.toString(StandardCharsets.UTF_8) + "[exit " + exit + "]\n";
    }

    private static final Pattern PANIC = Pattern.compile("(?m)^Ludus panicked on line \\d+:\\n(.*)$");
    private static final Pattern COMPILE = Pattern.compile(
            "(?m)^(Ludus found an error in .* at line )\\d+, column \\d+(: .*)\\n\\d+: (.*)\\n[-^]+$");

    /** Positions and the quoted source line's blanks taken out of panic and compile reports. */
    static String withoutPositions(String output) {
        Matcher m = PANIC.matcher(output);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement("Ludus panicked on line #:\n" + m.group(1).replaceAll("\\s", "")));
        }
        m.appendTail(sb);
        m = COMPILE.matcher(sb.toString());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + "#" + m.group(2) + "\n#: "
                    + m.group(3).replaceAll("\\s", "") + "\n---"));
        }
        m.appendTail(out);
        return out.toString();
    }
}
