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
    // any size, long interpolations and pipelines, many late-bound names (Splitter, ClassUnit,
    // ManyArgs, Spills, PatternMethods; see BigProgramsTest, BigPatternsTest, LateBoundNamesTest)
    // now compile.
}
