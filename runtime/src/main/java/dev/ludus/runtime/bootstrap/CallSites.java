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
 * inline. A site that sees more kinds of callee stays on the generic path. The first call of a
 * site links nothing (see {@link #LINK_FROM_CALL}).
 */
public final class CallSites {
    private CallSites() {}

    static final int MAX_ENTRIES = 8;

    /**
     * A site links an inline-cache entry from its second call on. Top-level script code runs
     * once, and building an entry (guardWithTest and friends) spins method-handle classes,
     * milliseconds each while a program starts; the first call goes the generic way instead.
     */
    static final int LINK_FROM_CALL = 2;

    private static final MethodHandles.Lookup L = MethodHandles.lookup();
    /** fallback0..fallback3: (Site, Object f, Object... k args) Object, each found on first use. */
    private static final MethodHandle[] FALLBACK = new MethodHandle[4];

    private static MethodHandle fallback(int k) throws ReflectiveOperationException {
        MethodHandle h = FALLBACK[k];
        if (h == null) {
            // a race makes an equal handle twice, which is harmless
            h = L.findStatic(CallSites.class, "fallback" + k, MethodType.genericMethodType(k + 1).insertParameterTypes(0, SiteRef.class));
            FALLBACK[k] = h;
        }
        return h;
    }

    /** What entries are built from: made when the first entry is linked, not at start-up. */
    private static final class Parts {
        static final MethodHandle SAME_CODE;
        static final MethodHandle SAME_FN;
        static final MethodHandle SETTLE;
        static final MethodHandle[] CALL = new MethodHandle[4];

        static {
            try {
                SAME_CODE = L.findStatic(CallSites.class, "sameCode",
                        MethodType.methodType(boolean.class, FnCode.class, Object.class));
                SAME_FN = L.findStatic(CallSites.class, "sameFn",
                        MethodType.methodType(boolean.class, Object.class, Object.class));
                SETTLE = L.findStatic(Invoke.class, "settle", MethodType.methodType(Object.class, Object.class));
                for (int n = 0; n < CALL.length; n++) {
                    CALL[n] = L.findStatic(CallSites.class, "call" + n, MethodType.genericMethodType(n).insertParameterTypes(0, LFn.class));
                }
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
    }

    static final class Site extends MutableCallSite {
        final boolean tail;
        final int argc;
        int calls;
        int entries;

        /**
         * A site made with its first target (its fallback), not with its type: the JDK makes a
         * site of a type an "uninitialised" target first, adapting a generic handle to the type,
         * which spins ~5 LambdaForm classes at a program's first site (start-up).
         */
        private Site(MethodHandle target, boolean tail, int argc) {
            super(target);
            this.tail = tail;
            this.argc = argc;
        }

        static Site make(MethodType type, boolean tail) throws ReflectiveOperationException {
            int argc = type.parameterCount() - 1;
            SiteRef<Site> ref = new SiteRef<>();
            Site site = new Site(fallback(argc).bindTo(ref).asType(type), tail, argc);
            ref.site = site;
            return site;
        }

        /** The generic path (Calls.callK, or Invoke.tailK at a tail site), for a megamorphic site. */
        MethodHandle generic() throws ReflectiveOperationException {
            return tail ? L.findStatic(Invoke.class, "tail" + argc, type()) : L.findStatic(Calls.class, "call" + argc, type());
        }
    }

    /**
     * Bootstrap of a call site. Its type is StringConcatFactory's (one static argument, unused
     * here: "") so that the JDK invokes it exactly, without spinning an invoker class for it at
     * a compiled program's first call (see {@link dev.ludus.runtime.Cancellation#pollSite}).
     */
    public static CallSite bsm_call(MethodHandles.Lookup lookup, String name, MethodType type, String unused, Object[] none)
            throws ReflectiveOperationException {
        return Site.make(type, name.equals("tail"));
    }

    // A function's callK as a static method: the JDK's archive holds the code that invokes a
    // static method of all-reference arguments, not a virtual one's (L.findVirtual(LFn.class,
    // "call2") spun a LambdaForm class for each arity when a site first linked an entry).

    static Object call0(LFn f) { return f.call0(); }

    static Object call1(LFn f, Object a) { return f.call1(a); }

    static Object call2(LFn f, Object a, Object b) { return f.call2(a, b); }

    static Object call3(LFn f, Object a, Object b, Object c) { return f.call3(a, b, c); }

    static boolean sameCode(FnCode code, Object f) {
        return f instanceof Closure c && c.code == code;
    }

    static boolean sameFn(Object fn, Object f) {
        return f == fn;
    }

    // A call the cache did not cover: link an entry for this callee if it is time and there is
    // room, then make this call the generic way (plain calls: invoking the new entry from here
    // would spin an invoker). The generic path computes what the entry would: a closure's
    // direct entry, settled, or the function's callK.

    private static Object fallback0(SiteRef<Site> ref, Object f) throws Throwable {
        Site site = ref.site;
        link(site, f);
        return site.tail ? Invoke.tail0(f) : Calls.call0(f);
    }

    private static Object fallback1(SiteRef<Site> ref, Object f, Object a) throws Throwable {
        Site site = ref.site;
        link(site, f);
        return site.tail ? Invoke.tail1(f, a) : Calls.call1(f, a);
    }

    private static Object fallback2(SiteRef<Site> ref, Object f, Object a, Object b) throws Throwable {
        Site site = ref.site;
        link(site, f);
        return site.tail ? Invoke.tail2(f, a, b) : Calls.call2(f, a, b);
    }

    private static Object fallback3(SiteRef<Site> ref, Object f, Object a, Object b, Object c) throws Throwable {
        Site site = ref.site;
        link(site, f);
        return site.tail ? Invoke.tail3(f, a, b, c) : Calls.call3(f, a, b, c);
    }

    private static void link(Site site, Object f) throws ReflectiveOperationException {
        if (site.calls < LINK_FROM_CALL) site.calls++;
        if (site.calls < LINK_FROM_CALL) return;
        MethodHandle entry = site.entries < MAX_ENTRIES ? entryFor(site, f) : null;
        if (entry != null) {
            site.entries++;
            site.setTarget(entry);
        } else if (site.entries >= MAX_ENTRIES) {
            site.setTarget(site.generic()); // megamorphic: stop caching
        }
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
            target = MethodHandles.filterReturnValue(direct.asType(type), Parts.SETTLE);
            test = Parts.SAME_CODE.bindTo(c.code);
        } else if (f instanceof LFn fn) {
            target = MethodHandles.dropArguments(Parts.CALL[n].bindTo(fn), 0, Object.class);
            test = Parts.SAME_FN.bindTo(fn);
        } else {
            return null;
        }
        test = MethodHandles.dropArguments(test, 1, type.parameterList().subList(1, n + 1));
        return MethodHandles.guardWithTest(test, target.asType(type), site.getTarget());
    }
}
