package dev.ludus.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JSON API over HTTP against real worker JVMs: results as {@code ludus run} gives them, and
 * every limit (time, memory, deep recursion, output, drawing, source, stop), each followed by a
 * normal run to show the server and its pool came through.
 */
class PlayServerTest {
    static final Duration TIME = Duration.ofSeconds(4);
    static Playground play;
    static HttpClient http = HttpClient.newHttpClient();

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        Files.writeString(dir.resolve("shapes.ld"), "ns shapes { :side 42 }\n");
        Limits limits = Limits.defaults().withTime(TIME).withMemoryMb(128).withOutputBytes(10_000)
                .withDrawingSegments(500).withSourceBytes(4096);
        play = Playground.start(new Playground.Config("127.0.0.1", 0, dir.resolve("lib"), limits, 3));
        Files.createDirectories(dir.resolve("lib"));
        Files.writeString(dir.resolve("lib/shapes.ld"), "ns shapes { :side 42 }\n");
    }

    @AfterAll
    static void stop() {
        if (play != null) play.close();
    }

    static RunResult run(String source) throws Exception {
        return run(source, null);
    }

    static RunResult run(String source, String id) throws Exception {
        Map<String, Object> req = new LinkedHashMap<>();
        req.put("source", source);
        req.put("seed", 7);
        if (id != null) req.put("id", id);
        HttpResponse<String> r = post("/api/run", Json.write(req));
        assertEquals(200, r.statusCode(), r.body());
        return RunResult.fromJson(r.body());
    }

    static HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(play.uri().resolve(path)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(play.uri().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** After a limit: the pool still answers a normal run, promptly. */
    static void stillServes() throws Exception {
        RunResult r = run("print! (\"still here\")\n:ok");
        assertEquals("still here\n=> :ok\n", r.stdout());
        assertEquals(0, r.exit());
    }

    @Test
    void healthAndPage() throws Exception {
        HttpResponse<String> h = get("/api/health");
        assertEquals(200, h.statusCode());
        assertTrue(h.body().contains("\"ok\":true"), h.body());
        HttpResponse<String> page = get("/");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<title>Ludus playground</title>"), page.body());
        assertEquals(404, get("/../pom.xml").statusCode());
        assertEquals(404, get("/examples/hello.ld").statusCode());
        assertTrue(get("/api/examples").body().contains("\"name\":\"spiral\""));
    }

    @Test
    void outputAsLudusRunPrintsIt() throws Exception {
        RunResult r = run("let who = :world\nprint! (\"hello, {who}\")\nadd (1, 2)");
        assertEquals("hello, :world\n=> 3\n", r.stdout());
        assertEquals("", r.stderr());
        assertEquals(0, r.exit());
        assertNull(r.svg(), "nothing drawn, no svg");
        assertNull(r.limit());
    }

    @Test
    void drawingAsSvg() throws Exception {
        RunResult r = run("repeat 4 { forward! (100); right! (0.25) }");
        assertNotNull(r.svg());
        assertEquals(4, r.svg().split("<line ").length - 2, r.svg()); // four segments and the turtle's nose
        assertTrue(r.svg().contains("x1=\"320\" y1=\"320\" x2=\"320\" y2=\"220\""), r.svg());
    }

    @Test
    void compileErrorAndPanicMarkTheirLine() throws Exception {
        RunResult c = run("let x = 1\n\nfoo (x)");
        assertEquals(1, c.exit());
        assertEquals(3, c.line());
        assertTrue(c.stderr().contains("unbound name: foo"), c.stderr());
        assertNull(c.svg(), "a program that did not run drew nothing");
        RunResult p = run("forward! (10)\nlet x = 1\ndiv (x, :a)");
        assertEquals(1, p.exit());
        assertEquals(3, p.line());
        assertTrue(p.stdout().startsWith("Ludus panicked!"), p.stdout());
        assertNotNull(p.svg(), "the drawing up to the panic is shown");
    }

    @Test
    void infiniteLoopHitsTheTimeLimit() throws Exception {
        long start = System.nanoTime();
        RunResult r = run("loop (0) with (n) -> recur (inc (n))");
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(RunResult.TIME, r.limit());
        assertEquals(1, r.exit());
        assertTrue(r.stderr().contains("time limit"), r.stderr());
        assertTrue(ms >= TIME.toMillis() && ms < TIME.toMillis() + 3000, "ended after " + ms + " ms");
        stillServes();
    }

    @Test
    void allocationBombHitsTheMemoryLimit() throws Exception {
        long start = System.nanoTime();
        RunResult r = run("loop (\"ludus\") with (s) -> recur (concat (s, s))");
        long ms = (System.nanoTime() - start) / 1_000_000;
        // A run past 150 ms is demoted to the lowest CPU priority: on a machine busy with other
        // work the bomb may then not fill its heap before the time limit, which ends it instead.
        if (RunResult.TIME.equals(r.limit())) {
            assertTrue(r.stderr().contains("time limit"), r.stderr());
        } else {
            assertEquals(RunResult.MEMORY, r.limit(), r.toJson());
            assertTrue(r.stderr().contains("memory limit"), r.stderr());
        }
        assertTrue(ms < TIME.toMillis() + 3000, "ended after " + ms + " ms");
        stillServes();
    }

    @Test
    void deepRecursionIsAPanic() throws Exception {
        RunResult r = run("fn down (n) -> inc (down (n))\ndown (0)");
        assertEquals(1, r.exit(), r.toJson());
        assertTrue(r.stdout().contains("Maximum call stack size exceeded") || RunResult.TIME.equals(r.limit()), r.toJson());
        stillServes();
    }

    @Test
    void outputFloodHitsTheOutputLimit() throws Exception {
        RunResult r = run("loop (0) with (n) -> { print! (\"spam {n}\"); recur (inc (n)) }");
        assertEquals(RunResult.OUTPUT, r.limit(), r.toJson());
        assertTrue(r.stdout().length() <= 10_000 && r.stdout().startsWith("spam 0\nspam 1\n"), r.stdout());
        assertTrue(r.stderr().contains("output limit"), r.stderr());
        stillServes();
    }

    @Test
    void hugeDrawingHitsTheDrawingLimit() throws Exception {
        RunResult r = run("repeat 600 { forward! (1); right! (0.01) }");
        assertEquals(RunResult.DRAWING, r.limit(), r.toJson());
        assertNull(r.svg());
        stillServes();
    }

    @Test
    void sourceTooBigIsRefusedUnrun() throws Exception {
        RunResult r = run("print! (\"x\")\n".repeat(400));
        assertEquals(RunResult.SOURCE, r.limit());
        assertEquals("", r.stdout());
        HttpResponse<String> huge = post("/api/run", "{\"source\":\"" + "x".repeat(1 << 20) + "\"}");
        assertEquals(200, huge.statusCode());
        assertEquals(RunResult.SOURCE, RunResult.fromJson(huge.body()).limit());
        assertEquals(400, post("/api/run", "{\"source\": 12").statusCode());
        assertEquals(405, get("/api/run").statusCode());
        stillServes();
    }

    @Test
    void stopEndsARunAtOnce() throws Exception {
        CompletableFuture<RunResult> running = CompletableFuture.supplyAsync(() -> {
            try {
                return run("loop (0) with (n) -> recur (inc (n))", "run-to-stop");
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        long start = System.nanoTime();
        boolean stopped = false;
        while (!stopped && System.nanoTime() - start < 3_000_000_000L) {
            Thread.sleep(100);
            stopped = post("/api/stop", "{\"id\":\"run-to-stop\"}").body().contains("true");
        }
        assertTrue(stopped);
        RunResult r = running.get();
        assertEquals(RunResult.STOPPED, r.limit());
        assertTrue(r.millis() < TIME.toMillis(), "stopped after " + r.millis() + " ms");
        stillServes();
    }

    @Test
    void hostileRunDoesNotBlockAnother() throws Exception {
        CompletableFuture<RunResult> hostile = CompletableFuture.supplyAsync(() -> {
            try {
                return run("loop (0) with (n) -> recur (inc (n))");
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        Thread.sleep(300);
        long start = System.nanoTime();
        stillServes();
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms < 2000, "a normal run beside a hostile one took " + ms + " ms");
        assertEquals(RunResult.TIME, hostile.get().limit());
    }

    @Test
    void importsOnlyFromTheDirectory() throws Exception {
        RunResult ok = run("import \"shapes\" as shapes\nshapes :side");
        assertEquals("=> 42\n", ok.stdout(), ok.toJson());
        RunResult out = run("import \"../shapes\" as shapes\nshapes :side");
        assertEquals(1, out.exit());
        assertTrue(out.stderr().contains("only files inside its directory"), out.stderr());
        RunResult abs = run("import \"/etc/passwd\" as p\np");
        assertEquals(1, abs.exit());
        assertTrue(abs.stderr().contains("only files inside its directory"), abs.stderr());
        assertTrue(!abs.stdout().contains("root:"), abs.stdout());
    }
}
