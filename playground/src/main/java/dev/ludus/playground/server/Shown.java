package dev.ludus.playground.server;

import com.sun.net.httpserver.HttpExchange;
import dev.ludus.playground.Json;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The drawing shown from elsewhere: the REPL's {@code :show} (or any local client) posts a session's
 * SVG to {@code POST /api/show} and every open page of this playground polls
 * {@code GET /api/show?after=N} and shows a newer one on its canvas. Only clients on this machine
 * (loopback) may post, so a student cannot put a drawing on everybody's page.
 */
final class Shown {
    /** The largest drawing accepted (an SVG of the playground's drawing limit is far smaller). */
    static final int MAX_BYTES = 4 << 20;

    private long version;
    private String svg;

    synchronized long version() { return version; }

    /** {@code POST /api/show} with the SVG as the body: answers {@code {"version": N}}. */
    void post(HttpExchange ex) throws IOException {
        if (!ex.getRemoteAddress().getAddress().isLoopbackAddress()) {
            PlayServer.send(ex, 403, "application/json",
                    "{\"error\":\"only a client on the playground's own machine may show a drawing\"}");
            return;
        }
        byte[] body = PlayServer.readAtMost(ex.getRequestBody(), MAX_BYTES);
        String text = body == null ? null : new String(body, StandardCharsets.UTF_8).strip();
        if (text == null || !(text.startsWith("<svg") || text.startsWith("<?xml")) || !text.endsWith("</svg>")) {
            PlayServer.send(ex, 400, "application/json", "{\"error\":\"the body must be an SVG document of at most "
                    + (MAX_BYTES >> 20) + " MiB\"}");
            return;
        }
        long v;
        synchronized (this) {
            svg = text;
            v = ++version;
        }
        PlayServer.send(ex, 200, "application/json", "{\"version\":" + v + "}");
    }

    /** {@code GET /api/show?after=N}: the drawing if newer than N, else only the version. */
    void get(HttpExchange ex) throws IOException {
        long after = after(ex.getRequestURI());
        Map<String, Object> m = new LinkedHashMap<>();
        synchronized (this) {
            m.put("version", version);
            m.put("svg", version > after ? svg : null);
        }
        PlayServer.send(ex, 200, "application/json", Json.write(m));
    }

    private static long after(URI uri) {
        String q = uri.getRawQuery();
        if (q != null) {
            for (String part : q.split("&")) {
                if (part.startsWith("after=")) {
                    try {
                        return Long.parseLong(part.substring(6));
                    } catch (NumberFormatException e) {
                        return -1;
                    }
                }
            }
        }
        return -1;
    }
}
