package dev.ludus.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ludus.compiler.CompiledProgram;
import dev.ludus.compiler.LudusCompiler;
import dev.ludus.compiler.ProgramClassLoader;
import dev.ludus.compiler.resolve.Program;
import dev.ludus.runtime.Launcher;
import dev.ludus.runtime.RunOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ProgramEmitter.emit with a caller-chosen ClassNamer (used by the Maven plugin). */
class ClassNamerTest {
    @Test
    void baseNameIsWhatTheRegexesLeft() {
        // the default names once came from these two regexes; the loop that replaced them (start-up) must agree
        for (String name : List.of("hello.ld", "dir/hello.ld", "a\\b\\c.ld", "/x/y/z", "<stdin>", ".ld", "x.ld.ld", "x.ldx",
                "dir.ld/file", "a/", "", "we/ird\nna/me.ld", "tail.ld\n", "uni/\u2028x.ld", "p/q\rr.ld", "ünï/cödé.ld")) {
            String old = name.replaceAll(".*[/\\\\]", "").replaceFirst("\\.ld$", "");
            assertEquals(old, ProgramEmitter.baseName(name), name);
        }
    }

    @Test
    void defaultNamesAreByPosition(@TempDir Path dir) throws Exception {
        Program p = program(dir);
        CompiledProgram c = LudusCompiler.emit(p);
        assertEquals(List.of("ludus.M0_lib", "ludus.M1_app"), List.copyOf(c.classes().keySet()));
        assertEquals("ludus.M1_app", c.mainClass());
    }

    @Test
    void customNamesAreUsedForClassesAndImports(@TempDir Path dir) throws Exception {
        Program p = program(dir);
        CompiledProgram c = LudusCompiler.emit(p, (mod, i) -> "demo.pkg.X_" + mod.source().path().getFileName().toString().replace(".ld", ""));
        assertEquals(List.of("demo.pkg.X_lib", "demo.pkg.X_app"), List.copyOf(c.classes().keySet()));
        assertEquals("demo.pkg.X_app", c.mainClass());
        // app's import must link to lib under its custom name, or loading/running fails
        ProgramClassLoader loader = new ProgramClassLoader(c, getClass().getClassLoader());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int code = Launcher.run(loader.load(c.mainClass()), RunOptions.defaults(), out, new PrintStream(new ByteArrayOutputStream()));
        assertEquals(0, code, bytes.toString(StandardCharsets.UTF_8));
        assertEquals("=> 42\n", bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void duplicateNamesAreRejected(@TempDir Path dir) throws Exception {
        Program p = program(dir);
        assertThrows(IllegalArgumentException.class, () -> LudusCompiler.emit(p, (mod, i) -> "same.Name"));
    }

    private static Program program(Path dir) throws Exception {
        Files.writeString(dir.resolve("lib.ld"), "fn answer () -> 42\nns lib { answer }\n");
        Path app = dir.resolve("app.ld");
        Files.writeString(app, "import \"lib.ld\" as lib\nlib :answer ()\n");
        return LudusCompiler.analyse(app, "app.ld");
    }
}
