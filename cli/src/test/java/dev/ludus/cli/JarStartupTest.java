package dev.ludus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ludus.compiler.JarWriter;
import dev.ludus.compiler.LudusCompiler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start-up of a compiled jar (`java -jar`, no JVM flags possible): each class the JVM loads from
 * the jar costs ~0.3 ms (found, read, defined, verified by interpreted code), so a small program
 * must load only the runtime classes it uses, and its first calls must link through method-handle
 * code the JDK's class-data archive holds.
 */
class JarStartupTest {
    @TempDir Path dir;

    /** examples/hello.ld's forms: builtins, closures, a list pipeline, a record with a number. */
    private static final String HELLO = """
            print! ("Hello, world!")
            fn greet {
              (name) -> greet (name, "Hello")
              (name, greeting) -> join ([greeting, ", ", name, "!"])
            }
            print! (greet ("Ludus"))
            fn factorial {
              (0) -> 1
              (n) -> mult (n, factorial (dec (n)))
            }
            let facts = map (factorial, range (1, 8))
            print! ("factorials:", facts)
            #{:greeting greet ("you"), :sum fold (add, facts, 0)}
            """;

    private Process start(String source, String... jvmOptions) throws Exception {
        Path src = dir.resolve("p.ld");
        Files.writeString(src, source);
        Path jar = dir.resolve("p.jar");
        JarWriter.writeJar(LudusCompiler.compile(src, "p.ld"), jar);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-jar", jar.toString()));
        return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    }

    private static String output(Process p) throws Exception {
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "java -jar timed out");
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void helloLoadsOnlyTheRuntimeClassesItUses() throws Exception {
        Path log = dir.resolve("classes.txt");
        String out = output(start(HELLO, "-Xlog:class+load:file=" + log));
        assertTrue(out.contains("factorials: [1, 2, 6, 24, 120, 720, 5040]\n"), out);
        List<String> fromJar = new ArrayList<>();
        List<String> fromJdkModules = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            String[] words = line.split(" ");
            if (line.contains(" source: file:") && line.contains("p.jar")) fromJar.add(words[1]);
            if (line.contains(" source: jrt:/")) fromJdkModules.add(words[1]);
        }
        assertTrue(fromJar.contains("dev.ludus.runtime.prelude.CoreFns$Names"), "no trace? " + fromJar);
        // a prelude look-up reads the name lists up to its name's (print!: CoreFns', add: MathFns')
        for (String list : List.of("CollFns", "LaterFns", "Turtle", "ProcessFns")) {
            assertFalse(fromJar.contains("dev.ludus.runtime.prelude." + list + "$Names"), list + "'s names: " + fromJar);
        }
        // the verifier loads no record class but the one made (Rec.of and NumRec.of call factories)
        assertTrue(fromJar.contains("dev.ludus.runtime.collection.NumRec$N2"), fromJar.toString());
        for (String unused : List.of("Rec$R1", "Rec$R2", "Rec$R3", "Rec$R4", "Rec$RN", "NumRec$N1", "NumRec$N3", "NumRec$N4")) {
            assertFalse(fromJar.contains("dev.ludus.runtime.collection." + unused), unused + ": " + fromJar);
        }
        // the launcher: one class for the program thread's work and one for its outcome; no
        // test or turtle-file machinery unless asked for
        assertEquals(List.of("dev.ludus.runtime.Launcher$RunModule", "dev.ludus.runtime.Launcher$Outcome"),
                fromJar.stream().filter(c -> c.startsWith("dev.ludus.runtime.Launcher$")).toList());
        assertFalse(fromJar.contains("dev.ludus.runtime.Tests"), fromJar.toString());
        assertFalse(fromJar.contains("dev.ludus.runtime.turtle.TurtleOutput"), fromJar.toString());
        // SmallJoins' cold path: its handle-making code (and what its catch names) stays unloaded
        assertFalse(fromJdkModules.contains("java.lang.invoke.StringConcatException"), fromJdkModules.toString());
        // 75 classes before these changes
        assertTrue(fromJar.size() <= 58, fromJar.size() + " classes from the jar: " + fromJar);
    }

    /**
     * A call of an unknown function and a dict lookup link their bootstrap and first inline-cache
     * entry without the LambdaForm classes that a call site made from its type (an
     * "uninitialised" target adapted to it), virtual-method handles of LFn.callK and a lookup
     * site typed (Object, String, int, int) spun.
     */
    @Test
    void unknownCalleeLinksWithoutUninitialisedSiteOrVirtualHandles() throws Exception {
        String out = output(start("""
                let h = if true then add else sub
                let d = #{:a 1, :b "x"}
                fn one (x) -> h (x, 1)
                fn two (x) -> h (x, 2, 3)
                fn get_a (r) -> r :a
                print! (one (1), one (2), one (3), two (1), two (2), two (3), get_a (d), get_a (d), get_a (d))
                """, "-Djava.lang.invoke.MethodHandle.TRACE_RESOLVE=true"));
        assertTrue(out.contains("2 3 4 6 7 8 1 1 1\n"), out);
        assertTrue(out.contains("[LF_RESOLVE]"), "no trace: the JDK's property changed? " + out);
        List<String> spun = out.lines().filter(l -> l.contains("(fail)")).toList();
        assertFalse(spun.stream().anyMatch(l -> l.contains("LLIL_V")), "a call site made from its type: " + spun);
        assertFalse(spun.stream().anyMatch(l -> l.contains(" invokeVirtual ")), "a virtual-method handle: " + spun);
        // `r :a`: a lookup site typed (Object)Object (its location a static argument), no int-typed shapes
        assertFalse(spun.stream().anyMatch(l -> l.contains("II_") || l.contains("IIL_")), "an int-typed lookup site: " + spun);
    }
}
