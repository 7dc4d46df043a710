package dev.ludus.runtime.value;

import java.util.List;

/**
 * A partial application {@code f (a, _, c)} (spec §6.4): a unary function that calls f with
 * the hole filled. The other arguments were evaluated when the partial was made.
 */
public final class Partial extends LFn {
    private final LFn fn;
    private final Object[] args;
    private final int hole;

    public Partial(LFn fn, Object[] args, int hole) {
        this.fn = fn;
        this.args = args;
        this.hole = hole;
    }

    @Override public String name() { return fn.name() + "{partial}"; }
    @Override public LFn docTarget() { return fn.docTarget(); }
    @Override public String doc() { return fn.doc(); }
    @Override public List<String> clausePatterns() { return fn.clausePatterns(); }

    @Override public Object call1(Object a) {
        switch (args.length) {
            case 1: return fn.call1(a);
            case 2: return hole == 0 ? fn.call2(a, args[1]) : fn.call2(args[0], a);
            case 3: return fn.call3(hole == 0 ? a : args[0], hole == 1 ? a : args[1], hole == 2 ? a : args[2]);
            default: return fn.callN(fill(a));
        }
    }

    @Override public Object callN(Object[] given) {
        if (given.length == 1) return call1(given[0]);
        // A partial is unary: any other count fails like a call of a one-clause fn.
        throw dev.ludus.runtime.Panics.noMatchInFunction(given, name());
    }

    private Object[] fill(Object a) {
        Object[] all = args.clone();
        all[hole] = a;
        return all;
    }
}
