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
 * Every shared conformance program through parse + resolve: compile-error goldens must give their
 * report byte for byte; all others must resolve without errors.
 */
class ConformanceResolveTest {
    static Path dir() {
        return dev.ludus.compiler.SharedCorpus.dir().resolve("conformance");
    }

    static Stream<String> programs() throws Exception {
        // Without the corpus: one placeholder case, which dir() then skips (or fails under ludus.requireShared).
        if (!dev.ludus.compiler.SharedCorpus.present()) return Stream.of("<no shared corpus>");
        try (Stream<Path> files = Files.list(dir())) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".ld")).sorted().toList();
            return names.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("programs")
    void resolvesAsExpected(String file) throws Exception {
        ScriptParser parser = Parsers.production();
        Assumptions.assumeTrue(parser != null, "LudusParser not merged yet");
        Path ld = dir().resolve(file);
        Path exp = dir().resolve(file.substring(0, file.length() - 3) + ".expected");
        String expected = Files.exists(exp) ? Files.readString(exp, StandardCharsets.UTF_8) : "";
        if (expected.startsWith("Ludus found an error in")) {
            CompileErrors e = assertThrows(CompileErrors.class, () -> Resolver.analyse(ld, file, parser));
            assertEquals(StaticErrorGoldenTest.reportPart(expected), ReferenceReport.render(e.diagnostics()));
        } else {
            try {
                Program p = Resolver.analyse(ld, file, parser);
                assertNotNull(p.main());
            } catch (CompileErrors e) {
                fail("unexpected compile errors:\n" + ReferenceReport.render(e.diagnostics()));
            }
        }
    }
}
