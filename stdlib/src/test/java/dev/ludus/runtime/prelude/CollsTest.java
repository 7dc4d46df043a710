package dev.ludus.runtime.prelude;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.ludus.runtime.value.Ns;
import org.junit.jupiter.api.Test;

class CollsTest extends PreludeTestSupport {
    @Test void firstSecondLast() {
        is("nil", "first", list());
        is("1", "first", list(1, 2));
        is(":a", "first", tup(kw("a")));
        is("nil", "first", "abc");
        is("nil", "first", NIL);
        is("2", "second", list(1, 2));
        is("nil", "second", list(1));
        is(":b", "last", tup(kw("a"), kw("b")));
        is("3", "last", list(1, 2, 3));
        is("nil", "last", list());
        is("nil", "last", "abc");
        noMatch("first");
    }

    @Test void at() {
        is("30", "at", list(10, 20, 30), 2);
        is("nil", "at", list(10, 20, 30), -1);
        is("nil", "at", list(10, 20, 30), 3);
        is("2", "at", list(1, 2, 3), 1.5);
        is("20", "at", tup(10, 20), 1);
        is("nil", "at", "abc", 0);
        is("nil", "at", list(1), "x");
        noMatch("at", list(1));
    }

    @Test void restButlast() {
        is("[2, 3]", "rest", tup(1, 2, 3));
        is("[2, 3]", "rest", list(1, 2, 3));
        is("[]", "rest", list());
        is("[]", "rest", tup());
        noMatch("rest", "abc");
        is("[1, 2]", "butlast", list(1, 2, 3));
        is("[1, 2]", "butlast", tup(1, 2, 3));
        is("[]", "butlast", list());
        is("[]", "butlast", list(1));
        noMatch("butlast", NIL);
    }

    @Test void slice() {
        is("[2, 3]", "slice", list(1, 2, 3, 4, 5), 1, 3);
        is("[1, 2]", "slice", list(1, 2, 3, 4, 5), -2, 2);
        is("[2, 3]", "slice", list(1, 2, 3), 1, 10);
        is("[1, 2]", "slice", list(1, 2, 3), 2);
        is("[]", "slice", list(1, 2, 3), 2, 1);
        is("[]", "slice", list(1, 2, 3), 5, 10);
        is("[2]", "slice", list(1, 2, 3), 1.5, 2.5);
        noMatch("slice", tup(1, 2), 1);
        noMatch("slice", list(1, 2), "a", 1);
    }

    @Test void count() {
        is("5", "count", "hello");
        is("1", "count", "😀");
        is("2", "count", dict("a", 1, "b", 2));
        is("0", "count", dict());
        is("3", "count", list(1, 2, 3));
        is("2", "count", tup(1, 2));
        is("2", "count", set(1, 2, 2));
        noMatch("count", 5);
        noMatch("count", NIL);
    }

    @Test void append() {
        is("[]", "append");
        is("[1, 2, 3]", "append", list(1, 2), 3);
        is("[[1], [2]]", "append", list(list(1)), list(2));
        is("[1]", "append", list(1));
        is("${1, 2}", "append", set(1), 2);
        is("${1}", "append", set(1), 1);
        is("${1}", "append", set(1));
        panics("Match Error: No match found for ((1, 2), 3) in function append", "append", tup(1, 2), 3);
    }

    @Test void concat() {
        is("\"abcdef\"", "concat", "abc", "def");
        is("[1, 2, 3, 4]", "concat", list(1), list(2), list(3), list(4));
        is("${1, 2, 3}", "concat", set(1, 2), set(2, 3));
        is("\"abc\"", "concat", "a", "b", "c");
        noMatch("concat", "a", list(1));
        noMatch("concat", "a");
        panics("Match Error: No match found for (\"ab\", [1]) in function concat", "concat", "a", "b", list(1));
    }

    @Test void listAndSet() {
        is("[1, 2, 3]", "list", tup(1, 2, 3));
        is("[\"abc\"]", "list", "abc");
        is("[(:a, 1)]", "list", dict("a", 1));
        is("[nil]", "list", NIL);
        is("[1, 2]", "list", list(1, 2));
        is("[3, 1]", "list", set(3, 1));
        is("[]", "list", tup());
        is("[(:x, 1)]", "list", new Ns("n", dict("x", 1)));
        is("${1, 2, 3}", "set", list(1, 2, 2, 3));
        is("${1, 2}", "set", tup(1, 2));
        is("${}", "set", list());
        noMatch("set", "abc");
    }

    @Test void fold() {
        is("10", "fold", fn("add"), list(1, 2, 3, 4));
        is("106", "fold", fn("add"), list(1, 2, 3), 100);
        is("0", "fold", fn("add"), list(), 0);
        is("0", "fold", fn("add"), list());
        is("[3, 2, 1]", "fold", fn("concat"), list(list(3), list(2), list(1)), list());
        noMatch("fold", kw("a"), list(1));
        noMatch("fold", fn("add"), tup(1, 2), 0);
    }

    @Test void map() {
        is("[2, 3, 4]", "map", fn("inc"), list(1, 2, 3));
        is("[1, nil]", "map", kw("a"), list(dict("a", 1), dict()));
        is("[]", "map", fn("inc"), list());
        noMatch("map", fn("inc"), tup(1, 2));
        noMatch("map", "f", list(1));
        panics("Match Error: No match found for (\"a\") in function inc", "map", fn("inc"), list(1, "a"));
    }

    @Test void filterKeepEach() {
        is("[2, 4]", "filter", fn("even?"), list(1, 2, 3, 4));
        is("[]", "filter", fn("even?"), list());
        noMatch("filter", kw("a"), list(1));
        is("[1, 2]", "keep", list(1, NIL, 2));
        is("[false]", "keep", list(false, NIL));
        noMatch("keep", tup(1));
        is("nil", "each!", fn("print!"), list(kw("a"), "b"));
        assertEquals(":a\nb\n", output());
        is("nil", "each!", fn("print!"), list());
        noMatch("each!", fn("print!"), tup(1));
    }

    @Test void assoc() {
        is("#{}", "assoc");
        is("#{:a 1}", "assoc", dict("a", 1));
        is("#{:a 1, :b 2}", "assoc", dict("a", 1), kw("b"), 2);
        is("#{:a 1, :c 3}", "assoc", dict("a", 1), tup(kw("c"), 3));
        is("#{:x nil}", "assoc", dict(), kw("x"), NIL);
        is("#{:a 5}", "assoc", dict("a", 1), kw("a"), 5);
        noMatch("assoc", dict(), "x", 1);
        noMatch("assoc", list(), kw("a"), 1);
        noMatch("assoc", dict(), tup("a", 1));
        noMatch("assoc", list());
    }

    @Test void dissoc() {
        is("#{:b 2}", "dissoc", dict("a", 1, "b", 2), kw("a"));
        is("#{:a 1}", "dissoc", dict("a", 1));
        is("#{:a 1}", "dissoc", dict("a", 1), kw("z"));
        noMatch("dissoc", dict("a", 1), "a");
    }

    @Test void update() {
        is("#{:count 2}", "update", dict("count", 1), kw("count"), fn("inc"));
        is("#{:a 1}", "update", dict("a", 1));
        is("#{:a 1, :b true}", "update", dict("a", 1), kw("b"), fn("nil?"));
        noMatch("update", dict("a", 1), kw("a"), kw("b"));
        panics("Match Error: No match found for (nil) in function inc", "update", dict(), kw("a"), fn("inc"));
    }

    @Test void get() {
        is("1", "get", kw("a"), dict("a", 1));
        is("nil", "get", kw("b"), dict("a", 1));
        is(":d", "get", kw("c"), dict("a", 1), kw("d"));
        is("nil", "get", kw("b"), dict("b", NIL), 1);
        is("0", "get", kw("a"), NIL, 0);
        is("nil", "get", kw("a"), list(1, 2));
        is("1", "get", kw("x"), new Ns("n", dict("x", 1)));
        is("nil", "get", kw("y"), new Ns("n", dict("x", 1)));
        Object partial = call("get", kw("a"));
        assertEquals("fn get{partial}", show(partial));
        assertEquals("7", show(((dev.ludus.runtime.value.LFn) partial).call1(dict("a", 7))));
        noMatch("get", "a", dict());
    }

    @Test void has() {
        is("true", "has?", kw("a"), dict("a", 1));
        is("false", "has?", kw("a"), dict("a", NIL));
        is("false", "has?", kw("b"), dict("a", 1));
        is("true", "has?", kw("a"), dict("a", false));
        Object partial = call("has?", kw("a"));
        assertEquals("fn has?{partial}", show(partial));
        assertEquals(Boolean.TRUE, ((dev.ludus.runtime.value.LFn) partial).call1(dict("a", 1)));
        noMatch("has?", kw("a"), list());
    }

    @Test void keysValues() {
        is("[:a, :b, :c]", "keys", dict("a", 1, "b", 2, "c", 3));
        is("[]", "keys", NIL);
        is("[]", "keys", dict());
        is("[:x]", "keys", new Ns("n", dict("x", 1)));
        is("[1, 2, 3]", "values", dict("a", 1, "b", 2, "c", 3));
        is("[]", "values", list(1));
        is("[]", "values", dict());
    }

    @Test void dictFn() {
        is("#{:a 1, :b 2}", "dict", list(tup(kw("a"), 1), tup(kw("b"), 2)));
        is("#{:a 3, :b 2}", "dict", list(tup(kw("a"), 1), tup(kw("b"), 2), tup(kw("a"), 3)));
        is("#{}", "dict", list());
        is("#{:a 1}", "dict", tup(tup(kw("a"), 1)));
        is("#{:a 1}", "dict", dict("a", 1));
        is("#{:x 1}", "dict", new Ns("n", dict("x", 1)));
        noMatch("dict", "abc");
        noMatch("dict", list(1, 2));
    }

    @Test void diff() {
        is("#{:b (2, 20), :c (3, nil), :d (nil, 4)}", "diff",
                dict("a", 1, "b", 2, "c", 3), dict("a", 1, "b", 20, "d", 4));
        is("#{}", "diff", dict("a", 1), dict("a", 1));
        noMatch("diff", dict(), list());
    }

    @Test void fastPathsMatchBuiltins() {
        assertEquals("2", show(Colls.first(list(2, 3))));
        assertEquals("[3]", show(Colls.rest(list(2, 3))));
        assertEquals("2", show(Colls.count(list(2, 3))));
        assertEquals("[2, 3, 4]", show(Colls.append(list(2, 3), 4.0)));
        assertEquals("3", show(Colls.at(list(2, 3), 1.0)));
        assertEquals("1", show(Colls.get(kw("a"), dict("a", 1))));
        assertEquals("#{:a 1}", show(Colls.assoc(dict(), kw("a"), 1.0)));
        assertEquals("#{:a 2}", show(Colls.update(dict("a", 1), kw("a"), fn("inc"))));
        assertEquals("6", show(Colls.fold(fn("add"), list(1, 2, 3), 0.0)));
        assertEquals("[2]", show(Colls.map(fn("inc"), list(1))));
        assertEquals("[2]", show(Colls.filter(fn("even?"), list(1, 2))));
        assertEquals("[:a]", show(Colls.keys(dict("a", 1))));
        assertEquals("\"a-b\"", show(Colls.join(list("a", "b"), "-")));
        assertSame(LListHolder.empty(), Colls.rest(list()));
    }

    /** LList.EMPTY indirection keeps the assertion readable. */
    static final class LListHolder {
        static Object empty() { return dev.ludus.runtime.collection.LList.EMPTY; }
    }
}
