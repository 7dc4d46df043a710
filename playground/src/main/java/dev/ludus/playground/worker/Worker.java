package dev.ludus.playground.worker;

import dev.ludus.playground.Json;
import dev.ludus.playground.RunResult;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * A worker JVM of the playground's pool: reads run requests, one JSON object a line, from stdin
 * ({@code {"source": "...", "seed": N or null}}) and answers each with one line of
 * {@link RunResult} JSON on stdout, after a first {@code {"ready":true}} line. The server starts it
 * with its own heap limit and {@code -XX:+ExitOnOutOfMemoryError}, and kills it when a run
 * exceeds its time, so nothing here needs to be interruptible.
 *
 * <p>Settings (system properties): {@code ludus.play.dir} (the directory imports may read; unset:
 * none), {@code ludus.play.outputBytes}, {@code ludus.play.drawingSegments}.
 */
public final class Worker {
    private Worker() {}

    /** The warm-up program: compiles and runs the common paths once before the first request. */
    private static final String WARM_UP = """
            let xs = map (fn (x) -> inc (x), [1, 2, 3])
            repeat 4 { forward! (10); right! (0.25) }
            print! ("warm {xs}")
            """;

    public static void main(String[] args) throws IOException {
        // A worker never outlives its server, even in the middle of a runaway program.
        ProcessHandle.current().parent().ifPresent(p -> p.onExit().thenRun(() -> Runtime.getRuntime().halt(0)));
        PrintStream protocol = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        System.setOut(nowhere); // a run's output is captured; nothing else may reach the protocol
        System.setErr(nowhere);
        dev.ludus.runtime.diag.Ansi.setEnabled(false);
        String dir = System.getProperty("ludus.play.dir");
        Execution execution = new Execution(dir == null || dir.isEmpty() ? null : Path.of(dir),
                Integer.getInteger("ludus.play.outputBytes", 100_000),
                Integer.getInteger("ludus.play.drawingSegments", 20_000));
        execution.run(WARM_UP, 1L); // once: a replacement worker must not cost much CPU
        protocol.println("{\"ready\":true}");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            RunResult result;
            try {
                Map<String, Object> request = Json.object(line);
                Object source = request.get("source"), seed = request.get("seed");
                result = execution.run(source instanceof String s ? s : "",
                        seed instanceof Double d ? Long.valueOf(d.longValue()) : null);
            } catch (Json.Malformed e) {
                result = RunResult.limited(null, "ludus: bad request to the worker: " + e.getMessage(), 0);
            }
            protocol.println(result.toJson());
        }
    }
}
