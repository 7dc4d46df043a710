package dev.ludus.cli;

import static dev.ludus.cli.MainTest.ludus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ludus compile -o PATH} writes only a new or regular file, through a temporary file and
 * an atomic move; anything else at PATH is refused with a clear error and left alone (issue 12).
 */
class CompileOutputTest {
    @TempDir Path dir;
    Path src;

    @BeforeEach
    void program() throws Exception {
        src = dir.resolve("hello.ld");
        Files.writeString(src, "print! (\"hi\")\n");
    }

    private MainTest.Result compileTo(Path out) {
        return ludus("compile", src.toString(), "-o", out.toString());
    }

    private static void isJar(Path p) throws Exception {
        try (ZipFile z = new ZipFile(p.toFile())) {
            assertTrue(z.getEntry("META-INF/MANIFEST.MF") != null);
        }
    }

    @Test
    void writesANewFileOrReplacesARegularOne() throws Exception {
        Path jar = dir.resolve("new.jar");
        assertEquals(0, compileTo(jar).exit());
        isJar(jar);
        Path old = dir.resolve("old.jar");
        Files.writeString(old, "not a jar");
        assertEquals(0, compileTo(old).exit());
        isJar(old);
        try (var files = Files.list(dir)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "temporary file left behind");
        }
    }

    @Test
    void refusesDirectories() throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        MainTest.Result r = compileTo(empty);
        assertEquals(2, r.exit());
        assertEquals("ludus: cannot write " + empty + ": it is a directory\n", r.err());
        assertTrue(Files.isDirectory(empty));
        Path full = Files.createDirectory(dir.resolve("full"));
        Files.writeString(full.resolve("x"), "x");
        r = compileTo(full);
        assertEquals(2, r.exit());
        assertFalse(r.err().contains("java."), r.err());
        assertTrue(Files.isRegularFile(full.resolve("x")));
    }

    @Test
    void refusesANamedPipe() throws Exception {
        Path fifo = dir.resolve("fifo");
        Process p;
        try {
            p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (java.io.IOException e) {
            return; // no mkfifo here
        }
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        if (p.exitValue() != 0) return;
        MainTest.Result r = compileTo(fifo);
        assertEquals(2, r.exit());
        assertEquals("ludus: cannot write " + fifo + ": it is not a regular file\n", r.err());
        assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo), "the pipe was replaced");
    }

    @Test
    void writesThroughASymbolicLinkToItsTarget() throws Exception {
        Path target = dir.resolve("target.jar");
        Files.writeString(target, "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.jar"), target);
        assertEquals(0, compileTo(link).exit());
        assertTrue(Files.isSymbolicLink(link));
        isJar(target);
    }
}
