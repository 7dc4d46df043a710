package dev.ludus.compiler.resolve;

import static org.junit.jupiter.api.Assertions.*;

import dev.ludus.compiler.diagnostic.CompileErrors;
import dev.ludus.compiler.diagnostic.ReferenceReport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * static-errors/NAME.ld must fail with exactly the §11 report in NAME.expected (which ends with
 * the line {@code [exit 1]}, as in the conformance suite). .ld files without .expected are helpers
 * that the goldens import.
 */
class StaticErrorGoldenTest {
    static Path dir() throws Exception {
        return Path.of(StaticErrorGoldenTest.class.getResource("/static-errors").toURI());
    }

    static Stream<String> goldens() throws Exception {
        try (Stream<Path> files = Files.list(dir())) {
            List<String> names = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".expected")).map(n -> n.substring(0, n.length() - ".expected".length()))
                    .sorted().toList();
            return names.stream();
        }
    }

    /** The report lines of an .expected file (without the final {@code [exit N]} line). */
    static String reportPart(String expected) {
        int cut = expected.lastIndexOf("[exit ");
        return cut >= 0 ? expected.substring(0, cut) : expected;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void reportsExactly(String name) throws Exception {
        ScriptParser parser = Parsers.production();
        Assumptions.assumeTrue(parser != null, "LudusParser not merged yet");
        String expected = Files.readString(dir().resolve(name + ".expected"), StandardCharsets.UTF_8);
        assertTrue(expected.endsWith("[exit 1]\n"), "golden must end with [exit 1]");
        CompileErrors e = assertThrows(CompileErrors.class,
                () -> Resolver.analyse(dir().resolve(name + ".ld"), name + ".ld", parser));
        assertEquals(reportPart(expected), ReferenceReport.render(e.diagnostics()));
    }
}
