package dev.ludus.runtime.prelude;

import dev.ludus.runtime.collection.LDict;
import dev.ludus.runtime.collection.LList;
import dev.ludus.runtime.value.Keyword;

/** Prelude §5–§6: lists, tuples, sequences, dicts and namespaces. */
final class CollFns {
    private CollFns() {}

    /**
     * The names this file defines, in prelude order (aliases right after their target). A
     * class of its own so that listing the names does not initialise this one.
     */
    static final class Names {
        static final String[] LIST = {
            "first", "last", "at", "rest", "butlast", "slice", "count", "append", "concat", "list", "set",
            "fold", "map", "filter", "assoc", "dissoc", "update", "get", "has?", "keys", "values", "dict", "diff",
            "each!",
        };
    }

    /** The value of one of {@link Names#LIST}: made on first use, see {@link Prelude}. */
    static Object make(String name) {
        return switch (name) {
            case "first" -> new Fn("first", "Returns the first element of a list or tuple, or nil.", "(xs)") {
                @Override public Object call1(Object xs) { return Colls.first(xs); }
            };
            case "last" -> new Fn("last", "Returns the last element of a list or tuple, or nil.", "(xs)") {
                @Override public Object call1(Object xs) { return Colls.last(xs); }
            };
            case "at" -> new Fn("at", "Returns the element of a list or tuple at a zero-based index, or nil if there is none.",
                    "(xs as :list, n as :number)", "(xs as :tuple, n as :number)", "(_, _)") {
                @Override public Object call2(Object xs, Object n) { return Colls.at(xs, n); }
            };
            case "rest" -> new Fn("rest", "Returns a list of all but the first element of a list or tuple.",
                    "(xs as :list)", "(xs as :tuple)") {
                @Override public Object call1(Object xs) { return Colls.rest(xs); }
            };
            case "butlast" -> new Fn("butlast", "Returns a list of all but the last element of a list or tuple.",
                    "(xs as :list)", "(xs as :tuple)") {
                @Override public Object call1(Object xs) { return Colls.butlast(xs); }
            };
            case "slice" -> new Fn("slice", "Returns the elements of a list from index start (default 0) up to, not including, end.",
                    "(xs as :list, end as :number)", "(xs as :list, start as :number, end as :number)") {
                @Override public Object call2(Object xs, Object end) { return Colls.slice(xs, end); }
                @Override public Object call3(Object xs, Object start, Object end) { return Colls.slice(xs, start, end); }
            };
            case "count" -> new Fn("count", "Returns the number of elements of a list, tuple, set or dict, or of characters in a string.",
                    "(xs as :list)", "(xs as :tuple)", "(xs as :dict)", "(xs as :string)", "(xs as :set)") {
                @Override public Object call1(Object xs) { return Colls.count(xs); }
            };
            case "append" -> new Fn("append", "Adds an element to the end of a list, or to a set.",
                    "()", "(xs as :list)", "(xs as :list, x)", "(xs as :set)", "(xs as :set, x)") {
                @Override public Object call0() { return LList.EMPTY; }
                @Override public Object call1(Object xs) { return Colls.append(xs); }
                @Override public Object call2(Object xs, Object x) { return Colls.append(xs, x); }
            };
            case "concat" -> new Fn("concat", "Joins two or more strings, lists or sets of the same type.",
                    "(x as :string, y as :string)", "(xs as :list, ys as :list)", "(xs as :set, ys as :set)",
                    "(xs, ys, ...zs)") {
                @Override public Object call2(Object a, Object b) { return Colls.concat(a, b); }
                @Override protected Object variadic(Object[] a) { return Colls.concat(a); }
            };
            case "list" -> new Fn("list", "Converts a value to a list: collections give their elements (dicts give (key, value) tuples); other values are wrapped.",
                    "(x)") {
                @Override public Object call1(Object x) { return Colls.list(x); }
            };
            case "set" -> new Fn("set", "Returns a set of the elements of a list or tuple.", "(xs as :list)", "(xs as :tuple)") {
                @Override public Object call1(Object xs) { return Colls.set(xs); }
            };
            case "fold" -> new Fn("fold", "Combines the elements of a list from the left with a two-argument function, starting from init (default: the function called with no arguments).",
                    "(f as :fn, xs as :list)", "(f as :fn, xs as :list, init)") {
                @Override public Object call2(Object f, Object xs) { return Colls.fold(f, xs); }
                @Override public Object call3(Object f, Object xs, Object init) { return Colls.fold(f, xs, init); }
            };
            case "map" -> new Fn("map", "Returns a list of the results of applying a function (or keyword) to each element of a list.",
                    "(f as :fn, xs)", "(kw as :keyword, xs)") {
                @Override public Object call2(Object f, Object xs) { return Colls.map(f, xs); }
            };
            case "each!" -> new Fn("each!", "Calls a function on each element of a list, in order, for its effects; returns nil.",
                    "(f as :fn, xs as :list)") {
                // Java, not prelude Ludus: a loop of [x, ...more] patterns made a list per element
                @Override public Object call2(Object f, Object xs) { return Colls.each(f, xs); }
            };
            case "filter" -> new Fn("filter", "Returns a list of the elements of a list (or a set of the members of a set) for which a predicate is truthy.",
                    "(p as :fn, xs as :list)", "(p as :fn, s as :set)") {
                @Override public Object call2(Object p, Object xs) { return Colls.filter(p, xs); }
            };
            case "assoc" -> new Fn("assoc", "Returns a dict with a key set to a value.",
                    "()", "(d as :dict)", "(d as :dict, k as :keyword, v)", "(d as :dict, (k as :keyword, v))") {
                @Override public Object call0() { return LDict.EMPTY; }
                @Override public Object call1(Object d) {
                    if (d instanceof LDict) return d;
                    throw noMatch(d);
                }
                @Override public Object call2(Object d, Object kv) { return Colls.assoc(d, kv); }
                @Override public Object call3(Object d, Object k, Object v) { return Colls.assoc(d, k, v); }
            };
            case "dissoc" -> new Fn("dissoc", "Returns a dict without a key.", "(d as :dict)", "(d as :dict, k as :keyword)") {
                @Override public Object call1(Object d) {
                    if (d instanceof LDict) return d;
                    throw noMatch(d);
                }
                @Override public Object call2(Object d, Object k) { return Colls.dissoc(d, k); }
            };
            case "update" -> new Fn("update", "Returns a dict with the value at a key replaced by a function applied to it.",
                    "(d as :dict)", "(d as :dict, k as :keyword, f as :fn)") {
                @Override public Object call1(Object d) {
                    if (d instanceof LDict) return d;
                    throw noMatch(d);
                }
                @Override public Object call3(Object d, Object k, Object f) { return Colls.update(d, k, f); }
            };
            case "get" -> new Fn("get", "Returns the value at a key of a dict or namespace, or nil (or the default) if there is none.",
                    "(k as :keyword)", "(k as :keyword, c)", "(k as :keyword, c, default)") {
                @Override public Object call1(Object k) {
                    if (k instanceof Keyword) return Partial.of(this, new Object[] {k, null}, 1);
                    throw noMatch(k);
                }
                @Override public Object call2(Object k, Object c) { return Colls.get(k, c); }
                @Override public Object call3(Object k, Object c, Object dflt) { return Colls.get(k, c, dflt); }
            };
            case "has?" -> new Fn("has?", "Returns true if a dict holds a non-nil value at a key.",
                    "(k as :keyword)", "(k as :keyword, d as :dict)") {
                @Override public Object call1(Object k) {
                    if (k instanceof Keyword) return Partial.of(this, new Object[] {k, null}, 1);
                    throw noMatch(k);
                }
                @Override public Object call2(Object k, Object d) { return Colls.has(k, d); }
            };
            case "keys" -> new Fn("keys", "Returns a list of the keys of a dict or namespace; an empty list for anything else.", "(c)") {
                @Override public Object call1(Object c) { return Colls.keys(c); }
            };
            case "values" -> new Fn("values", "Returns a list of the values of a dict or namespace; an empty list for anything else.", "(c)") {
                @Override public Object call1(Object c) { return Colls.values(c); }
            };
            case "dict" -> new Fn("dict", "Returns a dict from a dict, a namespace, or a list or tuple of (key, value) tuples.",
                    "(d as :dict)", "(n as :ns)", "(xs as :list)", "(xs as :tuple)") {
                @Override public Object call1(Object x) { return Colls.dict(x); }
            };
            case "diff" -> new Fn("diff", "Returns a dict of (old, new) tuples for each key whose value differs between two dicts.",
                    "(d1 as :dict, d2 as :dict)") {
                @Override public Object call2(Object a, Object b) { return Colls.diff(a, b); }
            };
            default -> null;
        };
    }
}
