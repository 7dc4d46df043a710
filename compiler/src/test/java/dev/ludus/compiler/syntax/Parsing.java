package dev.ludus.compiler.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ludus.compiler.diagnostic.CompileErrors;
import dev.ludus.compiler.diagnostic.Diagnostic;

/** Test helpers: parse a snippet and render the tree or the single error. */
final class Parsing {
    private Parsing() {}

    static SourceText src(String text) {
        return new SourceText("test.ld", null, text);
    }

    static Ast.Script parse(String text) {
        try {
            return LudusParser.parse(src(text));
        } catch (CompileErrors e) {
            throw new AssertionError("unexpected error: " + e.diagnostics(), e);
        }
    }

    /** The tree in AstPrinter's notation. */
    static String ast(String text) {
        return AstPrinter.print(parse(text));
    }

    static Diagnostic diagnostic(String text) {
        try {
            Ast.Script s = LudusParser.parse(src(text));
            return fail("expected an error, got " + AstPrinter.print(s));
        } catch (CompileErrors e) {
            assertEquals(1, e.diagnostics().size(), "a lexical/syntax error gives exactly one diagnostic");
            return e.diagnostics().get(0);
        }
    }

    /** "line:col+carets message". */
    static String error(String text) {
        Diagnostic d = diagnostic(text);
        Span s = d.span();
        return s.line() + ":" + s.col() + "+" + s.caretLength() + " " + d.message();
    }
}
