package dev.ludus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The command line's own behaviour: exit statuses, usage errors, messages (not the compiler). */
class MainTest {
    record Result(String out, String err, int exit) {}

    static Result ludus(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code;
        try (var o = new PrintStream(out, true, StandardCharsets.UTF_8);
             var e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Main.execute(o, e, args);
        }
        return new Result(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), code);
    }

    @Test
    void versionOptionAndCommand() {
        Result r = ludus("--version");
        assertEquals(0, r.exit());
        assertTrue(r.out().startsWith("ludus "), r.out());
        assertEquals(r.out(), ludus("version").out());
    }

    @Test
    void helpGoesToStdout() {
        Result r = ludus("--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("run"), r.out());
        assertEquals(0, ludus("run", "--help").exit());
    }

    /** Help texts explain themselves: no spec section numbers, no sentence cut across lines by hand. */
    @Test
    void helpTextsStandOnTheirOwn() {
        for (String cmd : new String[] {"run", "check", "compile", "test", "repl", "version", "new", "doc"}) {
            Result r = ludus(cmd, "--help");
            assertEquals(0, r.exit(), cmd);
            assertFalse(r.out().contains("§") || r.out().contains("spec "), cmd + ":\n" + r.out());
            assertFalse(r.out().contains("./ludus"), "installed, the command is `ludus`: " + r.out());
            // a description line that ends without punctuation and is followed by one starting in lower case was split by hand
            String[] lines = r.out().split("\n");
            for (int i = 0; i + 1 < lines.length; i++) {
                String a = lines[i], b = lines[i + 1];
                if (a.startsWith(" ") || b.startsWith(" ") || a.isEmpty() || b.isEmpty()) continue;
                assertFalse(a.endsWith(" brackets") || a.endsWith(" are"), cmd + ": broken sentence: " + a + " / " + b);
            }
        }
        assertTrue(ludus("--help").out().contains("new"), "the command list names `new`");
    }

    @Test
    void checkAndTestTakeDirectories(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("t/sub"));
        java.nio.file.Files.writeString(dir.resolve("t/a.ld"), "test \"one\" eq? (1, 1)\n");
        java.nio.file.Files.writeString(dir.resolve("t/sub/b.ld"), "test \"sum\" eq? (add (3, 3), 7)\n");
        Result check = ludus("check", dir.resolve("t").toString());
        assertEquals(0, check.exit(), check.err());
        assertTrue(check.err().contains("a.ld: ok") && check.err().contains("b.ld: ok"), check.err());
        Result test = ludus("test", dir.resolve("t").toString());
        assertEquals(1, test.exit(), test.err());
        assertTrue(test.out().contains("== " + dir.resolve("t/a.ld")), test.out());
        assertTrue(test.out().contains("test \"one\" passed"), test.out());
        assertTrue(test.out().contains("test \"sum\" FAILED on line 1"), test.out());
        assertTrue(test.out().endsWith("2 files: 1 passed, 1 failed (" + dir.resolve("t/sub/b.ld") + ")\n"), test.out());
        Result empty = ludus("test", dir.toString() + "/t/sub", dir.resolve("nothing").toString());
        assertEquals(2, empty.exit());
    }

    @Test
    void newMakesAMavenProject(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path p = dir.resolve("my-app");
        Result r = ludus("new", p.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("mvn package && java -jar target/my-app-0.1.0-app.jar"), r.err());
        String pom = java.nio.file.Files.readString(p.resolve("pom.xml"));
        assertTrue(pom.contains("<artifactId>my-app</artifactId>") && pom.contains("<artifactId>ludus-maven-plugin</artifactId>")
                && pom.contains("<version>" + Version.number() + "</version>") && !pom.contains("@"), pom);
        // the program and its test work as they are
        Result run = ludus("run", p.resolve("src/main/ludus/main.ld").toString());
        assertEquals("Hello, world!\n=> :ok\n", run.out(), run.err());
        Result test = ludus("test", p.resolve("src/test/ludus").toString());
        assertEquals(0, test.exit(), test.out() + test.err());
        assertTrue(test.out().contains("1 tests: 1 passed, 0 failed"), test.out());
        assertEquals(2, ludus("new", p.toString()).exit(), "an existing directory is left alone");
        assertEquals(2, ludus("new", dir.resolve("bad name!").toString()).exit());
    }

    @Test
    void docShowsPreludeAndUserFunctions(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        Result join = ludus("doc", "join");
        assertEquals(0, join.exit(), join.err());
        assertTrue(join.out().startsWith("join\nJoins a list of strings"), join.out());
        assertTrue(join.out().contains("(strs as :list, separator as :string)"), join.out());
        Result index = ludus("doc");
        assertTrue(index.out().contains("forward!") && index.out().contains("ludus doc NAME"), index.out());
        Result typo = ludus("doc", "jion");
        assertEquals(2, typo.exit());
        assertTrue(typo.err().contains("did you mean join?"), typo.err());
        java.nio.file.Path f = dir.resolve("g.ld");
        java.nio.file.Files.writeString(f, "fn greet {\n  \"Says hello.\"\n  (name as :string) -> name\n  () -> :hi\n}\nprint! (:side_effect)\n");
        Result user = ludus("doc", "greet", "--in", f.toString());
        assertEquals("greet\nSays hello.\n(name as :string)\n()\n", user.out(), user.err());
        String md = ludus("doc", "--markdown").out();
        assertTrue(md.startsWith("# Prelude reference") && md.contains("### `join`"), md);
    }

    /** `compile hello.ld` writes hello.jar beside it; `-d` writes the classes README names (ludus.M0_hello). */
    @Test
    void compileNamesItsOutputs(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path src = java.nio.file.Files.writeString(dir.resolve("hello.ld"), "print! (:hi)\n");
        Result jar = ludus("compile", src.toString());
        assertEquals(0, jar.exit(), jar.err());
        // the jar goes to the current directory, named after the source
        java.nio.file.Path written = java.nio.file.Path.of("hello.jar");
        try {
            assertTrue(java.nio.file.Files.isRegularFile(written), jar.err());
            assertTrue(jar.err().contains("wrote hello.jar"), jar.err());
        } finally {
            java.nio.file.Files.deleteIfExists(written);
        }
        Result classes = ludus("compile", src.toString(), "-d", dir.resolve("classes").toString());
        assertEquals(0, classes.exit(), classes.err());
        assertTrue(java.nio.file.Files.isRegularFile(dir.resolve("classes/ludus/M0_hello.class")));
        assertTrue(classes.err().contains("main class ludus.M0_hello"), classes.err());
    }

    @Test
    void noCommandIsAUsageError() {
        Result r = ludus();
        assertEquals(2, r.exit());
        assertEquals("", r.out());
        assertTrue(r.err().contains("Usage: ludus"), r.err());
    }

    @Test
    void unknownCommandAndOptionsAreUsageErrors() {
        assertEquals(2, ludus("frobnicate").exit());
        assertEquals(2, ludus("run").exit());
        assertEquals(2, ludus("run", "--bogus", "x.ld").exit());
        Result size = ludus("run", "--size", "0x1", "x.ld");
        assertEquals(2, size.exit());
        assertTrue(size.err().contains("invalid size '0x1'"), size.err());
        assertEquals(2, ludus("compile", "x.ld", "-o", "a.jar", "-d", "dir").exit());
    }

    @Test
    void runWithOnlyItsFlagsSkipsPicocli() {
        assertEquals("x.ld", Main.plainRunFile(new String[] {"run", "x.ld"}));
        assertEquals("-", Main.plainRunFile(new String[] {"run", "-"}));
        assertEquals("x.ld", Main.plainRunFile(new String[] {"run", "--no-cache", "x.ld"}));
        assertEquals("x.ld", Main.plainRunFile(new String[] {"run", "x.ld", "--no-opt", "--no-cache"}));
        for (String[] other : new String[][] {{"run"}, {"check", "x.ld"}, {"run", "--no-cache"}, {"run", "a.ld", "b.ld"},
                {"run", "--no-cache", "--no-cache", "x.ld"}, {"run", "--svg", "a.svg", "x.ld"}, {"run", "--bogus", "x.ld"},
                {"run", "--", "x.ld"}}) {
            assertEquals(null, Main.plainRunFile(other), String.join(" ", other));
        }
    }

    @Test
    void runFlagsMeanTheSameOnBothPaths(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path prog = dir.resolve("p.ld");
        java.nio.file.Files.writeString(prog, "fn f (x) -> div (1, x)\nprint! (f (2))\nf (0)\n");
        for (String[] flags : new String[][] {{"--no-cache"}, {"--no-opt"}, {"--no-opt", "--no-cache"}}) {
            String[] args = new String[flags.length + 2];
            args[0] = "run";
            System.arraycopy(flags, 0, args, 1, flags.length);
            args[args.length - 1] = prog.toString();
            Result fast = ludus(args);
            var out = new ByteArrayOutputStream();
            var err = new ByteArrayOutputStream();
            int code;
            try (var o = new PrintStream(out, true, StandardCharsets.UTF_8);
                 var e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
                code = Main.execute(new Main(System.in, o, e), args);
            }
            String f = String.join(" ", flags);
            assertEquals(1, fast.exit(), f);
            assertTrue(fast.out().startsWith("0.5\n"), f + ": " + fast.out());
            assertTrue(fast.err().contains("p.ld:3"), f + ": " + fast.err());
            assertEquals(out.toString(StandardCharsets.UTF_8), fast.out(), f);
            assertEquals(err.toString(StandardCharsets.UTF_8), fast.err(), f);
            assertEquals(code, fast.exit(), f);
        }
    }

    @Test
    void missingFileIsOneClearLine() {
        for (String cmd : new String[] {"run", "check", "compile", "test"}) {
            Result r = ludus(cmd, "no/such/file.ld");
            assertEquals(2, r.exit(), cmd);
            assertEquals("", r.out(), cmd);
            assertEquals("ludus: cannot read no/such/file.ld: no such file\n", r.err(), cmd);
        }
    }

    @Test
    void directoryIsNotAProgram() {
        Result r = ludus("run", ".");
        assertEquals(2, r.exit());
        assertEquals("ludus: cannot read .: is a directory\n", r.err());
    }

    @Test
    void testCommandPassesTheSeed(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path f = dir.resolve("r.ld");
        java.nio.file.Files.writeString(f, "print! (random ())\ntest \"t\" true\n");
        Result a = ludus("test", "--seed", "7", f.toString());
        Result b = ludus("test", "--seed", "7", f.toString());
        Result c = ludus("test", "--seed", "8", f.toString());
        Result run = ludus("run", "--seed", "7", f.toString());
        assertEquals(0, a.exit(), a.err());
        assertEquals(a.out(), b.out());
        assertFalse(a.out().equals(c.out()), "different seeds gave the same random number: " + a.out());
        String firstLine = a.out().substring(0, a.out().indexOf('\n') + 1);
        assertTrue(run.out().startsWith(firstLine), run.out() + " vs " + a.out());
        assertTrue(a.out().endsWith("test \"t\" passed\n1 tests: 1 passed, 0 failed\n"), a.out());
    }

    @Test
    void testCommandUsageErrors() {
        Result r = ludus("test", "no/such/file.ld");
        assertEquals(2, r.exit());
        assertEquals("ludus: cannot read no/such/file.ld: no such file\n", r.err());
        assertEquals(2, ludus("test").exit());
        assertEquals(2, ludus("test", "--seed", "x", "a.ld").exit());
    }
}
