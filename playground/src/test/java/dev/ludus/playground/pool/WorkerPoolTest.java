package dev.ludus.playground.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ludus.playground.Limits;
import dev.ludus.playground.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The pool's fairness with one run slot: a long run is demoted (every thread of its worker at
 * nice 19) and leaves its slot to others; its worker comes back at normal priority after it; a
 * client's new run stops its previous one.
 */
class WorkerPoolTest {
    static WorkerPool pool;

    @BeforeAll
    static void start() throws Exception {
        pool = new WorkerPool(1, Limits.defaults().withTime(Duration.ofSeconds(20)), null);
        long until = System.nanoTime() + 60_000_000_000L;
        while (pool.idleCount() < 1 + WorkerPool.SPARE && System.nanoTime() < until) Thread.sleep(100);
    }

    @AfterAll
    static void stop() {
        if (pool != null) pool.close();
    }

    static CompletableFuture<RunResult> async(String source, String runId, String client) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return pool.run(source, 1L, runId, client);
            } catch (InterruptedException e) {
                throw new RuntimeException(e);
            }
        });
    }

    static boolean linux() {
        return Files.isDirectory(Path.of("/proc/self/task"));
    }

    @Test
    void aLongRunIsDemotedAndLeavesItsSlotToOthers() throws Exception {
        CompletableFuture<RunResult> hostile = async("loop (0) with (n) -> recur (inc (n))", "hostile", "h");
        Thread.sleep(WorkerPool.DEMOTE_AFTER_MS + 700);
        List<Long> pids = pool.runningPids();
        assertEquals(1, pids.size());
        if (linux()) {
            List<Integer> levels = Priority.levels(pids.get(0));
            assertFalse(levels.isEmpty());
            assertTrue(levels.stream().allMatch(l -> l == Priority.LOWEST), "every thread demoted: " + levels);
        }
        // the only slot is free again: a short run of another client does not wait for the long one
        RunResult quick = pool.run("print! (:quick)", 1L, "quick", "q");
        assertEquals(":quick\n=> :ok\n", quick.stdout(), quick.toJson());
        assertTrue(quick.queued() < 500, "waited " + quick.queued() + " ms");
        assertTrue(pool.stop("hostile"));
        assertEquals(RunResult.STOPPED, hostile.get().limit());
    }

    @Test
    void aDemotedWorkerComesBackAtNormalPriority() throws Exception {
        // long enough to be demoted, then it ends by itself
        RunResult r = pool.run("loop (0) with (n) -> if gt? (n, 300_000_000) then :done else recur (inc (n))",
                1L, "long", "l");
        assertEquals(0, r.exit(), r.toJson());
        assertTrue(r.millis() > WorkerPool.DEMOTE_AFTER_MS, "ran " + r.millis() + " ms: not long enough to test demotion");
        if (linux()) {
            for (long pid : pool.idlePids()) {
                List<Integer> levels = Priority.levels(pid);
                assertTrue(levels.stream().allMatch(l -> l == Priority.NORMAL), pid + ": " + levels);
            }
        }
    }

    @Test
    void aClientsNewRunStopsItsPreviousOne() throws Exception {
        CompletableFuture<RunResult> first = async("loop (0) with (n) -> recur (inc (n))", "first", "c");
        Thread.sleep(500);
        RunResult second = pool.run("print! (:second)", 1L, "second", "c");
        assertEquals(":second\n=> :ok\n", second.stdout(), second.toJson());
        RunResult firstResult = first.get();
        assertEquals(RunResult.STOPPED, firstResult.limit(), firstResult.toJson());
        assertNull(firstResult.svg());
    }
}
