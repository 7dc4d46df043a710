package dev.ludus.compiler.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ludus.compiler.diagnostic.CompileErrors;
import dev.ludus.compiler.syntax.SourceText;
import org.junit.jupiter.api.Test;

/** The layout rules of docs/formatting.md, one by one. */
class FormatterTest {
    private static String fmt(String text) throws CompileErrors {
        String once = Formatter.format(new SourceText("t.ld", null, text));
        assertEquals(once, Formatter.format(new SourceText("t.ld", null, once)), "not idempotent");
        return once;
    }

    @Test
    void spacesBetweenTokens() throws CompileErrors {
        assertEquals("let x = add (1, 2)\n", fmt("let   x=add(1,2)"));
        assertEquals("let d = #{:a 1, :b [1, 2], :c ${3}}\n", fmt("let d=#{ :a 1 ,:b [ 1,2 ] , :c ${ 3 } }"));
        assertEquals("let f = fn (x, ...xs) -> { print! (x); xs }\n", fmt("let f = fn (x,... xs)->{print! (x) ;xs}"));
        assertEquals("do 1 > inc > add (_, 2)\n", fmt("do 1>inc>add (_,2)"));
    }

    @Test
    void indentationFollowsBracketsAndClauses() throws CompileErrors {
        assertEquals("fn f {\n  (0) -> :zero\n  (n) -> match n with {\n    1 -> :one\n    _ -> :many\n  }\n}\n",
                fmt("fn f {\n(0) -> :zero\n      (n) -> match n with {\n1 -> :one\n _ -> :many\n}\n    }"));
    }

    @Test
    void continuationLines() throws CompileErrors {
        assertEquals("let r = if a\n  then if b\n    then 1\n    else 2\n  else 3\n",
                fmt("let r = if a\nthen if b\nthen 1\nelse 2\nelse 3"));
        assertEquals("let x =\n  42\n", fmt("let x =\n42"));
        assertEquals("do x\n  > f\n  > g\n", fmt("do x\n> f\n      > g"));
        assertEquals("match x with {\n  (1) if true -> 1\n  else -> 2\n}\n", fmt("match x with {\n(1) if true -> 1\nelse -> 2\n}"));
    }

    @Test
    void commentsAndStringsAreKeptExactly() throws CompileErrors {
        String src = "& top   comment\nlet s = \"a  {x}\n   b\"   &  trailing\n{\n& inner\n  s }\n";
        assertEquals("& top   comment\nlet s = \"a  {x}\n   b\" &  trailing\n{\n  & inner\n  s }\n", fmt(src));
    }

    @Test
    void blankLines() throws CompileErrors {
        assertEquals("let a = 1\n\nlet b = 2\n", fmt("\n\nlet a = 1\n\n\n\nlet b = 2\n\n"));
        assertEquals("fn a () -> 1\n\nfn b () -> 2\n", fmt("fn a () -> 1\nfn b () -> 2"));
        assertEquals("let x = 1\n\n& about f\nfn f () -> {\n  x\n}\n\nf ()\n", fmt("let x = 1\n& about f\nfn f () -> {\n\n  x\n\n}\nf ()"));
    }

    @Test
    void longListsAreBrokenOnePerLine() throws CompileErrors {
        String item = "\"" + "x".repeat(30) + "\"";
        String out = fmt("print! ([" + item + ", " + item + ", " + item + "])");
        assertEquals("print! ([\n  " + item + ",\n  " + item + ",\n  " + item + "\n])\n", out);
        for (String line : out.split("\n")) assertTrue(line.length() <= Formatter.WIDTH, line);
    }

    @Test
    void keepsWindowsLineEndings() throws CompileErrors {
        assertEquals("let a = 1\r\nprint! (a)\r\n", fmt("let a=1\r\nprint! (a)\r\n"));
    }

    @Test
    void refusesTextThatDoesNotParse() {
        CompileErrors e = assertThrows(CompileErrors.class, () -> fmt("let x = (1, 2"));
        assertTrue(e.diagnostics().get(0).message().contains("expected"), e.getMessage());
    }

    @Test
    void emptyFile() throws CompileErrors {
        assertEquals("", fmt("\n\n  & \n".substring(0, 2)));
    }
}
