package dev.ludus.playground.pool;

import dev.ludus.playground.Json;
import dev.ludus.playground.Limits;
import dev.ludus.playground.RunResult;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A pool of pre-started worker JVMs that run programs one at a time each. Isolation is the
 * process: each worker has its own heap ({@code -Xmx}, exit on OutOfMemoryError) and its own
 * program-thread stack, and a worker whose run exceeds the wall-clock limit, or that is stopped,
 * is killed and replaced. A run that has taken more than {@link #DEMOTE_AFTER_MS} is given a lower
 * CPU priority (renice) so that short runs of other users keep their speed; after its run the
 * worker gets its priority back, or is replaced where that is not allowed. One client has at most one run in flight: a new one stops the old one.
 */
public final class WorkerPool implements AutoCloseable {
    static final long DEMOTE_AFTER_MS = 1000;
    /** Runs after which a worker is replaced anyway (classes and caches of old runs add up). */
    static final int RECYCLE_AFTER_RUNS = 500;
    static final int EXIT_OUT_OF_MEMORY = 3; // -XX:+ExitOnOutOfMemoryError
    /**
     * The program thread's stack in a worker: 64 MiB holds about 190,000 nested calls (the spec
     * asks for 100,000), and a runaway recursion overflows it in well under a second instead of the
     * several seconds (and CPU) a 512 MiB stack takes, time the worker cannot serve anyone else.
     */
    static final String STACK = "64m";

    private final List<String> command;
    /** Replacements start at a lower CPU priority (see {@link #niced}). */
    private final List<String> replacementCommand;
    private final Limits limits;
    private final int size;
    private final BlockingQueue<WorkerProcess> idle = new LinkedBlockingQueue<>();
    private final Map<String, Running> running = new ConcurrentHashMap<>();
    private final Map<String, String> runOfClient = new ConcurrentHashMap<>();
    private final ExecutorService starter = Executors.newCachedThreadPool(daemon("ludus-play-starter"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("ludus-play-timer"));
    private final AtomicInteger live = new AtomicInteger();
    private volatile boolean closed;

    private static final class Running {
        final WorkerProcess worker;
        volatile boolean stopped;
        Running(WorkerProcess worker) { this.worker = worker; }
    }

    /** Starts {@code size} workers (waiting for the first to be ready; the others start in the background). */
    public WorkerPool(int size, Limits limits, Path importDir) throws IOException {
        this.size = size;
        this.limits = limits;
        this.command = command(limits, importDir);
        idle.add(WorkerProcess.start(command, 120_000));
        live.incrementAndGet();
        this.replacementCommand = niced(command);
        for (int i = 1; i < size; i++) replaceLater();
    }

    /** The worker's command line: this JVM's java and class path, the limits as JVM options. */
    static List<String> command(Limits limits, Path importDir) {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        StringBuilder cp = new StringBuilder();
        for (String part : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (part.isEmpty()) continue;
            if (cp.length() > 0) cp.append(File.pathSeparator);
            cp.append(Path.of(part).toAbsolutePath());
        }
        List<String> c = new ArrayList<>(List.of(java,
                "-Xmx" + limits.memoryMb() + "m", "-XX:+ExitOnOutOfMemoryError",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss16m", "-Xshare:auto",
                "-XX:CICompilerCount=1", "-Dludus.stackSize=" + STACK,
                "-Dludus.play.outputBytes=" + limits.outputBytes(),
                "-Dludus.play.drawingSegments=" + limits.drawingSegments()));
        if (importDir != null) c.add("-Dludus.play.dir=" + importDir.toAbsolutePath().normalize());
        c.addAll(List.of("-cp", cp.toString(), "dev.ludus.playground.worker.Worker"));
        return c;
    }

    /**
     * A worker's start-up (class loading, JIT, warm-up) costs a second or more of CPU, and
     * replacements start while others are running: under {@code nice} they do not slow the runs
     * of other users. Once ready the worker is put back to normal priority where that is
     * allowed ({@link #restorePriority}); elsewhere it stays a little lower, like every worker
     * started after it.
     */
    private static List<String> niced(List<String> command) {
        if (!Files.isExecutable(Path.of("/usr/bin/nice")) && !Files.isExecutable(Path.of("/bin/nice"))) return command;
        List<String> c = new ArrayList<>(List.of("nice", "-n", "10"));
        c.addAll(command);
        return c;
    }

    private static void restorePriority(WorkerProcess w) {
        renice(w, 0);
    }

    /** Sets a worker's nice level; answers whether that worked. */
    private static boolean renice(WorkerProcess w, int level) {
        try {
            Process p = new ProcessBuilder("renice", "-n", Integer.toString(level), "-p", Long.toString(w.pid()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(2, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false; // no renice: the priority stays as it is
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public int size() { return size; }

    public int idleCount() { return idle.size(); }

    /**
     * Runs {@code source}. {@code runId} names the run for {@link #stop}; {@code clientId} (may be
     * null) is the browser the run comes from. Waits for a free worker at most the time limit.
     */
    public RunResult run(String source, Long seed, String runId, String clientId) throws InterruptedException {
        long start = System.nanoTime();
        long timeMs = limits.time().toMillis();
        if (clientId != null) {
            String previous = runOfClient.put(clientId, runId);
            if (previous != null) stop(previous);
        }
        WorkerProcess worker = idle.poll(timeMs, TimeUnit.MILLISECONDS);
        if (worker == null) {
            return RunResult.limited(RunResult.BUSY, "The playground is busy: every worker is running a program. Try again in a moment.",
                    elapsed(start));
        }
        long queued = elapsed(start);
        Running r = new Running(worker);
        if (runId != null) running.put(runId, r);
        ScheduledFuture<?> demotion = timer.schedule(() -> demote(worker), DEMOTE_AFTER_MS, TimeUnit.MILLISECONDS);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("source", source);
        request.put("seed", seed);
        WorkerProcess.Answer answer;
        try {
            answer = r.stopped ? new WorkerProcess.Died(-1) : worker.exchange(Json.write(request), timeMs);
        } finally {
            demotion.cancel(false);
            if (runId != null) running.remove(runId);
            if (clientId != null) runOfClient.remove(clientId, runId);
        }
        if (answer instanceof WorkerProcess.Line line && !r.stopped) {
            RunResult result;
            try {
                result = RunResult.fromJson(line.json());
            } catch (Json.Malformed e) {
                retire(worker);
                return RunResult.limited(null, "ludus: internal error: a worker answered badly", elapsed(start));
            }
            // a demoted worker that finished its run (a long computation, a deep recursion) is kept
            // if its priority can be restored (renice needs the right to), else replaced
            if (worker.runs >= RECYCLE_AFTER_RUNS || (worker.demoted && !renice(worker, 0))) retire(worker);
            else {
                worker.demoted = false;
                idle.add(worker);
            }
            return result.withMillis(elapsed(start), queued);
        }
        retire(worker);
        if (r.stopped) return RunResult.limited(RunResult.STOPPED, "The program was stopped.", elapsed(start));
        if (answer instanceof WorkerProcess.TimedOut) {
            return RunResult.limited(RunResult.TIME, "The program ran longer than " + seconds(timeMs)
                    + " and was stopped (time limit).", elapsed(start));
        }
        int code = answer instanceof WorkerProcess.Died d ? d.exitCode() : -1;
        if (code == EXIT_OUT_OF_MEMORY) {
            return RunResult.limited(RunResult.MEMORY, "The program used more than " + limits.memoryMb()
                    + " MB of memory and was stopped (memory limit).", elapsed(start));
        }
        return RunResult.limited(null, "ludus: internal error: the worker running the program ended unexpectedly (exit "
                + code + ")", elapsed(start));
    }

    /** Stops run {@code runId} if it is running (its worker is killed); answers whether it was. */
    public boolean stop(String runId) {
        Running r = runId == null ? null : running.get(runId);
        if (r == null) return false;
        r.stopped = true;
        r.worker.kill();
        return true;
    }

    /** Lowers the CPU priority of a worker whose run is long (Linux/BSD renice; ignored elsewhere). */
    private void demote(WorkerProcess worker) {
        worker.demoted = true;
        renice(worker, 19);
    }

    /** Kills a worker and starts another in its place. */
    private void retire(WorkerProcess worker) {
        live.decrementAndGet();
        starter.execute(worker::kill);
        replaceLater();
    }

    private void replaceLater() {
        if (closed) return;
        starter.execute(() -> {
            for (int attempt = 0; attempt < 5 && !closed; attempt++) {
                try {
                    List<String> c = replacementCommand;
                    WorkerProcess w = WorkerProcess.start(c, 120_000);
                    if (c != command) restorePriority(w);
                    if (closed) {
                        w.kill();
                        return;
                    }
                    live.incrementAndGet();
                    idle.add(w);
                    return;
                } catch (IOException e) {
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException ie) {
                        return;
                    }
                }
            }
        });
    }

    private static String seconds(long ms) {
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms / 1000.0 + " s";
    }

    private static long elapsed(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return task -> {
            Thread t = new Thread(task, name);
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        closed = true;
        for (Running r : running.values()) r.worker.kill();
        for (WorkerProcess w; (w = idle.poll()) != null; ) w.kill();
        starter.shutdownNow();
        timer.shutdownNow();
    }
}
