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

    record Result(String out, String err, int exit) {}

    /** The Java 25 JDK the issue asks cancellation to work on, if installed. */
    static final Path JAVA_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");

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
        Process p = new ProcessBuilder(cmd).directory(jar.getParent().toFile()).start();
        p.getOutputStream().close();
        CompletableFuture<String> out = read(p.getInputStream());
        CompletableFuture<String> err = read(p.getErrorStream());
        if (!p.waitFor(limitSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(String.join(" ", cmd) + " did not end within " + limitSeconds + " s");
        }
        return new Result(out.get(), err.get(), p.exitValue());
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
