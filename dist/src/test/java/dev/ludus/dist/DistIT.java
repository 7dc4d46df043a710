package dev.ludus.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The download as a newcomer meets it: the tar.gz is unpacked into a fresh directory and its
 * bin/ludus is run with nothing but a JDK (a cache directory of its own, a PATH holding only the
 * basic tools and that JDK). Run by failsafe in {@code mvn verify}, after the archives are made.
 */
class DistIT {
    static Path work, home, cache, user;

    static String prop(String name) {
        String v = System.getProperty(name);
        if (v == null || v.isBlank()) throw new IllegalStateException("system property " + name + " is not set (run with mvn verify)");
        return v;
    }

    record Result(String out, String err, int exit) {}

    @BeforeAll
    static void unpack() throws Exception {
        work = Path.of(prop("dist.work"));
        deleteTree(work);
        Files.createDirectories(work);
        Result r = exec(work, Map.of(), null, "tar", "-xzf", prop("dist.archive"));
        assertEquals(0, r.exit(), r.err());
        home = work.resolve("ludus-" + prop("dist.version"));
        cache = work.resolve("cache");
        user = Files.createDirectories(work.resolve("user"));
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) Files.delete(p);
        }
    }

    /** Runs a command in {@code dir} with a minimal environment plus {@code env}; {@code input} is piped to stdin (null: none). */
    static Result exec(Path dir, Map<String, String> env, String input, String... cmd) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        Map<String, String> e = pb.environment();
        String path = e.getOrDefault("PATH", "/usr/bin:/bin");
        e.clear();
        e.put("PATH", path);
        e.put("HOME", user == null ? dir.toString() : user.toString());
        if (cache != null) e.put("LUDUS_CACHE", cache.toString());
        e.putAll(env);
        Path out = Files.createTempFile(work, "out", ".txt"), err = Files.createTempFile(work, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        if (input == null) pb.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        Process p = pb.start();
        if (input != null) {
            try (var os = p.getOutputStream()) {
                os.write(input.getBytes(StandardCharsets.UTF_8));
            }
        }
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), String.join(" ", cmd) + " timed out");
        return new Result(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8), p.exitValue());
    }

    /** bin/ludus with the test's own JDK as JAVA_HOME. */
    static Result ludus(Path dir, String input, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(home.resolve("bin/ludus").toString()));
        cmd.addAll(List.of(args));
        return exec(dir, Map.of("JAVA_HOME", System.getProperty("java.home")), input, cmd.toArray(String[]::new));
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Test
    void layoutAndLicence() throws Exception {
        for (String f : List.of("bin/ludus", "bin/ludus.cmd", "lib/ludus.jar", "LICENSE", "README.txt",
                "examples/hello.ld", "docs/prelude-reference.md")) {
            assertTrue(Files.isRegularFile(home.resolve(f)), "missing " + f);
        }
        assertTrue(Files.getPosixFilePermissions(home.resolve("bin/ludus")).contains(PosixFilePermission.OTHERS_EXECUTE));
        assertTrue(Files.readString(home.resolve("LICENSE")).contains("Apache License"));
        try (JarFile jar = new JarFile(home.resolve("lib/ludus.jar").toFile())) {
            assertTrue(jar.getEntry("META-INF/LICENSE") != null, "lib/ludus.jar lacks META-INF/LICENSE");
        }
        String reference = Files.readString(home.resolve("docs/prelude-reference.md"));
        assertTrue(reference.contains("### `join`") && reference.contains("Joins a list of strings"), "generated reference");
        assertTrue(Files.readString(home.resolve("bin/ludus.cmd")).contains("\r\n"), "ludus.cmd has Windows line ends");
        // the zip holds the same files
        try (ZipFile zip = new ZipFile(prop("dist.zip"))) {
            String base = "ludus-" + prop("dist.version") + "/";
            for (String f : List.of("bin/ludus", "bin/ludus.cmd", "lib/ludus.jar", "LICENSE", "docs/prelude-reference.md", "examples/hello.ld")) {
                assertTrue(zip.getEntry(base + f) != null, "zip lacks " + f);
            }
        }
    }

    /** The zip, unpacked with `unzip` (which keeps its file modes), runs the same way. */
    @Test
    void theZipRunsToo() throws Exception {
        boolean haveUnzip = exec(work, Map.of(), null, "sh", "-c", "command -v unzip").exit() == 0;
        org.junit.jupiter.api.Assumptions.assumeTrue(haveUnzip, "unzip is not installed (.ci/run installs it)");
        Path dir = Files.createDirectories(work.resolve("from-zip"));
        Result u = exec(dir, Map.of(), null, "unzip", "-q", prop("dist.zip"));
        assertEquals(0, u.exit(), u.err());
        Path zipHome = dir.resolve("ludus-" + prop("dist.version"));
        Result r = exec(zipHome, Map.of("JAVA_HOME", System.getProperty("java.home")), null, "bin/ludus", "run", "examples/hello.ld");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("Hello, world!"), r.out());
    }

    @Test
    void runsAnExampleAndMakesItsArchiveInTheUserCache() throws Exception {
        Set<String> before = listing(home);
        Result r = ludus(home, null, "run", "examples/hello.ld");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("Hello, world!"), r.out());
        Result again = ludus(home, null, "run", "examples/hello.ld");
        assertEquals(r.out(), again.out(), again.err());
        assertEquals(before, listing(home), "nothing is written inside the installation");
        try (Stream<Path> s = Files.list(cache)) {
            assertTrue(s.anyMatch(p -> p.getFileName().toString().endsWith(".jsa")), "class-data archive in the cache directory");
        }
        // later runs map it: Ludus's classes (on the boot class path) come from it, not from the
        // jar (those that the run which made it loaded: the first bin/ludus command of this test)
        Path log = work.resolve("classes.txt");
        Result mapped = exec(home, Map.of("JAVA_HOME", System.getProperty("java.home"),
                "LUDUS_JAVA_OPTS", "-Xlog:class+load=info:file=" + log), null, home.resolve("bin/ludus").toString(), "run", "examples/hello.ld");
        assertEquals(r.out(), mapped.out(), mapped.err());
        List<String> ours = Files.readAllLines(log).stream().filter(l -> l.contains(" dev.ludus.")).toList();
        assertTrue(ours.stream().anyMatch(l -> l.contains(" dev.ludus.cli.Main source: shared objects file")), String.join("\n", ours));
        long shared = ours.stream().filter(l -> l.contains("source: shared objects file")).count();
        assertTrue(shared > 30 && shared * 2 > ours.size(), shared + " of Ludus's classes came from the archive:\n" + String.join("\n", ours));
        // and the program from the compile cache: nothing of the compiler's code generation ran
        assertEquals(List.of(), ours.stream().filter(l -> l.contains(" dev.ludus.compiler.emit.")).toList(), "compiled again");
    }

    @Test
    void compilesARunnableJar() throws Exception {
        Path dir = Files.createDirectories(work.resolve("compile"));
        Files.copy(home.resolve("examples/hello.ld"), dir.resolve("hello.ld"));
        Result c = ludus(dir, null, "compile", "hello.ld");
        assertEquals(0, c.exit(), c.err());
        Path jar = dir.resolve("hello.jar");
        assertTrue(Files.isRegularFile(jar), "compile hello.ld writes hello.jar");
        assertTrue(Files.getPosixFilePermissions(jar).contains(PosixFilePermission.OWNER_READ));
        assertEquals(Files.getPosixFilePermissions(Files.write(dir.resolve("plain"), new byte[0])), Files.getPosixFilePermissions(jar),
                "the jar has a new file's usual permissions");
        try (JarFile jf = new JarFile(jar.toFile())) {
            assertTrue(jf.getEntry("META-INF/LICENSE") != null, "compiled jars carry the licence");
        }
        Result run = exec(dir, Map.of(), null, java(), "-jar", "hello.jar");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith("Hello, world!"), run.out());
    }

    @Test
    void replReadsPipedInput() throws Exception {
        Result r = ludus(user, "let x = 20\nadd (x, 22)\n", "repl");
        assertEquals("=> 20\n=> 42\n", r.out(), r.err());
        assertEquals(0, r.exit());
    }

    /** With a JDK 21+ in the system's JVM directory, bin/ludus runs on it: processes work (as continuations). */
    @Test
    void runsProcessesOnTheNewestJdk() throws Exception {
        boolean has21;
        try (Stream<Path> jdks = Files.list(Path.of("/usr/lib/jvm"))) {
            has21 = jdks.anyMatch(j -> {
                try {
                    String rel = Files.readString(j.resolve("release"));
                    java.util.regex.Matcher m = java.util.regex.Pattern.compile("JAVA_VERSION=\"(\\d+)").matcher(rel);
                    return m.find() && Integer.parseInt(m.group(1)) >= 21 && Files.isExecutable(j.resolve("bin/java"));
                } catch (java.io.IOException e) {
                    return false;
                }
            });
        } catch (java.io.IOException e) {
            has21 = false;
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(has21, "no JDK 21+ in /usr/lib/jvm");
        Path dir = Files.createDirectories(work.resolve("processes"));
        Files.writeString(dir.resolve("p.ld"), """
                let me = self ()
                let p = spawn! (fn () -> receive { (:ping, from) -> send (from, :pong) })
                send (p, (:ping, me))
                receive { :pong -> print! ("got pong") }
                """);
        Result r = ludus(dir, null, "run", "p.ld");
        assertEquals("got pong\n=> :ok\n", r.out(), r.err());
        Result v = ludus(dir, null, "--version");
        assertTrue(v.out().contains("processes: continuations"), v.out());
    }

    @Test
    void withoutJavaItSaysWhatIsNeeded() throws Exception {
        Path bin = Files.createDirectories(work.resolve("nojava-bin"));
        for (String tool : List.of("sh", "dirname", "ls", "sed", "cksum", "cut", "head", "mkdir", "mv", "rm")) {
            Path real = Path.of("/usr/bin", tool);
            if (!Files.exists(real)) real = Path.of("/bin", tool);
            if (Files.exists(real) && !Files.exists(bin.resolve(tool))) Files.createSymbolicLink(bin.resolve(tool), real);
        }
        Result r = exec(user, Map.of("PATH", bin.toString(), "LUDUS_JVM_DIRS", ""), null, home.resolve("bin/ludus").toString(), "run", "x.ld");
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("cannot find java") && r.err().contains("Java 17 or newer"), r.err());
        Result bad = exec(user, Map.of("JAVA_HOME", work.resolve("no-such-jdk").toString()), null, home.resolve("bin/ludus").toString(), "--version");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("JAVA_HOME is " + work.resolve("no-such-jdk")), bad.err());
        // a Java older than 17 (a stand-in that only answers -version)
        Path oldJdk = Files.createDirectories(work.resolve("old-jdk/bin"));
        Path fake = Files.writeString(oldJdk.resolve("java"), "#!/bin/sh\necho 'openjdk version \"11.0.22\" 2024-01-16' >&2\n");
        Files.setPosixFilePermissions(fake, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Result old = exec(user, Map.of("JAVA_HOME", oldJdk.getParent().toString(), "LUDUS_JVM_DIRS", ""), null,
                home.resolve("bin/ludus").toString(), "--version");
        assertEquals(2, old.exit(), old.out() + old.err());
        assertTrue(old.err().contains("is Java 11. Ludus needs Java 17 or newer"), old.err());
    }

    /**
     * On a terminal (a pseudo-terminal made by util-linux `script`): bare `ludus` starts the REPL,
     * and an error is said once, as the human diagnostic.
     */
    @Test
    void onATerminal() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")),
                "util-linux `script` is missing: nothing to drive a terminal with (.ci/run installs it)");
        Path dir = Files.createDirectories(work.resolve("tty"));
        Files.writeString(dir.resolve("bad.ld"), "let x = 1\nprint! (eqq? (x, 1))\n");
        String javaHome = System.getProperty("java.home");
        Map<String, String> env = Map.of("JAVA_HOME", javaHome, "TERM", "dumb", "LUDUS_HISTORY", "");
        Result once = exec(dir, env, null, "script", "-qec", home.resolve("bin/ludus") + " run bad.ld", "/dev/null");
        String text = once.out().replace("\r", "");
        assertEquals(1, once.exit(), text);
        assertTrue(text.contains("bad.ld:2:9: error: unbound name: eqq?"), text);
        assertTrue(text.contains("hint: did you mean `eq?`?"), text);
        assertFalse(text.contains("Ludus found an error in"), "said once, not twice:\n" + text);

        Result repl = exec(dir, env, "add (40, 2)\n:quit\n", "script", "-qec", home.resolve("bin/ludus").toString(), "/dev/null");
        String session = repl.out().replace("\r", "");
        assertFalse(session.contains("Exception") || session.contains("internal error"), session);
        assertTrue(session.contains("=> 42"), session);
    }

    static Set<String> listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return new java.util.TreeSet<>(s.map(p -> dir.relativize(p).toString()).toList());
        }
    }
}
