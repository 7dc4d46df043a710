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
