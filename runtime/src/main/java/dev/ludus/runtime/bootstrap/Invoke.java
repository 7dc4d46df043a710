package dev.ludus.runtime.bootstrap;

import dev.ludus.runtime.LudusPanic;
import dev.ludus.runtime.Panics;
import dev.ludus.runtime.TailCall;
import dev.ludus.runtime.Values;
import dev.ludus.runtime.diag.PanicHints;
import dev.ludus.runtime.collection.DictAccumulator;
import dev.ludus.runtime.collection.SetAccumulator;
import dev.ludus.runtime.collection.LDict;
import dev.ludus.runtime.collection.LList;
import dev.ludus.runtime.collection.LSet;
import dev.ludus.runtime.prelude.Calls;
import dev.ludus.runtime.prelude.Partial;
import dev.ludus.runtime.value.Closure;
import dev.ludus.runtime.value.Keyword;
import dev.ludus.runtime.value.LFn;
import dev.ludus.runtime.value.Nil;
import dev.ludus.runtime.value.Ns;
import dev.ludus.runtime.value.Tuple;

/**
 * The generic operations compiled code falls back to: calling an unknown value, tail calls,
 * keyword lookup, splats, repeat counts. Call sites reach these through invokedynamic
 * (see CallSites) or invokestatic.
 */
public final class Invoke {
    private Invoke() {}

    // ---- calls in tail position
    //
    // A tail call to a compiled closure runs as an ordinary nested call while fewer than
    // TAIL_DEPTH such calls are open; past that it returns a pending TailCall, which unwinds to
    // the nearest caller that settles results and continues there. The stack stays bounded
    // (spec §7) and most tail calls allocate nothing. Programs run on one thread; the depth is
    // restored exactly on every exit, and a value out of range only disables the fast path.

    static final int TAIL_DEPTH = 256;
    private static int tailDepth;

    /**
     * Compiled code calling a known function in tail position asks first: true means "call it
     * directly", and the call's result then goes through {@link #exitTail}. A panic skips
     * exitTail; whoever catches panics and carries on (tests, the REPL) restores the depth with
     * {@link #tailDepth()} / {@link #setTailDepth}.
     */
    public static boolean enterTail() {
        int d = tailDepth;
        if (d < 0 || d >= TAIL_DEPTH) return false;
        tailDepth = d + 1;
        return true;
    }

    public static Object exitTail(Object result) {
        tailDepth--;
        return result;
    }

    public static int tailDepth() { return tailDepth; }

    public static void setTailDepth(int d) { tailDepth = d; }

    public static Object tail0(Object f) {
        if (!(f instanceof Closure c)) return Calls.call0(f);
        int d = tailDepth;
        if (d < 0 || d >= TAIL_DEPTH) return new TailCall(c, new Object[0]);
        tailDepth = d + 1;
        try {
            return c.raw0();
        } finally {
            tailDepth = d;
        }
    }

    public static Object tail1(Object f, Object a) {
        if (!(f instanceof Closure c)) return Calls.call1(f, a);
        int d = tailDepth;
        if (d < 0 || d >= TAIL_DEPTH) return new TailCall(c, new Object[] {a});
        tailDepth = d + 1;
        try {
            return c.raw1(a);
        } finally {
            tailDepth = d;
        }
    }

    public static Object tail2(Object f, Object a, Object b) {
        if (!(f instanceof Closure c)) return Calls.call2(f, a, b);
        int d = tailDepth;
        if (d < 0 || d >= TAIL_DEPTH) return new TailCall(c, new Object[] {a, b});
        tailDepth = d + 1;
        try {
            return c.raw2(a, b);
        } finally {
            tailDepth = d;
        }
    }

    public static Object tail3(Object f, Object a, Object b, Object x) {
        if (!(f instanceof Closure c)) return Calls.call3(f, a, b, x);
        int d = tailDepth;
        if (d < 0 || d >= TAIL_DEPTH) return new TailCall(c, new Object[] {a, b, x});
        tailDepth = d + 1;
        try {
            return c.raw3(a, b, x);
        } finally {
            tailDepth = d;
        }
    }

    public static Object tailN(Object f, Object[] args) {
        if (!(f instanceof Closure c)) return Calls.callN(f, args);
        int d = tailDepth;
        if (d < 0 || d >= TAIL_DEPTH) return new TailCall(c, args);
        tailDepth = d + 1;
        try {
            return c.rawN(args);
        } finally {
            tailDepth = d;
        }
    }

    // ---- keyword access (spec §6.3)
    /** {@code v :k} in source: as Calls.lookup, but a missing ns member panics at the keyword term. */
    public static Object lookup(Object v, Keyword k, String file, int line, int col) {
        if (v instanceof Ns ns) {
            Object r = ns.members().get(k);
            if (r == null) {
                throw Panics.at("Namespace error: no member " + k + " in ns " + ns.name(), file, line, col)
                        .withHint(PanicHints.nsMember(ns, k));
            }
            return r;
        }
        return Calls.lookup(v, k);
    }

    /** A member bound by {@code use}: the ns is known at compile time to have it. */
    public static Object member(Object ns, Keyword k) {
        Object r = ((Ns) ns).members().get(k);
        return r == null ? Nil.NIL : r;
    }

    // ---- list accumulators of loops (the compiler's ListAccumulators)

    /** A loop position's value on entry or from a recur: a builder continuing a list, else as it is. */
    public static Object accumulator(Object v) {
        return v instanceof LList l ? new LList.Builder(l) : v;
    }

    /** {@code append (xs, x)} in a recur, xs an accumulator: adds in place (xs is not seen again). */
    public static Object accAppend(Object acc, Object x) {
        if (acc instanceof LList.Builder b) return b.add(x);
        return dev.ludus.runtime.prelude.Colls.append(acc, x);
    }

    /**
     * accAppend of a number the compiler holds unboxed: no box on the way into the list's double
     * leaf (the emitter calls it for an accumulator append whose element is numeric).
     */
    public static Object accAppend(Object acc, double x) {
        if (acc instanceof LList.Builder b) return b.add(x);
        return dev.ludus.runtime.prelude.Colls.append(acc, dev.ludus.runtime.value.Boxes.of(x));
    }

    /** A read of an accumulator: the list so far (the builder copies before it adds again). */
    public static Object snapshot(Object acc) {
        return acc instanceof LList.Builder b ? b.build() : acc;
    }

    // ---- dict and set accumulators of folds (the compiler's DictFolds)

    /**
     * {@code fold (f, xs, init)} whose lambda only updates its accumulator: with a dict or a set
     * for init and a list for xs, it is built in place (DictAccumulator, SetAccumulator) and
     * handed back as a dict or set; anything else is the prelude's fold (its panic included).
     */
    public static Object dictFold(Object f, Object xs, Object init) {
        // the accumulator only once the fold cannot panic on its arguments, whose message shows init
        if (!(f instanceof dev.ludus.runtime.value.LFn) || !(xs instanceof LList)) return dev.ludus.runtime.prelude.Colls.fold(f, xs, init);
        return dictSnapshot(dev.ludus.runtime.prelude.Colls.fold(f, xs, dictAccumulator(init)));
    }

    /** The accumulator such a fold counting out a range (RangeFoldGen) starts from: a dict's or set's in-place copy. */
    public static Object dictAccumulator(Object init) {
        if (init instanceof LDict d) return new DictAccumulator(d);
        return init instanceof LSet s ? new SetAccumulator(s) : init;
    }

    /** What such a fold returns: its accumulator as a dict or set. */
    public static Object dictSnapshot(Object acc) {
        if (acc instanceof DictAccumulator a) return a.toDict();
        return acc instanceof SetAccumulator a ? a.toSet() : acc;
    }

    /** {@code append (acc, x)} in such a fold's lambda: in place on a set accumulator, else the prelude's. */
    public static Object foldAppend(Object acc, Object x) {
        if (acc instanceof SetAccumulator a) return a.add(x);
        if (acc instanceof DictAccumulator a) return dev.ludus.runtime.prelude.Colls.append(a.toDict(), x); // its panic, showing the dict
        return dev.ludus.runtime.prelude.Colls.append(acc, x);
    }

    /** {@code update (acc, k, f)} in such a fold's lambda: in place on an accumulator, else the prelude's. */
    public static Object accUpdate(Object acc, Object k, Object f) {
        if (acc instanceof SetAccumulator a) return dev.ludus.runtime.prelude.Colls.update(a.toSet(), k, f);
        if (acc instanceof DictAccumulator a) {
            if (k instanceof Keyword kw && f instanceof dev.ludus.runtime.value.LFn fn) return a.update(kw, fn);
            return dev.ludus.runtime.prelude.Colls.update(a.toDict(), k, f); // its panic, showing the dict
        }
        return dev.ludus.runtime.prelude.Colls.update(acc, k, f);
    }

    /** {@code assoc (acc, k, v)} in such a fold's lambda: in place on an accumulator, else the prelude's. */
    public static Object accAssoc(Object acc, Object k, Object v) {
        if (acc instanceof SetAccumulator a) return dev.ludus.runtime.prelude.Colls.assoc(a.toSet(), k, v);
        if (acc instanceof DictAccumulator a) {
            if (k instanceof Keyword kw) return a.assoc(kw, v);
            return dev.ludus.runtime.prelude.Colls.assoc(a.toDict(), k, v);
        }
        return dev.ludus.runtime.prelude.Colls.assoc(acc, k, v);
    }

    // ---- collection literals with splats

    /** {@code [x, ...rest]}: the common shape of a list literal with a splat (LList.cons). */
    public static LList cons(Object x, Object rest) {
        if (rest instanceof LList l) return l.cons(x);
        return splatList(LList.builder().add(x), rest).build();
    }

    public static LList.Builder splatList(LList.Builder b, Object v) {
        if (v instanceof LList l) return b.addAll(l);
        if (v instanceof Tuple t) {
            for (int i = 0, n = t.size(); i < n; i++) b.add(t.get(i));
            return b;
        }
        throw Panics.panic("Cannot splat " + Values.show(v) + " into a list").withHint(PanicHints.splat("list"));
    }

    public static LSet.Builder splatSet(LSet.Builder b, Object v) {
        if (v instanceof LSet s) return b.addAll(s);
        throw Panics.panic("Cannot splat " + Values.show(v) + " into a set").withHint(PanicHints.splat("set"));
    }

    public static LDict.Builder splatDict(LDict.Builder b, Object v) {
        if (v instanceof LDict d) return b.putAll(d);
        throw Panics.panic("Cannot splat " + Values.show(v) + " into a dict").withHint(PanicHints.splat("dict"));
    }

    // ---- misc forms
    /** Number of iterations of {@code repeat n} (spec §6.12). */
    public static long repeatCount(Object v) {
        if (v instanceof Double d) {
            double c = Math.ceil(d);
            return c > 0 ? (c >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) c) : 0;
        }
        throw Panics.panic("Repeat needs a number, not a " + Values.type(v)).withHint(PanicHints.REPEAT).withCallee("repeat");
    }

    public static LudusPanic unbound(String name, String file, int line, int col) {
        return Panics.at("Unbound name: " + name, file, line, col).withHint(PanicHints.unboundLate(name));
    }

    public static LudusPanic panicForm(Object v) {
        return Panics.panic(Values.printForm(v)).withCallee("panic!");
    }

    public static LudusPanic noMatch(String what, String file, int line, int col) {
        return Panics.at(what, file, line, col).withHint(PanicHints.noClause(what));
    }

    public static LudusPanic loopNoMatch(Object[] args, String file, int line, int col) {
        return Panics.at("Match Error: No match found in loop for " + Values.show(Tuple.of(args.clone())), file, line, col)
                .withHint(PanicHints.LOOP);
    }

    /** {@code f (a, _, c)}: a partial of a function value (the hole holds a placeholder). */
    public static Object partial(Object f, Object[] args, int hole) {
        if (f instanceof LFn fn) return Partial.ofOwned(fn, args, hole); // args: a fresh array of the call site
        throw Panics.cannotCall(f);
    }

    public static Object settle(Object r) {
        return r instanceof TailCall ? TailCall.settle(r) : r;
    }
}
