package dev.ludus.playground;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer to {@code POST /api/run}: {@code stdout} exactly as {@code ludus run} prints it,
 * {@code stderr} the human diagnostic, the exit status, the drawing as {@code --svg} writes it (null
 * if the program drew nothing), which limit ended the run (null, "time", "memory", "output",
 * "drawing", "source", "stopped" or "busy"), the line and column to mark in the editor (0 if
 * none), the run's wall-clock milliseconds in the server and how many of them it waited for a free
 * worker ({@code queued}).
 */
public record RunResult(String stdout, String stderr, int exit, String svg, String limit, int line, int column,
                        long millis, long queued) {
    public static final String TIME = "time", MEMORY = "memory", OUTPUT = "output", DRAWING = "drawing",
            SOURCE = "source", STOPPED = "stopped", BUSY = "busy";

    /** A run ended by a limit before it could answer: no output, the message on stderr, exit 1. */
    public static RunResult limited(String limit, String message, long millis) {
        return new RunResult("", message + "\n", 1, null, limit, 0, 0, millis, 0);
    }

    public RunResult withMillis(long ms, long queuedMs) {
        return new RunResult(stdout, stderr, exit, svg, limit, line, column, ms, queuedMs);
    }

    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("stdout", stdout);
        m.put("stderr", stderr);
        m.put("exit", exit);
        m.put("svg", svg);
        m.put("limit", limit);
        m.put("line", line);
        m.put("column", column);
        m.put("millis", millis);
        m.put("queued", queued);
        return Json.write(m);
    }

    public static RunResult fromJson(String json) throws Json.Malformed {
        Map<String, Object> m = Json.object(json);
        return new RunResult(str(m.get("stdout")), str(m.get("stderr")), num(m.get("exit")),
                (String) m.get("svg"), (String) m.get("limit"), num(m.get("line")), num(m.get("column")),
                (long) num(m.get("millis")), (long) num(m.get("queued")));
    }

    private static String str(Object o) { return o instanceof String s ? s : ""; }

    private static int num(Object o) { return o instanceof Double d ? d.intValue() : 0; }
}
