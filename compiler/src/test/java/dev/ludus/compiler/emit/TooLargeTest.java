package dev.ludus.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ludus.compiler.LudusCompiler;
import dev.ludus.compiler.diagnostic.CompileErrors;
import dev.ludus.compiler.diagnostic.Diagnostic;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Programs beyond the JVM's limits give a clear Ludus error at the expression to blame, never
 * an internal error (issue 12: ClassTooLargeException, a 64 KB error blamed on line 1, a
 * StackOverflowError after 9 s for deeply nested brackets).
 */
class TooLargeTest {
    @TempDir Path dir;

    private Diagnostic error(String source) throws Exception {
        Path file = dir.resolve("big.ld");
        Files.writeString(file, source);
        CompileErrors e = assertThrows(CompileErrors.class, () -> LudusCompiler.compile(file, "big.ld"));
        assertEquals(1, e.diagnostics().size(), e.diagnostics().toString());
        return e.diagnostics().get(0);
    }

    @Test
    void deeplyNestedBracketsAreALexicalErrorAtOnce() throws Exception {
        for (String open : new String[] {"[", "(", "{", "${"}) {
            Diagnostic d = error("let x = 1\nprint! (" + open.repeat(1_000_000) + "\n");
            assertEquals("too deeply nested: more than 1000 brackets are open here", d.message());
            assertEquals(2, d.span().line());
        }
    }

    @Test
    void aLongMethodIsBlamedOnItsStatement() throws Exception {
        Diagnostic d = error("let x = 5\nprint! (x)\n" + "if eq? (x, 0) then 0 else ".repeat(5_000) + "1\nprint! (x)\n");
        assertTrue(d.message().startsWith("this expression is too large to compile"), d.message());
        assertEquals(3, d.span().line());
    }

    @Test
    void aFunctionWithTooManyClausesIsBlamedOnTheFunction() throws Exception {
        StringBuilder b = new StringBuilder("print! (1)\nfn f {\n");
        for (int i = 0; i < 5000; i++) b.append("  (").append(i).append(") -> ").append(i).append('\n');
        Diagnostic d = error(b.append("}\nf (5)\n").toString());
        assertTrue(d.message().startsWith("this expression is too large to compile"), d.message());
        assertEquals(2, d.span().line());
    }

    @Test
    void tooManyConstantsIsBlamedWhereTheyOverflow() throws Exception {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 40_000; i++) b.append("print! (\"line ").append(i).append("\")\n");
        Diagnostic d = error(b.toString());
        assertTrue(d.message().startsWith("this file is too large to compile from here on"), d.message());
        assertTrue(d.span().line() > 30_000, "blamed on line " + d.span().line());
    }

    @Test
    void tooManyLocalsIsAnErrorBeforeTheCompilerOutgrowsItsMemory() throws Exception {
        // before: 70,000 lets in one fn took the compiler past 6 GB (ASM frames: locals x blocks)
        StringBuilder b = new StringBuilder("print! (1)\nfn f () -> {\n");
        for (int i = 0; i < 70_000; i++) b.append("  let x").append(i).append(" = ").append(i).append('\n');
        Diagnostic d = error(b.append("  x5\n}\n").toString());
        assertEquals("this expression is too large to compile: it binds more than 2000 names in one function; "
                + "split it into smaller functions", d.message());
        assertEquals(2, d.span().line());
        StringBuilder top = new StringBuilder("print! (1)\nprint! (2)\n{\n");
        for (int i = 0; i < 3000; i++) top.append("  let x").append(i).append(" = ").append(i).append('\n');
        d = error(top.append("  x5\n}\n").toString());
        assertEquals(3, d.span().line());
    }
}
