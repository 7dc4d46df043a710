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

    // Long methods, long fns, many constants, many lets, calls of many arguments, patterns of
    // many names now compile (Splitter, ClassUnit, ManyArgs, Spills; see BigProgramsTest). What is
    // left is blamed on the pattern to blame, not on its function or line 1: a pattern whose own
    // code passes 64 KB, or one that needs more locals than a JVM method can hold (Frame.MAX_LOCALS).

    @Test
    void aPatternTooLargeForOneMethodIsBlamedOnThePattern() throws Exception {
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < 20_000; i++) names.append(i == 0 ? "" : ", ").append('x').append(i).append(" as :number");
        Diagnostic d = error("print! (1)\nfn f (t) -> {\n  let (" + names + ") = t\n  x5\n}\n");
        assertEquals("this expression is too large to compile: its code exceeds the JVM's 64 KB method limit; "
                + "split it into smaller parts", d.message());
        assertEquals(3, d.span().line());
        assertEquals(7, d.span().col());
    }

    @Test
    void aPatternNeedingTooManyLocalsIsBlamedOnThePattern() throws Exception {
        // 2,500 nested tuples: a slot for each level's value
        Diagnostic d = error("print! (1)\nfn f (t) -> {\n  let " + "(".repeat(2500) + "x" + ")".repeat(2500) + " = t\n  x\n}\n");
        assertEquals("this expression is too large to compile: it needs more than 2000 local variables in one function; "
                + "split it into smaller parts", d.message());
        assertEquals(3, d.span().line());
        assertEquals(7, d.span().col());
    }
}
