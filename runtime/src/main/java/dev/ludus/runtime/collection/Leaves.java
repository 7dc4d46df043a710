package dev.ludus.runtime.collection;

import dev.ludus.runtime.value.Boxes;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * The two kinds of leaf of an {@link LList} trie (and of its tail): {@code Object[]}, holding
 * any values, and {@code double[]}, holding numbers unboxed (8 bytes an element instead of a
 * reference plus a 16-byte Double box). A run of numbers goes into double leaves; a leaf that
 * meets a non-number becomes an Object[] leaf (its numbers boxed), so a list may mix both kinds,
 * leaf by leaf. Reading from a double leaf boxes the number ({@link Boxes#of}: the shared box
 * of a small integer, as a list of boxes held before, else a new one; a Ludus program cannot
 * see box identity).
 *
 * <p>Free slots. Appends claim the next slot of a shared tail array (see LList's class
 * comment): in an Object[] tail a free slot is null; in a double[] tail it holds the
 * {@link #FREE} bit pattern, a quiet NaN with a payload that no arithmetic produces (a NaN
 * result carries the default payload, or the payload of a NaN operand). A number that happens
 * to have exactly these bits is still stored correctly: it just never claims a slot.
 */
final class Leaves {
    private Leaves() {}

    static final long FREE = 0x7FFC_1DE5_F7EE_0001L;
    static final double FREE_D = Double.longBitsToDouble(FREE);
    static final double[] NO_DOUBLES = new double[0];
    static final VarHandle DSLOT = MethodHandles.arrayElementVarHandle(double[].class);

    /** A double leaf of the given capacity, every slot free. */
    static double[] doubles(int capacity) {
        double[] d = new double[capacity];
        Arrays.fill(d, FREE_D);
        return d;
    }

    static boolean isFree(double[] d, int i) {
        return Double.doubleToRawLongBits(d[i]) == FREE;
    }

    static int length(Object leaf) {
        return leaf instanceof double[] d ? d.length : ((Object[]) leaf).length;
    }

    static Object get(Object leaf, int k) {
        return leaf instanceof Object[] a ? a[k] : (Object) ((double[]) leaf)[k];
    }

    /** The first n elements of leaf in a new leaf of the same kind and capacity cap (free slots beyond). */
    static Object copy(Object leaf, int n, int cap) {
        if (leaf instanceof double[] d) {
            double[] r = doubles(cap);
            System.arraycopy(d, 0, r, 0, n);
            return r;
        }
        Object[] r = new Object[cap];
        System.arraycopy(leaf, 0, r, 0, n);
        return r;
    }

    /** The first n elements of a double leaf, boxed, in an Object[] of capacity cap. */
    static Object[] boxed(double[] d, int n, int cap) {
        Object[] r = new Object[cap];
        for (int i = 0; i < n; i++) r[i] = Boxes.of(d[i]);
        return r;
    }

    /** Copies leaf[from, from+len) into dst[at...) (boxing the numbers of a double leaf). */
    static void copyOut(Object leaf, int from, Object[] dst, int at, int len) {
        if (leaf instanceof double[] d) {
            for (int i = 0; i < len; i++) dst[at + i] = Boxes.of(d[from + i]);
        } else {
            System.arraycopy(leaf, from, dst, at, len);
        }
    }

    /**
     * leaf[0..n) then x, in a new leaf of capacity cap: a double leaf while x is a number and
     * leaf is a double leaf ({@link #NO_DOUBLES} to start one), else an Object[] leaf.
     */
    static Object appended(Object leaf, int n, int cap, Object x) {
        if (x instanceof Double v && leaf instanceof double[]) {
            double[] d = doubles(cap);
            if (n > 0) System.arraycopy(leaf, 0, d, 0, n);
            d[n] = v;
            return d;
        }
        Object[] a = leaf instanceof double[] d ? boxed(d, n, cap) : (Object[]) copy(leaf, n, cap);
        a[n] = x;
        return a;
    }

    /** a[0..n) unboxed if every one is a number, else null. */
    static double[] packed(Object[] a, int n, int cap) {
        for (int i = 0; i < n; i++) if (!(a[i] instanceof Double)) return null;
        double[] d = doubles(cap);
        for (int i = 0; i < n; i++) d[i] = (Double) a[i];
        return d;
    }
}
