package dev.ludus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What `ludus run FILE` does in a fresh JVM before the program's own code: on Java 17 each lambda,
 * method reference or stream pipeline costs ~0.3 ms (more under load) the first time it runs,
 * outside the class-data-sharing archive's reach, and the path through the option fast path,
 * the compiler and the launcher used to run ~40 of them. It now runs none: no lambda class of
 * ours is made, and the JDK's lambda machinery is never started.
 */
class StartupPathTest {
    @TempDir
    Path dir;

    @Test
    void runningATypicalProgramMakesNoLambdas() throws Exception {
        Path log = dir.resolve("classes.txt");
        ChildRuns.Result r = ChildRuns.runCli(ChildRuns.currentJava(),
                List.of("-Xss16m", "-XX:+UseParallelGC", "-Xlog:class+load=info:file=" + log),
                List.of("run", Path.of("..", "examples", "hello.ld").toAbsolutePath().toString()), dir, 120);
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().endsWith("=> #{:greeting \"Hello, you!\", :sum 5913}\n"), r.out());
        List<String> loaded = Files.readAllLines(log);
        assertTrue(loaded.size() > 500, "class loading was logged");
        List<String> lambdas = loaded.stream().filter(l -> l.contains("$$Lambda") || l.contains("LambdaMetafactory")).toList();
        assertEquals(List.of(), lambdas, "lambda classes made on the path of `ludus run`");
    }
}
