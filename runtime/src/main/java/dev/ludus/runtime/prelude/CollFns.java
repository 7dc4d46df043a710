package dev.ludus.runtime.prelude;

import static dev.ludus.runtime.prelude.Arith.noMatch;
import static dev.ludus.runtime.prelude.MathFns.put;

import dev.ludus.runtime.collection.LDict;
import dev.ludus.runtime.collection.LList;
import dev.ludus.runtime.value.Keyword;
import java.util.Map;

/** Prelude §5–§6: lists, tuples, sequences, dicts and namespaces. */
final class CollFns {
    private CollFns() {}

    static void install(Map<String, Object> m) {
        put(m, new Fn("first", "Returns the first element of a list or tuple, or nil.", "(xs)").on1(Colls::first));
        put(m, new Fn("last", "Returns the last element of a list or tuple, or nil.", "(xs)").on1(Colls::last));
        put(m, new Fn("at", "Returns the element of a list or tuple at a zero-based index, or nil if there is none.",
                "(xs as :list, n as :number)", "(xs as :tuple, n as :number)", "(_, _)")
                .on2(Colls::at));
        put(m, new Fn("rest", "Returns a list of all but the first element of a list or tuple.",
                "(xs as :list)", "(xs as :tuple)").on1(Colls::rest));
        put(m, new Fn("butlast", "Returns a list of all but the last element of a list or tuple.",
                "(xs as :list)", "(xs as :tuple)").on1(Colls::butlast));
        put(m, new Fn("slice", "Returns the elements of a list from index start (default 0) up to, not including, end.",
                "(xs as :list, end as :number)", "(xs as :list, start as :number, end as :number)")
                .on2(Colls::slice).on3(Colls::slice));
        put(m, new Fn("count", "Returns the number of elements of a list, tuple, set or dict, or of characters in a string.",
                "(xs as :list)", "(xs as :tuple)", "(xs as :dict)", "(xs as :string)", "(xs as :set)")
                .on1(Colls::count));
        put(m, new Fn("append", "Adds an element to the end of a list, or to a set.",
                "()", "(xs as :list)", "(xs as :list, x)", "(xs as :set)", "(xs as :set, x)")
                .on0(() -> LList.EMPTY).on1(Colls::append).on2(Colls::append));
        put(m, new Fn("concat", "Joins two or more strings, lists or sets of the same type.",
                "(x as :string, y as :string)", "(xs as :list, ys as :list)", "(xs as :set, ys as :set)",
                "(xs, ys, ...zs)")
                .on2(Colls::concat).onN(Colls::concat));
        put(m, new Fn("list", "Converts a value to a list: collections give their elements (dicts give (key, value) tuples); other values are wrapped.",
                "(x)").on1(Colls::list));
        put(m, new Fn("set", "Returns a set of the elements of a list or tuple.", "(xs as :list)", "(xs as :tuple)")
                .on1(Colls::set));
        put(m, new Fn("fold", "Combines the elements of a list from the left with a two-argument function, starting from init (default: the function called with no arguments).",
                "(f as :fn, xs as :list)", "(f as :fn, xs as :list, init)")
                .on2(Colls::fold).on3(Colls::fold));
        put(m, new Fn("map", "Returns a list of the results of applying a function (or keyword) to each element of a list.",
                "(f as :fn, xs)", "(kw as :keyword, xs)").on2(Colls::map));
        put(m, new Fn("filter", "Returns a list of the elements of a list for which a predicate is truthy.",
                "(p as :fn, xs as :list)").on2(Colls::filter));

        put(m, new Fn("assoc", "Returns a dict with a key set to a value.",
                "()", "(d as :dict)", "(d as :dict, k as :keyword, v)", "(d as :dict, (k as :keyword, v))")
                .on0(() -> LDict.EMPTY)
                .on1(d -> {
                    if (d instanceof LDict) return d;
                    throw noMatch("assoc", d);
                })
                .on2(Colls::assoc).on3(Colls::assoc));
        put(m, new Fn("dissoc", "Returns a dict without a key.", "(d as :dict)", "(d as :dict, k as :keyword)")
                .on1(d -> {
                    if (d instanceof LDict) return d;
                    throw noMatch("dissoc", d);
                })
                .on2(Colls::dissoc));
        put(m, new Fn("update", "Returns a dict with the value at a key replaced by a function applied to it.",
                "(d as :dict)", "(d as :dict, k as :keyword, f as :fn)")
                .on1(d -> {
                    if (d instanceof LDict) return d;
                    throw noMatch("update", d);
                })
                .on3(Colls::update));
        Fn get = new Fn("get", "Returns the value at a key of a dict or namespace, or nil (or the default) if there is none.",
                "(k as :keyword)", "(k as :keyword, c)", "(k as :keyword, c, default)");
        get.on1(k -> {
            if (k instanceof Keyword) return Partial.of(get, new Object[] {k, null}, 1);
            throw noMatch("get", k);
        }).on2(Colls::get).on3(Colls::get);
        put(m, get);
        Fn has = new Fn("has?", "Returns true if a dict holds a non-nil value at a key.",
                "(k as :keyword)", "(k as :keyword, d as :dict)");
        has.on1(k -> {
            if (k instanceof Keyword) return Partial.of(has, new Object[] {k, null}, 1);
            throw noMatch("has?", k);
        }).on2(Colls::has);
        put(m, has);
        put(m, new Fn("keys", "Returns a list of the keys of a dict or namespace; an empty list for anything else.", "(c)")
                .on1(Colls::keys));
        put(m, new Fn("values", "Returns a list of the values of a dict or namespace; an empty list for anything else.", "(c)")
                .on1(Colls::values));
        put(m, new Fn("dict", "Returns a dict from a dict, a namespace, or a list or tuple of (key, value) tuples.",
                "(d as :dict)", "(n as :ns)", "(xs as :list)", "(xs as :tuple)").on1(Colls::dict));
        put(m, new Fn("diff", "Returns a dict of (old, new) tuples for each key whose value differs between two dicts.",
                "(d1 as :dict, d2 as :dict)").on2(Colls::diff));
    }
}
