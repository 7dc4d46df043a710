package dev.ludus.runtime.prelude;

import dev.ludus.runtime.collection.LList;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.StringConcatException;
import java.lang.invoke.StringConcatFactory;
import java.util.Collections;

/**
 * {@code join} of a short list of strings (the usual {@code join ([a, show (x), b])}) through
 * the JDK's string concatenation handles, as {@code a + b + c} compiles in Java: they compute
 * the exact length, fill one byte array and wrap it without a copy, and, held in static final
 * fields, are inlined by the JIT. String.join needs two temporary arrays and a StringBuilder
 * an extra copy of the text.
 *
 * <p>Making all the handles spins ~90 method-handle classes, ~50 ms at start-up (measured:
 * hello.ld 190 -> 275 ms), so each is made only once joins are hot ({@value #HOT} calls) and a
 * join of its length comes; until then a StringBuilder of the exact length does the work. The
 * handles pay in hot code: bench/strings 24-37 ms per iteration with the builder, 15 with them.
 */
final class SmallJoins {
    private SmallJoins() {}

    /** Longest list joined here; longer lists go the general way. */
    static final int MAX = 6;

    // Concatenations of k strings. A list of n parts is joined with k = 2n - 1 arguments: the
    // parts with the separator between them (the empty string when there is none). Held in an
    // array, not in constant fields, so that the JIT calls them instead of inlining their
    // large code: join then stays small enough to be inlined where a list literal is joined,
    // and the JIT can do without the list (its elements are passed on, the list is not).
    // handle for k arguments at [k], made on the first hot join of that length
    private static final MethodHandle[] HANDLES = new MethodHandle[2 * MAX];
    static final int HOT = 2000;
    private static int coldCalls;

    /** The concatenation handle for k arguments once joins are hot, else null (the call is counted). */
    private static MethodHandle handle(int k) {
        MethodHandle h = HANDLES[k];
        if (h == null && ++coldCalls >= HOT) h = makeHandle(k);
        return h;
    }

    private static synchronized MethodHandle makeHandle(int k) {
        // one length at a time: each spins its own method-handle classes at start-up
        if (HANDLES[k] == null) HANDLES[k] = concat(k);
        return HANDLES[k];
    }

    /** Parts joined by sep through one exact-size builder (cold joins). */
    private static String build(String sep, String... parts) {
        int len = sep.length() * (parts.length - 1);
        for (String p : parts) len += p.length();
        StringBuilder b = new StringBuilder(len).append(parts[0]);
        for (int i = 1; i < parts.length; i++) b.append(sep).append(parts[i]);
        return b.toString();
    }

    private static MethodHandle concat(int k) {
        MethodType type = MethodType.methodType(String.class, Collections.nCopies(k, String.class));
        try {
            return StringConcatFactory.makeConcat(MethodHandles.lookup(), "join", type).getTarget();
        } catch (StringConcatException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** The elements of l (2 <= size <= MAX) joined by sep, or null if one is not a string. */
    static String join(LList l, String sep) {
        if (!l.inTail()) return join(l.toArray(), sep);   // a slice straddling a leaf boundary
        // one small method per length: a single one for all lengths is too big to inline
        switch (l.size()) {
            case 2: return join2(l, sep);
            case 3: return join3(l, sep);
            case 4: return join4(l, sep);
            case 5: return join5(l, sep);
            case 6: return join6(l, sep);
            default: throw new IllegalArgumentException("SmallJoins.join of " + l.size() + " elements");
        }
    }

    private static String join2(LList l, String sep) {
        if (!(l.tailElement(0) instanceof String a) || !(l.tailElement(1) instanceof String b)) return null;
        MethodHandle h = handle(3);
        if (h == null) return build(sep, a, b);
        try {
            return (String) h.invokeExact(a, sep, b);
        } catch (Throwable t) { throw rethrow(t); }
    }

    private static String join3(LList l, String sep) {
        if (!(l.tailElement(0) instanceof String a) || !(l.tailElement(1) instanceof String b)
                || !(l.tailElement(2) instanceof String c)) return null;
        MethodHandle h = handle(5);
        if (h == null) return build(sep, a, b, c);
        try {
            return (String) h.invokeExact(a, sep, b, sep, c);
        } catch (Throwable t) { throw rethrow(t); }
    }

    private static String join4(LList l, String sep) {
        if (!(l.tailElement(0) instanceof String a) || !(l.tailElement(1) instanceof String b)
                || !(l.tailElement(2) instanceof String c) || !(l.tailElement(3) instanceof String d)) return null;
        MethodHandle h = handle(7);
        if (h == null) return build(sep, a, b, c, d);
        try {
            return (String) h.invokeExact(a, sep, b, sep, c, sep, d);
        } catch (Throwable t) { throw rethrow(t); }
    }

    private static String join5(LList l, String sep) {
        if (!(l.tailElement(0) instanceof String a) || !(l.tailElement(1) instanceof String b)
                || !(l.tailElement(2) instanceof String c) || !(l.tailElement(3) instanceof String d)
                || !(l.tailElement(4) instanceof String e)) return null;
        MethodHandle h = handle(9);
        if (h == null) return build(sep, a, b, c, d, e);
        try {
            return (String) h.invokeExact(a, sep, b, sep, c, sep, d, sep, e);
        } catch (Throwable t) { throw rethrow(t); }
    }

    private static String join6(LList l, String sep) {
        if (!(l.tailElement(0) instanceof String a) || !(l.tailElement(1) instanceof String b)
                || !(l.tailElement(2) instanceof String c) || !(l.tailElement(3) instanceof String d)
                || !(l.tailElement(4) instanceof String e) || !(l.tailElement(5) instanceof String f)) return null;
        MethodHandle h = handle(11);
        if (h == null) return build(sep, a, b, c, d, e, f);
        try {
            return (String) h.invokeExact(a, sep, b, sep, c, sep, d, sep, e, sep, f);
        } catch (Throwable t) { throw rethrow(t); }
    }

    /** The same for parts in an array (rare: short slices of long lists). */
    private static String join(Object[] parts, String sep) {
        String[] s = new String[parts.length];
        for (int i = 0; i < parts.length; i++) {
            if (!(parts[i] instanceof String p)) return null;
            s[i] = p;
        }
        return String.join(sep, s);
    }

    /** The handles declare Throwable; concatenation throws only unchecked exceptions (out of memory). */
    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) throw r;
        if (t instanceof Error e) throw e;
        throw new IllegalStateException(t);
    }
}
