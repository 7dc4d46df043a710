package dev.ludus.runtime.prelude;

import dev.ludus.runtime.Panics;
import dev.ludus.runtime.value.LFn;
import java.util.List;

/**
 * A partial application {@code f (a, _, c)} (language.md §6.4): a unary function that calls
 * f with the placeholder replaced by its argument. Shows as {@code fn <name>{partial}};
 * doc! describes the underlying function.
 */
public final class Partial extends LFn {
    private final LFn fn;
    private final Object[] args;
    private final int hole;

    private Partial(LFn fn, Object[] args, int hole) {
        this.fn = fn;
        this.args = args;
        this.hole = hole;
    }

    /**
     * @param args the full argument array; the entry at holeIndex is ignored (copied, so the
     *             caller may reuse the array)
     */
    public static Partial of(LFn f, Object[] args, int holeIndex) {
        return ofOwned(f, args.clone(), holeIndex);
    }

    /** As {@link #of}, keeping args (compiled code makes a fresh array for each partial). */
    public static Partial ofOwned(LFn f, Object[] args, int holeIndex) {
        if (holeIndex < 0 || holeIndex >= args.length) {
            throw new IllegalArgumentException("placeholder index " + holeIndex + " out of range");
        }
        return new Partial(f, args, holeIndex);
    }

    /**
     * Partial application of any callee value, for compiled code: a function gives a
     * partial; anything else panics "I don't know how to call <show v>" (keyword roots are
     * rejected at compile time).
     */
    public static Partial ofValue(Object f, Object[] args, int holeIndex) {
        if (f instanceof LFn fn) return of(fn, args, holeIndex);
        throw Panics.cannotCall(f);
    }

    public LFn target() { return fn; }
    public int holeIndex() { return hole; }
    public int arity() { return args.length; }

    /** Made when asked for (a panic, show): not at each application, which may be in a loop. */
    @Override public String name() { return fn.name() + "{partial}"; }
    @Override public String doc() { return fn.doc(); }
    @Override public List<String> clausePatterns() { return fn.clausePatterns(); }
    @Override public LFn docTarget() { return fn.docTarget(); }

    @Override public Object call1(Object a) {
        switch (args.length) {
            case 1: return fn.call1(a);
            case 2: return hole == 0 ? fn.call2(a, args[1]) : fn.call2(args[0], a);
            case 3:
                return switch (hole) {
                    case 0 -> fn.call3(a, args[1], args[2]);
                    case 1 -> fn.call3(args[0], a, args[2]);
                    default -> fn.call3(args[0], args[1], a);
                };
            default:
                Object[] all = args.clone();
                all[hole] = a;
                return fn.callN(all);
        }
    }

    @Override public Object call0() { throw Panics.noMatchInFunction(new Object[0], name()); }
    @Override public Object call2(Object a, Object b) { throw Panics.noMatchInFunction(new Object[] {a, b}, name()); }
    @Override public Object call3(Object a, Object b, Object c) {
        throw Panics.noMatchInFunction(new Object[] {a, b, c}, name());
    }

    @Override public Object callN(Object[] args) {
        if (args.length == 1) return call1(args[0]);
        throw Panics.noMatchInFunction(args, name());
    }
}
