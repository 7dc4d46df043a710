package dev.ludus.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The program's classes are defined by its loader without a search of the parent's class path. */
class ProgramClassLoaderTest {
    /** A parent that delegates to the test's loader and records every name it is asked for. */
    private static final class Recording extends ClassLoader {
        final List<String> asked = new ArrayList<>();

        Recording() { super(ProgramClassLoaderTest.class.getClassLoader()); }

        @Override protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (asked) { asked.add(name); }
            return super.loadClass(name, resolve);
        }
    }

    @Test
    void programClassesNeverGoToTheParent(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("p.ld");
        Files.writeString(file, "fn f (x) -> (x, inc (x))\nlet y = f (2)\nprint! (y)\n");
        CompiledProgram program = LudusCompiler.compile(file, "p.ld");
        Recording parent = new Recording();
        ProgramClassLoader loader = new ProgramClassLoader(program, parent);
        Class<?> main = Class.forName(program.mainClass(), true, loader);
        assertSame(loader, main.getClassLoader());
        for (String name : program.classes().keySet()) {
            Class<?> c = loader.load(name);
            assertSame(loader, c.getClassLoader(), name);
            assertSame(c, loader.load(name), name + " is defined once");
        }
        List<String> programNames = new ArrayList<>();
        for (String name : parent.asked) if (program.classes().containsKey(name)) programNames.add(name);
        assertEquals(List.of(), programNames, "program classes asked of the parent");
        // the runtime's classes still come from the parent
        Class<?> runtime = loader.loadClass("dev.ludus.runtime.Launcher");
        assertSame(ProgramClassLoaderTest.class.getClassLoader(), runtime.getClassLoader());
        assertTrue(parent.asked.contains("dev.ludus.runtime.Launcher"));
    }
}
