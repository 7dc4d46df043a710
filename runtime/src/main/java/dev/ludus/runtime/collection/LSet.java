package dev.ludus.runtime.collection;

import dev.ludus.runtime.Values;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

/**
 * Ludus set: persistent set of any values (structural equality, spec §8) iterating in
 * insertion order (removing then re-adding moves an element to the end).
 *
 * <p>Up to {@value #SMALL} elements: a flat array in insertion order, searched linearly with
 * {@link Values#eq}. Larger: a structural {@link Champ} trie from element to sequence number
 * plus an {@link LList} {@code order} of elements by sequence number. Removal only touches the
 * trie; a slot of {@code order} is live iff the trie holds that sequence number (found by one
 * pass over the trie when iterating a set that has had removals). Stale slots are compacted
 * away when they outnumber live elements by more than 32.
 */
public final class LSet implements Iterable<Object> {
    static final int SMALL = 8;
    private static final Object[] NO_ELEMS = new Object[0];

    public static final LSet EMPTY = new LSet(NO_ELEMS, null, null, 0);

    private final Object[] elems;     // small form, or null
    private final Champ.Node root;    // large form
    private final LList order;        // large form (stale slots possible after removals)
    private final int size;
    private int hash;

    private LSet(Object[] elems, Champ.Node root, LList order, int size) {
        this.elems = elems;
        this.root = root;
        this.order = order;
        this.size = size;
    }

    public static LSet of(Object... xs) {
        Builder b = new Builder();
        for (Object x : xs) b.add(x);
        return b.build();
    }

    public int size() { return size; }
    public boolean isEmpty() { return size == 0; }

    public boolean contains(Object x) {
        Object[] a = elems;
        if (a != null) {
            for (Object e : a) if (Values.eq(e, x)) return true;
            return false;
        }
        return Champ.contains(root, x, Values.hash(x), true);
    }

    public LSet add(Object x) {
        if (x == null) throw new NullPointerException("Java null is not a Ludus value");
        Object[] a = elems;
        if (a != null) {
            for (Object e : a) if (Values.eq(e, x)) return this;
            if (size < SMALL) {
                Object[] b = java.util.Arrays.copyOf(a, a.length + 1);
                b[a.length] = x;
                return new LSet(b, null, null, size + 1);
            }
            Champ.Result r = new Champ.Result();
            Champ.Node n = Champ.EMPTY;
            LList.Builder ob = new LList.Builder();
            int seq = 0;
            for (Object e : a) {
                n = Champ.put(n, e, Values.hash(e), null, seq++, 0, true, r);
                ob.add(e);
            }
            n = Champ.put(n, x, Values.hash(x), null, seq, 0, true, r);
            ob.add(x);
            return new LSet(null, n, ob.build(), size + 1);
        }
        Champ.Result r = new Champ.Result();
        Champ.Node nr = Champ.put(root, x, Values.hash(x), null, order.size(), 0, true, r);
        if (r.found) return this;
        return new LSet(null, nr, order.append(x), size + 1);
    }

    public LSet remove(Object x) {
        Object[] a = elems;
        if (a != null) {
            for (int i = 0; i < a.length; i++) {
                if (Values.eq(a[i], x)) {
                    if (a.length == 1) return EMPTY;
                    Object[] b = new Object[a.length - 1];
                    System.arraycopy(a, 0, b, 0, i);
                    System.arraycopy(a, i + 1, b, i, a.length - i - 1);
                    return new LSet(b, null, null, size - 1);
                }
            }
            return this;
        }
        Champ.Result r = new Champ.Result();
        Champ.Node nr = Champ.remove(root, x, Values.hash(x), 0, true, r);
        if (!r.found) return this;
        int n = size - 1;
        if (n <= SMALL || order.size() - n > n + 32) {
            boolean[] live = new boolean[order.size()];
            Champ.liveBySeq(nr, live);
            if (n <= SMALL) {
                if (n == 0) return EMPTY;
                Object[] b = new Object[n];
                int j = 0, q = 0;
                for (Object e : order) if (live[q++]) b[j++] = e;
                return new LSet(b, null, null, n);
            }
            Champ.Node nn = Champ.EMPTY;
            LList.Builder ob = new LList.Builder();
            int seq = 0, q = 0;
            for (Object e : order) {
                if (!live[q++]) continue;
                nn = Champ.put(nn, e, Values.hash(e), null, seq++, 0, true, r);
                ob.add(e);
            }
            return new LSet(null, nn, ob.build(), n);
        }
        return new LSet(null, nr, order, n);
    }

    /** Live flags by sequence number, or null when the order list has no stale slots. */
    private boolean[] liveMask() {
        if (order.size() == size) return null;
        boolean[] live = new boolean[order.size()];
        Champ.liveBySeq(root, live);
        return live;
    }

    /** This set plus the elements of other (in other's order). */
    public LSet union(LSet other) {
        if (other.size == 0) return this;
        if (size == 0) return other;
        if (!Champ.rebuildPays(other.size, size)) {
            LSet[] s = {this};
            other.forEach(e -> s[0] = s[0].add(e));
            return s[0];
        }
        // many elements: both into one builder, the trie made once (no copy of a path per element)
        Builder b = new Builder();
        forEach(b::add);
        other.forEach(b::add);
        return b.size() == size ? this : b.build();
    }

    /** In insertion order. */
    @Override public void forEach(Consumer<? super Object> f) {
        Object[] a = elems;
        if (a != null) {
            for (Object e : a) f.accept(e);
            return;
        }
        boolean[] live = liveMask();
        if (live == null) { order.forEach(f); return; }
        int[] q = {0};
        order.forEach(e -> { if (live[q[0]++]) f.accept(e); });
    }

    /** Whether every element satisfies p (insertion order, stops at the first failure). */
    public boolean allMatch(java.util.function.Predicate<Object> p) {
        Object[] a = elems;
        if (a != null) {
            for (Object e : a) if (!p.test(e)) return false;
            return true;
        }
        boolean[] live = liveMask();
        if (live == null) return order.find(e -> !p.test(e)) == null;
        int[] q = {0};
        return order.find(e -> live[q[0]++] && !p.test(e)) == null;
    }

    /** The elements in insertion order. */
    public LList toList() {
        Object[] a = elems;
        if (a != null) return LList.fromArray(a, 0, a.length);
        if (order.size() == size) return order;
        LList.Builder b = new LList.Builder();
        forEach(b::add);
        return b.build();
    }

    public Object[] toArray() {
        Object[] a = elems;
        if (a != null) return a.clone();
        Object[] out = new Object[size];
        int[] j = {0};
        forEach(e -> out[j[0]++] = e);
        return out;
    }

    @Override public Iterator<Object> iterator() {
        Object[] a = elems;
        if (a != null) {
            return new Iterator<>() {
                int i;
                @Override public boolean hasNext() { return i < a.length; }
                @Override public Object next() {
                    if (i >= a.length) throw new NoSuchElementException();
                    return a[i++];
                }
            };
        }
        Iterator<Object> it = order.iterator();
        boolean[] live = liveMask();
        if (live == null) return it;
        return new Iterator<>() {
            int q;
            Object next = advance();

            private Object advance() {
                while (it.hasNext()) {
                    Object e = it.next();
                    if (live[q++]) return e;
                }
                return null;
            }

            @Override public boolean hasNext() { return next != null; }
            @Override public Object next() {
                if (next == null) throw new NoSuchElementException();
                Object e = next;
                next = advance();
                return e;
            }
        };
    }

    @Override public boolean equals(Object o) { return o instanceof LSet && Values.eq(this, o); }
    /** Values.hash of this collection (cached; order-independent for dicts and sets). */
    @Override public int hashCode() {
        int h = hash;
        if (h == 0) {
            int[] acc = {0};
            forEach(e -> acc[0] += Values.hash(e));
            h = Values.mix(acc[0] ^ 0x73657400 ^ size);
            hash = h;
        }
        return h;
    }
    @Override public String toString() { return Values.show(this); }

    public static Builder builder() { return new Builder(); }

    /**
     * Accumulates elements (duplicates ignored, first position kept). Up to {@value #SMALL}
     * elements it fills a private array in place; beyond that a mutable hash table
     * ({@link SetTable}), from which build makes the trie in one go ({@link Champ#buildSet}). It
     * may be used again after build.
     */
    public static final class Builder {
        private Object[] xs = new Object[SMALL];   // small phase
        private int n;
        private boolean shared;
        private SetTable table;                    // large phase (xs == null)

        public Builder add(Object x) {
            if (x == null) throw new NullPointerException("Java null is not a Ludus value");
            Object[] a = xs;
            if (a == null) { table.add(x); return this; }
            for (int i = 0; i < n; i++) if (Values.eq(a[i], x)) return this;
            if (n < SMALL) {
                if (shared) { a = xs = a.clone(); shared = false; }
                a[n++] = x;
                return this;
            }
            SetTable t = new SetTable();
            for (Object e : a) t.add(e);
            t.add(x);
            table = t;
            xs = null;
            return this;
        }

        public Builder addAll(Iterable<?> it) {
            for (Object x : it) add(x);
            return this;
        }

        public int size() { return xs == null ? table.n : n; }

        public LSet build() {
            if (xs == null) {
                SetTable t = table;
                Champ.Node root = Champ.buildSet(t.elems, t.hashes, t.n);
                return new LSet(null, root, LList.fromArray(t.elems, 0, t.n), t.n);
            }
            if (n == 0) return EMPTY;
            if (n == SMALL) { shared = true; return new LSet(xs, null, null, n); }
            return new LSet(java.util.Arrays.copyOf(xs, n), null, null, n);
        }
    }
}
