package dev.ludus.compiler.syntax;

import static dev.ludus.compiler.syntax.InputCompleteness.needsMore;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** When the REPL asks for another line (InputCompleteness.needsMore). */
class InputCompletenessTest {
    private static void more(String text) {
        assertTrue(needsMore(text), () -> "should ask for more: " + text.replace("\n", "\\n"));
    }

    private static void done(String text) {
        assertFalse(needsMore(text), () -> "should be complete: " + text.replace("\n", "\\n"));
    }

    @Test
    void completeInput() {
        done("");
        done("1\n");
        done("let x = 1\n");
        done("add (1, 2)\n");
        done("fn f (x) -> x\n");
        done("if x then 1 else 2\n");
        done("match x with { 1 -> :a; _ -> :b }\n");
        done("do 1 > inc\n");
        done("\"a string with ( and {\"\n");
        done("& a comment with an open ( bracket\n");
        done(":foo\n");
        done("fn f\n"); // a forward declaration
        done("loop (1) with (x) -> x\n");
    }

    @Test
    void openBracketsAndStrings() {
        more("add (1,\n");
        more("[1, 2\n");
        more("{\n");
        more("${1\n");
        more("#{:a 1\n");
        more("fn f {\n  (x) -> x\n");
        more("\"no end\n");
        more("\"escaped quote \\\"\n");
        more("\"interpolation {x\n");
        done("[1, 2]\n");
        done("\"two\nlines\"\n");
    }

    @Test
    void unfinishedForms() {
        more("let x =\n");
        more("ref r =\n");
        more("if x\n");
        more("if x\n  then 1\n");
        done("if x\n  then 1\n  else 2\n");
        more("match x\n");
        done("match x\n  with { _ -> 1 }\n");
        more("do x\n");
        done("do x\n  > inc\n");
        more("let y = if x then 1\n");
        done("let y = if x then 1\nelse 2\n");
    }

    @Test
    void guardsAndElsePatternsDoNotWaitForThenOrElse() {
        done("fn f (x) if pos? (x) -> x\n");
        done("when { x -> 1; else -> 2 }\n");
        done("if a then when { else -> 1 } else 2\n");
    }

    @Test
    void aNextLineThatCannotContinueTheFormEndsTheEntry() {
        done("if x then 1\nx\n");
        done("match x\ny\n");
        done("do x\ny\n");
    }

    @Test
    void doStageMayContinueAfterGt() {
        more("do x >\n"); // the 2024 grammar: a newline may follow > in do (language.md §15)
        more("do x > inc >\n");
    }

    @Test
    void inputThatMoreLinesCannotFixIsComplete() {
        // spec §2.1: no newline after ->, then, else; the syntax error is reported at once
        done("fn f (x) ->\n");
        done("if x then\n");
        done("if x then 1 else\n");
        done("(1, 2))\n(\n"); // an unmatched closer
        done("1.\n(\n");       // a lexical error
        done("x^2 (\n");
    }
}
