package dev.ludus.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ludus.compiler.CompiledProgram;
import dev.ludus.compiler.LudusCompiler;
import dev.ludus.compiler.ProgramClassLoader;
import dev.ludus.compiler.diagnostic.CompileErrors;
import dev.ludus.compiler.resolve.Binding;
import dev.ludus.compiler.resolve.Program;
import dev.ludus.compiler.resolve.SessionName;
import dev.ludus.compiler.syntax.SourceText;
import dev.ludus.runtime.Session;
import dev.ludus.runtime.Values;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * REPL entries (LudusCompiler.analyseEntry/emitEntry): names of earlier entries resolve as
 * session constants, entries may shadow them and prelude names, $bindings exposes the values.
 */
class SessionEntryTest {
    /** A minimal session: name -> SessionName, as the CLI's Repl keeps it. */
    private final Map<String, SessionName> names = new LinkedHashMap<>();
    private int n;

    /** Compiles (verifying the bytecode) and runs one entry; keeps its bindings; returns the shown value. */
    private String entry(String text) throws Exception {
        Program p = LudusCompiler.analyseEntry(new SourceText("<entry" + ++n + ">", null, text), List.copyOf(names.values()));
        CompiledProgram c = LudusCompiler.emitEntry(p);
        ProgramClassLoader loader = new ProgramClassLoader(c, getClass().getClassLoader());
        Programs.verify(c, loader);
        Class<?> module = loader.load(c.mainClass());
        Object value = module.getMethod("$run").invoke(null);
        Object[] values = (Object[]) module.getMethod("$bindings").invoke(null);
        List<Binding> bound = p.main().resolution().moduleBindings;
        assertEquals(bound.size(), values.length);
        for (int i = 0; i < values.length; i++) {
            Binding b = bound.get(i);
            names.put(b.name, new SessionName(b.name, Session.define(values[i]), p.main().resolution().namespaces.get(b)));
        }
        return Values.show(value);
    }

    @Test
    void namesCarryOverAndCanBeRebound() throws Exception {
        assertEquals("1", entry("let x = 1"));
        assertEquals("fn f", entry("fn f () -> x"));
        assertEquals("2", entry("add (x, f ())"));
        assertEquals("10", entry("let x = 10"));
        assertEquals("11", entry("add (x, f ())")); // f keeps the x it was compiled against
    }

    @Test
    void sessionNamesShadowThePreludeAndAreShadowedByTheEntry() throws Exception {
        assertEquals("[2, 3]", entry("rest ([1, 2, 3])"));
        assertEquals("\"mine\"", entry("let rest = \"mine\""));
        assertEquals("\"mine\"", entry("rest"));
        assertEquals("3", entry("let rest = 3; rest"));
    }

    @Test
    void useWorksOnANamespaceFromAnEarlierEntry() throws Exception {
        entry("ns geo { :area fn (w, h) -> mult (w, h), :pi 3 }");
        assertEquals(List.of("area", "pi"), names.get("geo").nsMembers());
        assertEquals("12", entry("use geo\narea (pi, 4)"));
        assertEquals("3", entry("pi"));
    }

    @Test
    void unboundNamesAreStillCompileErrors() throws Exception {
        entry("let a = 1");
        CompileErrors e = assertThrows(CompileErrors.class,
                () -> LudusCompiler.analyseEntry(new SourceText("<e>", null, "add (a, b)"), List.copyOf(names.values())));
        assertEquals("unbound name: b", e.diagnostics().get(0).message());
    }

    @Test
    void importedFilesDoNotSeeSessionNames(@TempDir Path dir) throws Exception {
        entry("let secret = 1");
        Path lib = dir.resolve("lib.ld");
        Files.writeString(lib, "secret\n");
        CompileErrors e = assertThrows(CompileErrors.class, () -> LudusCompiler.analyseEntry(
                new SourceText("<e>", null, "import \"" + lib + "\" as lib"), List.copyOf(names.values())));
        assertTrue(e.diagnostics().get(0).message().contains("unbound name: secret"), e.diagnostics().toString());
    }

    @Test
    void valuesArePassedByIdentity() throws Exception {
        entry("let xs = [1, 2, 3]");
        Object before = Session.value(names.get("xs").slot());
        entry("let ys = xs");
        assertSame(before, Session.value(names.get("ys").slot()));
    }

    @Test
    void manyBindingsInOneEntry() throws Exception {
        List<String> lets = new ArrayList<>();
        for (int i = 0; i < 2500; i++) lets.add("let v" + i + " = " + i);
        entry(String.join("\n", lets));
        assertEquals("2499", entry("v2499"));
        assertEquals("1234", entry("v1234"));
    }

    @Test
    void aSessionNameThatShadowsAPreludeFunctionIsNeverCompiledAsThePrelude() throws Exception {
        // the emitter compiles calls of the prelude's add/eq?/... to JVM arithmetic (intrinsics)
        entry("let add = fn (a, b) -> :mine");
        entry("let eq? = fn (a, b) -> false");
        entry("fn inc (x) -> :my_inc");
        assertEquals(":mine", entry("add (1, 2)"));
        assertEquals(":no", entry("if eq? (1, 1) then :yes else :no"));
        assertEquals(":my_inc", entry("inc (1)"));
        assertEquals(":mine", entry("loop (0) with (n) -> add (n, 1)"));
        assertEquals(Binding.Kind.SESSION,
                LudusCompiler.analyseEntry(new SourceText("<e>", null, "add"), List.copyOf(names.values()))
                        .main().resolution().uses.values().iterator().next().binding().kind);
    }
}
