package dev.ludus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ludus.compiler.JarWriter;
import dev.ludus.compiler.LudusCompiler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ahead-of-time path: a conformance program compiled to a jar and run with plain
 * `java -jar` in a child process prints what `ludus run` prints (with --print-result, which
 * adds the result line a compiled program leaves out by default).
 */
class CompiledJarTest {
    @TempDir Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"049-fn-compound", "163-err-let-no-match", "196-import-form", "L04-primes"})
    void jarPrintsWhatRunPrints(String name) throws Exception {
        Path src = ConformanceTest.sharedDir().resolve("conformance").resolve(name + ".ld");
        Path jar = dir.resolve(name + ".jar");
        JarWriter.writeJar(LudusCompiler.compile(src, name + ".ld"), jar);
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(javaBin, "-jar", jar.toString(), "--print-result", "--seed", "1"))
                .directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "java -jar timed out");
        String expected = Files.readString(src.resolveSibling(name + ".expected"));
        assertEquals(expected, out + "[exit " + p.exitValue() + "]\n");
    }
}
