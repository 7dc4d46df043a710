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
    private static final java.util.regex.Pattern OURS = java.util.regex.Pattern.compile(
            "\\] (dev\\.ludus\\.|ludus\\.|java\\.util\\.Comparator|java\\.util\\.stream\\.|java\\.util\\.regex\\.)");

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
        // ours, and the JDK's that our code caused (comparators, streams, regexes); the JDK's own
        // start-up may make some on other versions (Java 25's ZipFile does, for a class path of jars)
        List<String> lambdas = loaded.stream().filter(l -> l.contains("$$Lambda") && OURS.matcher(l).find()).toList();
        assertEquals(List.of(), lambdas, "lambda classes made on the path of `ludus run`");
        // a program without syntax errors is parsed by FastParser: ANTLR's parser (its ATN,
        // 30-50 ms of CPU in a fresh JVM) is never set up
        assertTrue(loaded.stream().anyMatch(l -> l.contains("dev.ludus.compiler.syntax.FastParser ")), "FastParser ran");
        assertEquals(List.of(), loaded.stream().filter(l -> l.contains("dev.ludus.grammar.Ludus ")
                || l.contains("org.antlr.v4.runtime.atn.ParserATNSimulator ")).toList(), "ANTLR's parser set up");
        if (Runtime.version().feature() == 17) {
            assertEquals(List.of(), loaded.stream().filter(l -> l.contains("LambdaMetafactory")).toList(),
                    "the lambda machinery started on Java 17");
        }
    }

    /**
     * A program with vector functions and loops goes through more of the compiler (VecBodies,
     * VecLoops, VecGen): none of it may link a record's equals/hashCode/toString either (they are
     * invokedynamic: ObjectMethods spins ~35 method-handle classes, 20-50 ms, as Shape's did).
     */
    @Test
    void compilingVectorCodeLinksNoRecordMethods() throws Exception {
        Path log = dir.resolve("classes.txt");
        Path program = dir.resolve("vectors.ld");
        Files.writeString(program, """
                fn step ((pos, vel, path)) -> {
                  let vel2 = add (vel, mult (pos, -0.01))
                  let pos2 = add (pos, mult (vel2, 0.1))
                  (pos2, vel2, add (path, dist (sub (pos2, pos))))
                }
                fn simulate (n) -> loop (n, ((100, 0), (0, 5), 0)) with (k, state) -> if zero? (k)
                  then state
                  else recur (dec (k), step (state))
                let (_, _, path) = simulate (100)
                floor (path)
                """);
        ChildRuns.Result r = ChildRuns.runCli(ChildRuns.currentJava(),
                List.of("-Xss16m", "-XX:+UseParallelGC", "-Xlog:class+load=info:file=" + log),
                List.of("run", program.toString()), dir, 120);
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().endsWith("=> 207\n"), r.out());
        List<String> loaded = Files.readAllLines(log);
        assertTrue(loaded.stream().anyMatch(l -> l.contains("dev.ludus.compiler.emit.VecGen ")), "the vector emitter ran");
        assertEquals(List.of(), loaded.stream().filter(l -> l.contains("java.lang.runtime.ObjectMethods")).toList(),
                "a record's invokedynamic equals/hashCode/toString linked on the path of `ludus run`");
        assertEquals(List.of(), loaded.stream().filter(l -> l.contains("$$Lambda") && OURS.matcher(l).find()).toList(),
                "lambda classes made on the path of `ludus run`");
    }
}
