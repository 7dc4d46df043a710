package dev.ludus.compiler.diagnostic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ludus.compiler.LudusCompiler;
import dev.ludus.compiler.syntax.SourceText;
import dev.ludus.compiler.syntax.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The stderr rendering of compile errors and the hints the front end attaches (the golden files
 * in cli/src/test/resources/diagnostics pin the full texts of every kind).
 */
class HumanReportTest {
    static Diagnostic first(String source) {
        CompileErrors e = assertThrows(CompileErrors.class,
                () -> LudusCompiler.analyse(new SourceText("t.ld", null, source)));
        return e.diagnostics().get(0);
    }

    static String hint(String source) {
        return first(source).hint();
    }

    @Test
    void rendersLocationExcerptCaretsAndHint() {
        Diagnostic d = first("let x = 1\nprint! (eqq? (x, 1))\n");
        assertEquals("""
                t.ld:2:9: error: unbound name: eqq?
                 2 | print! (eqq? (x, 1))
                   |         ^^^^
                   = hint: did you mean `eq?`?
                """, HumanReport.render(d, false));
    }

    @Test
    void aSpanOverSeveralLinesIsUnderlinedToTheEndOfItsFirstLine() {
        SourceText src = new SourceText("m.ld", null, "foo (1,\n  2)\n");
        Diagnostic d = new Diagnostic(src, new Span("m.ld", 1, 5, 2, 5), "too large");
        assertEquals("m.ld:1:5: error: too large\n 1 | foo (1,\n   |     ^^^\n", HumanReport.render(d, false));
    }

    @Test
    void colourWrapsTheParts() {
        Diagnostic d = first("frobnicate (1)\n");
        String c = HumanReport.render(d, true);
        assertTrue(c.contains("\u001b[1;31merror:\u001b[0m"), c);
        assertTrue(c.contains("\u001b[1;31m^^^^^^^^^^\u001b[0m"), c);
        assertEquals(HumanReport.render(d, false), c.replaceAll("\u001b\\[[0-9;]*m", ""));
    }

    @Test
    void didYouMeanLooksAtTheScopesOfTheUse() {
        // a parameter of the enclosing fn clause
        assertEquals("did you mean `total`?", hint("fn f (total) -> add (totl, 1)\n"));
        // names bound in a block that has ended are not suggested
        assertNull(hint("let y = { let velocity = 1; velocity }\nvelocty\n"));
        assertEquals("did you mean `velocity`?", hint("let y = { let velocity = 1; velocty }\n"));
        // prelude names and value words
        assertEquals("did you mean `print!`?", hint("print (1)\n"));
        assertEquals("Ludus writes \"no value\" as `nil`", hint("let x = null\n"));
        assertEquals("did you mean `nil`?", hint("let x = nul\n"));
        assertNull(hint("frobnicate (1)\n"));
    }

    @Test
    void aNameUsedBeforeItsBindingSaysWhere() {
        assertEquals("`y` is bound on line 2, after this use; a name is visible only after its binding "
                + "(code inside a fn may use later ones)", hint("let x = y\nlet y = 1\n"));
    }

    @Test
    void rebindingNamesTheFirstBinding() {
        assertTrue(hint("let a = 1\n\nlet a = 2\n").startsWith("`a` was first bound on line 1;"));
    }

    @Test
    void syntaxAndLexicalHints() {
        assertEquals("Ludus has no operators: to divide, use `div (a, b)`", hint("let x = 1/2\n"));
        assertEquals("an `if` needs both branches: `if condition then a else b`", hint("if true then 1\n:x\n"));
        assertEquals("to compare two values, use `eq? (a, b)`", hint("if 1 = 1 then 2 else 3\n"));
        assertEquals("to call a function, put its arguments in parentheses: `foo (...)`", hint("let foo = 1\nfoo 2\n"));
        assertNull(hint("let f = fn g () -> 1\n")); // the message already says what to do
    }

    @Test
    void everyErrorOfAFileIsRendered() {
        CompileErrors e = assertThrows(CompileErrors.class,
                () -> LudusCompiler.analyse(new SourceText("t.ld", null, "a\nb\n")));
        String all = HumanReport.render(e.diagnostics(), false);
        assertEquals(List.of("t.ld:1:1: error: unbound name: a", "t.ld:2:1: error: unbound name: b"),
                all.lines().filter(l -> l.startsWith("t.ld")).toList());
    }
}
