package dev.ludus.runtime;

import dev.ludus.runtime.value.Closure;

/**
 * A pending tail call to a compiled closure, returned (not thrown) by a body method instead of
 * calling in tail position, so that tail calls run in constant stack (spec §7).
 * Whoever receives a body method's result settles it before using it.
 */
public final class TailCall {
    final Closure fn;
    final Object[] args;

    public TailCall(Closure fn, Object[] args) {
        this.fn = fn;
        this.args = args;
    }

    public static Object settle(Object r) {
        while (r instanceof TailCall t) r = t.fn.rawN(t.args);
        return r;
    }

    public static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) throw r;
        if (t instanceof Error e) throw e;
        throw new IllegalStateException(t);
    }
}
