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
        for (String cmd : new String[] {"run", "check", "compile"}) {
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
    void unimplementedCommandsSaySo() {
        Result repl = ludus("repl");
        assertEquals(2, repl.exit());
        assertTrue(repl.err().contains("not implemented yet"), repl.err());
        assertFalse(repl.err().contains("Exception"), repl.err());
    }

    @Test
    void testCommandRunsTestForms() throws java.io.IOException {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("ludus-test-cmd");
        java.nio.file.Path file = dir.resolve("t.ld");
        java.nio.file.Files.writeString(file, String.join("\n",
                "print! (\"start\")",
                "fn f (x) -> inc (x)",
                "test \"inc works\" eq? (f (1), 2)",
                "test \"wrong\" eq? (f (1), 3)",
                "test \"panics\" f (\"a\")",
                ":done", ""));
        Result r = ludus("test", file.toString());
        assertEquals(String.join("\n",
                "start",
                "test \"inc works\" passed",
                "test \"wrong\" FAILED on line 4: returned false",
                "test \"panics\" FAILED on line 5: panicked: Match Error: No match found for (\"a\") in function inc",
                "3 tests: 1 passed, 2 failed", ""), r.out());
        assertEquals(1, r.exit());
        java.nio.file.Files.writeString(file, "test \"ok\" true\n");
        Result ok = ludus("test", file.toString());
        assertEquals("test \"ok\" passed\n1 tests: 1 passed, 0 failed\n", ok.out());
        assertEquals(0, ok.exit());
        assertEquals("=> nil\n", ludus("run", file.toString()).out());
    }
}
