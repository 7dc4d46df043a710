package dev.ludus.playground.pool;

import dev.ludus.playground.Json;
import dev.ludus.playground.Limits;
import dev.ludus.playground.RunResult;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A pool of pre-started worker JVMs that run programs one at a time each. Isolation is the
 * process: each worker has its own heap ({@code -Xmx}, exit on OutOfMemoryError) and its own
 * program-thread stack, and a worker whose run exceeds the wall-clock limit, or that is stopped,
 * is killed and replaced. Fairness, so that no user's program slows another's run:
 * <ul>
 * <li>one run per client: a client's new run stops its previous one (running or waiting);</li>
 * <li>waiting runs are served one client after another (a client has at most one waiting run, so
 * the queue in arrival order is round-robin over clients);</li>
 * <li>a run past {@link #DEMOTE_AFTER_MS} is "long": its worker drops to the lowest CPU priority
 * (every thread reniced to 19) so that short runs keep the cores, and it no longer takes one of the
 * {@code size} run slots: another worker serves the others meanwhile (at most {@code size} long
 * runs at once);</li>
 * <li>spare workers are kept started beyond the free slots, so a killed worker's slot is served
 * at once while its replacement starts (under {@code nice}, not to slow the runs);</li>
 * <li>a client whose last run cost a worker (killed at a limit or stopped) waits until a worker
 * beyond the spares is idle: the spares are for the others, so a client whose programs keep
 * running into limits gets workers only as fast as they are replaced.</li>
 * </ul>
 */
public final class WorkerPool implements AutoCloseable {
    static final long DEMOTE_AFTER_MS = 150;
    /** Runs after which a worker is replaced anyway (classes and caches of old runs add up). */
    static final int RECYCLE_AFTER_RUNS = 500;
    static final int EXIT_OUT_OF_MEMORY = 3; // -XX:+ExitOnOutOfMemoryError
    /** Started workers kept beyond those the free slots need. */
    static final int SPARE = 2;
    /**
     * The program thread's stack in a worker: 64 MiB holds about 190,000 nested calls (the spec
     * asks for 100,000), and a runaway recursion overflows it in well under a second instead of the
     * several seconds (and CPU) a 512 MiB stack takes, time the worker cannot serve anyone else.
     */
    static final String STACK = "64m";

    private final List<String> command;
    private final Limits limits;
    private final int size;
    private final int maxLong;
    private final ExecutorService starter = Executors.newCachedThreadPool(daemon("ludus-play-starter"));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("ludus-play-timer"));
    private final Map<String, Running> running = new ConcurrentHashMap<>();

    // The scheduler's state, guarded by this:
    private final Deque<WorkerProcess> idle = new ArrayDeque<>();
    private final LinkedHashMap<String, Waiting> waiting = new LinkedHashMap<>();
    private final Map<String, String> runOfClient = new java.util.HashMap<>();
    /** Clients whose last run cost a worker. */
    private final java.util.Set<String> costly = new java.util.HashSet<>();
    private int normalRuns, longRuns, starting, live;
    private boolean closed;

    private static final class Running {
        final WorkerProcess worker;
        final String client;
        volatile boolean stopped;
        boolean demoted; // guarded by the pool
        /** Set when the run has ended; a demotion still under way is waited for only to restore the priority. */
        volatile boolean done;
        Running(WorkerProcess worker, String client) {
            this.worker = worker;
            this.client = client;
        }
    }

    /** A run waiting for a slot; {@code worker} completes with its worker, or null if it was stopped. */
    private static final class Waiting {
        final String runId;
        final String client;
        final CompletableFuture<WorkerProcess> worker = new CompletableFuture<>();
        Waiting(String runId, String client) {
            this.runId = runId;
            this.client = client;
        }
    }

    /** Starts the workers (waiting for the first to be ready; the others start in the background). */
    public WorkerPool(int size, Limits limits, Path importDir) throws IOException {
        this.size = size;
        this.maxLong = size;
        this.limits = limits;
        this.command = command(limits, importDir);
        WorkerProcess first = WorkerProcess.start(command, 120_000);
        synchronized (this) {
            live++;
            idle.add(first);
            fill();
        }
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
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss16m", "-XX:StackReservedPages=0", "-Xshare:auto", // StackReservedPages: see ./ludus
                "-XX:CICompilerCount=1", "-Dludus.stackSize=" + STACK,
                "-Dludus.play.outputBytes=" + limits.outputBytes(),
                "-Dludus.play.drawingSegments=" + limits.drawingSegments()));
        if (Runtime.version().feature() >= 21) {
            // processes (spec §16) as continuations, as the ludus launcher runs them
            c.addAll(List.of("--add-exports", "java.base/jdk.internal.vm=ALL-UNNAMED"));
        }
        if (importDir != null) c.add("-Dludus.play.dir=" + importDir.toAbsolutePath().normalize());
        c.addAll(List.of("-cp", cp.toString(), "dev.ludus.playground.worker.Worker"));
        return c;
    }

    /**
     * A worker's start-up (class loading, JIT, warm-up) costs a second or more of CPU and happens
     * while others run: under {@code nice} it does not slow their runs. Once ready the worker is put
     * back to normal priority (or kept a little lower where that is not allowed).
     */
    private static List<String> niced(List<String> command) {
        if (!Files.isExecutable(Path.of("/usr/bin/nice")) && !Files.isExecutable(Path.of("/bin/nice"))) return command;
        List<String> c = new ArrayList<>(List.of("nice", "-n", "10"));
        c.addAll(command);
        return c;
    }

    public int size() { return size; }

    public synchronized int idleCount() { return idle.size(); }

    /** Processes started or starting (for tests: the pool stays bounded). */
    public synchronized int processes() { return live + starting; }

    /** The process ids of the idle workers and of those running (for tests). */
    synchronized List<Long> idlePids() { return idle.stream().map(WorkerProcess::pid).toList(); }

    List<Long> runningPids() { return running.values().stream().map(r -> r.worker.pid()).toList(); }

    /**
     * Runs {@code source}. {@code runId} names the run for {@link #stop}; {@code clientId} (may be
     * null) is who the run comes from: one run per client, clients served in turn. Waits for a
     * slot at most the time limit.
     */
    public RunResult run(String source, Long seed, String runId, String clientId) throws InterruptedException {
        long start = System.nanoTime();
        long timeMs = limits.time().toMillis();
        if (runId == null) runId = java.util.UUID.randomUUID().toString();
        String client = clientId != null ? clientId : "run:" + runId;
        Waiting w = new Waiting(runId, client);
        String previous;
        synchronized (this) {
            if (closed) return RunResult.limited(RunResult.STOPPED, "The server is shutting down.", 0);
            previous = runOfClient.put(client, runId);
            Waiting replaced = waiting.remove(client);
            if (replaced != null) replaced.worker.complete(null);
            waiting.put(client, w);
        }
        if (previous != null) stop(previous);
        dispatch();
        WorkerProcess worker;
        try {
            worker = w.worker.get(timeMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            worker = null;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
        if (worker == null) {
            synchronized (this) {
                if (waiting.get(client) == w) waiting.remove(client);
                runOfClient.remove(client, runId);
                // a worker handed over just now goes back
                WorkerProcess late = w.worker.getNow(null);
                if (late != null) {
                    normalRuns--;
                    idle.addFirst(late);
                }
            }
            dispatch();
            if (w.worker.isDone() && !w.worker.isCompletedExceptionally() && w.worker.getNow(null) == null) {
                return RunResult.limited(RunResult.STOPPED, "The program was stopped (a newer run replaced it).", elapsed(start));
            }
            return RunResult.limited(RunResult.BUSY, "The playground is busy: every worker is running a program. Try again in a moment.",
                    elapsed(start));
        }
        long queued = elapsed(start);
        Running r = new Running(worker, client);
        running.put(runId, r);
        synchronized (this) {
            if (!runId.equals(runOfClient.get(client))) r.stopped = true; // replaced while it was handed a worker
        }
        if (r.stopped) {
            running.remove(runId);
            finished(r, true, false);
            return RunResult.limited(RunResult.STOPPED, "The program was stopped.", elapsed(start));
        }
        // renice runs a command: not on the timer thread, where it would hold up the other demotions
        ScheduledFuture<?> demotion = timer.schedule(() -> starter.execute(() -> demote(r)), DEMOTE_AFTER_MS, TimeUnit.MILLISECONDS);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("source", source);
        request.put("seed", seed);
        WorkerProcess.Answer answer;
        try {
            answer = worker.exchange(Json.write(request), timeMs);
        } finally {
            demotion.cancel(false);
            running.remove(runId);
            synchronized (this) {
                runOfClient.remove(client, runId);
            }
        }
        if (answer instanceof WorkerProcess.Line line && !r.stopped) {
            RunResult result;
            try {
                result = RunResult.fromJson(line.json());
            } catch (Json.Malformed e) {
                finished(r, false, false);
                return RunResult.limited(null, "ludus: internal error: a worker answered badly", elapsed(start));
            }
            finished(r, worker.runs < RECYCLE_AFTER_RUNS, false);
            return result.withMillis(elapsed(start), queued);
        }
        finished(r, false, true);
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

    /** Stops run {@code runId} if it is running or waiting; answers whether it was. */
    public boolean stop(String runId) {
        if (runId == null) return false;
        synchronized (this) {
            for (var it = waiting.values().iterator(); it.hasNext(); ) {
                Waiting w = it.next();
                if (w.runId.equals(runId)) {
                    it.remove();
                    w.worker.complete(null);
                    return true;
                }
            }
        }
        Running r = running.get(runId);
        if (r == null) return false;
        r.stopped = true;
        r.worker.kill();
        return true;
    }

    /** Hands free workers to waiting runs, first come (client) first served, while slots are free. */
    private void dispatch() {
        synchronized (this) {
            for (var it = waiting.values().iterator(); it.hasNext() && !closed && normalRuns < size && !idle.isEmpty(); ) {
                Waiting w = it.next();
                if (idle.size() <= SPARE && costly.contains(w.client)) continue; // the spares are for the others
                it.remove();
                normalRuns++;
                w.worker.complete(idle.poll());
            }
            fill();
        }
    }

    /** Starts workers until those idle or starting cover the free slots and the spare. */
    private void fill() {
        assert Thread.holdsLock(this);
        int wanted = Math.max(0, size - normalRuns) + SPARE;
        int cap = size + maxLong + SPARE;
        while (!closed && idle.size() + starting < wanted && live + starting < cap) {
            starting++;
            starter.execute(this::startOne);
        }
    }

    /** A run past {@link #DEMOTE_AFTER_MS}: lowest priority, and its slot is given to others. */
    private void demote(Running r) {
        synchronized (this) {
            if (r.stopped || !running.containsValue(r) || longRuns >= maxLong) return;
            r.demoted = true;
            normalRuns--;
            longRuns++;
        }
        synchronized (r) {
            if (!r.done) Priority.set(r.worker.pid(), Priority.LOWEST);
        }
        dispatch();
    }

    /**
     * After a run: the worker goes back to the idle ones (at normal priority) or is killed;
     * {@code costly}: the run's program cost its worker (a limit, a stop).
     */
    private void finished(Running r, boolean keep, boolean costlyRun) {
        boolean demoted;
        synchronized (this) {
            if (costlyRun) costly.add(r.client);
            else costly.remove(r.client);
            demoted = r.demoted;
            if (demoted) longRuns--;
            else normalRuns--;
        }
        // a long run's worker is kept if its priority can be restored (renice needs the right to)
        r.done = true;
        if (keep && demoted) {
            synchronized (r) { // after a demotion still under way
                keep = Priority.set(r.worker.pid(), Priority.NORMAL);
            }
        }
        synchronized (this) {
            if (keep && !closed && idle.size() < size + SPARE) {
                idle.addFirst(r.worker); // warm first
            } else {
                live--;
                starter.execute(r.worker::kill);
            }
        }
        dispatch();
    }

    private void startOne() {
        WorkerProcess w = null;
        for (int attempt = 0; attempt < 5 && w == null && !isClosed(); attempt++) {
            try {
                w = WorkerProcess.start(niced(command), 120_000);
                Priority.set(w.pid(), Priority.NORMAL);
            } catch (IOException e) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException ie) {
                    break;
                }
            }
        }
        synchronized (this) {
            starting--;
            if (w != null && closed) w.kill();
            else if (w != null) {
                live++;
                idle.add(w);
            }
        }
        dispatch();
    }

    private synchronized boolean isClosed() { return closed; }

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
        List<WorkerProcess> all = new ArrayList<>();
        synchronized (this) {
            closed = true;
            all.addAll(idle);
            idle.clear();
            for (Waiting w : waiting.values()) w.worker.complete(null);
            waiting.clear();
        }
        for (Running r : running.values()) r.worker.kill();
        all.forEach(WorkerProcess::kill);
        starter.shutdownNow();
        timer.shutdownNow();
    }
}
