package dev.ludus.runtime.collection;

import dev.ludus.runtime.Values;

/**
 * A mutable set of Ludus values (Values.eq and Values.hash, as sets compare their elements) in
 * insertion order, for building a set in one go (LSet.Builder): open addressing over an index
 * table, no object per element and no path copying. {@link Champ#buildSet} then makes the
 * persistent trie of its elements bottom-up, each node once.
 */
final class SetTable {
    Object[] elems = new Object[32];
    int[] hashes = new int[32];
    int n;
    /** Per slot: index + 1 of the element there, 0 if empty; at most half full. */
    private int[] slots = new int[64];

    /** Adds x unless an equal element is in; whether it was added. */
    boolean add(Object x) {
        int h = Values.hash(x);
        int[] t = slots;
        int mask = t.length - 1;
        int i = spread(h) & mask;
        for (int s; (s = t[i]) != 0; i = (i + 1) & mask) {
            if (hashes[s - 1] == h && Values.eq(elems[s - 1], x)) return false;
        }
        if (n == elems.length) {
            elems = java.util.Arrays.copyOf(elems, 2 * n);
            hashes = java.util.Arrays.copyOf(hashes, 2 * n);
        }
        elems[n] = x;
        hashes[n] = h;
        t[i] = ++n;
        if (2 * n > t.length) rehash(2 * t.length);
        return true;
    }

    private void rehash(int size) {
        int[] t = new int[size];
        int mask = size - 1;
        for (int e = 0; e < n; e++) {
            int i = spread(hashes[e]) & mask;
            while (t[i] != 0) i = (i + 1) & mask;
            t[i] = e + 1;
        }
        slots = t;
    }

    /** Keywords hash by identity (not mixed): spread their bits over the table's. */
    private static int spread(int h) {
        return h ^ (h >>> 16) ^ (h >>> 8);
    }
}
