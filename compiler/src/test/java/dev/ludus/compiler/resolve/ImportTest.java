package dev.ludus.compiler.resolve;

import static dev.ludus.compiler.resolve.A.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.ludus.compiler.diagnostic.CompileErrors;
import dev.ludus.compiler.diagnostic.Diagnostic;
import dev.ludus.compiler.syntax.Ast;
import dev.ludus.compiler.syntax.SourceText;
import dev.ludus.compiler.syntax.Span;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Imports (spec §13) with a fake parser that maps file names to hand-built scripts. */
class ImportTest {
    @TempDir Path dir;
    final Map<String, Supplier<Ast.Script>> files = new HashMap<>();
    final Map<String, Integer> parses = new HashMap<>();

    ScriptParser parser() {
        return src -> {
            String name = src.path().getFileName().toString();
            parses.merge(name, 1, Integer::sum);
            return files.get(name).get();
        };
    }

    void file(String name, Supplier<Ast.Script> script) throws Exception {
        Files.writeString(dir.resolve(name), "& " + name + "\n");
        files.put(name, script);
    }

    Program run(String main) throws Exception {
        return Resolver.analyse(dir.resolve(main), "dir/" + main, parser());
    }

    @Test
    void importsResolveRelativeWithDefaultExtensionOnce() throws Exception {
        file("lib.ld", () -> script(fn("double", params("x"), w("x")), ns("lib", pair("greeting", str("hi")), pair("double", w("double")))));
        Ast.Import i1 = imp("lib.ld", "lib"), i2 = imp("lib", "again");
        Ast.Use u = use("lib");
        Ast.Word greeting = w("greeting");
        file("main.ld", () -> script(i1, i2, u, greeting));
        Program p = run("main.ld");
        assertEquals(2, p.modules().size());
        Module lib = p.modules().get(0);
        assertEquals("dir/lib.ld", lib.source().displayName());
        assertEquals(List.of("greeting", "double"), lib.exports());
        assertEquals(dir.resolve("lib.ld").toRealPath(), lib.source().path());
        Resolution r = p.main().resolution();
        assertSame(lib, r.imports.get(i1));
        assertSame(lib, r.imports.get(i2));
        assertEquals(1, parses.get("lib.ld"));
        assertEquals(Binding.Kind.MODULE, r.declared.get(i1).kind);
        assertSame(r.useMembers.get(u).get(0), r.uses.get(greeting).binding());
        assertEquals("dir/main.ld", p.main().source().displayName());
    }

    @Test
    void nestedDirectoriesAndAbsolutePaths() throws Exception {
        Files.createDirectories(dir.resolve("sub"));
        file("sub/inner.ld", () -> script(num(1)));
        files.put("inner.ld", files.get("sub/inner.ld"));
        file("sub/mid.ld", () -> script(imp("inner", "i"), w("i")));
        files.put("mid.ld", files.get("sub/mid.ld"));
        String abs = dir.resolve("sub/inner.ld").toString();
        file("main.ld", () -> script(imp("sub/mid", "m"), imp(abs, "i2")));
        Program p = run("main.ld");
        assertEquals(List.of("dir/sub/inner.ld", "dir/sub/mid.ld", "dir/main.ld"),
                p.modules().stream().map(m -> m.source().displayName()).toList());
        assertNull(p.main().exports());
    }

    @Test
    void missingImport() throws Exception {
        Ast.Import bad = imp("nope", "n");
        file("main.ld", () -> script(bad));
        CompileErrors e = assertThrows(CompileErrors.class, () -> run("main.ld"));
        Diagnostic d = e.diagnostics().get(0);
        assertEquals("cannot read import \"nope\"", d.message());
        assertEquals(bad.span().col(), d.span().col());
        assertEquals(6, d.span().caretLength());
        assertEquals("dir/main.ld", d.source().displayName());
    }

    @Test
    void importCycle() throws Exception {
        file("a.ld", () -> script(imp("b.ld", "b")));
        file("b.ld", () -> script(imp("a", "a")));
        CompileErrors e = assertThrows(CompileErrors.class, () -> run("a.ld"));
        assertEquals(1, e.diagnostics().size());
        Diagnostic d = e.diagnostics().get(0);
        assertEquals("import cycle: dir/a.ld -> dir/b.ld -> dir/a.ld", d.message());
        assertEquals("dir/b.ld", d.source().displayName());
    }

    @Test
    void errorsInImportsUseTheImportedFileAndComeAtTheImport() throws Exception {
        file("lib.ld", () -> script(w("undefined_in_lib")));
        Span late = new Span("main.ld", 5, 1, 5, 2);
        Span early = new Span("main.ld", 1, 1, 1, 2);
        file("main.ld", () -> new Ast.Script(early, List.of(
                new Ast.Word(early, "first_error"),
                new Ast.Import(new Span("main.ld", 3, 1, 3, 20), "lib", early, "lib", early),
                new Ast.Word(late, "last_error"))));
        CompileErrors e = assertThrows(CompileErrors.class, () -> run("main.ld"));
        assertEquals(List.of("dir/main.ld: unbound name: first_error", "dir/lib.ld: unbound name: undefined_in_lib",
                "dir/main.ld: unbound name: last_error"),
                e.diagnostics().stream().map(d -> d.source().displayName() + ": " + d.message()).toList());
    }

    @Test
    void syntaxErrorInImportEndsTheAnalysis() throws Exception {
        Files.writeString(dir.resolve("broken.ld"), "(");
        file("main.ld", () -> script(w("unbound_main"), imp("broken", "b")));
        ScriptParser p = src -> {
            if (src.path().getFileName().toString().equals("broken.ld")) {
                throw new CompileErrors(List.of(new Diagnostic(src, new Span("x", 1, 1, 1, 2), "expected an expression, found end of input")));
            }
            return files.get("main.ld").get();
        };
        CompileErrors e = assertThrows(CompileErrors.class, () -> Resolver.analyse(dir.resolve("main.ld"), "main.ld", p));
        assertEquals(1, e.diagnostics().size());
        assertEquals("broken.ld", e.diagnostics().get(0).source().displayName());
    }

    @Test
    void useOfImportWithoutExportsIsAnError() throws Exception {
        file("lib.ld", () -> script(num(1)));
        file("main.ld", () -> script(imp("lib", "lib"), use("lib")));
        CompileErrors e = assertThrows(CompileErrors.class, () -> run("main.ld"));
        assertEquals("use needs a namespace: lib is not a namespace known at compile time", e.diagnostics().get(0).message());
    }

    @Test
    void displayNames() {
        assertEquals("lib.ld", Resolver.displayName("main.ld", "lib.ld"));
        assertEquals("a/lib.ld", Resolver.displayName("a/main.ld", "./lib.ld"));
        assertEquals("lib.ld", Resolver.displayName("a/main.ld", "../lib.ld"));
        assertEquals("/abs/x.ld", Resolver.displayName("a/main.ld", "/abs/x.ld"));
    }
}
