package dev.ludus.runtime.prelude;

import dev.ludus.runtime.value.Builtin;

/**
 * A prelude function assembled from lambdas, one per accepted arity (plus an optional
 * handler for every other argument count). Arities without a handler panic "no match".
 * The handlers are set once while the prelude is built, before it is published.
 */
final class Fn extends Builtin {
    interface F0 { Object apply(); }
    interface F1 { Object apply(Object a); }
    interface F2 { Object apply(Object a, Object b); }
    interface F3 { Object apply(Object a, Object b, Object c); }
    interface FV { Object apply(Object[] args); }

    private F0 f0;
    // f1/f2 are read by Colls' loops, which take the handler out of the loop (see Colls.map)
    F1 f1;
    F2 f2;
    private F3 f3;
    private FV fv;

    Fn(String name, String doc, String... patterns) { super(name, doc, patterns); }

    Fn on0(F0 f) { f0 = f; return this; }
    Fn on1(F1 f) { f1 = f; return this; }
    Fn on2(F2 f) { f2 = f; return this; }
    Fn on3(F3 f) { f3 = f; return this; }
    /** Handles every argument count without a fixed-arity handler. */
    Fn onN(FV f) { fv = f; return this; }

    @Override public Object call0() { return f0 != null ? f0.apply() : variadic(new Object[0]); }
    @Override public Object call1(Object a) { return f1 != null ? f1.apply(a) : variadic(new Object[] {a}); }
    @Override public Object call2(Object a, Object b) {
        return f2 != null ? f2.apply(a, b) : variadic(new Object[] {a, b});
    }
    @Override public Object call3(Object a, Object b, Object c) {
        return f3 != null ? f3.apply(a, b, c) : variadic(new Object[] {a, b, c});
    }

    @Override protected Object variadic(Object[] args) {
        if (fv != null) return fv.apply(args);
        throw noMatch(args);
    }
}
