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
 * fields, are inlined by the JIT. String.join first copies the parts into an array of its own
 * (a StringBuilder would make an extra copy of the text).
 *
 * <p>A handle is costly to make and slow at first: making all of them spins ~90 method-handle
 * classes (~50 ms), and a new handle's lambda forms run interpreted until the JIT compiles them,
 * late when the compile queues are full in a program's first second: bench/strings' whole run
 * (200,000 joins) took ~150 ms more CPU with the handles than with String.join, which costs ~27
 * ns more per join in hot code (bench/strings ~19.5 ms per iteration against ~14). So joins
 * append into one StringBuilder of the exact length (see {@code cat}; cheaper to compile than
 * String.join) until {@value #HOT} have been made, then use the handle of each length as it
 * comes: a program that makes fewer never pays for them.
 */
public final class SmallJoins {
    private SmallJoins() {}

    /** Longest list joined here; longer lists go the general way. */
    static final int MAX = 6;

    // Concatenations of k strings. A list of n parts is joined with k = 2n - 1 arguments: the
    // parts with the separator between them (the empty string when there is none). Each handle
    // is a constant of its own holder class, made when the holder is first used (once joins
    // are hot and a join of that length comes): the JIT inlines a constant handle's code into
    // the caller, as it does for javac's `a + b`. (Handles called from an array, not constant,
    // cost ~2x as much: the JIT cannot inline them, and their byte array is then allocated
    // through a native call.)
    private static final class H3 { static final MethodHandle H = Concat.make(3); }
    private static final class H5 { static final MethodHandle H = Concat.make(5); }
    private static final class H7 { static final MethodHandle H = Concat.make(7); }
    private static final class H9 { static final MethodHandle H = Concat.make(9); }
    private static final class H11 { static final MethodHandle H = Concat.make(11); }
    // The same for `join ([a, b, ...])` with no separator: n parts, n arguments (through the
    // handles above, each empty separator cost the concatenation a length, a coder and a copy).
    private static final class N2 { static final MethodHandle H = Concat.make(2); }
    private static final class N4 { static final MethodHandle H = Concat.make(4); }
    private static final class N6 { static final MethodHandle H = Concat.make(6); }

    static final int HOT = 500_000;
    private static int coldCalls;
    private static boolean hot;

    /** Whether joins are hot (counts a cold call; a lost update between threads only delays it). */
    private static boolean hot() {
        if (hot) return true;
        if (++coldCalls >= HOT) hot = true;
        return false;
    }

    /** For tests: joins from now on use the handles. */
    static void makeHot() { hot = true; }

    /**
     * Makes the handles, in a class of its own: its catch of StringConcatException would make
     * the verifier load that class and ExceptionInInitializerError from the JDK's modules (not
     * its class-data archive) whenever SmallJoins is loaded, i.e. by every program that joins.
     */
    private static final class Concat {
        static MethodHandle make(int k) {
            MethodType type = MethodType.methodType(String.class, Collections.nCopies(k, String.class));
            try {
                return StringConcatFactory.makeConcat(MethodHandles.lookup(), "join", type).getTarget();
            } catch (StringConcatException e) {
                throw new ExceptionInInitializerError(e);
            }
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
        return parts(sep, l.tailElement(0), l.tailElement(1));
    }

    private static String join3(LList l, String sep) {
        return parts(sep, l.tailElement(0), l.tailElement(1), l.tailElement(2));
    }

    private static String join4(LList l, String sep) {
        return parts(sep, l.tailElement(0), l.tailElement(1), l.tailElement(2), l.tailElement(3));
    }

    private static String join5(LList l, String sep) {
        return parts(sep, l.tailElement(0), l.tailElement(1), l.tailElement(2), l.tailElement(3), l.tailElement(4));
    }

    private static String join6(LList l, String sep) {
        return parts(sep, l.tailElement(0), l.tailElement(1), l.tailElement(2), l.tailElement(3), l.tailElement(4),
                l.tailElement(5));
    }

    // `join ([a, b, ...])` and `join ([a, b, ...], sep)` with a list literal of 2 to MAX elements
    // and no splat compile to these (compiler: emit.JoinGen): the parts, then the separator, are
    // passed as they were evaluated, and no list is built unless one is not a string; then the
    // list is built after all and Colls.join panics as it would have.

    public static Object literal(Object p0, Object p1) {
        String r = plain(p0, p1);
        return r != null ? r : Colls.join(LList.of(p0, p1));
    }

    public static Object literal(Object p0, Object p1, Object p2) {
        String r = plain(p0, p1, p2);
        return r != null ? r : Colls.join(LList.of(p0, p1, p2));
    }

    public static Object literal(Object p0, Object p1, Object p2, Object p3) {
        String r = plain(p0, p1, p2, p3);
        return r != null ? r : Colls.join(LList.of(p0, p1, p2, p3));
    }

    public static Object literal(Object p0, Object p1, Object p2, Object p3, Object p4) {
        String r = plain(p0, p1, p2, p3, p4);
        return r != null ? r : Colls.join(LList.of(p0, p1, p2, p3, p4));
    }

    public static Object literal(Object p0, Object p1, Object p2, Object p3, Object p4, Object p5) {
        String r = plain(p0, p1, p2, p3, p4, p5);
        return r != null ? r : Colls.join(LList.of(p0, p1, p2, p3, p4, p5));
    }

    // `concat (a, b, ...)` of 3 to MAX arguments (compiler: emit.Intrinsics): strings are
    // concatenated in one step, as join makes a line; anything else goes to concat as called.

    public static Object concat(Object p0, Object p1, Object p2) {
        String r = plain(p0, p1, p2);
        return r != null ? r : Colls.concat(new Object[] {p0, p1, p2});
    }

    public static Object concat(Object p0, Object p1, Object p2, Object p3) {
        String r = plain(p0, p1, p2, p3);
        return r != null ? r : Colls.concat(new Object[] {p0, p1, p2, p3});
    }

    public static Object concat(Object p0, Object p1, Object p2, Object p3, Object p4) {
        String r = plain(p0, p1, p2, p3, p4);
        return r != null ? r : Colls.concat(new Object[] {p0, p1, p2, p3, p4});
    }

    public static Object concat(Object p0, Object p1, Object p2, Object p3, Object p4, Object p5) {
        String r = plain(p0, p1, p2, p3, p4, p5);
        return r != null ? r : Colls.concat(new Object[] {p0, p1, p2, p3, p4, p5});
    }

    public static Object literalWith(Object p0, Object p1, Object sep) {
        String r = sep instanceof String s ? parts(s, p0, p1) : null;
        return r != null ? r : Colls.join(LList.of(p0, p1), sep);
    }

    public static Object literalWith(Object p0, Object p1, Object p2, Object sep) {
        String r = sep instanceof String s ? parts(s, p0, p1, p2) : null;
        return r != null ? r : Colls.join(LList.of(p0, p1, p2), sep);
    }

    public static Object literalWith(Object p0, Object p1, Object p2, Object p3, Object sep) {
        String r = sep instanceof String s ? parts(s, p0, p1, p2, p3) : null;
        return r != null ? r : Colls.join(LList.of(p0, p1, p2, p3), sep);
    }

    public static Object literalWith(Object p0, Object p1, Object p2, Object p3, Object p4, Object sep) {
        String r = sep instanceof String s ? parts(s, p0, p1, p2, p3, p4) : null;
        return r != null ? r : Colls.join(LList.of(p0, p1, p2, p3, p4), sep);
    }

    public static Object literalWith(Object p0, Object p1, Object p2, Object p3, Object p4, Object p5, Object sep) {
        String r = sep instanceof String s ? parts(s, p0, p1, p2, p3, p4, p5) : null;
        return r != null ? r : Colls.join(LList.of(p0, p1, p2, p3, p4, p5), sep);
    }

    // The parts joined by sep, or null if one is not a string.

    static String parts(String sep, Object p0, Object p1) {
        if (!(p0 instanceof String a) || !(p1 instanceof String b)) return null;
        if (!hot()) return cat(a, sep, b);
        try {
            return (String) H3.H.invokeExact(a, sep, b);
        } catch (Throwable t) { throw rethrow(t); }
    }

    static String parts(String sep, Object p0, Object p1, Object p2) {
        if (!(p0 instanceof String a) || !(p1 instanceof String b) || !(p2 instanceof String c)) return null;
        if (!hot()) return cat(a, sep, b, sep, c);
        try {
            return (String) H5.H.invokeExact(a, sep, b, sep, c);
        } catch (Throwable t) { throw rethrow(t); }
    }

    static String parts(String sep, Object p0, Object p1, Object p2, Object p3) {
        if (!(p0 instanceof String a) || !(p1 instanceof String b) || !(p2 instanceof String c)
                || !(p3 instanceof String d)) return null;
        if (!hot()) return cat(a, sep, b, sep, c, sep, d);
        try {
            return (String) H7.H.invokeExact(a, sep, b, sep, c, sep, d);
        } catch (Throwable t) { throw rethrow(t); }
    }

    static String parts(String sep, Object p0, Object p1, Object p2, Object p3, Object p4) {
        if (!(p0 instanceof String a) || !(p1 instanceof String b) || !(p2 instanceof String c)
                || !(p3 instanceof String d) || !(p4 instanceof String e)) return null;
        if (!hot()) return cat(a, sep, b, sep, c, sep, d, sep, e);
        try {
            return (String) H9.H.invokeExact(a, sep, b, sep, c, sep, d, sep, e);
        } catch (Throwable t) { throw rethrow(t); }
    }

    static String parts(String sep, Object p0, Object p1, Object p2, Object p3, Object p4, Object p5) {
        if (!(p0 instanceof String a) || !(p1 instanceof String b) || !(p2 instanceof String c)
                || !(p3 instanceof String d) || !(p4 instanceof String e) || !(p5 instanceof String f)) return null;
        if (!hot()) return cat(a, sep, b, sep, c, sep, d, sep, e, sep, f);
        try {
            return (String) H11.H.invokeExact(a, sep, b, sep, c, sep, d, sep, e, sep, f);
        } catch (Throwable t) { throw rethrow(t); }
    }

    // The parts joined with no separator, or null if one is not a string. (Three and five parts
    // use the handles made for two and three parts with separators, which are concatenations of
    // three and five strings: no handle class more for them.)

    static String plain(Object p0, Object p1) {
        if (!(p0 instanceof String a) || !(p1 instanceof String b)) return null;
        if (!hot()) return a.concat(b);
        try {
            return (String) N2.H.invokeExact(a, b);
        } catch (Throwable t) { throw rethrow(t); }
    }

    static String plain(Object p0, Object p1, Object p2) {
        if (!(p0 instanceof String a) || !(p1 instanceof String b) || !(p2 instanceof String c)) return null;
        if (!hot()) return cat(a, b, c);
        try {
            return (String) H3.H.invokeExact(a, b, c);
        } catch (Throwable t) { throw rethrow(t); }
    }

    static String plain(Object p0, Object p1, Object p2, Object p3) {
        if (!(p0 instanceof String a) || !(p1 instanceof String b) || !(p2 instanceof String c)
                || !(p3 instanceof String d)) return null;
        if (!hot()) return cat(a, b, c, d);
        try {
            return (String) N4.H.invokeExact(a, b, c, d);
        } catch (Throwable t) { throw rethrow(t); }
    }

    static String plain(Object p0, Object p1, Object p2, Object p3, Object p4) {
        if (!(p0 instanceof String a) || !(p1 instanceof String b) || !(p2 instanceof String c)
                || !(p3 instanceof String d) || !(p4 instanceof String e)) return null;
        if (!hot()) return cat(a, b, c, d, e);
        try {
            return (String) H5.H.invokeExact(a, b, c, d, e);
        } catch (Throwable t) { throw rethrow(t); }
    }

    static String plain(Object p0, Object p1, Object p2, Object p3, Object p4, Object p5) {
        if (!(p0 instanceof String a) || !(p1 instanceof String b) || !(p2 instanceof String c)
                || !(p3 instanceof String d) || !(p4 instanceof String e) || !(p5 instanceof String f)) return null;
        if (!hot()) return cat(a, b, c, d, e, f);
        try {
            return (String) N6.H.invokeExact(a, b, c, d, e, f);
        } catch (Throwable t) { throw rethrow(t); }
    }

    // Cold joins (before the handles pay, see HOT): one StringBuilder of the exact length, filled
    // by appends. Unlike String.join (varargs, a loop over an array of parts, then its own copy)
    // this is code the JIT compiles at once and cheaply, and C2 turns the chain into a single
    // allocation of the result (its string-concatenation optimisation): bench/strings' whole run
    // spent ~50 ms of C2 time compiling String.join.

    private static String cat(String a, String b, String c) {
        return new StringBuilder(a.length() + b.length() + c.length()).append(a).append(b).append(c).toString();
    }

    private static String cat(String a, String b, String c, String d) {
        return new StringBuilder(a.length() + b.length() + c.length() + d.length()).append(a).append(b).append(c).append(d).toString();
    }

    private static String cat(String a, String b, String c, String d, String e) {
        return new StringBuilder(a.length() + b.length() + c.length() + d.length() + e.length()).append(a).append(b).append(c).append(d).append(e).toString();
    }

    private static String cat(String a, String b, String c, String d, String e, String f) {
        return new StringBuilder(a.length() + b.length() + c.length() + d.length() + e.length() + f.length()).append(a).append(b).append(c).append(d).append(e).append(f).toString();
    }

    private static String cat(String a, String b, String c, String d, String e, String f, String g) {
        return new StringBuilder(a.length() + b.length() + c.length() + d.length() + e.length() + f.length() + g.length()).append(a).append(b).append(c).append(d).append(e).append(f).append(g).toString();
    }

    private static String cat(String a, String b, String c, String d, String e, String f, String g, String h, String i) {
        return new StringBuilder(a.length() + b.length() + c.length() + d.length() + e.length() + f.length() + g.length() + h.length() + i.length()).append(a).append(b).append(c).append(d).append(e).append(f).append(g).append(h).append(i).toString();
    }

    private static String cat(String a, String b, String c, String d, String e, String f, String g, String h, String i, String j, String k) {
        return new StringBuilder(a.length() + b.length() + c.length() + d.length() + e.length() + f.length() + g.length() + h.length() + i.length() + j.length() + k.length()).append(a).append(b).append(c).append(d).append(e).append(f).append(g).append(h).append(i).append(j).append(k).toString();
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
