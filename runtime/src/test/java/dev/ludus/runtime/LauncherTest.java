package dev.ludus.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LauncherTest {
    /** Output of one run: stdout, stderr, exit status. */
    record Run(String out, String err, int exit) {}

    static Run run(Class<?> module) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code;
        try (var o = new PrintStream(out, true, StandardCharsets.UTF_8);
             var e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = Launcher.run(module, RunOptions.defaults().withSeed(1L), o, e);
        }
        return new Run(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), code);
    }

    public static final class PanicAt {
        static { Sources.register("panic-at.ld", "let x = 1\r\n  let (a, b) = x\rnext\n"); }
        public static Object $run() { throw new LudusPanic("Could not match non-tuple value to tuple", "panic-at.ld", 2, 3); }
    }

    public static final class PanicNoLocation {
        public static Object $run() { throw new LudusPanic("Division by zero."); }
    }

    public static final class Overflow {
        static int down(int n) { return down(n + 1) + 1; }
        public static Object $run() { return down(0); }
    }

    public static final class Deep {
        static int depth(int n) {
            if (n == 0) throw new LudusPanic("bottom reached");
            return depth(n - 1) + 1;
        }
        public static Object $run() { return depth(100_000); }
    }

    public static final class Bug {
        public static Object $run() { throw new IllegalStateException("bug"); }
    }

    public static final class NotAModule {}

    public static final class Forever {
        static final AtomicInteger SPINS = new AtomicInteger();
        public static Object $run() {
            while (true) SPINS.incrementAndGet();
        }
    }

    @Test
    void panicWithLocationPrintsTheSourceLine() {
        Run r = run(PanicAt.class);
        assertEquals("Ludus panicked on line 2:\n  let (a, b) = x\nCould not match non-tuple value to tuple\n", r.out());
        assertEquals(1, r.exit());
        // stderr: location, the source line with carets under the site (no Ludus frames here: no trace)
        assertEquals("panic-at.ld:2:3: panic: Could not match non-tuple value to tuple\n"
                + " 2 |   let (a, b) = x\n"
                + "   |   ^^^\n", r.err());
    }

    @Test
    void panicWithoutLocation() {
        Run r = run(PanicNoLocation.class);
        assertEquals("Ludus panicked!\nDivision by zero.\n", r.out());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("panic: Division by zero."), r.err());
    }

    @Test
    void stackOverflowBecomesAPanic() {
        // A small stack keeps the test fast (overflowing 1 GiB of tiny frames takes ~25 s).
        Run r;
        System.setProperty("ludus.stackSize", "64m");
        try {
            r = run(Overflow.class);
        } finally {
            System.clearProperty("ludus.stackSize");
        }
        assertEquals("Ludus panicked!\nMaximum call stack size exceeded\n", r.out());
        assertEquals(1, r.exit());
        assertTrue(!r.err().contains("StackOverflowError"), r.err());
    }

    @Test
    void deepRecursionFitsTheProgramStack() {
        Run r = run(Deep.class);
        assertEquals("Ludus panicked!\nbottom reached\n", r.out());
    }

    @Test
    void stackSizeProperty() {
        System.setProperty("ludus.stackSize", "3m");
        try {
            assertEquals(3L << 20, Launcher.stackSize());
            System.setProperty("ludus.stackSize", "nonsense");
            assertEquals(Launcher.DEFAULT_STACK_SIZE, Launcher.stackSize());
        } finally {
            System.clearProperty("ludus.stackSize");
        }
        assertEquals(Launcher.DEFAULT_STACK_SIZE, Launcher.stackSize());
    }

    @Test
    void otherThrowablesAreInternalErrors() {
        Run r = run(Bug.class);
        assertEquals("Ludus internal error: java.lang.IllegalStateException: bug\n", r.out());
        assertEquals(2, r.exit());
    }

    @Test
    void aClassWithoutRunIsAnInternalError() {
        Run r = run(NotAModule.class);
        assertTrue(r.out().startsWith("Ludus internal error: "), r.out());
        assertEquals(2, r.exit());
    }

    @Test
    void interruptingTheCallerStopsTheProgram() throws Exception {
        int[] code = {-1};
        Thread caller = new Thread(() -> code[0] = run(Forever.class).exit());
        caller.start();
        while (Forever.SPINS.get() == 0) Thread.sleep(5);
        caller.interrupt();
        caller.join(10_000);
        assertEquals(2, code[0]);
    }

    @Test
    void sourcesLinesHandleAllTerminators() {
        Sources.register("t.ld", "a\r\nb\rc\nd");
        assertEquals(List.of("a", "b", "c", "d", ""),
                List.of(Sources.line("t.ld", 1), Sources.line("t.ld", 2), Sources.line("t.ld", 3),
                        Sources.line("t.ld", 4), Sources.line("t.ld", 5)));
        assertEquals("", Sources.line("unknown.ld", 1));
    }

    @Test
    void runOptionsParse() {
        RunOptions o = RunOptions.parse(List.of("--seed", "42", "--svg=out.svg", "--size", "800x600"));
        assertEquals(42L, o.seed());
        assertEquals(Path.of("out.svg"), o.svgPath());
        assertEquals(800, o.width());
        assertEquals(600, o.height());
        RunOptions d = RunOptions.parse(List.of());
        assertEquals(640, d.width());
        assertEquals(640, d.height());
        assertEquals(300, RunOptions.parse(List.of("--size", "300")).height());
        assertThrows(IllegalArgumentException.class, () -> RunOptions.parse(List.of("--seed", "x")));
        assertThrows(IllegalArgumentException.class, () -> RunOptions.parse(List.of("--bogus")));
        assertThrows(IllegalArgumentException.class, () -> RunOptions.parse(List.of("--size", "0x5")));
        assertThrows(IllegalArgumentException.class, () -> RunOptions.parse(List.of("--png")));
    }
}
