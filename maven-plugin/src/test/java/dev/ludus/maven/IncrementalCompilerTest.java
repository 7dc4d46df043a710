package dev.ludus.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ludus.runtime.Launcher;
import dev.ludus.runtime.RunOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The compile goal's work, without Maven: what is (re)compiled, what is written and removed. */
class IncrementalCompilerTest {
    @TempDir Path base;
    Path src, out, state;
    final List<String> log = new ArrayList<>();

    @BeforeEach
    void project() throws Exception {
        src = base.resolve("src/main/ludus");
        out = base.resolve("target/classes");
        state = base.resolve("target/ludus/compile-state.txt");
        Files.createDirectories(src.resolve("util"));
        Files.writeString(src.resolve("lib.ld"), "fn twice (x) -> mult (2, x)\nns lib { twice }\n");
        Files.writeString(src.resolve("app.ld"), "import \"lib.ld\" as lib\nprint! (lib :twice (21))\n:done\n");
        Files.writeString(src.resolve("util/other.ld"), "print! (\"other\")\n");
        // sources a minute old, so that touch() (+5 s) still leaves them older than the class files
        long past = System.currentTimeMillis() - 60_000;
        for (String f : List.of("lib.ld", "app.ld", "util/other.ld")) Files.setLastModifiedTime(src.resolve(f), FileTime.fromMillis(past));
    }

    IncrementalCompiler.Result compile() throws Exception {
        return new IncrementalCompiler(base, src, out, state, "ludus", log::add).compile();
    }

    /** Advances a file's modification time (as `touch` would, but certainly different). */
    static void touch(Path f) throws Exception {
        Files.setLastModifiedTime(f, FileTime.fromMillis(Files.getLastModifiedTime(f).toMillis() + 5000));
    }

    String run(String className) throws Exception {
        try (URLClassLoader cl = new URLClassLoader(new URL[] {out.toUri().toURL()}, getClass().getClassLoader())) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            PrintStream ps = new PrintStream(bytes, true, StandardCharsets.UTF_8);
            int code = Launcher.run(cl.loadClass(className), RunOptions.defaults(), ps, new PrintStream(new ByteArrayOutputStream()));
            return bytes.toString(StandardCharsets.UTF_8) + "[exit " + code + "]";
        }
    }

    @Test
    void firstBuildCompilesEverythingAndClassesRunFromTheOutputDirectory() throws Exception {
        var r = compile();
        assertEquals(List.of("app.ld", "lib.ld", "util/other.ld"), r.compiled());
        assertTrue(r.errors().isEmpty());
        assertTrue(Files.isRegularFile(out.resolve("ludus/M_app.class")));
        assertTrue(Files.isRegularFile(out.resolve("ludus/M_lib.class")));
        assertTrue(Files.isRegularFile(out.resolve("ludus/util/M_other.class")));
        assertEquals("42\n=> :done\n[exit 0]", run("ludus.M_app"));
        assertEquals(List.of("Compiling 3 Ludus source files to target/classes"), log);
    }

    @Test
    void untouchedBuildCompilesNothing() throws Exception {
        compile();
        var r = compile();
        assertEquals(List.of(), r.compiled());
        assertEquals(3, r.upToDate());
    }

    @Test
    void touchingAnImportedFileRecompilesItsImporters() throws Exception {
        compile();
        touch(src.resolve("lib.ld"));
        assertEquals(List.of("app.ld", "lib.ld"), compile().compiled());
        touch(src.resolve("app.ld"));
        assertEquals(List.of("app.ld"), compile().compiled());
    }

    @Test
    void aChangedImportIsSeenByTheImporter() throws Exception {
        compile();
        Files.writeString(src.resolve("lib.ld"), "fn twice (x) -> mult (3, x)\nns lib { twice }\n");
        touch(src.resolve("lib.ld"));
        compile();
        assertEquals("63\n=> :done\n[exit 0]", run("ludus.M_app"));
    }

    @Test
    void aMissingOrOlderOutputIsRecompiled() throws Exception {
        compile();
        Files.delete(out.resolve("ludus/M_lib.class"));
        assertEquals(List.of("lib.ld"), compile().compiled());
        Files.setLastModifiedTime(out.resolve("ludus/util/M_other.class"), FileTime.fromMillis(0));
        assertEquals(List.of("util/other.ld"), compile().compiled());
    }

    @Test
    void errorsAreReportedOnceWithTheirPositionAndStaleClassesRemoved() throws Exception {
        compile();
        Files.writeString(src.resolve("lib.ld"), "fn twice (x) -> mult (2, x\nns lib { twice }\n");
        var r = compile();
        // lib.ld's error is found compiling lib.ld and again compiling app.ld: reported once
        assertEquals(1, r.errors().size(), r.errors().toString());
        String line = Diagnostics.format(r.errors().get(0));
        assertTrue(line.startsWith("src/main/ludus/lib.ld:2:17: "), line);
        assertEquals(List.of("app.ld", "lib.ld"), r.failed());
        assertFalse(Files.exists(out.resolve("ludus/M_lib.class")));
        assertFalse(Files.exists(out.resolve("ludus/M_app.class")));
        assertTrue(Files.exists(out.resolve("ludus/util/M_other.class")));
        // fixed: both are compiled again
        Files.writeString(src.resolve("lib.ld"), "fn twice (x) -> mult (2, x)\nns lib { twice }\n");
        assertEquals(List.of("app.ld", "lib.ld"), compile().compiled());
    }

    @Test
    void deletedSourcesLoseTheirClasses() throws Exception {
        compile();
        Files.delete(src.resolve("util/other.ld"));
        assertEquals(List.of(), compile().compiled());
        assertFalse(Files.exists(out.resolve("ludus/util/M_other.class")));
    }

    @Test
    void aVanishedSourceDirectoryLeavesNoClasses() throws Exception {
        compile();
        Files.delete(src.resolve("util/other.ld"));
        Files.delete(src.resolve("util"));
        Files.delete(src.resolve("app.ld"));
        Files.delete(src.resolve("lib.ld"));
        Files.delete(src);
        compile();
        assertFalse(Files.exists(out.resolve("ludus/M_app.class")));
        assertFalse(Files.exists(out.resolve("ludus/util/M_other.class")));
    }

    @Test
    void modulesImportedFromOutsideTheSourceDirectoryAreWrittenWithTheImporter() throws Exception {
        Path shared = base.resolve("shared");
        Files.createDirectories(shared);
        Files.writeString(shared.resolve("greet.ld"), "fn hi (n) -> join ([\"hi \", n])\nns greet { hi }\n");
        Files.setLastModifiedTime(shared.resolve("greet.ld"), FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        Files.writeString(src.resolve("util/other.ld"), "import \"../../../../shared/greet\" as g\nprint! (g :hi (\"there\"))\n");
        compile();
        try (var files = Files.list(out.resolve("ludus/$ext"))) {
            assertEquals(1, files.filter(p -> p.getFileName().toString().startsWith("M_greet_")).count());
        }
        assertEquals("hi there\n=> :ok\n[exit 0]", run("ludus.util.M_other"));
        touch(shared.resolve("greet.ld"));
        assertEquals(List.of("util/other.ld"), compile().compiled());
    }

    @Test
    void aNewPrefixRenamesEverything() throws Exception {
        compile();
        var r = new IncrementalCompiler(base, src, out, state, "com.example", log::add).compile();
        assertEquals(3, r.compiled().size());
        assertFalse(Files.exists(out.resolve("ludus/M_app.class")));
        assertTrue(Files.exists(out.resolve("com/example/M_app.class")));
    }

    @Test
    void aDamagedStateFileMeansAFullBuild() throws Exception {
        compile();
        Files.writeString(state, "garbage\n");
        assertEquals(3, compile().compiled().size());
    }
}
