package dev.ludus.runtime.prelude;

import dev.ludus.runtime.Panics;
import dev.ludus.runtime.collection.LList;
import dev.ludus.runtime.collection.LeafCursor;
import dev.ludus.runtime.value.Boxes;

/**
 * What compiled fused pipelines call (the compiler's analyse.Pipelines, emit.PipelineGen): a
 * {@code do range (...) > map (...) > filter (...) > fold (...)} whose stages the compiler runs
 * as one loop over unboxed numbers. The loop itself is compiled; these are its edges: whether
 * the source can be walked as numbers (else the compiled code runs the stages one by one, as
 * the prelude would), the source's leaves as doubles, and the list a fused group ends with.
 */
public final class Pipes {
    private Pipes() {}

    /** Past this many elements a range is not counted out in a fused loop (the prelude's range decides what happens). */
    private static final double MAX_COUNT = 1 << 30;
    /** Below 2^52 in magnitude, adding one to an integer-valued double is exact. */
    private static final double EXACT = 0x1p52;

    /**
     * Whether range (start, end) can be counted out in a loop from ceil (start) by steps of one
     * while below end: two numbers, not NaN, exact integers all along, and not absurdly many.
     * Otherwise the compiled code calls {@link #range} (which panics, or builds the list).
     */
    public static boolean rangeFusable(Object start, Object end) {
        if (!(start instanceof Double s) || !(end instanceof Double e)) return false;
        double lo = Math.ceil(s);
        return !Double.isNaN(lo) && !Double.isNaN(e) && Math.abs(lo) < EXACT && Math.abs(e) < EXACT && e - lo <= MAX_COUNT;
    }

    /** The first number of range (start, _) (after rangeFusable). */
    public static double rangeStart(Object start) {
        return Math.ceil((Double) start);
    }

    /** range (end), exactly as the prelude's (its panic included). */
    public static Object range(Object end) {
        if (end instanceof Double) return MathFns.range(Arith.ZERO, end);
        throw Panics.noMatchInFunction(new Object[] {end}, "range");
    }

    /** range (start, end), exactly as the prelude's. */
    public static Object range(Object start, Object end) {
        return MathFns.range(start, end);
    }

    /** What a fused object pipeline's element method returns after a panic of a later stage: the stages then run unfused (never a Ludus value). */
    public static final Object FALLBACK = new Object();

    /** A cursor over xs's leaves when xs is a list, else null (the stages then run unfused). */
    public static LeafCursor numbers(Object xs) {
        return xs instanceof LList l ? l.cursor() : null;
    }

    /**
     * The cursor's current leaf as doubles at the same positions (a leaf of boxed numbers is
     * copied), or null when it holds something other than a number: the compiled code then
     * drops what the fused loop did so far and runs the stages unfused on the whole list (they
     * are pure, so running them again on the first elements cannot be seen).
     */
    public static double[] doubles(LeafCursor c) {
        if (c.leaf instanceof double[] d) return d;
        Object[] a = (Object[]) c.leaf;
        double[] d = new double[c.to];
        for (int k = c.from; k < c.to; k++) {
            if (!(a[k] instanceof Double x)) return null;
            d[k] = x;
        }
        return d;
    }

    /**
     * The cursor's current leaf as objects at the same positions, for a fused loop over any
     * values: an Object[] leaf itself, a double[] one boxed as the prelude's map would pass its
     * numbers (shared boxes for small integers).
     */
    public static Object[] objects(LeafCursor c) {
        if (c.leaf instanceof Object[] a) return a;
        double[] d = (double[]) c.leaf;
        Object[] a = new Object[c.to];
        for (int k = c.from; k < c.to; k++) a[k] = Boxes.of(d[k]);
        return a;
    }

    /** The list a fused object pipeline ends with (numbers among its values are stored unboxed, as map stores them). */
    public static final class AnyOut {
        private final LeafOut out = new LeafOut();

        public void add(Object x) { out.add(x); }

        public void add(double x) { out.add(x); }

        public Object build() { return out.build(); }
    }

    /** The list a fused map or filter ends with: numbers, stored unboxed leaf by leaf (see LeafOut). */
    public static final class Out {
        private final LList.Builder b = LList.builder();
        private double[] leaf = new double[32];
        private int k;

        public void add(double x) {
            leaf[k++] = x;
            if (k == 32) flush();
        }

        private void flush() {
            b.addLeaf(leaf, 32);
            leaf = new double[32];
            k = 0;
        }

        public Object build() {
            b.addLeaf(leaf, k);
            return b.build();
        }
    }
}
