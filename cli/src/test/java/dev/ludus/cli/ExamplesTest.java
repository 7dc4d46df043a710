package dev.ludus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ludus.compiler.CompiledProgram;
import dev.ludus.compiler.LudusCompiler;
import dev.ludus.compiler.ProgramClassLoader;
import dev.ludus.runtime.Launcher;
import dev.ludus.runtime.RunOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every program in examples/ (what a newcomer runs first) completes and ends with its result line. */
class ExamplesTest {
    @TestFactory
    Stream<DynamicTest> examplesRun() throws Exception {
        try (var files = Files.list(Path.of("..", "examples"))) {
            return files.filter(p -> p.toString().endsWith(".ld")).sorted().toList().stream()
                    .map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
                        CompiledProgram program = LudusCompiler.compile(p, p.getFileName().toString());
                        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
                        Class<?> main = new ProgramClassLoader(program, getClass().getClassLoader()).load(program.mainClass());
                        int code = Launcher.run(main, RunOptions.defaults().withSeed(1L), out, new PrintStream(new ByteArrayOutputStream()));
                        String text = bytes.toString(StandardCharsets.UTF_8);
                        assertEquals(0, code, text);
                        assertTrue(text.contains("\n=> ") || text.startsWith("=> "), text);
                    }));
        }
    }
}
