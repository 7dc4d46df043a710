package dev.ludus.runtime.prelude;

import dev.ludus.runtime.LudusPanic;
import dev.ludus.runtime.Panics;
import dev.ludus.runtime.collection.LDict;
import dev.ludus.runtime.diag.PanicHints;
import dev.ludus.runtime.value.Keyword;
import dev.ludus.runtime.value.LFn;
import dev.ludus.runtime.value.Nil;
import dev.ludus.runtime.value.Ns;

/**
 * Calling arbitrary Ludus values (language.md §6.3): functions are called, a keyword called
 * with one argument looks itself up in it, anything else panics.
 */
public final class Calls {
    private Calls() {}

    public static final String KEYWORD_ARITY = "Called keywords take a single argument";

    /** {@code v :k}: dict value or nil; ns member or panic; nil for anything else. */
    public static Object lookup(Object v, Keyword k) {
        if (v instanceof LDict d) {
            Object r = d.get(k);
            return r == null ? Nil.NIL : r;
        }
        if (v instanceof Ns ns) {
            Object r = ns.members().get(k);
            if (r == null) {
                throw Panics.panic("Namespace error: no member " + k + " in ns " + ns.name())
                        .withHint(PanicHints.nsMember(ns, k));
            }
            return r;
        }
        return Nil.NIL;
    }

    public static Object call0(Object f) {
        if (f instanceof LFn fn) return fn.call0();
        throw notCallable(f);
    }

    public static Object call1(Object f, Object a) {
        if (f instanceof LFn fn) return fn.call1(a);
        if (f instanceof Keyword k) return lookup(a, k);
        throw Panics.cannotCall(f);
    }

    public static Object call2(Object f, Object a, Object b) {
        if (f instanceof LFn fn) return fn.call2(a, b);
        throw notCallable(f);
    }

    public static Object call3(Object f, Object a, Object b, Object c) {
        if (f instanceof LFn fn) return fn.call3(a, b, c);
        throw notCallable(f);
    }

    public static Object callN(Object f, Object[] args) {
        if (f instanceof LFn fn) return fn.callN(args);
        if (f instanceof Keyword k && args.length == 1) return lookup(args[0], k);
        throw notCallable(f);
    }

    /** The panic for calling f with a number of arguments it cannot take (f not a function). */
    private static LudusPanic notCallable(Object f) {
        if (f instanceof Keyword) return Panics.panic(KEYWORD_ARITY).withHint(PanicHints.KEYWORD_ARITY);
        return Panics.cannotCall(f);
    }
}
