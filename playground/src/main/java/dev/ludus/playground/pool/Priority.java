package dev.ludus.playground.pool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A worker's CPU priority (its nice level), set with the OS's {@code renice}. On Linux the nice
 * level belongs to each thread, and {@code renice -p PID} changes only the JVM's first thread (which
 * just waits for the others), so every thread listed in {@code /proc/PID/task} is changed: the
 * program's thread, the JIT's and the garbage collector's. Where the command or the right to use
 * it is missing, nothing changes and {@link #set} answers false.
 */
final class Priority {
    private Priority() {}

    static final int LOWEST = 19;
    static final int NORMAL = 0;

    /** Sets the nice level of process {@code pid} (all its threads); answers whether that worked. */
    static boolean set(long pid, int level) {
        List<String> c = new ArrayList<>(List.of("renice", "-n", Integer.toString(level), "-p"));
        c.addAll(threads(pid));
        try {
            Process p = new ProcessBuilder(c).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(2, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false; // no renice here
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The ids of the process's threads (Linux), or the process id alone elsewhere. */
    static List<String> threads(long pid) {
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        if (Files.isDirectory(tasks)) {
            try (Stream<Path> s = Files.list(tasks)) {
                List<String> ids = s.map(p -> p.getFileName().toString()).toList();
                if (!ids.isEmpty()) return ids;
            } catch (IOException e) {
                // the process ended meanwhile: renice reports it
            }
        }
        return List.of(Long.toString(pid));
    }

    /** The nice level of each thread of {@code pid} (Linux; empty elsewhere), for tests. */
    static List<Integer> levels(long pid) {
        List<Integer> out = new ArrayList<>();
        for (String tid : threads(pid)) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "task", tid, "stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                out.add(Integer.parseInt(f[16])); // field 19 of stat: nice (fields after the name start at 3)
            } catch (IOException | RuntimeException e) {
                // a thread that ended
            }
        }
        return out;
    }
}
