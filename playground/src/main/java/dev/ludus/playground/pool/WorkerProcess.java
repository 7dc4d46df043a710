package dev.ludus.playground.pool;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** One worker JVM: its process, and the lines it answers (read by a thread of its own). */
final class WorkerProcess {
    /** Put in the queue when the worker's stdout ends (the process died or was killed). */
    private static final String EOF = new String("<eof>");

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final OutputStream stdin;
    int runs;

    private WorkerProcess(Process process) {
        this.process = process;
        this.stdin = process.getOutputStream();
        Thread reader = new Thread(this::readLines, "ludus-play-worker-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts a worker and waits for its ready line. */
    static WorkerProcess start(List<String> command, long readyTimeoutMs) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        WorkerProcess w = new WorkerProcess(pb.start());
        String first;
        try {
            first = w.lines.poll(readyTimeoutMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            w.kill();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while a worker started");
        }
        if (first == null || first == EOF || !first.contains("\"ready\"")) {
            w.kill();
            throw new IOException("a playground worker did not start (" + (first == null ? "no answer" : "exited") + ")");
        }
        return w;
    }

    private void readLines() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) lines.add(line);
        } catch (IOException ignored) {
            // the process ended
        }
        lines.add(EOF);
    }

    /** What came back from one request. */
    sealed interface Answer {}
    record Line(String json) implements Answer {}
    record TimedOut() implements Answer {}
    record Died(int exitCode) implements Answer {}

    /** Sends one request line and waits at most {@code timeoutMs} for the answer line. */
    Answer exchange(String request, long timeoutMs) throws InterruptedException {
        runs++;
        try {
            stdin.write((request + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
        } catch (IOException e) {
            return died();
        }
        long deadline = System.nanoTime() + timeoutMs * 1_000_000;
        String line;
        do { // skipping the JVM's own lines (e.g. "Terminating due to java.lang.OutOfMemoryError")
            line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } while (line != null && line != EOF && !line.startsWith("{"));
        if (line == null) return new TimedOut();
        if (line == EOF) return died();
        return new Line(line);
    }

    private Answer died() throws InterruptedException {
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            kill();
            return new Died(-1);
        }
        return new Died(process.exitValue());
    }

    long pid() { return process.pid(); }

    boolean alive() { return process.isAlive(); }

    /** Kills the process at once (no clean-up is needed: it holds nothing but its run). */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
