package dev.ludus.compiler.syntax;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every program of shared/conformance either parses cleanly, or (when its expected output is a
 * lexical/syntax error report) produces that report byte for byte. Programs whose expected error
 * is a static (resolver) error must parse cleanly.
 */
class ConformanceGoldenTest {
    @TestFactory
    Stream<DynamicTest> conformancePrograms() throws IOException {
        Path dir = Goldens.sharedDir().resolve("conformance");
        return Goldens.ldFiles(dir).map(ld -> DynamicTest.dynamicTest(ld.getFileName().toString(),
                () -> Goldens.check(ld, Goldens.expectedReport(ld))));
    }
}
