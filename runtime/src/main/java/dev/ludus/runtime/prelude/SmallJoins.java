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
 */
final class SmallJoins {
    private SmallJoins() {}

    /** Longest list joined here; longer lists go the general way. */
    static final int MAX = 6;

    // Concatenations of k strings. A list of n parts is joined with k = 2n - 1 arguments: the
    // parts with the separator between them (the empty string when there is none).
    private static final MethodHandle K3 = concat(3);
    private static final MethodHandle K5 = concat(5);
    private static final MethodHandle K7 = concat(7);
    private static final MethodHandle K9 = concat(9);
    private static final MethodHandle K11 = concat(11);

    private static MethodHandle concat(int k) {
        MethodType type = MethodType.methodType(String.class, Collections.nCopies(k, String.class));
        try {
            return StringConcatFactory.makeConcat(MethodHandles.lookup(), "join", type).getTarget();
        } catch (StringConcatException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * The elements of l (2 <= size <= MAX) joined by sep, or null if one is not a string.
     */
    static String join(LList l, String sep) {
        try {
            switch (l.size()) {
                case 2: {
                    String a = str(l, 0), b = str(l, 1);
                    if (a == null || b == null) return null;
                    return (String) K3.invokeExact(a, sep, b);
                }
                case 3: {
                    String a = str(l, 0), b = str(l, 1), c = str(l, 2);
                    if (a == null || b == null || c == null) return null;
                    return (String) K5.invokeExact(a, sep, b, sep, c);
                }
                case 4: {
                    String a = str(l, 0), b = str(l, 1), c = str(l, 2), d = str(l, 3);
                    if (a == null || b == null || c == null || d == null) return null;
                    return (String) K7.invokeExact(a, sep, b, sep, c, sep, d);
                }
                case 5: {
                    String a = str(l, 0), b = str(l, 1), c = str(l, 2), d = str(l, 3), e = str(l, 4);
                    if (a == null || b == null || c == null || d == null || e == null) return null;
                    return (String) K9.invokeExact(a, sep, b, sep, c, sep, d, sep, e);
                }
                case 6: {
                    String a = str(l, 0), b = str(l, 1), c = str(l, 2), d = str(l, 3), e = str(l, 4), f = str(l, 5);
                    if (a == null || b == null || c == null || d == null || e == null || f == null) return null;
                    return (String) K11.invokeExact(a, sep, b, sep, c, sep, d, sep, e, sep, f);
                }
                default:
                    throw new IllegalArgumentException("SmallJoins.join of " + l.size() + " elements");
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);   // the handles declare Throwable; concatenation throws nothing else
        }
    }

    private static String str(LList l, int i) { return l.get(i) instanceof String s ? s : null; }
}
