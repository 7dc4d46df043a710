package dev.ludus.cli;

import dev.ludus.runtime.RunOptions;
import dev.ludus.runtime.prelude.Turtle;
import dev.ludus.runtime.turtle.Scene;
import dev.ludus.runtime.turtle.SvgRenderer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The REPL's {@code :show [URL]}: sends the session's drawing (as {@code :svg} writes it) to a
 * running playground ({@code ludus play}, by default {@code http://127.0.0.1:5050/}, or
 * {@code $LUDUS_PLAY_URL}), whose open pages show it on their canvas ({@code POST /api/show}).
 */
final class ShowInPlayground {
    private ShowInPlayground() {}

    static final String DEFAULT_URL = "http://127.0.0.1:5050/";

    /** The playground's address: the argument, else $LUDUS_PLAY_URL, else the default. */
    static URI target(String argument) {
        String u = argument != null ? argument : System.getenv("LUDUS_PLAY_URL");
        if (u == null || u.isBlank()) u = DEFAULT_URL;
        if (!u.contains("://")) u = "http://" + u;
        if (!u.endsWith("/")) u += "/";
        return URI.create(u);
    }

    /** Sends the drawing; null if the playground took it, else the reason it could not be shown. */
    static String send(URI playground) {
        String svg = SvgRenderer.render(Scene.of(Turtle.drawing(), RunOptions.DEFAULT_SIZE, RunOptions.DEFAULT_SIZE));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(playground.resolve("api/show"))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "image/svg+xml")
                    .POST(HttpRequest.BodyPublishers.ofString(svg, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) return null;
            return "the playground at " + playground + " refused it (HTTP " + r.statusCode() + ")";
        } catch (IOException | IllegalArgumentException e) {
            return "no playground answers at " + playground + " (start one with `ludus play`, or give its address: :show URL)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
