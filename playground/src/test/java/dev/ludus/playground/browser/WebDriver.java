package dev.ludus.playground.browser;

import dev.ludus.playground.Json;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Just enough of the W3C WebDriver protocol to drive Debian's chromium through the system
 * chromedriver (no Selenium, no downloaded browser or driver): open a page, run a script, find,
 * click and type into elements, take a screenshot.
 */
final class WebDriver implements AutoCloseable {
    static final Path CHROMIUM = Path.of(System.getProperty("ludus.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("ludus.chromedriver", "/usr/bin/chromedriver"));
    private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

    private final Process driver;
    private final Path profile;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String session;

    /** Null if chromium or chromedriver is not installed, else what is missing. */
    static String missing() {
        if (!Files.isExecutable(CHROMIUM)) return CHROMIUM + " (apt install chromium)";
        if (!Files.isExecutable(CHROMEDRIVER)) return CHROMEDRIVER + " (apt install chromium-driver)";
        return null;
    }

    WebDriver() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        profile = Files.createTempDirectory("ludus-chromium");
        driver = new ProcessBuilder(CHROMEDRIVER.toString(), "--port=" + port)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        base = "http://127.0.0.1:" + port;
        long until = System.nanoTime() + 20_000_000_000L;
        while (true) {
            try {
                if (send("GET", "/status", null).contains("\"ready\"")) break;
            } catch (IOException e) {
                if (System.nanoTime() > until) throw new IOException("chromedriver did not start", e);
                Thread.sleep(100);
            }
        }
        StringBuilder args = new StringBuilder();
        for (String a : List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,800", "--user-data-dir=" + profile)) {
            if (args.length() > 0) args.append(',');
            args.append(Json.quote(a));
        }
        String caps = "{\"capabilities\":{\"alwaysMatch\":{\"browserName\":\"chrome\",\"goog:chromeOptions\":{\"binary\":"
                + Json.quote(CHROMIUM.toString()) + ",\"args\":[" + args + "]}}}}";
        Map<?, ?> value = (Map<?, ?>) value(send("POST", "/session", caps));
        session = "/session/" + value.get("sessionId");
    }

    private final String base;

    void open(String url) throws Exception {
        call("POST", "/url", "{\"url\":" + Json.quote(url) + "}");
    }

    /** Runs {@code script} (a function body: use {@code return}) with string arguments. */
    Object script(String script, String... args) throws Exception {
        StringBuilder a = new StringBuilder();
        for (String s : args) {
            if (a.length() > 0) a.append(',');
            a.append(Json.quote(s));
        }
        return call("POST", "/execute/sync", "{\"script\":" + Json.quote(script) + ",\"args\":[" + a + "]}");
    }

    String find(String css) throws Exception {
        Map<?, ?> v = (Map<?, ?>) call("POST", "/element", "{\"using\":\"css selector\",\"value\":" + Json.quote(css) + "}");
        return (String) v.get(ELEMENT);
    }

    void click(String css) throws Exception {
        call("POST", "/element/" + find(css) + "/click", "{}");
    }

    /** Types {@code text} into the element (WebDriver key codes such as {@code \uE009} for Control allowed). */
    void type(String css, String text) throws Exception {
        call("POST", "/element/" + find(css) + "/value", "{\"text\":" + Json.quote(text) + "}");
    }

    /**
     * Types {@code text} on the keyboard into whatever has the focus (WebDriver actions: works
     * for editors whose input element is hidden). {@code \n} presses Enter; the modifier codes
     * {@code \uE008} (Shift), {@code \uE009} (Control) and {@code \uE03D} (Meta) stay pressed
     * until the end of {@code text}.
     */
    void keys(String text) throws Exception {
        StringBuilder acts = new StringBuilder();
        StringBuilder release = new StringBuilder();
        text.codePoints().forEach(cp -> {
            String key = cp == '\n' ? "\uE007" : new String(Character.toChars(cp));
            String q = Json.quote(key);
            if (acts.length() > 0) acts.append(',');
            acts.append("{\"type\":\"keyDown\",\"value\":").append(q).append('}');
            if (cp == 0xE008 || cp == 0xE009 || cp == 0xE03D) {
                release.append(",{\"type\":\"keyUp\",\"value\":").append(q).append('}');
            } else {
                acts.append(",{\"type\":\"keyUp\",\"value\":").append(q).append('}');
            }
        });
        call("POST", "/actions", "{\"actions\":[{\"type\":\"key\",\"id\":\"keyboard\",\"actions\":["
                + acts + release + "]}]}");
    }

    void screenshot(Path file) throws Exception {
        String png = (String) call("GET", "/screenshot", null);
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode(png));
    }

    /** Polls {@code condition} (a script returning true/false) until true or {@code ms} pass. */
    boolean waitFor(String condition, long ms) throws Exception {
        long until = System.nanoTime() + ms * 1_000_000;
        while (System.nanoTime() < until) {
            if (Boolean.TRUE.equals(script(condition))) return true;
            Thread.sleep(50);
        }
        return false;
    }

    private Object call(String method, String path, String body) throws Exception {
        return value(send(method, session + path, body));
    }

    private static Object value(String response) throws Exception {
        Map<String, Object> m = Json.object(response);
        Object v = m.get("value");
        if (v instanceof Map<?, ?> err && err.get("error") instanceof String e) {
            throw new IOException("WebDriver: " + e + ": " + err.get("message"));
        }
        return v;
    }

    private String send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        b = switch (method) {
            case "GET" -> b.GET();
            case "DELETE" -> b.DELETE();
            default -> b.POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        };
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    @Override
    public void close() {
        try {
            if (session != null) send("DELETE", session, null);
        } catch (IOException | InterruptedException ignored) {
            // the driver is killed below anyway
        }
        driver.destroy();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind
        }
    }
}
