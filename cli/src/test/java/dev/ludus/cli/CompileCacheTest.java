package dev.ludus.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ludus.compiler.CompiledProgram;
import dev.ludus.compiler.LudusCompiler;
import dev.ludus.compiler.resolve.Program;
import dev.ludus.runtime.RunOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompileCacheTest {
    @TempDir Path dir;

    private CompileCache cache(String compilerId) {
        return new CompileCache(dir.resolve("cache"), compilerId);
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static CompiledProgram compileAndStore(CompileCache cache, Path file, String displayName) throws Exception {
        Program program = LudusCompiler.analyse(file, displayName);
        CompiledProgram compiled = LudusCompiler.emit(program);
        cache.store(file, displayName, program, compiled);
        return compiled;
    }

    /** Runs as `ludus run` does with the cache; answers stdout. */
    private static String run(CompileCache cache, Path file) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        ProgramRunner.compileAndRun(file, "prog.ld", RunOptions.defaults(), out, new PrintStream(new ByteArrayOutputStream()), cache);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anUnchangedFileGetsItsClassesBack() throws Exception {
        Path file = write("prog.ld", "print! (\"hi\")\nadd (1, 2)\n");
        CompileCache cache = cache("c1");
        assertNull(cache.lookup(file, "prog.ld"), "nothing kept yet");
        CompiledProgram compiled = compileAndStore(cache, file, "prog.ld");
        CompiledProgram kept = cache.lookup(file, "prog.ld");
        assertNotNull(kept);
        assertEquals(compiled.mainClass(), kept.mainClass());
        assertEquals(compiled.classes().keySet(), kept.classes().keySet());
        for (String name : compiled.classes().keySet()) assertArrayEquals(compiled.classes().get(name), kept.classes().get(name), name);
    }

    @Test
    void anyDifferenceIsAMiss() throws Exception {
        Path file = write("prog.ld", "print! (\"hi\")\n");
        compileAndStore(cache("c1"), file, "prog.ld");
        assertNull(cache("c2").lookup(file, "prog.ld"), "another compiler");
        assertNull(cache("c1").lookup(file, "other.ld"), "another display name (it is in the classes' reports)");
        Path copy = write("copy.ld", "print! (\"hi\")\n");
        assertNull(cache("c1").lookup(copy, "prog.ld"), "another file");
        write("prog.ld", "print! (\"ho\")\n");
        assertNull(cache("c1").lookup(file, "prog.ld"), "the file changed");
        write("prog.ld", "print! (\"hi\")\n");
        assertNotNull(cache("c1").lookup(file, "prog.ld"), "changed back");
    }

    @Test
    void aCorruptOrForeignEntryIsAMiss() throws Exception {
        Path file = write("prog.ld", "print! (\"hi\")\n");
        CompileCache cache = cache("c1");
        compileAndStore(cache, file, "prog.ld");
        Path entry = cache.entryFor(file, "prog.ld");
        byte[] bytes = Files.readAllBytes(entry);
        Files.write(entry, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertNull(cache.lookup(file, "prog.ld"), "truncated");
        Files.writeString(entry, "not an entry");
        assertNull(cache.lookup(file, "prog.ld"), "garbage");
    }

    @Test
    void aFlippedByteInAKeptClassIsAMiss() throws Exception {
        Path file = write("prog.ld", "print! (\"hi\")\n");
        CompileCache cache = cache("c1");
        compileAndStore(cache, file, "prog.ld");
        Path entry = cache.entryFor(file, "prog.ld");
        byte[] bytes = Files.readAllBytes(entry);
        bytes[bytes.length - 40] ^= 0x10; // inside the last class's bytes: the entry still parses
        Files.write(entry, bytes);
        assertNull(cache.lookup(file, "prog.ld"), "the checksum catches it");
        assertEquals("hi\n=> :ok\n", run(cache, file), "and the run compiles instead");
        assertNotNull(cache.lookup(file, "prog.ld"), "kept afresh");
    }

    @Test
    void programsWithImportsAreKeptAndAnImportsEditIsAMiss() throws Exception {
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/lib.ld"), "let x = 1\n#{x}\n");
        Path file = write("prog.ld", "import \"sub/lib\" as lib\nprint! (lib :x)\n");
        CompileCache cache = cache("c1");
        assertKeptAfterRun(cache, file, "1\n=> :ok\n");
        assertEquals("1\n=> :ok\n", run(cache, file));
        assertMissAfter(cache, file, () -> Files.writeString(dir.resolve("sub/lib.ld"), "let x = 2\n#{x}\n"),
                "the imported file changed", "2\n=> :ok\n");
        assertNotNull(cache.lookup(file, "prog.ld"));
        Files.delete(dir.resolve("sub/lib.ld"));
        assertNull(cache.lookup(file, "prog.ld"), "the imported file is gone");
        assertTrue(run(cache, file).startsWith("Ludus found an error"), "and the run says so as without the cache");
    }

    @Test
    void anImportThatNowResolvesElsewhereIsAMiss() throws Exception {
        Files.writeString(dir.resolve("lib.ld"), "let x = 1\n#{x}\n");
        Path file = write("prog.ld", "import \"lib\" as lib\nprint! (lib :x)\n");
        CompileCache cache = cache("c1");
        assertKeptAfterRun(cache, file, "1\n=> :ok\n");
        // `import "lib"` takes the file `lib` when there is one, before `lib.ld`
        assertMissAfter(cache, file, () -> Files.writeString(dir.resolve("lib"), "let x = 3\n#{x}\n"),
                "same bytes everywhere it read, but the import resolves to another file", "3\n=> :ok\n");
    }

    @Test
    void nestedImportsAreChecked() throws Exception {
        Files.writeString(dir.resolve("a.ld"), "import \"b.ld\" as b\nlet x = b :y\n#{x}\n");
        Files.writeString(dir.resolve("b.ld"), "let y = 5\n#{y}\n");
        Path file = write("prog.ld", "import \"a.ld\" as a\nprint! (a :x)\n");
        CompileCache cache = cache("c1");
        assertKeptAfterRun(cache, file, "5\n=> :ok\n");
        assertMissAfter(cache, file, () -> Files.writeString(dir.resolve("b.ld"), "let y = 6\n#{y}\n"),
                "an import of an import changed", "6\n=> :ok\n");
    }

    /** A file edit in a test. */
    private interface Edit {
        void apply() throws IOException;
    }

    /** Runs file with cache (printing expected), after which the cache keeps it. */
    private void assertKeptAfterRun(CompileCache cache, Path file, String expected) throws Exception {
        assertEquals(expected, run(cache, file));
        assertNotNull(cache.lookup(file, file.getFileName().toString()), "kept");
    }

    /** After edit, the kept entry of file is a miss (why), and a run compiles it again (printing expected). */
    private void assertMissAfter(CompileCache cache, Path file, Edit edit, String why, String expected) throws Exception {
        edit.apply();
        assertNull(cache.lookup(file, file.getFileName().toString()), why);
        assertEquals(expected, run(cache, file));
    }

    @Test
    void theDirectoryIsTheUsersOwn() throws Exception {
        Path file = write("prog.ld", "print! (\"hi\")\n");
        CompileCache cache = cache("c1");
        compileAndStore(cache, file, "prog.ld");
        Path d = dir.resolve("cache");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(d)));
        assertNotNull(cache.lookup(file, "prog.ld"));
        Files.setPosixFilePermissions(d, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertNull(cache.lookup(file, "prog.ld"), "a directory others may write to is not trusted");
        Path other = write("other.ld", "print! (\"ho\")\n");
        compileAndStore(cache, other, "other.ld");
        assertTrue(!Files.exists(cache.entryFor(other, "other.ld")), "nor written to");
    }

    @Test
    void theDirectoryIsPrunedLeastRecentlyUsedFirst() throws Exception {
        CompileCache probe = cache("c1");
        Path a = write("a.ld", "print! (\"a\")\n");
        compileAndStore(probe, a, "a.ld");
        long one = Files.size(probe.entryFor(a, "a.ld"));
        CompileCache cache = new CompileCache(dir.resolve("cache"), "c1", one * 3 + one / 2); // room for three
        long t = System.currentTimeMillis() - 100_000;
        String[] names = {"b", "c", "d"};
        for (String n : names) {
            Path f = write(n + ".ld", "print! (\"" + n + "\")\n");
            compileAndStore(cache, f, n + ".ld");
            Files.setLastModifiedTime(cache.entryFor(f, n + ".ld"), java.nio.file.attribute.FileTime.fromMillis(t += 1000));
        }
        Files.setLastModifiedTime(probe.entryFor(a, "a.ld"), java.nio.file.attribute.FileTime.fromMillis(t - 10_000));
        assertNotNull(cache.lookup(a, "a.ld"), "a hit makes `a` the most recently used");
        Path e = write("e.ld", "print! (\"e\")\n");
        compileAndStore(cache, e, "e.ld"); // five entries: over the bound, pruned to three quarters of it
        assertNotNull(cache.lookup(e, "e.ld"), "the new entry stays");
        assertNotNull(cache.lookup(a, "a.ld"), "the one just used stays");
        assertNull(cache.lookup(dir.resolve("b.ld"), "b.ld"), "the least recently used goes");
        assertNull(cache.lookup(dir.resolve("c.ld"), "c.ld"));
        long total = 0;
        try (var files = Files.list(dir.resolve("cache"))) {
            for (Path p : (Iterable<Path>) files::iterator) total += Files.size(p);
        }
        assertTrue(total <= one * 3 + one / 2, "within the bound: " + total);
    }

    @Test
    void optionsThatChangeTheCodeAreInTheKey() throws Exception {
        Path file = write("prog.ld", "print! (\"hi\")\n");
        compileAndStore(cache("c1"), file, "prog.ld");
        String before = System.getProperty("ludus.poll");
        try {
            System.setProperty("ludus.poll", "other");
            assertNull(cache("c1").lookup(file, "prog.ld"), "another ludus.poll");
        } finally {
            if (before == null) System.clearProperty("ludus.poll"); else System.setProperty("ludus.poll", before);
        }
        assertNotNull(cache("c1").lookup(file, "prog.ld"));
    }

    @Test
    void configuredOnlyFromAJarAndNotWhenTurnedOff() throws Exception {
        Path jar = Files.write(dir.resolve("ludus.jar"), new byte[] {1, 2, 3});
        String d = dir.resolve("cache").toString();
        assertNotNull(CompileCache.configured(d, null, jar));
        assertNull(CompileCache.configured(d, "0", jar), "LUDUS_COMPILE_CACHE=0");
        assertNull(CompileCache.configured(null, null, jar), "not asked for");
        assertNull(CompileCache.configured("", null, jar), "LUDUS_CDS=0 in bin/ludus passes an empty directory");
        assertNull(CompileCache.configured(d, null, dir), "a classes directory has no identity");
        assertNull(CompileCache.configured(d, null, null), "no jar found");
    }

    /** The launchers load Ludus with the boot loader: no code source, the jar is the class path. */
    @Test
    void theCompilersJarOfABootClassIsTheClassPath() throws Exception {
        String jar = dir.resolve("ludus.jar").toString();
        assertEquals(Path.of(jar), CompileCache.compilerJar(String.class, jar));
        assertNull(CompileCache.compilerJar(String.class, jar + java.io.File.pathSeparator + "other.jar"), "more than one entry");
        assertNull(CompileCache.compilerJar(String.class, ""));
        // a class with a code source (here the test classes' directory): that, whatever the class path
        Path here = CompileCache.compilerJar(CompileCacheTest.class, jar);
        assertEquals(Path.of(CompileCacheTest.class.getProtectionDomain().getCodeSource().getLocation().toURI()), here);
    }

    @Test
    void aProgramFromAPipeIsReadOnceAndNotKept() throws Exception {
        // `ludus run <(cat prog.ld)`: the file is a pipe; reading it again to keep it hung the run
        Path fifo = dir.resolve("pipe.ld");
        org.junit.jupiter.api.Assumptions.assumeTrue(
                new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo");
        Thread writer = new Thread(new Runnable() {
            @Override
            public void run() {
                try {
                    Files.writeString(fifo, "print! (\"piped\")\n");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        });
        writer.setDaemon(true);
        writer.start();
        CompileCache cache = cache("c1");
        String out = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60),
                () -> run(cache, fifo));
        assertEquals("piped\n=> :ok\n", out);
        assertTrue(!Files.exists(cache.entryFor(fifo, "prog.ld")), "nothing kept for a pipe");
    }

    @Test
    void anImportReplacedByAPipeIsAMissWithoutReadingIt() throws Exception {
        Files.writeString(dir.resolve("lib.ld"), "let x = 1\n#{x}\n");
        Path file = write("prog.ld", "import \"lib.ld\" as lib\nprint! (lib :x)\n");
        CompileCache cache = cache("c1");
        assertEquals("1\n=> :ok\n", run(cache, file));
        assertNotNull(cache.lookup(file, "prog.ld"));
        Files.delete(dir.resolve("lib.ld"));
        org.junit.jupiter.api.Assumptions.assumeTrue(
                new ProcessBuilder("mkfifo", dir.resolve("lib.ld").toString()).start().waitFor() == 0, "mkfifo");
        assertNull(org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(30),
                () -> cache.lookup(file, "prog.ld")), "a miss, and no read that waits for a writer");
    }

    @Test
    void noCacheIsAnOptionOfRun() {
        RunCommand cmd = new RunCommand();
        new picocli.CommandLine(cmd).parseArgs("--no-cache", "prog.ld");
        assertTrue(cmd.noCache);
        RunCommand plain = new RunCommand();
        new picocli.CommandLine(plain).parseArgs("prog.ld");
        assertTrue(!plain.noCache);
    }

    @Test
    void anUnwritableCacheOnlyMeansCompilingAgain() throws Exception {
        Path file = write("prog.ld", "print! (\"hi\")\n");
        Files.writeString(dir.resolve("cache"), "a file where the directory should be");
        CompileCache cache = cache("c1");
        assertEquals("hi\n=> :ok\n", run(cache, file));
        assertEquals("hi\n=> :ok\n", run(cache, file));
    }

    @Test
    void runsFromTheCacheAndSeesEdits() throws Exception {
        Path file = write("prog.ld", "print! (\"one\")\n");
        CompileCache cache = cache("c1");
        assertEquals("one\n=> :ok\n", run(cache, file));
        assertNotNull(cache.lookup(file, "prog.ld"), "kept by the first run");
        assertEquals("one\n=> :ok\n", run(cache, file));
        write("prog.ld", "print! (\"two\")\npanic! \"boom\"\n");
        String out = run(cache, file);
        assertTrue(out.startsWith("two\nLudus panicked"), out);
        assertEquals(out, run(cache, file), "the panic report from kept classes is the same");
        write("prog.ld", "print! (\"three\"\n");
        assertTrue(run(cache, file).startsWith("Ludus found an error"), "a compile error is reported, not kept");
    }
}
