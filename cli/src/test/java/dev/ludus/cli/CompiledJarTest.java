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

    /** A program too large for one class (issue 12): its part classes go into the jar, and it runs. */
    @org.junit.jupiter.api.Test
    void aLargeProgramRunsFromItsJar() throws Exception {
        StringBuilder b = new StringBuilder("fn f {\n");
        for (int i = 0; i < 20_000; i++) b.append("  (").append(i).append(") -> \"case ").append(i).append("\"\n");
        b.append("}\nlet xs = [");
        for (int i = 0; i < 20_000; i++) b.append(i == 0 ? "" : ", ").append("add (").append(i).append(", 0.5)");
        b.append("]\nprint! (f (19_999))\nprint! (last (xs))\nlet 1 = count (xs)\n");
        Path src = dir.resolve("big.ld");
        Files.writeString(src, b.toString());
        Path jar = dir.resolve("big.jar");
        var program = dev.ludus.compiler.BigStack.call("compile", () -> LudusCompiler.compile(src, "big.ld"));
        assertTrue(program.classes().size() > 1, "one class only: " + program.classes().keySet());
        JarWriter.writeJar(program, jar);
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(javaBin, "-jar", jar.toString()))
                .directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "java -jar timed out");
        // the last line panics, located at its line
        assertTrue(out.startsWith("case 19999\n19999.5\n"), out);
        assertTrue(out.contains("line 20006"), out);
        assertEquals(1, p.exitValue(), out);
    }

    /**
     * Start-up: a program like examples/hello.ld (known calls and tail calls, polls, loops,
     * builtins) links through code the JDK has archived (bootstraps of StringConcatFactory's
     * type, polls answering an Object): the JDK resolves every LambdaForm it needs from its
     * archive and spins none (a few ms each at every start). Not yet so: calls of unknown
     * functions and dict sites (their inline caches' method handles).
     */
    @org.junit.jupiter.api.Test
    void helloSpinsNoLambdaFormAtStartUp() throws Exception {
        Path src = dir.resolve("hello.ld");
        Files.writeString(src, """
                fn greet {
                  (name) -> greet (name, "Hello")
                  (name, greeting) -> join ([greeting, ", ", name, "!"])
                }
                fn factorial {
                  (0) -> 1
                  (n) -> mult (n, factorial (dec (n)))
                }
                print! (greet ("world"), map (factorial, range (1, 5)))
                loop (3) with { (0) -> nil; (n) -> recur (dec (n)) }
                #{:sum fold (add, [1, 2], 0)}
                """);
        Path jar = dir.resolve("hello.jar");
        JarWriter.writeJar(LudusCompiler.compile(src, "hello.ld"), jar);
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(javaBin, "-Djava.lang.invoke.MethodHandle.TRACE_RESOLVE=true", "-jar", jar.toString()))
                .directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "java -jar timed out");
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("Hello, world! [1, 2, 6, 24]\n"), out);
        assertTrue(out.contains("[LF_RESOLVE]"), "no trace: the JDK's property changed? " + out);
        assertTrue(!out.contains("(fail)"), "a LambdaForm class was spun at start-up:\n" + out);
    }
}
