package dev.ludus.runtime.collection;

import dev.ludus.runtime.value.Keyword;
import dev.ludus.runtime.value.LFn;
import dev.ludus.runtime.value.Nil;
import java.util.function.BiConsumer;

/**
 * The general form of a dict (see {@link LDict}): every dict that is not a shaped record.
 *
 * <p>Up to {@value LDict#SMALL} entries: a flat array {@code [k0, v0, k1, v1, ...]} in insertion
 * order, searched linearly by identity. Larger: a {@link Champ} trie from key to (value,
 * sequence number) plus an {@link LList} {@code order} whose slot {@code seq} holds the key
 * inserted with that number. A removal only touches the trie: a slot is live iff the trie still
 * maps its key to that sequence number, which iteration finds by one pass over the trie
 * (values by sequence number). The order list is compacted (sequence numbers renumbered) when
 * stale slots outnumber live keys by more than 32.
 */
final class MapDict extends LDict {
    private final Object[] kv;        // small form, or null
    private final Champ.Node root;    // large form
    private final LList order;        // large form: keys by sequence number (stale slots possible)
    private final int size;

    MapDict(Object[] kv, Champ.Node root, LList order, int size) {
        this.kv = kv;
        this.root = root;
        this.order = order;
        this.size = size;
    }

    static LDict small(Object[] kv) { return kv.length == 0 ? EMPTY : new MapDict(kv, null, null, kv.length >> 1); }

    /** Prelude update: a present key costs one walk and only the copied path. */
    @Override public LDict update(Keyword k, LFn f) {
        Object[] a = kv;
        if (a != null) {
            for (int i = 0; i < a.length; i += 2) {
                if (a[i] == k) {
                    Object old = a[i + 1];
                    Object v = Champ.nonNull(f.call1(old));
                    if (v == old) return this;
                    Object[] b = a.clone();
                    b[i + 1] = v;
                    return new MapDict(b, null, null, size);
                }
            }
            return assoc(k, f.call1(Nil.NIL));
        }
        Champ.Node nr = Champ.update(root, k, k.hashCode(), 0, f);
        if (nr == null) return assoc(k, f.call1(Nil.NIL));
        return nr == root ? this : new MapDict(null, nr, order, size);
    }

    @Override public int size() { return size; }

    /** The value at k, or Java null if absent (a key holding nil returns Nil.NIL). */
    @Override public Object get(Keyword k) {
        Object[] a = kv;
        if (a != null) {
            for (int i = 0; i < a.length; i += 2) if (a[i] == k) return a[i + 1];
            return null;
        }
        return Champ.get(root, k, k.hashCode(), false);
    }

    @Override public LDict assoc(Keyword k, Object v) {
        if (v == null) throw new NullPointerException("Java null is not a Ludus value");
        Object[] a = kv;
        if (a != null) {
            for (int i = 0; i < a.length; i += 2) {
                if (a[i] == k) {
                    if (a[i + 1] == v) return this;
                    Object[] b = a.clone();
                    b[i + 1] = v;
                    return new MapDict(b, null, null, size);
                }
            }
            if (size < SMALL) {
                Object[] b = java.util.Arrays.copyOf(a, a.length + 2);
                b[a.length] = k;
                b[a.length + 1] = v;
                return new MapDict(b, null, null, size + 1);
            }
            return promote(a, k, v);
        }
        Champ.Result r = new Champ.Result();
        Champ.Node nr = Champ.put(root, k, k.hashCode(), v, order.size(), 0, false, r);
        if (r.found) return nr == root ? this : new MapDict(null, nr, order, size);
        return new MapDict(null, nr, order.append(k), size + 1);
    }

    private static LDict promote(Object[] a, Keyword k, Object v) {
        Champ.Result r = new Champ.Result();
        Champ.Node n = Champ.EMPTY;
        LList.Builder ob = new LList.Builder();
        int seq = 0;
        for (int i = 0; i < a.length; i += 2) {
            n = Champ.put(n, a[i], a[i].hashCode(), a[i + 1], seq++, 0, false, r);
            ob.add(a[i]);
        }
        n = Champ.put(n, k, k.hashCode(), v, seq, 0, false, r);
        ob.add(k);
        return new MapDict(null, n, ob.build(), (a.length >> 1) + 1);
    }

    @Override public LDict dissoc(Keyword k) {
        Object[] a = kv;
        if (a != null) {
            for (int i = 0; i < a.length; i += 2) {
                if (a[i] == k) {
                    if (a.length == 2) return EMPTY;
                    Object[] b = new Object[a.length - 2];
                    System.arraycopy(a, 0, b, 0, i);
                    System.arraycopy(a, i + 2, b, i, a.length - i - 2);
                    return new MapDict(b, null, null, size - 1);
                }
            }
            return this;
        }
        Champ.Result r = new Champ.Result();
        Champ.Node nr = Champ.remove(root, k, k.hashCode(), 0, false, r);
        if (!r.found) return this;
        int n = size - 1;
        if (n <= SMALL) return demote(nr, order, n);
        if (order.size() - n > n + 32) return compact(nr, order, n);
        return new MapDict(null, nr, order, n);
    }

    /** Small form of the live entries, in order. */
    private static LDict demote(Champ.Node root, LList order, int n) {
        Object[] vals = new Object[order.size()];
        Champ.valuesBySeq(root, vals);
        Object[] b = new Object[2 * n];
        int[] j = {0};
        int seq = 0;
        for (Object k : order) {
            if (vals[seq] != null) {
                b[j[0]++] = k;
                b[j[0]++] = vals[seq];
            }
            seq++;
        }
        return small(b);
    }

    /** Renumbers the sequence numbers densely. */
    private static LDict compact(Champ.Node root, LList order, int n) {
        Object[] vals = new Object[order.size()];
        Champ.valuesBySeq(root, vals);
        Champ.Result r = new Champ.Result();
        Champ.Node nn = Champ.EMPTY;
        LList.Builder ob = new LList.Builder();
        int seq = 0, ns = 0;
        for (Object k : order) {
            Object v = vals[seq++];
            if (v != null) {
                nn = Champ.put(nn, k, k.hashCode(), v, ns++, 0, false, r);
                ob.add(k);
            }
        }
        return new MapDict(null, nn, ob.build(), n);
    }

    /** In insertion order. */
    @Override public void forEach(BiConsumer<Keyword, Object> f) {
        Object[] a = kv;
        if (a != null) {
            for (int i = 0; i < a.length; i += 2) f.accept((Keyword) a[i], a[i + 1]);
            return;
        }
        Object[] vals = new Object[order.size()];
        Champ.valuesBySeq(root, vals);
        int[] seq = {0};
        order.forEach(new java.util.function.Consumer<Object>() { // classes, not lambdas, here: cheaper at start-up
            @Override
            public void accept(Object k) {
                int s = seq[0]++;
                if (vals[s] != null) f.accept((Keyword) k, vals[s]);
            }
        });
    }

    /** Visits entries in an unspecified order (cheaper than forEach for large dicts). */
    @Override void forEachUnordered(BiConsumer<Keyword, Object> f) {
        Object[] a = kv;
        if (a != null) {
            for (int i = 0; i < a.length; i += 2) f.accept((Keyword) a[i], a[i + 1]);
            return;
        }
        Champ.forEach(root, new Champ.EntryVisitor() { // a class, not a lambda: cheaper at start-up
            @Override
            public void visit(Object k, Object v, int s) {
                f.accept((Keyword) k, v);
            }
        });
    }

    /** Whether every entry satisfies p (unspecified order, stops at the first failure). */
    @Override public boolean allEntries(java.util.function.BiPredicate<Keyword, Object> p) {
        Object[] a = kv;
        if (a != null) {
            for (int i = 0; i < a.length; i += 2) if (!p.test((Keyword) a[i], a[i + 1])) return false;
            return true;
        }
        return allRec(root, p);
    }

    private static boolean allRec(Champ.Node n, java.util.function.BiPredicate<Keyword, Object> p) {
        Object[] a = n.arr;
        int pl = n.seqs.length;
        for (int i = 0; i < pl; i++) if (!p.test((Keyword) a[2 * i], a[2 * i + 1])) return false;
        for (int i = 2 * pl; i < a.length; i++) if (!allRec((Champ.Node) a[i], p)) return false;
        return true;
    }

    @Override public LList keys() {
        Object[] a = kv;
        if (a != null) {
            Object[] ks = new Object[size];
            for (int i = 0; i < size; i++) ks[i] = a[2 * i];
            return LList.fromOwnedArray(ks);
        }
        if (order.size() == size) return order;
        LList.Builder b = new LList.Builder();
        forEach(new BiConsumer<Keyword, Object>() {
            @Override
            public void accept(Keyword k, Object v) {
                b.add(k);
            }
        });
        return b.build();
    }

    @Override public LList values() {
        Object[] a = kv;
        if (a != null) {
            Object[] vs = new Object[size];
            for (int i = 0; i < size; i++) vs[i] = a[2 * i + 1];
            return LList.fromOwnedArray(vs);
        }
        LList.Builder b = new LList.Builder();
        forEach(new BiConsumer<Keyword, Object>() {
            @Override
            public void accept(Keyword k, Object v) {
                b.add(v);
            }
        });
        return b.build();
    }
}
