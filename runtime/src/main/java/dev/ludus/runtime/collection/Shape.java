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
 * <p>A shape of at most {@link WideNumRecs#MAX_KEYS} keys also has layouts: the same keys with a set of
 * positions whose values a record keeps as unboxed doubles ({@link NumRec}). Each layout is a
 * shape of its own (interned through its base), so an access site's identity guard tells the
 * layouts apart; {@link #base()} is the layout that keeps every value as an object.
 */
public final class Shape {
    private static final ConcurrentHashMap<List<Keyword>, Shape> TABLE = new ConcurrentHashMap<>();
    /**
     * The most shapes interned for dicts made at run time (assoc of a new key, dissoc, splats:
     * {@link #find}); past it, such dicts take the general form. A program building small dicts
     * of ever new keys then cannot fill memory with shapes. Literals' shapes are always made.
     */
    static final int MAX_FOUND = 1 << 14;
    /** MAX_FOUND, lowered by tests only. */
    static int maxFound = MAX_FOUND;
    /** Transitions kept per shape ({@link #with}): a key sequence rarely grows in more ways. */
    private static final int MAX_WITH = 8;

    private final Keyword[] keys;
    /** Bit i set: a record of this layout keeps key i's value as a double (NumRec). */
    private final int numbers;
    private final Shape base;
    /** The base's layouts by number mask, made when first asked for (base only). */
    private final Shape[] layouts;
    /** Base only, filled as asked for: i -> the shape of these keys without key i. */
    private volatile Shape[] withouts;
    /** Base only: key, shape, key, shape, ...: the shape of these keys and then that key. */
    private volatile Object[] withs = NO_WITHS;
    private static final Object[] NO_WITHS = {};

    private Shape(Keyword[] keys) {
        this.keys = keys;
        this.numbers = 0;
        this.base = this;
        this.layouts = keys.length <= WideNumRecs.MAX_KEYS ? new Shape[1 << keys.length] : null;
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

    /**
     * The shape of these keys (distinct, 1 to LDict.SMALL of them) for a dict made at run time,
     * or null when there is none yet and {@value #MAX_FOUND} shapes exist already (the dict
     * then takes the general form).
     */
    static Shape find(Keyword[] keys) {
        List<Keyword> id = java.util.Arrays.asList(keys);
        Shape s = TABLE.get(id);
        if (s != null || TABLE.size() >= maxFound) return s;
        return of(keys);
    }

    /** The shape of these keys without key i, or null (see {@link #find}); base shapes of 2+ keys. */
    Shape without(int i) {
        Shape[] ws = withouts;
        if (ws == null) withouts = ws = new Shape[keys.length];
        Shape w = ws[i];
        if (w != null) return w;
        Keyword[] rest = new Keyword[keys.length - 1];
        System.arraycopy(keys, 0, rest, 0, i);
        System.arraycopy(keys, i + 1, rest, i, rest.length - i);
        w = find(rest);
        ws[i] = w;   // a race stores the same interned shape
        return w;
    }

    /** The shape of these keys followed by k (not among them), or null (see {@link #find}); base shapes under LDict.SMALL keys. */
    Shape with(Keyword k) {
        Object[] ts = withs;
        for (int i = 0; i < ts.length; i += 2) if (ts[i] == k) return (Shape) ts[i + 1];
        Keyword[] more = java.util.Arrays.copyOf(keys, keys.length + 1);
        more[keys.length] = k;
        Shape w = find(more);
        if (w != null && ts.length < 2 * MAX_WITH) {
            Object[] grown = java.util.Arrays.copyOf(ts, ts.length + 2);
            grown[ts.length] = k;
            grown[ts.length + 1] = w;
            withs = grown;   // copy on write: a race may drop one entry, found again next time
        }
        return w;
    }

    /** The shape of keyword names separated by single spaces (keyword names hold no spaces). */
    public static Shape ofNames(String names) {
        return of(Keyword.ofNames(names));
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
     * Only for shapes of at most WideNumRecs.MAX_KEYS keys.
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
