package dev.ludus.runtime.prelude;

import static dev.ludus.runtime.prelude.Arith.noMatch;

import dev.ludus.runtime.Values;
import dev.ludus.runtime.collection.LDict;
import dev.ludus.runtime.collection.LList;
import dev.ludus.runtime.collection.LeafCursor;
import dev.ludus.runtime.collection.LSet;
import dev.ludus.runtime.value.Boxes;
import dev.ludus.runtime.value.Keyword;
import dev.ludus.runtime.value.LFn;
import dev.ludus.runtime.value.Nil;
import dev.ludus.runtime.value.Ns;
import dev.ludus.runtime.value.Tuple;

/**
 * Sequence, dict and string prelude functions (prelude.md §5–§7) as static methods; the
 * code generator may call the public ones directly. Failures panic "no match" in the named
 * prelude function.
 */
public final class Colls {
    private Colls() {}

    private static final Object NIL = Nil.NIL;

    static Object orNil(Object v) { return v == null ? NIL : v; }

    // ---- indexing ---------------------------------------------------------------------

    /** at (xs, n): element of a list/tuple at ⌊n⌋, nil when out of range or not a sequence. */
    public static Object at(Object xs, Object n) {
        if (n instanceof Double d) {
            double i = d;
            if (xs instanceof LList l) {
                if (!(i >= 0) || i >= l.size()) return NIL;
                return l.get((int) i);
            }
            if (xs instanceof Tuple t) {
                if (!(i >= 0) || i >= t.size()) return NIL;
                return t.get((int) i);
            }
        }
        return NIL;
    }

    public static Object at(Object xs, int i) {
        if (xs instanceof LList l) return i >= 0 && i < l.size() ? l.get(i) : NIL;
        if (xs instanceof Tuple t) return i >= 0 && i < t.size() ? t.get(i) : NIL;
        return NIL;
    }

    public static Object first(Object xs) { return at(xs, 0); }

    public static Object second(Object xs) { return at(xs, 1); }

    public static Object last(Object xs) {
        if (xs instanceof LList l) return l.size() == 0 ? NIL : l.get(l.size() - 1);
        if (xs instanceof Tuple t) return t.size() == 0 ? NIL : t.get(t.size() - 1);
        return NIL;
    }

    public static Object rest(Object xs) {
        if (xs instanceof LList l) return l.size() <= 1 ? LList.EMPTY : l.slice(1, l.size());
        if (xs instanceof Tuple t) return tupleSlice(t, 1, t.size());
        throw noMatch("rest", xs);
    }

    public static Object butlast(Object xs) {
        if (xs instanceof LList l) return l.size() <= 1 ? LList.EMPTY : l.slice(0, l.size() - 1);
        if (xs instanceof Tuple t) return tupleSlice(t, 0, t.size() - 1);
        throw noMatch("butlast", xs);
    }

    private static LList tupleSlice(Tuple t, int from, int to) {
        if (from >= to) return LList.EMPTY;
        LList.Builder b = LList.builder();
        for (int i = from; i < to; i++) b.add(t.get(i));
        return b.build();
    }

    public static Object slice(Object xs, Object end) {
        if (xs instanceof LList && end instanceof Double) return slice(xs, Arith.ZERO, end);
        throw noMatch("slice", xs, end);
    }

    public static Object slice(Object xs, Object start, Object end) {
        if (xs instanceof LList l && start instanceof Double s && end instanceof Double e) {
            double from = Math.floor(s);
            double to = Math.floor(e);
            if (from >= to) return LList.EMPTY;
            if (to > l.size()) to = l.size();
            if (from < 0) from = 0;
            if (!(from < to)) return LList.EMPTY;
            return l.slice((int) from, (int) to);
        }
        throw noMatch("slice", xs, start, end);
    }

    // ---- size ---------------------------------------------------------------------------

    public static int countInt(Object xs) {
        if (xs instanceof LList l) return l.size();
        if (xs instanceof Tuple t) return t.size();
        if (xs instanceof String s) return s.codePointCount(0, s.length());
        if (xs instanceof LDict d) return d.size();
        if (xs instanceof LSet s) return s.size();
        throw noMatch("count", xs);
    }

    public static Object count(Object xs) { return (double) countInt(xs); }

    public static boolean emptyQ(Object x) {
        if (x instanceof LList l) return l.size() == 0;
        if (x instanceof Tuple t) return t.size() == 0;
        if (x instanceof LSet s) return s.size() == 0;
        if (x instanceof LDict d) return d.size() == 0;
        if (x instanceof String s) return s.isEmpty();
        return false;
    }

    // ---- building -----------------------------------------------------------------------

    public static Object append(Object xs) {
        if (xs instanceof LList || xs instanceof LSet) return xs;
        throw noMatch("append", xs);
    }

    public static Object append(Object xs, Object x) {
        if (xs instanceof LList l) return l.append(x);
        if (xs instanceof LSet s) return s.add(x);
        throw noMatch("append", xs, x);
    }

    public static Object concat(Object a, Object b) {
        if (a instanceof String x && b instanceof String y) return x.concat(y);
        if (a instanceof LList x && b instanceof LList y) return x.concat(y);
        if (a instanceof LSet x && b instanceof LSet y) return x.union(y);
        throw noMatch("concat", a, b);
    }

    public static Object concat(Object[] args) {
        if (args.length < 2) throw noMatch("concat", args);
        Object acc = concat(args[0], args[1]);
        for (int i = 2; i < args.length; i++) acc = concat(acc, args[i]);
        return acc;
    }

    public static LList list(Object x) {
        if (x instanceof LList l) return l;
        if (x instanceof Tuple t) return t.size() == 0 ? LList.EMPTY : LList.of(t.toArray());
        if (x instanceof LSet s) return LList.builder().addAll(s).build();
        if (x instanceof LDict d) return pairs(d);
        if (x instanceof Ns n) return pairs(n.members());
        return LList.of(x);
    }

    private static LList pairs(LDict d) {
        LList.Builder b = LList.builder();
        d.forEach((k, v) -> b.add(Tuple.of(k, v)));
        return b.build();
    }

    public static Object set(Object xs) {
        if (xs instanceof LList l) return LSet.builder().addAll(l).build();
        if (xs instanceof Tuple t) {
            LSet.Builder b = LSet.builder();
            for (int i = 0; i < t.size(); i++) b.add(t.get(i));
            return b.build();
        }
        throw noMatch("set", xs);
    }

    // ---- higher-order -------------------------------------------------------------------

    public static Object fold(Object f, Object xs) {
        if (f instanceof LFn fn && xs instanceof LList) return fold(f, xs, fn.call0());
        throw noMatch("fold", f, xs);
    }

    // map, filter and fold call a prelude function from loops of their own (foldWith, mapWith,
    // filterWith): each builtin is a class of its own (see Fn), so those call sites see only
    // the builtins this program maps or folds with, not the closures, and the JIT inlines them.
    //

    public static Object fold(Object f, Object xs, Object init) {
        if (xs instanceof LList l) {
            if (f instanceof Fn b) return foldWith(b, l, init);
            if (f instanceof LFn fn) {
                Object acc = init;
                for (Object x : l) acc = fn.call2(acc, x);
                return acc;
            }
        }
        throw noMatch("fold", f, xs, init);
    }

    private static Object foldWith(Fn op, LList l, Object init) {
        if (init instanceof Double d && op.name().equals("add")) return sum(op, l, d);
        Object acc = init;
        for (Object x : l) acc = op.call2(acc, x);
        return acc;
    }

    /**
     * fold (add, xs, n): the same left fold, summed unboxed while the accumulator and the
     * elements are numbers (numbers in double leaves are never boxed); from the first element
     * that is not a number on, it calls add as the plain fold would (vectors, or its panic).
     */
    private static Object sum(Fn add, LList l, double init) {
        final class Sum implements LList.NumConsumer {
            double s = init;
            Object acc;   // non-null once the fold has left the numbers

            @Override public void num(double x) {
                if (acc == null) s += x;
                else acc = add.call2(acc, x);
            }

            @Override public void any(Object x) {
                if (acc == null && x instanceof Double d) s += d;
                else acc = add.call2(acc == null ? (Object) s : acc, x);
            }
        }
        Sum sum = new Sum();
        l.forEachNum(sum);
        return sum.acc == null ? (Object) sum.s : sum.acc;
    }

    public static Object map(Object f, Object xs) {
        if (xs instanceof LList l) {
            if (f instanceof Fn b) return mapWith(b, l);
            if (f instanceof LFn fn) return mapFn(fn, l);
            if (f instanceof Keyword k) {
                LList.Builder b = LList.builder();
                for (Object x : l) b.add(Calls.lookup(x, k));
                return b.build();
            }
        }
        throw noMatch("map", f, xs);
    }

    // The loops below go leaf by leaf (LeafCursor): a number from a double leaf goes to the
    // function in a fresh box the JIT can drop when it inlines a builtin (a closure gets the
    // shared small-integer boxes), and a number result goes into the new list unboxed (LeafOut).

    private static LList mapWith(Fn op, LList l) {
        LeafOut b = new LeafOut();
        for (LeafCursor c = l.cursor(); c.next(); ) {
            if (c.leaf instanceof double[] d) for (int k = c.from; k < c.to; k++) b.add(op.call1(d[k]));
            else {
                Object[] a = (Object[]) c.leaf;
                for (int k = c.from; k < c.to; k++) b.add(op.call1(a[k]));
            }
        }
        return b.build();
    }

    private static LList mapFn(LFn fn, LList l) {
        LeafOut b = new LeafOut();
        for (LeafCursor c = l.cursor(); c.next(); ) {
            if (c.leaf instanceof double[] d) for (int k = c.from; k < c.to; k++) b.add(fn.call1((Object) d[k]));
            else {
                Object[] a = (Object[]) c.leaf;
                for (int k = c.from; k < c.to; k++) b.add(fn.call1(a[k]));
            }
        }
        return b.build();
    }

    public static Object filter(Object p, Object xs) {
        if (xs instanceof LList l) {
            if (p instanceof Fn b) return filterWith(b, l);
            if (p instanceof LFn fn) return filterFn(fn, l);
        }
        if (xs instanceof LSet s && p instanceof LFn fn) { // prelude.md §13
            LSet.Builder b = LSet.builder();
            for (Object x : s) if (Values.truthy(fn.call1(x))) b.add(x);
            return b.build();
        }
        throw noMatch("filter", p, xs);
    }

    private static LList filterWith(Fn op, LList l) {
        LeafOut b = new LeafOut();
        for (LeafCursor c = l.cursor(); c.next(); ) {
            if (c.leaf instanceof double[] d) {
                for (int k = c.from; k < c.to; k++) if (Values.truthy(op.call1(d[k]))) b.add(d[k]);
            } else {
                Object[] a = (Object[]) c.leaf;
                for (int k = c.from; k < c.to; k++) if (Values.truthy(op.call1(a[k]))) b.add(a[k]);
            }
        }
        return b.build();
    }

    private static LList filterFn(LFn fn, LList l) {
        LeafOut b = new LeafOut();
        for (LeafCursor c = l.cursor(); c.next(); ) {
            if (c.leaf instanceof double[] d) {
                for (int k = c.from; k < c.to; k++) if (Values.truthy(fn.call1((Object) d[k]))) b.add(d[k]);
            } else {
                Object[] a = (Object[]) c.leaf;
                for (int k = c.from; k < c.to; k++) if (Values.truthy(fn.call1(a[k]))) b.add(a[k]);
            }
        }
        return b.build();
    }

    public static Object keep(Object xs) {
        if (xs instanceof LList l) {
            LList.Builder b = LList.builder();
            for (Object x : l) if (x != NIL) b.add(x);
            return b.build();
        }
        throw noMatch("keep", xs);
    }

    public static Object each(Object f, Object xs) {
        if (f instanceof LFn fn && xs instanceof LList l) {
            for (Object x : l) fn.call1(x);
            return NIL;
        }
        throw noMatch("each!", f, xs);
    }

    // ---- dicts ------------------------------------------------------------------------

    public static Object assoc(Object d, Object k, Object v) {
        if (d instanceof LDict dict && k instanceof Keyword kw) return dict.assoc(kw, v);
        throw noMatch("assoc", d, k, v);
    }

    /** assoc (d) and assoc (d, (k, v)). */
    public static Object assoc(Object d, Object kv) {
        if (d instanceof LDict dict && kv instanceof Tuple t && t.size() == 2 && t.get(0) instanceof Keyword kw) {
            return dict.assoc(kw, t.get(1));
        }
        throw noMatch("assoc", d, kv);
    }

    public static Object dissoc(Object d, Object k) {
        if (d instanceof LDict dict && k instanceof Keyword kw) return dict.dissoc(kw);
        throw noMatch("dissoc", d, k);
    }

    public static Object update(Object d, Object k, Object f) {
        if (d instanceof LDict dict && k instanceof Keyword kw && f instanceof LFn fn) {
            return dict.update(kw, fn);
        }
        throw noMatch("update", d, k, f);
    }

    /** get (k, c): the value at k of a dict or ns, else nil. */
    public static Object get(Object k, Object c) {
        if (k instanceof Keyword kw) {
            if (c instanceof LDict d) return orNil(d.get(kw));
            if (c instanceof Ns n) return orNil(n.members().get(kw));
            return NIL;
        }
        throw noMatch("get", k, c);
    }

    /** get (k, c, default): default when c is not a dict/ns or lacks k. */
    public static Object get(Object k, Object c, Object dflt) {
        if (k instanceof Keyword kw) {
            Object v = null;
            if (c instanceof LDict d) v = d.get(kw);
            else if (c instanceof Ns n) v = n.members().get(kw);
            return v == null ? dflt : v;
        }
        throw noMatch("get", k, c, dflt);
    }

    public static Object has(Object k, Object d) {
        if (k instanceof Keyword kw && d instanceof LDict dict) {
            Object v = dict.get(kw);
            return v != null && v != NIL;
        }
        throw noMatch("has?", k, d);
    }

    public static LList keys(Object c) {
        if (c instanceof LDict d) return d.keys();
        if (c instanceof Ns n) return n.members().keys();
        return LList.EMPTY;
    }

    public static LList values(Object c) {
        if (c instanceof LDict d) return d.values();
        if (c instanceof Ns n) return n.members().values();
        return LList.EMPTY;
    }

    public static Object dict(Object x) {
        if (x instanceof LDict) return x;
        if (x instanceof Ns n) return n.members();
        Iterable<?> items = null;
        if (x instanceof LList l) items = l;
        else if (x instanceof Tuple t) items = java.util.Arrays.asList(t.toArray());
        if (items != null) {
            LDict.Builder b = LDict.builder();
            for (Object o : items) {
                if (o instanceof Tuple p && p.size() == 2 && p.get(0) instanceof Keyword k) b.put(k, p.get(1));
                else throw noMatch("dict", x);
            }
            return b.build();
        }
        throw noMatch("dict", x);
    }

    public static Object diff(Object a, Object b) {
        if (a instanceof LDict d1 && b instanceof LDict d2) {
            LDict.Builder out = LDict.builder();
            d1.forEach((k, v1) -> {
                Object v2 = orNil(d2.get(k));
                if (!Values.eq(v1, v2)) out.put(k, Tuple.of(v1, v2));
            });
            d2.forEach((k, v2) -> {
                if (!d1.containsKey(k) && !Values.eq(NIL, v2)) out.put(k, Tuple.of(NIL, v2));
            });
            return out.build();
        }
        throw noMatch("diff", a, b);
    }

    // ---- strings ----------------------------------------------------------------------

    // join and join-with-separator choose between short and long lists themselves (not in a
    // shared helper), so that the JIT's profile of each sees only its own callers: where only
    // short lists are joined, the long-list path is dropped from the compiled code and the
    // list, passed to no other method, need not be allocated at all.

    public static Object join(Object xs) {
        if (xs instanceof LList l) {
            String r = l.size() <= SmallJoins.MAX ? joinedShort(l, "") : joinedLong(l, "");
            if (r != null) return r;
        }
        throw noMatch("join", xs);
    }

    public static Object join(Object xs, Object sep) {
        if (xs instanceof LList l && sep instanceof String sp) {
            String r = l.size() <= SmallJoins.MAX ? joinedShort(l, sp) : joinedLong(l, sp);
            if (r != null) return r;
        }
        throw noMatch("join", xs, sep);
    }

    /** The elements of l (at most SmallJoins.MAX) joined by sep, or null if one is not a string. */
    private static String joinedShort(LList l, String sep) {
        int n = l.size();
        if (n == 0) return "";
        if (n == 1) return l.get(0) instanceof String s ? s : null;
        return SmallJoins.join(l, sep);
    }

    /** The same for longer lists. */
    private static String joinedLong(LList l, String sep) {
        // Visit each part once: the parts of a long list are spread over the heap, and a
        // first pass to size the result exactly costs more in cache misses than the
        // builder's growing copies.
        // Leaf by leaf (no per-element leaf test); a leaf of numbers holds no string.
        StringBuilder sb = new StringBuilder(initialCapacity(l, sep));
        boolean firstItem = true;
        for (LeafCursor c = l.cursor(); c.next(); ) {
            if (!(c.leaf instanceof Object[] a)) return null;
            for (int k = c.from; k < c.to; k++) {
                if (!(a[k] instanceof String s)) return null;
                if (!firstItem) sb.append(sep);
                sb.append(s);
                firstItem = false;
            }
        }
        return sb.toString();
    }

    /**
     * A StringBuilder capacity for joining l: the average length of 16 parts spread over the
     * list (the first ones are often shorter, e.g. numbered lines), plus 1/16 for slack, at
     * most 2^22 chars: a wrong guess costs a growing copy, not a huge allocation.
     */
    private static int initialCapacity(LList l, String sep) {
        int n = l.size();
        long chars = 0;
        for (int k = 0; k < 16; k++) {
            if (l.get((int) ((long) k * n / 16)) instanceof String s) chars += s.length() + sep.length();
        }
        long guess = chars * n / 16;
        return (int) Math.min(guess + guess / 16 + 16, 1 << 22);
    }

    /** string (x): strings unchanged, anything else shown. */
    public static String string(Object x) { return x instanceof String s ? s : Values.show(x); }

    /** string (x, ...xs) with 2+ arguments: the concatenated print forms. */
    public static String string(Object[] args) {
        StringBuilder sb = new StringBuilder();
        for (Object a : args) sb.append(Values.printForm(a));
        return sb.toString();
    }

    /** Print forms joined by single spaces (print!, panic!). */
    static String spaced(Object[] args) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < args.length; i++) {
            if (i > 0) sb.append(' ');
            sb.append(Values.printForm(args[i]));
        }
        return sb.toString();
    }
}
