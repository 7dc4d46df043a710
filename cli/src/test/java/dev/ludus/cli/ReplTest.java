package dev.ludus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/**
 * {@code ludus repl} with piped standard input. Golden transcripts: each
 * {@code src/test/resources/repl-goldens/NAME.in} is fed to {@code ludus repl --echo --seed 1}
 * and its stdout plus {@code [exit N]} must equal {@code NAME.expected}.
 */
class ReplTest {
    record Result(String out, String err, int exit) {}

    static Result repl(String input, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        String[] all = Stream.concat(Stream.of("repl"), Stream.of(args)).toArray(String[]::new);
        int code;
        try (var o = new PrintStream(out, true, StandardCharsets.UTF_8);
             var e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = assertTimeoutPreemptively(Duration.ofSeconds(60), () ->
                    Main.execute(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), o, e, all));
        }
        return new Result(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), code);
    }

    @TestFactory
    Stream<DynamicTest> transcripts() throws IOException, URISyntaxException {
        URL url = ReplTest.class.getResource("/repl-goldens");
        assertTrue(url != null, "src/test/resources/repl-goldens is missing from the test class path");
        List<Path> inputs;
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            inputs = files.filter(p -> p.getFileName().toString().endsWith(".in")).sorted().toList();
        }
        assertFalse(inputs.isEmpty());
        return inputs.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), p.toUri(), () -> {
            String name = p.getFileName().toString();
            Path expectedFile = p.resolveSibling(name.substring(0, name.length() - 3) + ".expected");
            String expected = Files.readString(expectedFile, StandardCharsets.UTF_8);
            Result r = repl(Files.readString(p, StandardCharsets.UTF_8), "--echo", "--seed", "1");
            String actual = r.out() + "[exit " + r.exit() + "]\n";
            if (!expected.equals(actual)) {
                throw new AssertionFailedError(name + ": transcript differs from " + expectedFile.getFileName() + "\n"
                        + LineDiff.diff(expected, actual) + (r.err().isEmpty() ? "" : "stderr:\n" + r.err()),
                        expected, actual);
            }
        }));
    }

    /** Compile errors and panics in the REPL get the same human diagnostic as `ludus run`, hints included. */
    @Test
    void errorsShowTheHumanDiagnosticWithItsHint() {
        Result r = repl("let x = 1\neqq? (x, 1)\nfn pair (a, b) -> (a, b)\npair (1, 2, 3)\n");
        assertTrue(r.out().contains("unbound name: eqq?"), r.out()); // the reference report stays on stdout
        assertTrue(r.err().contains("<repl:2>:1:1: error: unbound name: eqq?"), r.err());
        assertTrue(r.err().contains("= hint: did you mean `eq?`?"), r.err());
        assertTrue(r.err().contains("panic: Match Error"), r.err());
        assertTrue(r.err().contains("= hint: pair has clauses for 2 arguments, you gave 3"), r.err());
        assertEquals(1, r.exit());
    }

    /** `ludus` with no arguments on a terminal starts the REPL (it used to fail on its unset --seed option). */
    @Test
    void bareLudusOnATerminalStartsTheRepl() {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code;
        try (var o = new PrintStream(out, true, StandardCharsets.UTF_8);
             var e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            Main main = new Main(new ByteArrayInputStream("add (40, 2)\n".getBytes(StandardCharsets.UTF_8)), o, e);
            main.terminal = () -> true; // the input itself is piped, so the session reads it without JLine
            code = Main.execute(main);
        }
        assertEquals("", err.toString(StandardCharsets.UTF_8));
        assertEquals("=> 42\n", out.toString(StandardCharsets.UTF_8));
        assertEquals(0, code);
    }

    @Test
    void withoutEchoOnlyResultsAreWritten() {
        Result r = repl("let x = 2\nprint! (x)\nadd (x,\n  3)\n");
        assertEquals("=> 2\n2\n=> :ok\n=> 5\n", r.out());
        assertEquals("", r.err());
        assertEquals(0, r.exit());
    }

    @Test
    void exitStatusIsOneWhenAnEntryFailed() {
        assertEquals(1, repl("panic! \"no\"\n1\n").exit());
        assertEquals(1, repl("unbound_thing\n").exit());
        assertEquals(0, repl("1\n\n& just a comment\n").exit());
        assertEquals(0, repl("").exit());
    }

    @Test
    void inputEndingInsideAnEntryIsReported() {
        Result r = repl("[1, 2\n");
        assertEquals(1, r.exit());
        assertTrue(r.out().startsWith("Ludus found an error in <repl:1> at line "), r.out());
    }

    @Test
    void svgAndPngWriteTheSessionsDrawing(@TempDir Path dir) throws IOException {
        Path svg = dir.resolve("d.svg"), png = dir.resolve("d.png");
        Result r = repl("forward! (50)\n:svg " + svg + "\nright! (0.25)\nforward! (50)\n:png " + png + "\n:svg\n");
        assertTrue(r.out().contains("wrote " + svg + "\n") && r.out().contains("wrote " + png + "\n"), r.out());
        assertEquals(1, Files.readString(svg).split("<line ").length - 2, "one segment, and the turtle's nose");
        assertTrue(Files.size(png) > 100);
        assertTrue(r.err().contains("usage: :svg FILE"), r.err());
    }

    @Test
    void showPutsTheSessionsDrawingOnARunningPlayground() throws Exception {
        try (var play = dev.ludus.playground.Playground.start(new dev.ludus.playground.Playground.Config(
                "127.0.0.1", 0, null, dev.ludus.playground.Limits.defaults(), 1))) {
            var http = java.net.http.HttpClient.newHttpClient();
            var before = http.send(java.net.http.HttpRequest.newBuilder(play.uri().resolve("/api/show?after=0")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals("{\"version\":0,\"svg\":null}", before.body());
            Result r = repl("forward! (50)\nright! (0.25)\nforward! (50)\n:show " + play.uri() + "\n");
            assertTrue(r.out().contains("shown at " + play.uri() + "\n"), r.out() + r.err());
            var after = http.send(java.net.http.HttpRequest.newBuilder(play.uri().resolve("/api/show?after=0")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertTrue(after.body().startsWith("{\"version\":1,\"svg\":\"<?xml") && after.body().contains("<svg"), after.body());
            assertEquals(2, after.body().split("<line ").length - 2, "two segments, and the turtle's nose: " + after.body());
        }
        // no playground there: a clear message, and the session goes on
        int port;
        try (var s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Result none = repl(":show http://127.0.0.1:" + port + "/\n:ok\n");
        assertTrue(none.err().contains("ludus: cannot show the drawing: no playground answers at http://127.0.0.1:" + port + "/"),
                none.err());
        assertTrue(none.out().contains("=> :ok"), none.out());
        assertEquals(1, none.exit());
    }

    @Test
    void loadRunsAFileAndKeepsItsNames(@TempDir Path dir) throws IOException {
        Path lib = dir.resolve("lib.ld");
        Files.writeString(lib, "print! (\"loading\")\nfn triple (x) -> mult (3, x)\nlet answer = 42\n");
        Result r = repl(":load " + lib + "\ntriple (answer)\n:load " + dir.resolve("missing.ld") + "\n:load\n");
        assertEquals("loading\n=> 42\n=> 126\n", r.out());
        assertTrue(r.err().contains("cannot read " + dir.resolve("missing.ld")), r.err());
        assertTrue(r.err().contains("usage: :load FILE"), r.err());
        assertEquals(1, r.exit());
    }

    @Test
    void loadReportsErrorsWithTheFileName(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("bad.ld");
        Files.writeString(bad, "let a = 1\nnope\n");
        Result r = repl(":load \"" + bad + "\"\na\n");
        assertTrue(r.out().startsWith("Ludus found an error in " + bad + " at line 2, column 1: unbound name: nope\n"), r.out());
        assertTrue(r.out().contains("unbound name: a"), "a failed :load must not bind anything: " + r.out());
    }

    @Test
    void importsResolveFromTheWorkingDirectoryAndUseWorksAcrossEntries(@TempDir Path dir) throws IOException {
        Path lib = dir.resolve("shapes.ld");
        Files.writeString(lib, "fn area (w, h) -> mult (w, h)\nns shapes { area }\n");
        Result r = repl("import \"" + lib + "\" as shapes\nuse shapes\narea (2, 3)\nshapes :area (4, 5)\n");
        assertEquals("=> ns shapes {:area fn area}\n=> ns shapes {:area fn area}\n=> 6\n=> 20\n", r.out());
    }

    @Test
    void panicsInFunctionsFromEarlierEntriesShowTheirOwnSourceLine() {
        Result r = repl("fn f (x) -> {\n  let [y] = x\n  y\n}\n:padding\nf (1)\n");
        assertEquals("=> fn f\n=> :padding\nLudus panicked on line 2:\n  let [y] = x\n"
                + "Could not match non-list value 1 to list pattern [y]\n", r.out());
    }

    @Test
    void deepRecursionAndTailCallsWork() {
        Result r = repl("fn deep (n) -> if zero? (n) then 0 else inc (deep (dec (n)))\ndeep (100_000)\n"
                + "fn loopy (n) -> if zero? (n) then :done else loopy (dec (n))\nloopy (1_000_000)\n");
        assertEquals("=> fn deep\n=> 100000\n=> fn loopy\n=> :done\n", r.out());
    }

    @Test
    void runawayRecursionIsAPanicNotTheEndOfTheSession() {
        // A small program stack, so that the overflow comes quickly.
        String before = System.getProperty("ludus.stackSize");
        System.setProperty("ludus.stackSize", "16m");
        Result r;
        try {
            r = repl("fn inf (n) -> inc (inf (n))\ninf (1)\n:still_here\n", "--seed", "1");
        } finally {
            if (before == null) System.clearProperty("ludus.stackSize");
            else System.setProperty("ludus.stackSize", before);
        }
        assertTrue(r.out().contains("Ludus panicked!\nMaximum call stack size exceeded\n=> :still_here\n"), r.out());
    }

    @Test
    void theSeedMakesRandomReproducible() {
        String in = "random ()\nrandom ()\n";
        assertEquals(repl(in, "--seed", "3").out(), repl(in, "--seed", "3").out());
        assertFalse(repl(in, "--seed", "3").out().equals(repl(in, "--seed", "4").out()));
    }

    @Test
    void quitStopsReading() {
        Result r = repl("1\n:quit\n2\n");
        assertEquals("=> 1\n", r.out());
        assertEquals(0, r.exit());
    }

    @Test
    void theJLineReaderAsksForMoreLinesAndKeepsHistory(@TempDir Path dir) throws IOException {
        // The terminal path with a dumb (non-system) terminal fed from a string.
        String typed = "let x = 1\nadd (x,\n  2)\nprint! (\"p\")\n:quit\n";
        var screen = new ByteArrayOutputStream();
        var out = new ByteArrayOutputStream();
        Path history = dir.resolve("history");
        try (var o = new PrintStream(out, true, StandardCharsets.UTF_8);
             var e = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)) {
            org.jline.terminal.Terminal terminal = org.jline.terminal.TerminalBuilder.builder()
                    .system(false).type("dumb").encoding(StandardCharsets.UTF_8)
                    .streams(new TypedThenIdle(typed.getBytes(StandardCharsets.UTF_8)), screen)
                    .build();
            int code = assertTimeoutPreemptively(Duration.ofSeconds(60),
                    () -> TerminalRepl.run(new Repl(o, e, 1), terminal, history, o, e));
            assertEquals(0, code);
        }
        String results = out.toString(StandardCharsets.UTF_8);
        assertTrue(results.endsWith("=> 1\n=> 3\np\n=> :ok\n"), results + "\nscreen:\n" + screen);
        assertTrue(screen.toString(StandardCharsets.UTF_8).contains(ReplCommand.PROMPT), screen.toString());
        String saved = Files.readString(history, StandardCharsets.UTF_8);
        assertTrue(saved.contains("add (x,\\n  2)"), "a multi-line entry is one history item: " + saved);
        assertTrue(saved.contains("print! (\"p\")"), "no !-history expansion: " + saved);
    }

    @Test
    void completionOffersSessionNamesPreludeNamesReservedWordsAndCommands() {
        Repl repl = new Repl(new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()), 1);
        repl.eval("let printer = 1");
        assertEquals(List.of("printer", "print!"), TerminalRepl.completions(repl, "print"));
        assertEquals(List.of("loop"), TerminalRepl.completions(repl, "loo"));
        assertEquals(List.of(":bindings"), TerminalRepl.completions(repl, ":b"));
        var parsed = new TerminalRepl.EntryParser().parse("add (x, fir", 11, org.jline.reader.Parser.ParseContext.COMPLETE);
        assertEquals("fir", parsed.word());
        assertThrows(org.jline.reader.EOFError.class, () -> new TerminalRepl.EntryParser()
                .parse("add (1,", 7, org.jline.reader.Parser.ParseContext.ACCEPT_LINE));
    }

    /** Keyboard input: the given bytes, then nothing more (blocks, as a terminal without input does). */
    static final class TypedThenIdle extends java.io.InputStream {
        private final byte[] bytes;
        private int next;

        TypedThenIdle(byte[] bytes) { this.bytes = bytes; }

        @Override
        public synchronized int read() throws IOException {
            while (next >= bytes.length) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    throw new java.io.InterruptedIOException();
                }
            }
            return bytes[next++] & 0xff;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) return 0;
            b[off] = (byte) read();
            int n = 1;
            while (n < len && next < bytes.length) b[off + n++] = bytes[next++];
            return n;
        }

        @Override
        public synchronized int available() { return bytes.length - next; }
    }
}
