package dev.ludus.compiler.syntax;

import static dev.ludus.compiler.syntax.Parsing.ast;
import static dev.ludus.compiler.syntax.Parsing.error;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The syntax error messages and positions of spec §11. */
class SyntaxErrorTest {
    @Test void expectedAnExpression() {
        assertEquals("1:3+1 expected an expression, found '}'", error("{ }"));
        assertEquals("1:8+1 expected an expression, found end of input", error("let x ="));
        assertEquals("2:1+1 expected an expression, found ')'", error("let x =\n)"));
        assertEquals("1:5+1 expected an expression, found ')'", error("[1, )"));
        assertEquals("1:4+1 expected an expression, found '{'", error("if {x} then 1 else 2"));
        assertEquals("1:1+1 expected an expression, found '}'", error("}"));
        assertEquals("1:8+1 expected an expression, found '_'", error("[1, 2, _]"));
    }

    @Test void newlineMayNotFollowArrow() {
        assertEquals("1:12+1 expected an expression, found newline", error("fn f (x) ->\n  x"));
        assertEquals("1:20+1 expected an expression, found newline", error("match x with { 1 ->\n 2 }"));
    }

    @Test void newlineMayFollowGreaterThanInDo() {
        // the 2024 grammar (language.md §15); before, "expected an expression, found newline"
        assertEquals(ast("do 1 > inc"), ast("do 1 >\n  inc"));
        assertEquals(ast("do 1 > inc > dec"), ast("do 1 >\n\n inc >\n dec"));
        assertEquals("1:7+1 expected an expression, found end of input", error("do 1 >\n"));
    }

    @Test void greaterThanOnItsOwnLineOutsideDo() {
        assertEquals("2:1+1 expected an expression, found '>'", error("x\n> y"));
        assertEquals("2:1+1 expected an expression, found ')'", error("do x > f\n)"));
    }

    @Test void expectedNewlineOrSemicolon() {
        assertEquals("1:29+1 expected a newline or ';', found '('", error("let r = (fn (x) -> inc (x)) (1)"));
        assertEquals("1:5+1 expected a newline or ';', found '('", error("(f) (1)"));
        assertEquals("1:3+1 expected a newline or ';', found word 'y'", error("x y"));
        assertEquals("1:5+1 expected a newline or ';', found number 2", error("{ 1 2 }"));
        assertEquals("1:24+2 expected a newline or ';', found keyword ':b'",
                error("match x with { :a -> 1 :b -> 2 }"));
    }

    @Test void expectedSeparatorOrCloser() {
        assertEquals("2:18+1 expected ',' or ')', found ']'", error("print! (\"before\")\nlet x = add (1, 2]"));
        assertEquals("1:4+1 expected ',' or ']', found number 2", error("[1 2]"));
        assertEquals("1:4+1 expected ',' or ')', found number 2", error("(1 2)"));
        assertEquals("1:8+1 expected ',' or '}', found number 2", error("#{:a 1 2}"));
        assertEquals("1:8+1 expected ',' or '}', found number 2", error("${1, x 2}"));
        assertEquals("1:14+1 expected ',' or '}', found end of input", error("ns foo { :a 1 "));
        assertEquals("1:8+1 expected ',' or ')', found word 'y'", error("let (x y) = z"));
    }

    @Test void expectedAName() {
        assertEquals("2:5+1 expected a name, found '['", error("let foo = [1, 2]\n[...[0], ...foo]"));
        assertEquals("1:5+1 expected a name, found number 1", error("ref 1 = 2"));
        assertEquals("1:5+2 expected a name, found keyword ':x'", error("use :x"));
        assertEquals("1:18+3 expected a name, found a string", error("import \"a.ld\" as \"b\""));
    }

    @Test void expectedOneRequiredToken() {
        assertEquals("2:1+1 expected 'else', found word 'x'", error("let x = if true then 1\nx"));
        assertEquals("1:6+1 expected 'then', found number 1", error("if x 1 else 2"));
        assertEquals("1:12+1 expected 'else', found end of input", error("if x then 1\n\n"));
        assertEquals("1:9+1 expected 'with', found '{'", error("match x { _ -> 1 }"));
        assertEquals("1:10+1 expected 'with', found word 'x'", error("loop (1) x"));
        assertEquals("1:10+1 expected '->', found word 'x'", error("fn f (x) x"));
        assertEquals("1:10+1 expected '->', found number 1", error("when { a 1 }"));
        assertEquals("1:7+1 expected '=', found number 3", error("let x 3"));
        assertEquals("1:6+1 expected '>', found word 'y'", error("do x y"));
        assertEquals("1:12+1 expected 'as', found word 'x'", error("import \"a\" x"));
        assertEquals("1:10+1 expected '{', found word 'x'", error("repeat 3 x"));
        assertEquals("1:7+1 expected '(', found '['", error("recur [1]"));
        assertEquals("1:7+1 expected '(', found number 1", error("f (fn 1 x)"));
    }

    @Test void otherExpectations() {
        assertEquals("1:6+1 expected a string, found word 'x'", error("test x 1"));
        assertEquals("1:8+1 expected a name or a number, found '{'", error("repeat { x }"));
        assertEquals("1:4+1 expected a name or '(', found number 1", error("fn 1"));
        assertEquals("1:15+1 expected '(' or '{', found word 'x'", error("loop (1) with x -> 1"));
        assertEquals("1:5+1 expected a pattern, found '='", error("let = 1"));
        assertEquals("1:10+6 expected a keyword, found word 'number'", error("let x as number = 1"));
        assertEquals("1:3+1 expected a name, a keyword, '}' or '...', found number 3", error("#{3}"));
    }

    @Test void bindingFormWhereOnlyNonBindingIsAllowed() {
        assertEquals("1:14+3 a binding form (let/fn/ref) can't be used here", error("let result = let inner = 5"));
        assertEquals("1:5+3 a binding form (let/fn/ref) can't be used here", error("[1, ref r = 2]"));
        assertEquals("1:4+3 a binding form (let/fn/ref) can't be used here", error("f (box b = 1)"));
        assertEquals("1:4+3 a binding form (let/fn/ref) can't be used here", error("if ref x = 1 then 2 else 3"));
        assertEquals("1:10+3 a binding form (let/fn/ref) can't be used here", error("test \"t\" let x = 1"));
        assertEquals("1:12+3 a binding form (let/fn/ref) can't be used here", error("#{:a 1, :b let x = 1}"));
    }

    @Test void namedFnWhereOnlyNonBindingIsAllowed() {
        assertEquals("1:12+1 a named fn can't be used here; use a lambda (fn (...) -> ...)", error("let f = fn g () -> 1"));
        assertEquals("1:7+3 a named fn can't be used here; use a lambda (fn (...) -> ...)", error("f (fn foo)"));
        assertEquals("1:8+1 a named fn can't be used here; use a lambda (fn (...) -> ...)", error("[1, fn g (x) -> x]"));
    }

    @Test void bindingFormsAreFineWhereAnyExpressionIsAllowed() {
        assertEquals("{(let x 1) (ref y 2) (fn f ((ptuple) -> 3))}", ast("{ let x = 1; ref y = 2; fn f () -> 3 }"));
    }

    @Test void bindingTokenWhereNoExpressionMayStartGetsTheUsualMessage() {
        assertEquals("1:3+3 expected a newline or ';', found 'let'", error("x let y = 1"));
        assertEquals("1:4+3 expected ',' or ']', found 'let'", error("[1 let]"));
    }

    @Test void parenthesesNeverGroup() {
        assertEquals("1:5+1 expected a newline or ';', found '('", error("(f) (1)"));
        assertEquals("1:21+1 expected a newline or ';', found '('", error("(fn (x) -> inc (x)) (1)"));
    }

    @Test void panicFollowedByABindingForm() {
        assertEquals("1:8+3 expected a newline or ';', found 'let'", error("panic! let x = 1"));
    }

    @Test void docstringOnlyBeforeTheFirstTerminatorSemicolon() {
        assertEquals("1:10+5 expected '(', found a string", error("fn f { ; \"doc\" (x) -> 1 }"));
    }

    @Test void emptyClauseLists() {
        assertEquals("1:8+1 expected an expression, found '}'", error("when { }"));
        assertEquals("1:16+1 expected a pattern, found '}'", error("match x with { }"));
        assertEquals("1:8+1 expected a string or '(', found '}'", error("fn f { }"));
    }

    @Test void caretLengthIsTheTokenLength() {
        assertEquals("1:3+7 expected a newline or ';', found word 'longish'", error("x longish"));
        assertEquals("1:3+5 expected a newline or ';', found a string", error("x \"abc\""));
        assertEquals("1:3+3 expected a newline or ';', found '...'", error("x ..."));
    }
}
