package dev.ludus.cli;

import static org.junit.jupiter.api.Assertions.fail;

import dev.ludus.compiler.JarWriter;
import dev.ludus.compiler.LudusCompiler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Compiles Ludus source to a jar and runs it with {@code java -jar} in a child process: for the
 * behaviours that concern a whole JVM (memory and stack limits, time limits, signals, pipes).
 */
final class ChildRuns {
    private ChildRuns() {}

    record Result(String out, String err, int exit, long peakMb) {
        Result(String out, String err, int exit) { this(out, err, exit, 0); }
    }

    /** The JVM options the launchers (./ludus, the distribution's bin/ludus, the playground) add. */
    static final List<String> LAUNCHER_OPTS = List.of("-Xss16m", "-XX:StackReservedPages=0", "-XX:+UseParallelGC");

    /** The Java 25 JDK the issue asks cancellation to work on, if installed. */
    static final Path JAVA_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");

    /** This JVM's live threads with the given name (not Thread.getAllStackTraces: it copies every stack). */
    static List<Thread> threadsNamed(String name) {
        Thread[] all = new Thread[Thread.activeCount() + 16];
        int n = Thread.currentThread().getThreadGroup().enumerate(all);
        List<Thread> named = new ArrayList<>();
        for (int i = 0; i < n; i++) if (all[i].getName().equals(name)) named.add(all[i]);
        return named;
    }

    static Path currentJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    static Path jar(Path dir, String name, String source) throws Exception {
        Path src = dir.resolve(name + ".ld");
        Files.writeString(src, source);
        Path jar = dir.resolve(name + ".jar");
        JarWriter.writeJar(LudusCompiler.compile(src, name + ".ld"), jar);
        return jar;
    }

    /** Runs {@code java jvmOpts -jar jar args}; fails the test if it does not end within {@code limitSeconds}. */
    static Result run(Path java, Path jar, List<String> jvmOpts, List<String> args, int limitSeconds) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        cmd.addAll(jvmOpts);
        cmd.add("-jar");
        cmd.add(jar.toString());
        cmd.addAll(args);
        return run(cmd, jar.getParent(), limitSeconds);
    }

    /** Runs the command line ({@code java jvmOpts dev.ludus.cli.Main args}) on this test's class path, in dir. */
    static Result runCli(Path java, List<String> jvmOpts, List<String> args, Path dir, int limitSeconds) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        cmd.addAll(jvmOpts);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.ludus.cli.Main"));
        cmd.addAll(args);
        return run(cmd, dir, limitSeconds);
    }

    private static Result run(List<String> cmd, Path dir, int limitSeconds) throws Exception {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).start();
        p.getOutputStream().close();
        CompletableFuture<String> out = read(p.getInputStream());
        CompletableFuture<String> err = read(p.getErrorStream());
        long peak = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(limitSeconds);
        // the child's resident high-water mark (Linux), read until it ends
        while (!p.waitFor(20, TimeUnit.MILLISECONDS)) {
            peak = Math.max(peak, statusMb(Long.toString(p.pid()), "VmHWM"));
            if (System.nanoTime() > deadline) {
                p.destroyForcibly();
                fail(String.join(" ", cmd) + " did not end within " + limitSeconds + " s");
            }
        }
        return new Result(out.get(), err.get(), p.exitValue(), peak);
    }

    /** A figure of /proc/PID/status in MB (e.g. "VmHWM", "VmRSS"), or 0 (ended, or not Linux). */
    static long statusMb(String pid, String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
                if (line.startsWith(key + ":")) return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        } catch (IOException | RuntimeException e) {
            // ended meanwhile, or not Linux
        }
        return 0;
    }

    private static CompletableFuture<String> read(java.io.InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "<" + e + ">";
            }
        });
    }
}
