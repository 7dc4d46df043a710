package dev.ludus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ludus compile --archive}: the class-data archive it writes beside the jar is one the
 * JVM maps ({@code -Xshare:on} refuses to start otherwise), the jar's classes come from it, and
 * the program prints the same with it as without it. The user's program is not run to make it.
 */
class JarArchiveTest {
    @TempDir Path dir;

    private static final String PROGRAM = """
            print! ("made", join (["a", "b"], "-"), #{:n 1})
            let xs = map (inc, range (3))
            fold (add, xs, 0)
            """;

    private record Cli(int code, String out, String err) {}

    private Cli compile(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.execute(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private String java(List<String> options, Path jar, Path log) throws Exception {
        List<String> jvm = new ArrayList<>(options);
        jvm.add("-Xlog:class+load=info:file=" + log);
        ChildRuns.Result r = ChildRuns.run(JarArchive.java(), jar, jvm, List.of("--print-result"), 60);
        assertEquals(0, r.exit(), r.out() + r.err());
        assertEquals("", r.err()); // nothing on stderr (no warning about the archive)
        return r.out();
    }

    @Test
    void theJarRunsFromItsArchive() throws Exception {
        Path src = dir.resolve("prog.ld");
        Files.writeString(src, PROGRAM);
        Path jar = dir.resolve("prog.jar");
        Cli c = compile("compile", src.toString(), "-o", jar.toString(), "--archive");
        assertEquals(0, c.code(), c.err());
        Path jsa = dir.resolve("prog.jsa");
        assertTrue(Files.size(jsa) > 0, "no archive");
        assertTrue(c.err().contains("-XX:SharedArchiveFile=" + jsa + " -jar " + jar), c.err());
        assertEquals("", c.out()); // compiling does not run the program

        Path plainLog = dir.resolve("plain.txt"), sharedLog = dir.resolve("shared.txt");
        String plain = java(List.of(), jar, plainLog);
        String shared = java(List.of("-XX:SharedArchiveFile=" + jsa, "-Xshare:on"), jar, sharedLog);
        assertEquals("made a-b #{:n 1}\n=> 6\n", plain);
        assertEquals(plain, shared);
        List<String> fromJar = new ArrayList<>(), fromArchive = new ArrayList<>();
        for (String line : Files.readAllLines(sharedLog)) {
            String[] words = line.split(" ");
            if (words.length < 2) continue;
            if (line.contains("source: shared objects file")) fromArchive.add(words[1]);
            else if (line.contains("prog.jar")) fromJar.add(words[1]);
        }
        assertTrue(fromJar.isEmpty(), "loaded from the jar: " + fromJar);
        assertTrue(fromArchive.contains("dev.ludus.runtime.Launcher"), "runtime not from the archive");
        assertTrue(fromArchive.stream().anyMatch(n -> n.startsWith("ludus.M")), "program class not from the archive");
        assertTrue(Files.readAllLines(plainLog).stream().anyMatch(l -> l.contains("dev.ludus.runtime.Launcher") && l.contains("prog.jar")),
                "without the archive the runtime comes from the jar");
    }

    @Test
    void archiveIsForAJarOnly() throws Exception {
        Path src = dir.resolve("prog.ld");
        Files.writeString(src, PROGRAM);
        Cli c = compile("compile", src.toString(), "-d", dir.resolve("classes").toString(), "--archive");
        assertEquals(Main.EXIT_USAGE, c.code());
        assertTrue(c.err().contains("--archive is for a jar (-o), not for classes (-d)"), c.err());
        assertFalse(Files.exists(dir.resolve("classes")));
    }

    @Test
    void theArchiveIsNamedAfterTheJar() {
        assertEquals(Path.of("out", "hello.jsa"), CompileCommand.archiveFor(Path.of("out", "hello.jar")));
        assertEquals(Path.of("prog.bin.jsa"), CompileCommand.archiveFor(Path.of("prog.bin")));
    }
}
