package dev.ludus.compiler.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Spans: 1-based lines, code-point columns (tab = 1), exclusive end; forms start at their keyword. */
class SpanTest {
    private static Span sp(int line, int col, int endLine, int endCol) {
        return new Span("test.ld", line, col, endLine, endCol);
    }

    private static List<Ast.Expr> body(String src) {
        return Parsing.parse(src).body();
    }

    @Test void fnDefStartsAtFn() {
        Ast.FnDef f = (Ast.FnDef) body("\n  fn f (x) -> x").get(0);
        assertEquals(sp(2, 3, 2, 16), f.span());
        assertEquals(sp(2, 6, 2, 7), f.nameSpan());
        Ast.Clause c = f.clauses().get(0);
        assertEquals(sp(2, 8, 2, 16), c.span());
    }

    @Test void multiClauseFnSpansLines() {
        Ast.FnDef f = (Ast.FnDef) body("fn f {\n  () -> 1\n}").get(0);
        assertEquals(sp(1, 1, 3, 2), f.span());
    }

    @Test void lambdaStartsAtFn() {
        Ast.Let l = (Ast.Let) body("let g = fn () -> 1").get(0);
        assertEquals(sp(1, 1, 1, 19), l.span());
        assertEquals(sp(1, 9, 1, 19), l.value().span());
    }

    @Test void matchWhenLoopStartAtTheirKeyword() {
        List<Ast.Expr> b = body("x; match x with { _ -> 1 }\nwhen { else -> 2 }\n\tloop (1) with (n) -> n");
        assertEquals(sp(1, 4, 1, 27), b.get(1).span());
        assertEquals(sp(2, 1, 2, 19), b.get(2).span());
        assertEquals(sp(3, 2, 3, 24), b.get(3).span());
    }

    @Test void codePointColumns() {
        Ast.Let l = (Ast.Let) body("\"😀\"; let x = 1").get(1);
        assertEquals(sp(1, 6, 1, 15), l.span());
    }

    @Test void tokensAndTerms() {
        Ast.Synthetic s = (Ast.Synthetic) body("foo :a (1, 2)").get(0);
        assertEquals(sp(1, 1, 1, 4), s.root().span());
        assertEquals(sp(1, 5, 1, 7), s.terms().get(0).span());
        assertEquals(sp(1, 8, 1, 14), s.terms().get(1).span());
        assertEquals(sp(1, 1, 1, 14), s.span());
    }

    @Test void refNameSpanAndMultilineString() {
        Ast.RefDecl r = (Ast.RefDecl) body("ref counter = \"a\nbc\"").get(0);
        assertEquals(sp(1, 5, 1, 12), r.nameSpan());
        assertEquals(sp(1, 15, 2, 4), r.value().span());
    }

    @Test void splatsAndPlaceholders() {
        Ast.ListLit l = (Ast.ListLit) body("[...xs]").get(0);
        assertEquals(sp(1, 2, 1, 7), l.items().get(0).span());
        Ast.Synthetic s = (Ast.Synthetic) body("f (1, _)").get(0);
        assertEquals(sp(1, 7, 1, 8), ((Ast.Args) s.terms().get(0)).args().get(1).span());
    }

    @Test void scriptCoversTheFile() {
        assertEquals(sp(1, 1, 2, 2), Parsing.parse("x\ny").span());
    }
}
