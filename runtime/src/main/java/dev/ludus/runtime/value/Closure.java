package dev.ludus.runtime.value;

import dev.ludus.runtime.TailCall;
import java.lang.invoke.MethodHandle;
import java.util.List;

/** A compiled Ludus function value: shared code plus the values it captured. */
public final class Closure extends LFn {
    public final FnCode code;
    public final Object[] caps;

    public Closure(FnCode code, Object[] caps) {
        this.code = code;
        this.caps = caps;
    }

    @Override public String name() { return code.name; }
    @Override public String doc() { return code.doc; }
    @Override public List<String> clausePatterns() { return code.patterns; }

    @Override public Object call0() { return TailCall.settle(raw0()); }
    @Override public Object call1(Object a) { return TailCall.settle(raw1(a)); }
    @Override public Object call2(Object a, Object b) { return TailCall.settle(raw2(a, b)); }
    @Override public Object call3(Object a, Object b, Object c) { return TailCall.settle(raw3(a, b, c)); }
    @Override public Object callN(Object[] args) { return TailCall.settle(rawN(args)); }

    // raw calls run the body once and may return a TailCall.
    public Object raw0() {
        FnCode.B0 body = code.b0;
        if (body != null) return body.apply(this);
        MethodHandle h = code.direct(0);
        if (h != null) code.slowCall();
        try {
            return h != null ? (Object) h.invokeExact(this) : (Object) code.variadic().invokeExact(this, new Object[0]);
        } catch (Throwable t) { throw TailCall.rethrow(t); }
    }

    public Object raw1(Object a) {
        FnCode.B1 body = code.b1;
        if (body != null) return body.apply(this, a);
        MethodHandle h = code.direct(1);
        if (h != null) code.slowCall();
        try {
            return h != null ? (Object) h.invokeExact(this, a) : (Object) code.variadic().invokeExact(this, new Object[] {a});
        } catch (Throwable t) { throw TailCall.rethrow(t); }
    }

    public Object raw2(Object a, Object b) {
        FnCode.B2 body = code.b2;
        if (body != null) return body.apply(this, a, b);
        MethodHandle h = code.direct(2);
        if (h != null) code.slowCall();
        try {
            return h != null ? (Object) h.invokeExact(this, a, b) : (Object) code.variadic().invokeExact(this, new Object[] {a, b});
        } catch (Throwable t) { throw TailCall.rethrow(t); }
    }

    public Object raw3(Object a, Object b, Object c) {
        FnCode.B3 body = code.b3;
        if (body != null) return body.apply(this, a, b, c);
        MethodHandle h = code.direct(3);
        if (h != null) code.slowCall();
        try {
            return h != null ? (Object) h.invokeExact(this, a, b, c) : (Object) code.variadic().invokeExact(this, new Object[] {a, b, c});
        } catch (Throwable t) { throw TailCall.rethrow(t); }
    }

    public Object rawN(Object[] args) {
        switch (args.length) {
            case 0: return raw0();
            case 1: return raw1(args[0]);
            case 2: return raw2(args[0], args[1]);
            case 3: return raw3(args[0], args[1], args[2]);
            default:
                // the variadic entry passes a count with a direct entry on to it (FnGen.forwardToDirect)
                try {
                    return (Object) code.variadic().invokeExact(this, args);
                } catch (Throwable t) { throw TailCall.rethrow(t); }
        }
    }
}
