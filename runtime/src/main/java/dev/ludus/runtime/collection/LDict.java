package dev.ludus.runtime.collection;

import dev.ludus.runtime.Values;
import dev.ludus.runtime.value.Keyword;
import dev.ludus.runtime.value.LFn;
import dev.ludus.runtime.value.Nil;
import java.util.function.BiConsumer;

/**
 * Ludus dict: persistent map from keywords to values that iterates in insertion order
 * (spec §3: re-assigning keeps the position; remove then re-add moves to the end).
 *
 * <p>Two representations, one value to every program (equality, hashing, printing and
 * iteration order never depend on which): a {@link Rec shaped record} (a dict literal's
 * values in fields, its keys in a shared {@link Shape}) while only existing keys are
 * re-assigned, else a {@link MapDict} (flat array, then a trie). Both iterate in insertion
 * order; operations a record cannot keep its shape through return a MapDict.
 */
public abstract class LDict {
    /** The most entries a dict keeps in its flat array (the compiler builds literals up to it directly). */
    public static final int SMALL = 8;
    static final Object[] NO_KV = new Object[0];

    public static final LDict EMPTY = new MapDict(NO_KV, null, null, 0);

    private int hash;                 // cached Values.hash (0 = not computed)

    LDict() {}

    /**
     * A dict literal's pairs: kv alternates keys and values, the keys distinct keywords, at most
     * {@value #SMALL} pairs (the compiler checks both). Takes ownership of kv.
     */
    public static LDict ofDistinct(Object[] kv) {
        return new MapDict(kv, null, null, kv.length >> 1);
    }

    /** A dict of alternating keys and values (later duplicates win, keeping the first position). */
    public static LDict of(Object... kvs) {
        Builder b = new Builder();
        for (int i = 0; i < kvs.length; i += 2) b.put((Keyword) kvs[i], kvs[i + 1]);
        return b.build();
    }

    public abstract int size();
    public boolean isEmpty() { return size() == 0; }

    /** The value at k, or Java null if absent (a key holding nil returns Nil.NIL). */
    public abstract Object get(Keyword k);

    public Object getOrDefault(Keyword k, Object dflt) {
        Object v = get(k);
        return v == null ? dflt : v;
    }

    public boolean containsKey(Keyword k) { return get(k) != null; }

    /** This dict with k mapped to v (a new key goes last; an existing one keeps its position). */
    public abstract LDict assoc(Keyword k, Object v);

    public abstract LDict dissoc(Keyword k);

    /**
     * This dict with k's value replaced by f applied to it, or k added with f applied to nil
     * (prelude update). A record keeps its shape for a key it has (through assoc); the general
     * form overrides this to walk once and copy only the path to a present key.
     */
    public LDict update(Keyword k, LFn f) {
        Object old = get(k);
        return assoc(k, f.call1(old == null ? Nil.NIL : old));
    }

    /** Entries of other assoc'ed into this one, in other's order. */
    public LDict merge(LDict other) {
        if (other.size() == 0) return this;
        if (size() == 0) return other;
        LDict[] acc = {this};
        other.forEach((k, v) -> acc[0] = acc[0].assoc(k, v));
        return acc[0];
    }

    /** In insertion order. */
    public abstract void forEach(BiConsumer<Keyword, Object> f);

    /** Visits entries in an unspecified order (cheaper than forEach for large dicts). */
    abstract void forEachUnordered(BiConsumer<Keyword, Object> f);

    /** Whether every entry satisfies p (unspecified order, stops at the first failure). */
    public abstract boolean allEntries(java.util.function.BiPredicate<Keyword, Object> p);

    public abstract LList keys();

    public abstract LList values();

    @Override public boolean equals(Object o) { return o instanceof LDict && Values.eq(this, o); }
    /** Values.hash of this collection (cached; order-independent for dicts and sets). */
    @Override public int hashCode() {
        int h = hash;
        if (h == 0) {
            int[] acc = {0};
            forEachUnordered((k, v) -> acc[0] += Values.mix(k.hashCode() + 0x9E3779B9 * Values.hash(v)));
            h = Values.mix(acc[0] ^ 0x64696374 ^ size());
            hash = h;
        }
        return h;
    }
    @Override public String toString() { return Values.show(this); }

    public static Builder builder() { return new Builder(); }

    /**
     * Accumulates entries (later puts of a key replace its value, keeping its position). Up
     * to {@value #SMALL} entries it fills a private array in place; beyond that it continues
     * with persistent operations. It may be used again after build.
     *
     * <p>A record splatted first and followed only by new keys, {@code #{...rest, :k v}} with
     * at most {@value Rec#MAX_FIELDS} keys in all, is kept as it is until build, which makes
     * the extended record in one step ({@link NumRec#extend}): its numbers are not boxed into
     * an array on the way, and no array is made at all.
     */
    public static final class Builder {
        private Object[] kv;                            // small phase (made on first need)
        private int n;
        private boolean shared;                         // kv handed to a built dict
        private LDict cur;                              // large phase (non-null from then on)
        /** The shape of the n keys so far (small phase), followed key by key; null: none yet or none found. */
        private Shape shape;
        // spread phase: the record splatted first, uncopied, and the new keys put after it
        private Rec base;
        private Keyword k0, k1, k2;
        private Object x0, x1, x2;
        private int extra;

        public Builder put(Keyword k, Object v) {
            if (v == null) throw new NullPointerException("Java null is not a Ludus value");
            if (base != null && spreadPut(k, v)) return this;
            if (cur != null) { cur = cur.assoc(k, v); return this; }
            Object[] a = kv;
            if (a == null) a = kv = new Object[2 * SMALL];
            for (int i = 0; i < 2 * n; i += 2) {
                if (a[i] == k) {
                    if (shared) { a = kv = a.clone(); shared = false; }
                    a[i + 1] = v;
                    return this;
                }
            }
            if (n < SMALL) {
                if (shared) { a = kv = a.clone(); shared = false; }
                a[2 * n] = k;
                a[2 * n + 1] = v;
                shape = n == 0 ? Shape.find(new Keyword[] {k}) : shape != null ? shape.with(k) : null;
                n++;
                return this;
            }
            cur = MapDict.small(java.util.Arrays.copyOf(a, 2 * n)).assoc(k, v);
            kv = null;
            return this;
        }

        /** put in the spread phase; false when it ends it (the entries are then in kv). */
        private boolean spreadPut(Keyword k, Object v) {
            if (k == k0) { x0 = v; return true; }
            if (k == k1) { x1 = v; return true; }
            if (k == k2) { x2 = v; return true; }
            Shape grown = n < Rec.MAX_FIELDS && base.shape.indexOf(k) < 0 ? shape.with(k) : null;
            if (grown == null) { // a key of the record, too many keys, or no shape for them
                unspread();
                return false;
            }
            switch (extra++) {
                case 0 -> { k0 = k; x0 = v; }
                case 1 -> { k1 = k; x1 = v; }
                default -> { k2 = k; x2 = v; }
            }
            shape = grown;
            n++;
            return true;
        }

        /** Ends the spread phase: the record's entries and the new ones into kv, in order. */
        private void unspread() {
            Rec r = base;
            base = null;
            Object[] a = kv = new Object[2 * SMALL];
            shared = false;
            int m = r.size();
            for (int i = 0; i < m; i++) {
                a[2 * i] = r.shape.key(i);
                a[2 * i + 1] = r.at(i);
            }
            if (extra > 0) { a[2 * m] = k0; a[2 * m + 1] = x0; }
            if (extra > 1) { a[2 * m + 2] = k1; a[2 * m + 3] = x1; }
            if (extra > 2) { a[2 * m + 4] = k2; a[2 * m + 5] = x2; }
            k0 = k1 = k2 = null;
            x0 = x1 = x2 = null;
            extra = 0;
        }

        public Builder putAll(LDict d) {
            if (base != null) unspread();
            if (cur != null) cur = cur.merge(d);
            else if (n == 0 && d instanceof Rec r) {
                // a splat first (#{...rest, :k v}): kept as it is while only new keys follow
                base = r;
                n = r.size();
                shape = r.shape.base();
            } else {
                d.forEach(this::put);
            }
            return this;
        }

        public int size() { return cur != null ? cur.size() : n; }

        public LDict build() {
            if (cur != null) return cur;
            if (n == 0) return EMPTY;
            if (base != null) return extra == 0 ? base : NumRec.extend(base, shape, x0, x1, x2);
            // a shaped record, as a literal with these keys makes (splats, `dict`): access
            // sites' caches then serve it; the general form once too many shapes exist
            Shape s = shape;
            if (s == null) {
                Keyword[] ks = new Keyword[n];
                for (int i = 0; i < n; i++) ks[i] = (Keyword) kv[2 * i];
                s = Shape.find(ks);
            }
            if (s != null) {
                Object[] vs = new Object[n];
                for (int i = 0; i < n; i++) vs[i] = kv[2 * i + 1];
                return Rec.of(s, vs);
            }
            if (n == SMALL) { shared = true; return new MapDict(kv, null, null, n); }
            return new MapDict(java.util.Arrays.copyOf(kv, 2 * n), null, null, n);
        }
    }
}
