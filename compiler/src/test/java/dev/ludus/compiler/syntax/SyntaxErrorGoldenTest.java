package dev.ludus.compiler.syntax;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Our own golden files (src/test/resources/syntax-errors): one per lexical/syntax error kind. */
class SyntaxErrorGoldenTest {
    static Stream<Path> files() throws IOException, URISyntaxException {
        Path dir = Path.of(SyntaxErrorGoldenTest.class.getResource("/syntax-errors").toURI());
        List<Path> files = Goldens.ldFiles(dir).toList();
        assertTrue(files.size() >= 20, "golden files found: " + files.size());
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void reportsTheError(Path ld) throws IOException {
        String expected = Goldens.expectedReport(ld);
        assertTrue(Goldens.isSyntaxErrorReport(expected), "not a syntax error report: " + expected);
        Goldens.check(ld, expected);
    }
}
