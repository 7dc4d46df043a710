package dev.ludus.compiler.syntax;

import static dev.ludus.compiler.syntax.Parsing.ast;
import static dev.ludus.compiler.syntax.Parsing.error;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Every lexical error kind of spec §11, with its position (always one character). */
class LexicalErrorTest {
    @Test void characterThatStartsNoToken() {
        assertEquals("2:11+1 unexpected character '^'", error("let x = 1\nlet y = x ^ 2"));
        assertEquals("1:9+1 unexpected character '@'", error("let s = @{:a 1}"));
        assertEquals("1:1+1 unexpected character '+'", error("+1"));
        assertEquals("1:3+1 unexpected character '''", error("x 'a'"));
        assertEquals("1:1+1 unexpected character '\\'", error("\\n"));
        assertEquals("1:1+1 unexpected character '#'", error("#(1)"));
        assertEquals("1:1+1 unexpected character '$'", error("$x"));
        assertEquals("1:1+1 unexpected character '.'", error(".5"));
        assertEquals("1:2+1 unexpected character '.'", error("[..x]"));
    }

    @Test void characterDirectlyAfterAWordKeywordOrNumber() {
        assertEquals("1:13+1 unexpected character '/'", error("let half = 1/2"));
        assertEquals("1:2+1 unexpected character '.'", error("x.y"));
        assertEquals("1:3+1 unexpected character '.'", error(":a.b"));
        assertEquals("1:4+1 unexpected character '\"'", error("foo\"s\""));
        assertEquals("1:2+1 unexpected character 'e'", error("1e3"));
        assertEquals("1:2+1 unexpected character '^'", error("x^2"));
        assertEquals("1:3+1 unexpected character '#'", error("fn#{"));
        assertEquals("1:7+1 unexpected character '.'", error("let _x.y = 1"));
    }

    @Test void allowedFollowers() {
        assertEquals("(f (args x)) (f :k) [x] #{:a x} (let x y) (do x y) (a :b)",
                ast("f(x); f:k; [x]; #{:a x}; let x=y; do x>y; a:b"));
        assertEquals("(fn ((ptuple x) -> x))", ast("fn (x)->x"));
        assertEquals("x", ast("x& comment"));
    }

    @Test void unterminatedString() {
        assertEquals("2:9+1 unterminated string", error("let a = 1\nlet s = \"abc\n\ndef"));
        assertEquals("1:1+1 unterminated string", error("\"ends with escape\\\""));
    }

    @Test void digitAfterDot() {
        assertEquals("1:10+1 expected a digit after '.'", error("let x = 1."));
        assertEquals("1:2+1 expected a digit after '.'", error("1.x"));
        assertEquals("1:3+1 expected a digit after '.'", error("-1..5"));
    }

    @Test void loneMinus() {
        assertEquals("1:3+1 '-' must be followed by a digit or '>'", error("a - b"));
        assertEquals("1:2+1 '-' must be followed by a digit or '>'", error("a-b"));
        assertEquals("1:1+1 '-' must be followed by a digit or '>'", error("-x"));
        assertEquals("(tuple -1)", ast("(-1)"));
    }

    @Test void keywordNeedsALetter() {
        assertEquals("1:1+1 a keyword needs a letter after ':'", error(": x"));
        assertEquals("1:3+1 a keyword needs a letter after ':'", error("x :1"));
        assertEquals("1:1+1 a keyword needs a letter after ':'", error(":_a"));
    }

    @Test void columnsCountCodePointsAndTabsAsOne() {
        assertEquals("1:7+1 unexpected character '^'", error("\"😀é\"\t\t^"));
        assertEquals("1:3+1 unexpected character 'é'", error("\t\té"));
    }

    @Test void aSyntaxErrorBeforeALexicalErrorWins() {
        assertEquals("1:5+1 expected a newline or ';', found '('", error("(f) (1) ^"));
    }

    @Test void aLexicalErrorBeforeASyntaxErrorWins() {
        assertEquals("1:3+1 unexpected character '^'", error("x ^ (f) (1)"));
        // the parser would be happy up to the error: the lexical error is the first one
        assertEquals("1:9+1 unexpected character '@'", error("let x = @"));
    }
}
