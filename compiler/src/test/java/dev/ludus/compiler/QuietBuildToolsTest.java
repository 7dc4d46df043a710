package dev.ludus.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build runs StdlibBuilder (stdlib module) and ClassFileUpgrade (cli module) as separate
 * java processes; Maven shows their output even with {@code -q}, so on success they say nothing.
 */
class QuietBuildToolsTest {
    static String runJava(Path dir, String mainClass, String... args) throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var cmd = new java.util.ArrayList<>(List.of(javaBin, "-cp", System.getProperty("java.class.path"), mainClass));
        cmd.addAll(List.of(args));
        Path log = dir.resolve("output.txt");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), mainClass + " timed out");
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), output);
        return output;
    }

    @Test
    void stdlibBuilderIsSilent(@TempDir Path dir) throws Exception {
        Path prelude = Path.of("..", "stdlib", "src", "main", "ludus", "prelude.ld").toAbsolutePath();
        assertTrue(Files.isRegularFile(prelude), prelude.toString());
        assertEquals("", runJava(dir, StdlibBuilder.class.getName(), prelude.toString(), dir.resolve("out").toString()));
        assertTrue(Files.isRegularFile(dir.resolve("out/dev/ludus/stdlib/LudusPrelude.class")));
    }

    @Test
    void classFileUpgradeIsSilent(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("app.jar");
        JarWriter.writeJar(new CompiledProgram(Map.of("demo.Main", JarWriterTest.moduleClass("demo/Main")), "demo.Main"), jar);
        assertEquals("", runJava(dir, ClassFileUpgrade.class.getName(), jar.toString()));
    }
}
