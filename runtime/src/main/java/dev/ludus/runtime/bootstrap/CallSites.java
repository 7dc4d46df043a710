package dev.ludus.runtime.bootstrap;

import dev.ludus.runtime.prelude.Calls;
import dev.ludus.runtime.value.Closure;
import dev.ludus.runtime.value.FnCode;
import dev.ludus.runtime.value.LFn;
import java.lang.invoke.CallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.MutableCallSite;

/**
 * invokedynamic bootstrap for calls of values unknown at compile time:
 * {@code (Object callee, Object a0, ..., Object a(k-1)) Object}, k <= 3. Name "call" returns a
 * final value; "tail" (tail position) may return a pending TailCall for a compiled closure.
 *
 * <p>Each site keeps a bounded inline cache: up to {@value #MAX_ENTRIES} guarded entries, each
 * keyed by a closure's code (any closure of the same fn expression) or by a function object's
 * identity (prelude functions, partials), whose target is a constant method handle the JIT can
 * inline. A site that sees more kinds of callee stays on the generic path.
 */
public final class CallSites {
    private CallSites() {}

    static final int MAX_ENTRIES = 8;

    private static final MethodHandles.Lookup L = MethodHandles.lookup();
    private static final MethodHandle FALLBACK;
    private static final MethodHandle SAME_CODE;
    private static final MethodHandle SAME_FN;
    private static final MethodHandle SETTLE;

    static {
        try {
            FALLBACK = L.findStatic(CallSites.class, "fallback",
                    MethodType.methodType(Object.class, Site.class, Object.class, Object[].class));
            SAME_CODE = L.findStatic(CallSites.class, "sameCode",
                    MethodType.methodType(boolean.class, FnCode.class, Object.class));
            SAME_FN = L.findStatic(CallSites.class, "sameFn",
                    MethodType.methodType(boolean.class, Object.class, Object.class));
            SETTLE = L.findStatic(Invoke.class, "settle", MethodType.methodType(Object.class, Object.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    static final class Site extends MutableCallSite {
        final boolean tail;
        final int argc;
        final MethodHandle generic;
        int entries;

        Site(MethodType type, boolean tail, MethodHandle generic) {
            super(type);
            this.tail = tail;
            this.argc = type.parameterCount() - 1;
            this.generic = generic;
        }
    }

    public static CallSite bsm_call(MethodHandles.Lookup lookup, String name, MethodType type) throws ReflectiveOperationException {
        int argc = type.parameterCount() - 1;
        boolean tail = name.equals("tail");
        MethodHandle generic = tail
                ? L.findStatic(Invoke.class, "tail" + argc, type)
                : L.findStatic(Calls.class, "call" + argc, type);
        Site site = new Site(type, tail, generic);
        site.setTarget(FALLBACK.bindTo(site).asCollector(Object[].class, argc).asType(type));
        return site;
    }

    static boolean sameCode(FnCode code, Object f) {
        return f instanceof Closure c && c.code == code;
    }

    static boolean sameFn(Object fn, Object f) {
        return f == fn;
    }

    /** A call the cache did not cover: link an entry for this callee if there is room, then call. */
    private static Object fallback(Site site, Object f, Object[] args) throws Throwable {
        MethodHandle entry = site.entries < MAX_ENTRIES ? entryFor(site, f) : null;
        if (entry != null) {
            site.entries++;
            site.setTarget(entry);
            return entry.invokeWithArguments(prepend(f, args));
        }
        if (site.entries >= MAX_ENTRIES) site.setTarget(site.generic); // megamorphic: stop caching
        return site.generic.invokeWithArguments(prepend(f, args));
    }

    private static MethodHandle entryFor(Site site, Object f) throws ReflectiveOperationException {
        MethodType type = site.type();
        int n = site.argc;
        MethodHandle target;
        MethodHandle test;
        if (f instanceof Closure c) {
            if (site.tail) return null; // tail calls to closures must return a TailCall (constant stack)
            MethodHandle direct = c.code.direct(n);
            if (direct == null) return null;
            target = MethodHandles.filterReturnValue(direct.asType(type), SETTLE);
            test = SAME_CODE.bindTo(c.code);
        } else if (f instanceof LFn fn) {
            MethodHandle call = L.findVirtual(LFn.class, "call" + n, MethodType.genericMethodType(n));
            target = MethodHandles.dropArguments(call.bindTo(fn), 0, Object.class);
            test = SAME_FN.bindTo(fn);
        } else {
            return null;
        }
        test = MethodHandles.dropArguments(test, 1, type.parameterList().subList(1, n + 1));
        return MethodHandles.guardWithTest(test, target.asType(type), site.getTarget());
    }

    private static Object[] prepend(Object f, Object[] args) {
        Object[] all = new Object[args.length + 1];
        all[0] = f;
        System.arraycopy(args, 0, all, 1, args.length);
        return all;
    }
}
