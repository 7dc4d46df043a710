package dev.ludus.runtime.collection;

import dev.ludus.runtime.value.Keyword;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The keys of a {@link Rec shaped record}, in order: 1 to {@value LDict#SMALL} distinct keywords.
 * Shapes are interned (one per key sequence), so records built by different literals with the
 * same keys in the same order share one, and "same shape" is an identity test: what the
 * inline caches at access sites and the same-shape equality test rely on.
 *
 * <p>A shape of at most {@link Rec#MAX_FIELDS} keys also has layouts: the same keys with a set of
 * positions whose values a record keeps as unboxed doubles ({@link NumRec}). Each layout is a
 * shape of its own (interned through its base), so an access site's identity guard tells the
 * layouts apart; {@link #base()} is the layout that keeps every value as an object.
 */
public final class Shape {
    private static final ConcurrentHashMap<List<Keyword>, Shape> TABLE = new ConcurrentHashMap<>();

    private final Keyword[] keys;
    /** Bit i set: a record of this layout keeps key i's value as a double (NumRec). */
    private final int numbers;
    private final Shape base;
    /** The base's layouts by number mask, made when first asked for (base only). */
    private final Shape[] layouts;

    private Shape(Keyword[] keys) {
        this.keys = keys;
        this.numbers = 0;
        this.base = this;
        this.layouts = keys.length <= Rec.MAX_FIELDS ? new Shape[1 << keys.length] : null;
    }

    private Shape(Shape base, int numbers) {
        this.keys = base.keys;
        this.numbers = numbers;
        this.base = base;
        this.layouts = null;
    }

    /** The shape of these keys (distinct, 1 to LDict.SMALL of them); keys is copied. */
    public static Shape of(Keyword... keys) {
        if (keys.length == 0 || keys.length > LDict.SMALL) {
            throw new IllegalArgumentException("a shape has 1 to " + LDict.SMALL + " keys, not " + keys.length);
        }
        List<Keyword> id = List.of(keys);   // rejects nulls
        Shape s = TABLE.get(id);
        if (s != null) return s;
        for (int i = 0; i < keys.length; i++) {
            for (int j = 0; j < i; j++) {
                if (keys[i] == keys[j]) throw new IllegalArgumentException("repeated key " + keys[i] + " in a shape");
            }
        }
        Shape made = new Shape(keys.clone());
        Shape raced = TABLE.putIfAbsent(id, made);
        return raced == null ? made : raced;
    }

    /** The shape of keyword names separated by single spaces (keyword names hold no spaces). */
    public static Shape ofNames(String names) {
        String[] parts = names.split(" ");
        Keyword[] ks = new Keyword[parts.length];
        for (int i = 0; i < ks.length; i++) ks[i] = Keyword.of(parts[i]);
        return of(ks);
    }

    public int size() { return keys.length; }

    /** The layout keeping every value as an object: the same keys, the shape literals name. */
    public Shape base() { return base; }

    /** The positions a record of this layout keeps as doubles (bit i: key i). */
    public int numbers() { return numbers; }

    /** Whether a record of this layout keeps key i's value as a double. */
    public boolean isNumber(int i) { return (numbers >>> i & 1) != 0; }

    /**
     * The layout of these keys keeping the positions in mask as doubles (mask 0: the base).
     * Only for shapes of at most Rec.MAX_FIELDS keys.
     */
    public Shape layout(int mask) {
        Shape[] ls = base.layouts;
        if (ls == null || mask < 0 || mask >= ls.length) throw new IllegalArgumentException("no layout " + mask + " of " + this);
        if (mask == 0) return base;
        Shape l = ls[mask];
        if (l != null) return l;
        synchronized (ls) {
            // one layout object per mask: identity is what the access sites' guards test
            if (ls[mask] == null) ls[mask] = new Shape(base, mask);
            return ls[mask];
        }
    }

    public Keyword key(int i) { return keys[i]; }

    /** k's position, or -1. */
    public int indexOf(Keyword k) {
        Keyword[] a = keys;
        for (int i = 0; i < a.length; i++) if (a[i] == k) return i;
        return -1;
    }

    @Override public String toString() {
        return "Shape" + Arrays.toString(keys) + (numbers == 0 ? "" : " numbers " + Integer.toBinaryString(numbers));
    }
}
