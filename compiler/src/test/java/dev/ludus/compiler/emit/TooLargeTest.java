package dev.ludus.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ludus.compiler.BigStack;
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
        // as `ludus run` compiles: on a thread with a large stack (BigStack)
        CompileErrors e = assertThrows(CompileErrors.class,
                () -> BigStack.call("ludus-compile-test", () -> LudusCompiler.compile(file, "big.ld")));
        assertEquals(1, e.diagnostics().size(), e.diagnostics().toString());
        return e.diagnostics().get(0);
    }

    @Test
    void deeplyNestedBracketsAreALexicalErrorAtOnce() throws Exception {
        for (String open : new String[] {"[", "(", "{", "${"}) {
            Diagnostic d = error("let x = 1\nprint! (" + open.repeat(1_000_000) + "\n");
            assertEquals("too deeply nested: more than 100000 brackets are open here", d.message());
            assertEquals(2, d.span().line());
        }
    }

    // Long methods, long fns, many constants and many lets now compile (Splitter, ClassUnit; see
    // BigProgramsTest). What is left: one pattern or loop that binds more names than a JVM method
    // can hold in its locals (Frame.MAX_LOCALS) is blamed on the function (at toplevel, names are
    // fields: no limit).

    @Test
    void aPatternBindingTooManyNamesInAFunctionIsBlamedOnTheFunction() throws Exception {
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < 3000; i++) names.append(i == 0 ? "" : ", ").append('x').append(i);
        Diagnostic d = error("print! (1)\nfn f (t) -> {\n  let (" + names + ") = t\n  x5\n}\n");
        assertEquals("this expression is too large to compile: it binds more than 2000 names in one function; "
                + "split it into smaller functions", d.message());
        assertEquals(2, d.span().line());
    }
}
