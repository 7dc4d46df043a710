package dev.ludus.cli;

import dev.ludus.compiler.CompiledProgram;
import dev.ludus.compiler.JarWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * {@code ludus compile --archive}: a class-data-sharing archive for a compiled jar, so that
 * {@code java -XX:SharedArchiveFile=OUT.jsa -jar OUT.jar} starts without reading, parsing and
 * verifying the runtime's classes from the jar (a jar cannot name its archive itself: only a
 * flag of {@code java} can). It is a static archive ({@code -Xshare:dump}) of every class in the
 * jar and of the JDK classes that a run of a small training program, compiled to a jar of its
 * own, loads: the user's program is never run to make it. The archive fits the JDK that made it
 * (the one running this command) and this jar only; the JVM ignores it, with a warning, for any
 * other (Java 17: {@code java hello} 94 ms; the jar 138 ms, with its archive 112).
 */
final class JarArchive {
    private JarArchive() {}

    /** What a first program touches at run time: printing, strings, numbers, lists, dicts, tuples. */
    private static final String TRAINING = """
            fn greet (name) -> join (["Hello, ", name, "!"])
            print! (greet ("world"), show (42), "{1} and {:b}", string (:k, 2.5))
            fn fact {
              (0) -> 1
              (n) -> mult (n, fact (dec (n)))
            }
            let xs = map (fact, range (1, 8))
            print! (fold (add, xs, 0), filter (even?, xs), count (xs), first (xs), append (xs, 1))
            let d = #{:a 1, :b "two"}
            print! (d :a, get (:b, d), keys (assoc (d, :c, 3)), update (d, :a, inc), (1, :x, "y"))
            let s = loop (10, 0) with (k, acc) -> if zero? (k) then acc else recur (dec (k), add (acc, k))
            #{:s s, :list [1, 2], :set ${1}}
            """;

    /** The java binary of this JVM (the archive is for it). */
    static Path java() {
        boolean windows = System.getProperty("os.name", "").startsWith("Windows");
        return Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java");
    }

    /** Writes the archive {@code out} for {@code jar}; returns null, or why it could not. */
    static String write(Path jar, Path out) {
        Path tmp = null;
        try {
            tmp = Files.createTempDirectory("ludus-archive");
            Path source = tmp.resolve("train.ld");
            Files.writeString(source, TRAINING);
            CompiledProgram training = ProgramRunner.compile(source, "train.ld");
            Path trainingJar = tmp.resolve("train.jar");
            JarWriter.writeJar(training, trainingJar);
            Path loaded = tmp.resolve("loaded.txt");
            Path log = tmp.resolve("log.txt");
            // run as `java -jar NAME.jar` is usually typed: in the jar's directory, by a relative path
            String failed = run(List.of(java().toString(), "-XX:DumpLoadedClassList=" + loaded, "-jar", "train.jar"),
                    tmp, log, "the training run");
            if (failed != null) return failed;
            Path list = tmp.resolve("classes.txt");
            Files.write(list, classList(loaded, jar));
            Files.deleteIfExists(out);
            failed = run(List.of(java().toString(), "-Xshare:dump", "-XX:SharedClassListFile=" + list,
                    "-XX:SharedArchiveFile=" + out.toAbsolutePath(), "-cp", jar.toAbsolutePath().toString()), tmp, log, "java -Xshare:dump");
            if (failed != null) return failed;
            return Files.isRegularFile(out) && Files.size(out) > 0 ? null : "java -Xshare:dump wrote no archive";
        } catch (IOException | UncheckedIOException e) {
            return e.getMessage();
        } catch (Exception e) { // the training program does compile: a failure here is a bug
            return "cannot compile the training program: " + e;
        } finally {
            if (tmp != null) SourceInput.deleteTree(tmp);
        }
    }

    /**
     * The classes to archive: the JDK's that the training run loaded (its class list, without our
     * own classes and generated ones, and without the numbers some JDKs give each class), then
     * every class in the jar.
     */
    static List<String> classList(Path loaded, Path jar) throws IOException {
        Set<String> names = new LinkedHashSet<>();
        for (String line : Files.readAllLines(loaded, StandardCharsets.UTF_8)) {
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            if (line.startsWith("@")) {
                // the method-handle forms the run used (pre-generated into the archive); not the
                // lambda proxies, which name the training program's classes
                if (line.startsWith("@lambda-form-invoker")) names.add(line);
                continue;
            }
            String name = line.split(" ", 2)[0];
            if (name.startsWith("ludus/") || name.startsWith("dev/ludus/") || name.contains("$$") || name.contains("/0x")) continue;
            names.add(name);
        }
        try (JarFile jf = new JarFile(jar.toFile())) {
            for (JarEntry e : (Iterable<JarEntry>) jf.stream()::iterator) {
                String n = e.getName();
                if (n.endsWith(".class") && !n.startsWith("META-INF/") && !n.endsWith("module-info.class")) {
                    names.add(n.substring(0, n.length() - ".class".length()));
                }
            }
        }
        return new ArrayList<>(names);
    }

    /** Runs {@code command} in {@code dir} (output to {@code log}, no input); returns null, or why it failed. */
    private static String run(List<String> command, Path dir, Path log, String what) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        p.getOutputStream().close();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return what + " did not finish in 300 s";
        }
        if (p.exitValue() == 0) return null;
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        String last = lines.isEmpty() ? "" : ": " + lines.get(lines.size() - 1).strip();
        return what + " failed (exit " + p.exitValue() + ")" + last;
    }
}
