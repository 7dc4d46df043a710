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
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
    void programsWithImportsAreNotKept() throws Exception {
        write("lib.ld", "let x = 1\n");
        Path file = write("prog.ld", "import \"lib.ld\" as lib\nprint! (lib :x)\n");
        CompileCache cache = cache("c1");
        compileAndStore(cache, file, "prog.ld");
        assertNull(cache.lookup(file, "prog.ld"));
        assertTrue(!Files.exists(cache.entryFor(file, "prog.ld")));
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
