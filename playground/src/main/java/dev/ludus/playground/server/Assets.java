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
    /** The editor, CodeMirror 5, from the org.webjars.npm:codemirror WebJar on the class path. */
    static final String CODEMIRROR_VERSION = "5.65.20";
    static final String VENDOR = "/vendor/codemirror/";
    /** The WebJar's files the page uses, and only those, are served under {@link #VENDOR}. */
    static final java.util.Set<String> CODEMIRROR_FILES = java.util.Set.of("lib/codemirror.js", "lib/codemirror.css",
            "addon/mode/simple.js", "addon/edit/matchbrackets.js", "addon/comment/comment.js",
            "addon/selection/active-line.js");
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
        if (path.startsWith(VENDOR)) {
            String file = path.substring(VENDOR.length());
            byte[] body = CODEMIRROR_FILES.contains(file) ? resource("/META-INF/resources/webjars/codemirror/"
                    + CODEMIRROR_VERSION + "/" + file) : null;
            if (body == null) PlayServer.send(ex, 404, "text/plain", "not found");
            else PlayServer.send(ex, 200, TYPES.get(file.substring(file.lastIndexOf('.') + 1)), body);
            return;
        }
        String name = path.equals("/") ? "index.html" : path.substring(1);
        byte[] body = NAME.matcher(name).matches() ? read(name) : null;
        if (body == null) {
            PlayServer.send(ex, 404, "text/plain", "not found");
            return;
        }
        PlayServer.send(ex, 200, TYPES.get(name.substring(name.lastIndexOf('.') + 1)), body);
    }

    static byte[] read(String name) throws IOException {
        return resource(ROOT + name);
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = Assets.class.getResourceAsStream(path)) {
            return in == null ? null : in.readAllBytes();
        }
    }
}
