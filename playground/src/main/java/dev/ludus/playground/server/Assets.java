package dev.ludus.playground.server;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.regex.Pattern;

/** The page's files, served from the jar (no CDN: the playground works offline). */
final class Assets {
    private Assets() {}

    static final String ROOT = "/dev/ludus/playground/web/";
    /** Only plain file names: no directories, so nothing but these files is reachable. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*\\.(html|js|css|svg|png|ico)");
    private static final Map<String, String> TYPES = Map.of("html", "text/html", "js", "text/javascript",
            "css", "text/css", "svg", "image/svg+xml", "png", "image/png", "ico", "image/x-icon");

    static void serve(HttpExchange ex) throws IOException {
        if (!"GET".equals(ex.getRequestMethod()) && !"HEAD".equals(ex.getRequestMethod())) {
            PlayServer.send(ex, 405, "text/plain", "method not allowed");
            return;
        }
        String path = ex.getRequestURI().getPath();
        String name = path.equals("/") ? "index.html" : path.substring(1);
        byte[] body = NAME.matcher(name).matches() ? read(name) : null;
        if (body == null) {
            PlayServer.send(ex, 404, "text/plain", "not found");
            return;
        }
        PlayServer.send(ex, 200, TYPES.get(name.substring(name.lastIndexOf('.') + 1)), body);
    }

    static byte[] read(String name) throws IOException {
        try (InputStream in = Assets.class.getResourceAsStream(ROOT + name)) {
            return in == null ? null : in.readAllBytes();
        }
    }
}
