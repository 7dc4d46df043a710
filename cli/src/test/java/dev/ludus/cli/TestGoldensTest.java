package dev.ludus.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden tests of {@code ludus test FILE} (spec §12.3): every {@code NAME.ld} in
 * {@code src/test/resources/test-goldens} is compiled and run with its tests enabled, as the
 * command does it (seed 1), and its stdout plus {@code [exit N]} must equal {@code NAME.expected}.
 */
class TestGoldensTest {
    @TestFactory
    Stream<DynamicTest> testGoldens() throws IOException, URISyntaxException {
        URL url = TestGoldensTest.class.getResource("/test-goldens");
        assertTrue(url != null, "src/test/resources/test-goldens is missing from the test class path");
        return ConformanceTest.goldenTests(Path.of(url.toURI()), ProgramRunner::compileAndTest);
    }
}
