package dev.ludus.runtime.prelude;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ludus.runtime.LudusPanic;
import dev.ludus.runtime.value.LFn;
import dev.ludus.runtime.value.Ns;
import dev.ludus.runtime.value.Ref;
import org.junit.jupiter.api.Test;

class CoreTest extends PreludeTestSupport {
    @Test void type() {
        is(":fn", "type", fn("inc"));
        is(":fn", "type", fn("type"));
        is(":number", "type", 1);
        is(":nil", "type", NIL);
        is(":list", "type", list());
        is(":ref", "type", fn("console"));
        is(":fn", "type", call("get", kw("a")));
    }

    @Test void typePredicates() {
        is("true", "bool?", false);
        is("false", "bool?", NIL);
        is("true", "fn?", fn("add"));
        is("false", "fn?", kw("a"));
        is("true", "keyword?", kw("a"));
        is("false", "keyword?", "a");
        is("true", "string?", "a");
        is("false", "string?", kw("a"));
        is("true", "nil?", NIL);
        is("false", "nil?", false);
        is("true", "some?", false);
        is("false", "some?", NIL);
        is("true", "false?", false);
        is("false", "false?", NIL);
        is("true", "true?", true);
        is("false", "true?", 1);
        is("true", "number?", 1);
        is("false", "number?", "1");
        is("true", "tuple?", tup());
        is("false", "tuple?", list());
        is("true", "list?", list());
        is("false", "list?", tup());
        is("true", "set?", set());
        is("false", "set?", list());
        is("true", "dict?", dict());
        is("false", "dict?", new Ns("n", dict()));
        is("true", "ref?", new Ref("r", NIL));
        is("false", "ref?", NIL);
        is("true", "box?", new Ref("r", NIL));
        is("true", "coll?", list());
        is("true", "coll?", new Ns("n", dict()));
        is("true", "coll?", set());
        is("false", "coll?", "str");
        is("true", "ordered?", tup());
        is("false", "ordered?", set());
        is("true", "assoc?", dict());
        is("true", "assoc?", new Ns("n", dict()));
        is("false", "assoc?", list());
        for (Object empty : new Object[] {list(), tup(), set(), dict(), ""}) is("true", "empty?", empty);
        for (Object full : new Object[] {list(1), tup(1), set(1), dict("a", 1), "a", 0, NIL, kw("a")}) {
            is("false", "empty?", full);
        }
    }

    @Test void eqNeq() {
        is("true", "eq?", 1);
        is("false", "eq?", 1, 1, 2);
        is("true", "eq?", 2, 1, 1); // reference semantics, golden 105
        is("true", "eq?", 1, 1, 1);
        is("true", "eq?", list(1, list(2)), list(1, list(2)));
        is("true", "eq?", 1, 1.0);
        is("false", "eq?", list(1, 2), tup(1, 2));
        is("true", "eq?", fn("inc"), fn("inc"));
        is("false", "eq?", Double.NaN, Double.NaN);
        is("true", "eq?", 0.0, -0.0);
        noMatch("eq?");
        is("false", "neq?", 1);
        is("true", "neq?", 1, 2);
        is("false", "neq?", 2, 2);
        is("true", "neq?", 1, 1, 2);
        noMatch("neq?");
    }

    @Test void some() {
        is(":d", "some", NIL, kw("d"));
        is("false", "some", false, kw("d"));
        is("1", "some", 1, 2);
        noMatch("some", 1);
    }

    @Test void booleans() {
        is("false", "bool", NIL);
        is("false", "bool", false);
        is("true", "bool", 0);
        is("true", "not", NIL);
        is("false", "not", "");
        is("true", "and");
        is("true", "and", 1);
        is("false", "and", NIL);
        is("true", "and", 1, 2, 3);
        is("false", "and", 1, NIL, 3);
        is("false", "and", 1, false);
        is("true", "or");
        is("false", "or", NIL);
        is("true", "or", 5);
        is("2", "or", NIL, 2);
        is("nil", "or", NIL, false);
        is("1", "or", 1, 2);
        is("3", "or", NIL, false, 3);
    }

    @Test void showAndString() {
        is("\"\"quoted\"\"", "show", "quoted");
        assertEquals("\"quoted\"", call("show", "quoted"));
        assertEquals("[1, \"two\", :three]", call("show", list(1, "two", kw("three"))));
        assertEquals("fn forward!", call("show", fn("fd!")));
        assertEquals("42", call("string", 42));
        assertEquals(":kw", call("string", kw("kw")));
        assertEquals("[1, \"two\"]", call("string", list(1, "two")));
        assertEquals("a1:b", call("string", "a", 1, kw("b")));
        assertEquals("x y", call("string", "x", " ", "y"));
        assertEquals("abc", call("string", "abc"));
        assertEquals("1a", call("string", 1, "a"));
        noMatch("string");
    }

    @Test void join() {
        assertEquals("abc", call("join", list("a", "b", "c")));
        assertEquals("a, b, c", call("join", list("a", "b", "c"), ", "));
        assertEquals("", call("join", list(), "-"));
        assertEquals("", call("join", list()));
        assertEquals("a", call("join", list("a"), "-"));
        noMatch("join", list("a", 1));
        noMatch("join", list("a", 1), "-");
        noMatch("join", list("a"), 1);
        noMatch("join", tup("a"));
    }

    @Test void refs() {
        Ref r = new Ref("r", 1.0);
        is("1", "deref", r);
        is("1", "unbox", r);
        assertSame(fn("deref"), fn("unbox"));
        noMatch("deref", 42);
        is(":replaced", "make!", r, kw("replaced"));
        is(":replaced", "deref", r);
        assertSame(fn("make!"), fn("store!"));
        is("5", "store!", r, 5);
        is("6", "update!", r, fn("inc"));
        is("6", "deref", r);
        noMatch("update!", r, kw("a"));
        noMatch("make!", 1, 2);
        assertEquals("ref: r {6}", show(r));
    }

    @Test void results() {
        is("(:ok, 1)", "ok", 1);
        is("(:err, \"bad\")", "err", "bad");
        is("true", "ok?", tup(kw("ok"), 1));
        is("false", "ok?", tup(kw("ok"), 1, 2));
        is("false", "ok?", tup(kw("err"), 1));
        is("true", "err?", tup(kw("err"), 1));
        is("false", "err?", kw("err"));
        is("1", "unwrap!", tup(kw("ok"), 1));
        panics("Unwrapped :err oops", "unwrap!", tup(kw("err"), "oops"));
        panics("Unwrapped :err [1]", "unwrap!", tup(kw("err"), list(1)));
        panics("Cannot unwrap something that's not an error tuple.", "unwrap!", 5);
        is("1", "unwrap_or", tup(kw("ok"), 1), 2);
        is("2", "unwrap_or", tup(kw("err"), 1), 2);
        noMatch("unwrap_or", 1, 2);
    }

    @Test void assertAndPanic() {
        is("1", "assert!", 1);
        panics("Assert failed false", "assert!", false);
        panics("Assert failed nil", "assert!", NIL);
        is("1", "assert!", 1, "msg");
        panics("Assert failed: value was nil nil", "assert!", NIL, "value was nil");
        panics("bad: 42 :code", "panic!", "bad:", 42, kw("code"));
        panics("", "panic!");
        panics("[\"a\"] b", "panic!", list("a"), "b");
    }

    @Test void printAndConsole() {
        is(":ok", "print!", "num:", 1, list(1, "x"));
        is(":ok", "print!");
        is(":ok", "print!", "two", "three");
        assertEquals("num: 1 [1, \"x\"]\n\ntwo three\n", output());
        is("[\"num: 1 [1, \"x\"]\", \"\", \"two three\"]", "deref", fn("console"));
        is("[\"num: 1 [1, \"x\"]\", \"\", \"two three\"]", "flush!");
        is("[]", "deref", fn("console"));
        is("[]", "flush!");
        noMatch("flush!", 1);
    }

    @Test void report() {
        is("[1, 2]", "report!", "label: ", list(1, 2));
        is("\"y\"", "report!", "x", "y");
        is("\"s\"", "report!", "s");
        is("5", "report!", 5);
        assertEquals("label: [1, 2]\nx\"y\"\ns\n5\n", output());
        noMatch("report!", 1, 2);
        is("4", "count", call("deref", fn("console")));
    }

    @Test void prn() {
        is("nil", "prn!", list(1, "a"));
        is("nil", "prn!", "raw");
        assertEquals("[1, \"a\"]\nraw\n", output());
        is("[]", "deref", fn("console"));
    }

    @Test void doc() {
        is(":ok", "doc!", fn("add"));
        String out = output();
        String[] lines = out.split("\n", -1);
        assertEquals("add", lines[0]);
        assertEquals("()", lines[2]);
        assertEquals("(x as :number)", lines[3]);
        assertEquals("(x as :number, y as :number)", lines[4]);
        assertEquals("(x, y, ...zs)", lines[5]);
        assertEquals("((x1, y1), (x2, y2))", lines[6]);
        assertEquals(8, lines.length);
        is("1", "count", call("deref", fn("console")));
        is(":none", "doc!", 42);
        captured.reset();
        is(":ok", "doc!", call("get", kw("a")));
        assertEquals("get", output().split("\n")[0]);
        captured.reset();
        is(":ok", "doc!", fn("fd!"));
        assertEquals("forward!", output().split("\n")[0]);
    }

    @Test void everyPreludeFunctionHasADocstringAndPatterns() {
        for (var e : Prelude.bindings().entrySet()) {
            if (e.getValue() instanceof LFn f) {
                org.junit.jupiter.api.Assertions.assertNotNull(f.doc(), e.getKey());
                org.junit.jupiter.api.Assertions.assertFalse(f.doc().isBlank(), e.getKey());
                org.junit.jupiter.api.Assertions.assertFalse(f.clausePatterns().isEmpty(), e.getKey());
            }
        }
    }

    @Test void keywordCalls() {
        assertEquals("1", show(Calls.call1(kw("a"), dict("a", 1))));
        assertEquals("nil", show(Calls.call1(kw("b"), dict("a", 1))));
        assertEquals("nil", show(Calls.call1(kw("b"), list(1))));
        assertEquals("2", show(Calls.call1(kw("x"), new Ns("n", dict("x", 2)))));
        LudusPanic p = assertThrows(LudusPanic.class, () -> Calls.call1(kw("y"), new Ns("foo", dict("x", 2))));
        assertEquals("Namespace error: no member :y in ns foo", p.getMessage());
        p = assertThrows(LudusPanic.class, () -> Calls.call2(kw("a"), dict(), dict()));
        assertEquals("Called keywords take a single argument", p.getMessage());
        p = assertThrows(LudusPanic.class, () -> Calls.call0(kw("a")));
        assertEquals("Called keywords take a single argument", p.getMessage());
        p = assertThrows(LudusPanic.class, () -> Calls.callN(kw("a"), new Object[] {dict(), dict(), dict(), dict()}));
        assertEquals("Called keywords take a single argument", p.getMessage());
        p = assertThrows(LudusPanic.class, () -> Calls.call1(5.0, dict()));
        assertEquals("I don't know how to call 5", p.getMessage());
        p = assertThrows(LudusPanic.class, () -> Calls.callN("s", new Object[0]));
        assertEquals("I don't know how to call \"s\"", p.getMessage());
        assertEquals("3", show(Calls.call2(fn("add"), 1.0, 2.0)));
        assertEquals("6", show(Calls.callN(fn("add"), new Object[] {1.0, 2.0, 3.0})));
        assertEquals("1", show(Calls.callN(kw("a"), new Object[] {dict("a", 1)})));
    }

    @Test void partials() {
        LFn add1 = Partial.of((LFn) fn("add"), vs(1, null), 1);
        assertEquals("6", show(add1.call1(5.0)));
        assertEquals("fn add{partial}", show(add1));
        LFn halve = Partial.of((LFn) fn("div"), vs(null, 2), 0);
        assertEquals("4.5", show(halve.callN(vs(9))));
        LFn three = Partial.of((LFn) fn("add"), vs(1, 2, null, 4), 2);
        assertEquals("10", show(three.call1(3.0)));
        assertSame(fn("add"), add1.docTarget());
        LudusPanic p = assertThrows(LudusPanic.class, () -> add1.call2(1.0, 2.0));
        assertEquals("Match Error: No match found for (1, 2) in function add{partial}", p.getMessage());
        is(":fn", "type", add1);
        p = assertThrows(LudusPanic.class, () -> Partial.ofValue(5.0, vs(1, null), 1));
        assertEquals("I don't know how to call 5", p.getMessage());
        assertEquals("fn add{partial}", show(Partial.ofValue(fn("add"), vs(1, null), 1)));
        is("true", "fn?", add1);
    }
}
