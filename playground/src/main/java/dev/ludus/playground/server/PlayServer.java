package dev.ludus.playground.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ludus.playground.Json;
import dev.ludus.playground.Limits;
import dev.ludus.playground.RunResult;
import dev.ludus.playground.pool.WorkerPool;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The playground's HTTP side (the JDK's com.sun.net.httpserver): the page and its assets from the
 * jar, and the JSON API.
 * <ul>
 * <li>{@code POST /api/run} {@code {"source": "...", "seed": N?, "id": "..."?}} → {@link RunResult} JSON
 * (always 200 when the request was well-formed; 400 otherwise);</li>
 * <li>{@code POST /api/stop} {@code {"id": "..."}} stops that run;</li>
 * <li>{@code GET /api/health} → 200 {@code {"ok": true, "workers": N, "idle": M}};</li>
 * <li>{@code GET /api/examples} → the examples menu;</li>
 * <li>{@code POST /api/show} (an SVG document; loopback clients only, e.g. the REPL's {@code :show})
 * shows that drawing on every open page, which polls {@code GET /api/show?after=N}
 * → {@code {"version": N, "svg": "..." or null}}.</li>
 * </ul>
 * Slow clients: a request must arrive whole (headers and body) within {@link #READ_TIMEOUT_S}
 * seconds or its connection is closed, bodies are bounded, and one address has at most
 * {@link ConnectionGuard#PER_ADDRESS} requests handled at once.
 */
public final class PlayServer implements AutoCloseable {
    /**
     * Seconds a request may take to arrive. The JDK's server reads this setting once, when its
     * first server starts; set here unless given on the command line
     * ({@code -Dsun.net.httpserver.maxReqTime=S}). A run's own time starts after its request arrived.
     */
    public static final long READ_TIMEOUT_S = 10;

    static {
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime", Long.toString(READ_TIMEOUT_S));
        }
    }

    private final HttpServer http;
    private final ExecutorService threads;
    private final WorkerPool pool;
    private final Limits limits;
    private final Shown shown = new Shown();

    public PlayServer(String host, int port, WorkerPool pool, Limits limits) throws IOException {
        this.pool = pool;
        this.limits = limits;
        this.http = HttpServer.create(new InetSocketAddress(host, port), 128);
        // Each run holds a thread while its worker runs: enough for a class, bounded for a flood.
        this.threads = Executors.newFixedThreadPool(64, task -> {
            Thread t = new Thread(task, "ludus-play-http");
            t.setDaemon(true);
            return t;
        });
        http.setExecutor(threads);
        ConnectionGuard guard = new ConnectionGuard(ConnectionGuard.PER_ADDRESS);
        http.createContext("/api/run", this::run).getFilters().add(guard);
        http.createContext("/api/stop", this::stop).getFilters().add(guard);
        http.createContext("/api/health", this::health).getFilters().add(guard);
        http.createContext("/api/examples", ex -> send(ex, 200, "application/json", Examples.json())).getFilters().add(guard);
        http.createContext("/api/show", ex -> {
            if ("POST".equals(ex.getRequestMethod())) shown.post(ex);
            else shown.get(ex);
        }).getFilters().add(guard);
        http.createContext("/", Assets::serve).getFilters().add(guard);
        http.start();
    }

    public int port() { return http.getAddress().getPort(); }

    private void run(HttpExchange ex) throws IOException {
        if (!post(ex)) return;
        // JSON escapes can make the body a few times the source; anything beyond is refused unread.
        byte[] body = readAtMost(ex.getRequestBody(), limits.sourceBytes() * 6L + 4096);
        if (body == null) {
            sendResult(ex, tooBig());
            return;
        }
        Map<String, Object> req;
        try {
            req = Json.object(new String(body, StandardCharsets.UTF_8));
        } catch (Json.Malformed e) {
            send(ex, 400, "application/json", Json.write(Map.of("error", "bad request: " + e.getMessage())));
            return;
        }
        if (!(req.get("source") instanceof String source)) {
            send(ex, 400, "application/json", Json.write(Map.of("error", "bad request: \"source\" must be a string")));
            return;
        }
        if (source.getBytes(StandardCharsets.UTF_8).length > limits.sourceBytes()) {
            sendResult(ex, tooBig());
            return;
        }
        Long seed = req.get("seed") instanceof Double d ? Long.valueOf(d.longValue()) : null;
        String id = req.get("id") instanceof String s && !s.isBlank() ? s : UUID.randomUUID().toString();
        // one run at a time per client (the page's id); API calls without one are each their own client
        String client = req.get("client") instanceof String c && !c.isBlank() ? c : null;
        RunResult result;
        try {
            result = pool.run(source, seed, id, client);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result = RunResult.limited(RunResult.STOPPED, "The server is shutting down.", 0);
        }
        sendResult(ex, result);
    }

    private RunResult tooBig() {
        return RunResult.limited(RunResult.SOURCE, "The program is longer than " + limits.sourceBytes() / 1024
                + " KiB (source limit).", 0);
    }

    private void stop(HttpExchange ex) throws IOException {
        if (!post(ex)) return;
        byte[] body = readAtMost(ex.getRequestBody(), 4096);
        boolean stopped = false;
        try {
            if (body != null && Json.object(new String(body, StandardCharsets.UTF_8)).get("id") instanceof String id) {
                stopped = pool.stop(id);
            }
        } catch (Json.Malformed ignored) {
            // nothing to stop
        }
        send(ex, 200, "application/json", Json.write(Map.of("stopped", stopped)));
    }

    private void health(HttpExchange ex) throws IOException {
        send(ex, 200, "application/json", "{\"ok\":true,\"workers\":" + pool.size() + ",\"idle\":" + pool.idleCount()
                + ",\"processes\":" + pool.processes() + "}");
    }

    private static boolean post(HttpExchange ex) throws IOException {
        if ("POST".equals(ex.getRequestMethod())) return true;
        ex.getResponseHeaders().add("Allow", "POST");
        send(ex, 405, "application/json", "{\"error\":\"use POST\"}");
        return false;
    }

    /** Bytes of an oversized body read and dropped, so that the client gets the answer, not a reset. */
    private static final long DRAIN = 16L << 20;

    /** The body, or null if it is longer than {@code max} bytes (then up to {@link #DRAIN} more are skipped). */
    static byte[] readAtMost(InputStream in, long max) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        if (bytes.length <= max) return bytes;
        byte[] sink = new byte[1 << 16];
        for (long dropped = 0; dropped < DRAIN; ) {
            int n = in.read(sink);
            if (n < 0) break;
            dropped += n;
        }
        return null;
    }

    private static void sendResult(HttpExchange ex, RunResult r) throws IOException {
        send(ex, 200, "application/json", r.toJson());
    }

    static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        send(ex, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        var h = ex.getResponseHeaders();
        h.set("Content-Type", type.startsWith("text/") || type.endsWith("json") || type.endsWith("javascript")
                ? type + "; charset=utf-8" : type);
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Cache-Control", "no-store");
        h.set("Content-Security-Policy", "default-src 'self'; img-src 'self' data: blob:; style-src 'self'");
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        } finally {
            ex.close();
        }
    }

    @Override
    public void close() {
        http.stop(0);
        threads.shutdownNow();
    }
}
