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
 */
public final class Shape {
    private static final ConcurrentHashMap<List<Keyword>, Shape> TABLE = new ConcurrentHashMap<>();

    private final Keyword[] keys;

    private Shape(Keyword[] keys) { this.keys = keys; }

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

    public Keyword key(int i) { return keys[i]; }

    /** k's position, or -1. */
    public int indexOf(Keyword k) {
        Keyword[] a = keys;
        for (int i = 0; i < a.length; i++) if (a[i] == k) return i;
        return -1;
    }

    @Override public String toString() { return "Shape" + Arrays.toString(keys); }
}
