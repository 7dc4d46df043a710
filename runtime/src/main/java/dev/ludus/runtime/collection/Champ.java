package dev.ludus.runtime.collection;

import dev.ludus.runtime.Values;
import dev.ludus.runtime.value.LFn;

/**
 * A persistent CHAMP hash trie mapping keys to (value, insertion sequence number). Shared by
 * {@link LDict} (keyword keys compared by identity, {@code structural == false}) and
 * {@link LSet} (any values compared with {@link Values#eq}, {@code structural == true}).
 *
 * <p>Node layout: {@code arr} holds key/value pairs of the inline entries in bitmap order,
 * followed by the sub-nodes in <em>reverse</em> bitmap order; {@code seqs} holds the sequence
 * numbers of the inline entries. Below 7 levels (shift 35) all 32 hash bits are used up and
 * nodes become collision nodes (bitmaps 0, entries in {@code arr}/{@code seqs} linearly).
 * Canonical form is kept on removal (a sub-node left with one entry is inlined).
 */
final class Champ {
    private Champ() {}

    static final int MAX_SHIFT = 35;

    static final class Node {
        final int dataMap;
        final int nodeMap;
        final Object[] arr;
        final int[] seqs;

        Node(int dataMap, int nodeMap, Object[] arr, int[] seqs) {
            this.dataMap = dataMap;
            this.nodeMap = nodeMap;
            this.arr = arr;
            this.seqs = seqs;
        }

        int payload() { return seqs.length; }
        Node subNode(int i) { return (Node) arr[arr.length - 1 - i]; }
    }

    static final Node EMPTY = new Node(0, 0, new Object[0], new int[0]);

    /**
     * Whether making {@code changes} changes to a dict or set of {@code size} entries is cheaper
     * by copying it into a mutable form and building it anew than by persistent steps, each a
     * path copy: once they are a quarter of its size, plus a few. One rule for the in-place
     * accumulators of folds and for the union of sets.
     */
    static boolean rebuildPays(int changes, int size) {
        return changes > (size >> 2) + 8;
    }

    /** Out-parameters of put/remove. */
    static final class Result {
        boolean found;
        int seq;
        Object oldValue;

        void reset() { found = false; seq = -1; oldValue = null; }
    }

    /** Identity for keywords; Values.eq for set elements (so a NaN-holding element is never found, spec §8). */
    static boolean keq(Object a, Object b, boolean structural) {
        return structural ? Values.eq(a, b) : a == b;
    }

    static int hashOf(Object k, boolean structural) {
        return structural ? Values.hash(k) : k.hashCode();
    }

    private static int index(int map, int bit) { return Integer.bitCount(map & (bit - 1)); }

    /** The value for k, or Java null if absent. */
    static Object get(Node n, Object k, int h, boolean structural) {
        int shift = 0;
        while (true) {
            if (shift >= MAX_SHIFT) {
                Object[] a = n.arr;
                for (int i = 0; i < a.length; i += 2) if (keq(a[i], k, structural)) return a[i + 1];
                return null;
            }
            int bit = 1 << ((h >>> shift) & 31);
            if ((n.dataMap & bit) != 0) {
                int i = 2 * index(n.dataMap, bit);
                return keq(n.arr[i], k, structural) ? n.arr[i + 1] : null;
            }
            if ((n.nodeMap & bit) == 0) return null;
            n = n.subNode(index(n.nodeMap, bit));
            shift += 5;
        }
    }

    /** Whether k is present (for maps that may hold Java null values, e.g. sets). */
    static boolean contains(Node n, Object k, int h, boolean structural) {
        int shift = 0;
        while (true) {
            if (shift >= MAX_SHIFT) {
                Object[] a = n.arr;
                for (int i = 0; i < a.length; i += 2) if (keq(a[i], k, structural)) return true;
                return false;
            }
            int bit = 1 << ((h >>> shift) & 31);
            if ((n.dataMap & bit) != 0) return keq(n.arr[2 * index(n.dataMap, bit)], k, structural);
            if ((n.nodeMap & bit) == 0) return false;
            n = n.subNode(index(n.nodeMap, bit));
            shift += 5;
        }
    }

    /**
     * n with k -> v. If k is present its sequence number is kept (r.found, r.seq, r.oldValue
     * are set) and n itself is returned when the value is identical; otherwise the new entry
     * gets sequence number seq.
     */
    static Node put(Node n, Object k, int h, Object v, int seq, int shift, boolean structural, Result r) {
        if (shift >= MAX_SHIFT) return putCollision(n, k, v, seq, structural, r);
        int bit = 1 << ((h >>> shift) & 31);
        if ((n.dataMap & bit) != 0) {
            int di = index(n.dataMap, bit);
            Object k0 = n.arr[2 * di];
            if (keq(k0, k, structural)) {
                r.found = true;
                r.seq = n.seqs[di];
                Object old = n.arr[2 * di + 1];
                r.oldValue = old;
                if (old == v) return n;
                Object[] a = n.arr.clone();
                a[2 * di + 1] = v;
                return new Node(n.dataMap, n.nodeMap, a, n.seqs);
            }
            // split: the existing entry and the new one move into a sub-node
            Node sub = mergeTwo(k0, n.arr[2 * di + 1], n.seqs[di], hashOf(k0, structural),
                                k, v, seq, h, shift + 5);
            return dataToNode(n, bit, di, sub);
        }
        if ((n.nodeMap & bit) != 0) {
            int ni = index(n.nodeMap, bit);
            Node sub = n.subNode(ni);
            Node ns = put(sub, k, h, v, seq, shift + 5, structural, r);
            if (ns == sub) return n;
            Object[] a = n.arr.clone();
            a[a.length - 1 - ni] = ns;
            return new Node(n.dataMap, n.nodeMap, a, n.seqs);
        }
        // insert inline
        int di = index(n.dataMap, bit);
        Object[] a = new Object[n.arr.length + 2];
        System.arraycopy(n.arr, 0, a, 0, 2 * di);
        a[2 * di] = k;
        a[2 * di + 1] = v;
        System.arraycopy(n.arr, 2 * di, a, 2 * di + 2, n.arr.length - 2 * di);
        int[] s = insertInt(n.seqs, di, seq);
        return new Node(n.dataMap | bit, n.nodeMap, a, s);
    }

    /**
     * n with k's value replaced by f applied to it (keys compared by identity: dicts), in one
     * walk; n itself if f returns the same value; Java null, with f not called, if k is absent.
     */
    static Node update(Node n, Object k, int h, int shift, LFn f) {
        if (shift >= MAX_SHIFT) {
            Object[] a = n.arr;
            for (int i = 0; i < a.length; i += 2) {
                if (a[i] == k) {
                    Object old = a[i + 1];
                    Object v = nonNull(f.call1(old));
                    if (v == old) return n;
                    Object[] b = a.clone();
                    b[i + 1] = v;
                    return new Node(0, 0, b, n.seqs);
                }
            }
            return null;
        }
        int bit = 1 << ((h >>> shift) & 31);
        if ((n.dataMap & bit) != 0) {
            int i = 2 * index(n.dataMap, bit);
            if (n.arr[i] != k) return null;
            Object old = n.arr[i + 1];
            Object v = nonNull(f.call1(old));
            if (v == old) return n;
            Object[] a = n.arr.clone();
            a[i + 1] = v;
            return new Node(n.dataMap, n.nodeMap, a, n.seqs);
        }
        if ((n.nodeMap & bit) == 0) return null;
        int ni = index(n.nodeMap, bit);
        Node sub = n.subNode(ni);
        Node ns = update(sub, k, h, shift + 5, f);
        if (ns == null) return null;
        if (ns == sub) return n;
        Object[] a = n.arr.clone();
        a[a.length - 1 - ni] = ns;
        return new Node(n.dataMap, n.nodeMap, a, n.seqs);
    }

    static Object nonNull(Object v) {
        if (v == null) throw new NullPointerException("Java null is not a Ludus value");
        return v;
    }

    private static Node putCollision(Node n, Object k, Object v, int seq, boolean structural, Result r) {
        Object[] a = n.arr;
        for (int i = 0; i < a.length; i += 2) {
            if (keq(a[i], k, structural)) {
                r.found = true;
                r.seq = n.seqs[i >> 1];
                r.oldValue = a[i + 1];
                if (a[i + 1] == v) return n;
                Object[] b = a.clone();
                b[i + 1] = v;
                return new Node(0, 0, b, n.seqs);
            }
        }
        Object[] b = java.util.Arrays.copyOf(a, a.length + 2);
        b[a.length] = k;
        b[a.length + 1] = v;
        return new Node(0, 0, b, insertInt(n.seqs, n.seqs.length, seq));
    }

    private static Node mergeTwo(Object k1, Object v1, int s1, int h1, Object k2, Object v2, int s2, int h2, int shift) {
        if (shift >= MAX_SHIFT) return new Node(0, 0, new Object[] {k1, v1, k2, v2}, new int[] {s1, s2});
        int b1 = (h1 >>> shift) & 31, b2 = (h2 >>> shift) & 31;
        if (b1 != b2) {
            if (b1 < b2) return new Node((1 << b1) | (1 << b2), 0, new Object[] {k1, v1, k2, v2}, new int[] {s1, s2});
            return new Node((1 << b1) | (1 << b2), 0, new Object[] {k2, v2, k1, v1}, new int[] {s2, s1});
        }
        Node sub = mergeTwo(k1, v1, s1, h1, k2, v2, s2, h2, shift + 5);
        return new Node(0, 1 << b1, new Object[] {sub}, EMPTY_INTS);
    }

    private static final int[] EMPTY_INTS = new int[0];

    /** n with inline entry di (bit) replaced by sub-node sub. */
    private static Node dataToNode(Node n, int bit, int di, Node sub) {
        Object[] old = n.arr;
        int nodeMap = n.nodeMap | bit;
        int ni = index(nodeMap, bit);
        Object[] a = new Object[old.length - 1];
        // data before and after di
        System.arraycopy(old, 0, a, 0, 2 * di);
        System.arraycopy(old, 2 * di + 2, a, 2 * di, old.length - 2 * di - 2);
        // now a has the data (2*(p-1)) followed by the old nodes (reversed) shifted left by 2,
        // with one free slot at the end; insert sub at reversed position ni
        int dataEnd = 2 * (n.seqs.length - 1);
        int nodes = old.length - 2 * n.seqs.length;          // old node count
        // reversed layout: node j at a.length - 1 - j. Old node j was at old.length-1-j, now at
        // (old.length-1-j)-2 = a.length-2-j; nodes with j >= ni must move to a.length-2-j (one
        // lower index than their new slot a.length-1-(j+1) = a.length-2-j): already right.
        // nodes with j < ni must move up by one.
        for (int j = 0; j < ni; j++) a[a.length - 1 - j] = old[old.length - 1 - j];
        a[a.length - 1 - ni] = sub;
        assert dataEnd + nodes + 1 == a.length;
        return new Node(n.dataMap ^ bit, nodeMap, a, removeInt(n.seqs, di));
    }

    /** n with sub-node ni (bit) replaced by the single entry of sub, inlined. */
    private static Node nodeToData(Node n, int bit, int ni, Node sub) {
        Object[] old = n.arr;
        int dataMap = n.dataMap | bit;
        int di = index(dataMap, bit);
        Object[] a = new Object[old.length + 1];
        System.arraycopy(old, 0, a, 0, 2 * di);
        a[2 * di] = sub.arr[0];
        a[2 * di + 1] = sub.arr[1];
        System.arraycopy(old, 2 * di, a, 2 * di + 2, 2 * n.seqs.length - 2 * di);
        // nodes: old node j (j != ni) at old.length-1-j -> a.length-1-j' with j' = j or j-1
        int oldNodes = old.length - 2 * n.seqs.length;
        for (int j = 0; j < oldNodes; j++) {
            if (j == ni) continue;
            int jn = j < ni ? j : j - 1;
            a[a.length - 1 - jn] = old[old.length - 1 - j];
        }
        return new Node(dataMap, n.nodeMap ^ bit, a, insertInt(n.seqs, di, sub.seqs[0]));
    }

    /** n without k (r.found/seq/oldValue set if it was present); n itself if absent. */
    static Node remove(Node n, Object k, int h, int shift, boolean structural, Result r) {
        if (shift >= MAX_SHIFT) {
            Object[] a = n.arr;
            for (int i = 0; i < a.length; i += 2) {
                if (keq(a[i], k, structural)) {
                    r.found = true;
                    r.seq = n.seqs[i >> 1];
                    r.oldValue = a[i + 1];
                    Object[] b = new Object[a.length - 2];
                    System.arraycopy(a, 0, b, 0, i);
                    System.arraycopy(a, i + 2, b, i, a.length - i - 2);
                    return new Node(0, 0, b, removeInt(n.seqs, i >> 1));
                }
            }
            return n;
        }
        int bit = 1 << ((h >>> shift) & 31);
        if ((n.dataMap & bit) != 0) {
            int di = index(n.dataMap, bit);
            if (!keq(n.arr[2 * di], k, structural)) return n;
            r.found = true;
            r.seq = n.seqs[di];
            r.oldValue = n.arr[2 * di + 1];
            Object[] a = new Object[n.arr.length - 2];
            System.arraycopy(n.arr, 0, a, 0, 2 * di);
            System.arraycopy(n.arr, 2 * di + 2, a, 2 * di, n.arr.length - 2 * di - 2);
            return new Node(n.dataMap ^ bit, n.nodeMap, a, removeInt(n.seqs, di));
        }
        if ((n.nodeMap & bit) != 0) {
            int ni = index(n.nodeMap, bit);
            Node sub = n.subNode(ni);
            Node ns = remove(sub, k, h, shift + 5, structural, r);
            if (ns == sub) return n;
            if (ns.seqs.length == 1 && ns.nodeMap == 0) {
                // singleton sub-node: propagate it up if this node would hold only it
                if (shift > 0 && n.seqs.length == 0 && n.nodeMap == bit) return ns;
                return nodeToData(n, bit, ni, ns);
            }
            Object[] a = n.arr.clone();
            a[a.length - 1 - ni] = ns;
            return new Node(n.dataMap, n.nodeMap, a, n.seqs);
        }
        return n;
    }

    private static int[] insertInt(int[] s, int i, int x) {
        int[] t = new int[s.length + 1];
        System.arraycopy(s, 0, t, 0, i);
        t[i] = x;
        System.arraycopy(s, i, t, i + 1, s.length - i);
        return t;
    }

    private static int[] removeInt(int[] s, int i) {
        if (s.length == 1) return EMPTY_INTS;
        int[] t = new int[s.length - 1];
        System.arraycopy(s, 0, t, 0, i);
        System.arraycopy(s, i + 1, t, i, s.length - i - 1);
        return t;
    }

    /**
     * The trie of a set's n distinct elements (value null, sequence number = index), as adding
     * them one by one makes it but bottom-up, each node once: at each level the elements are
     * ordered stably by their 5 hash bits there; a bit with one element holds it inline, one
     * with more a sub-node, and past the last bits a collision node keeps them in order.
     */
    static Node buildSet(Object[] elems, int[] hashes, int n) {
        if (n == 0) return EMPTY;
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) idx[i] = i;
        return build(elems, hashes, idx, new int[n], 0, n, 0);
    }

    private static Node build(Object[] elems, int[] hashes, int[] idx, int[] tmp, int from, int to, int shift) {
        int count = to - from;
        if (shift >= MAX_SHIFT) {
            Object[] a = new Object[2 * count];
            int[] s = new int[count];
            for (int j = 0; j < count; j++) {
                a[2 * j] = elems[idx[from + j]];
                s[j] = idx[from + j];
            }
            return new Node(0, 0, a, s);
        }
        int[] start = new int[33];
        for (int i = from; i < to; i++) start[((hashes[idx[i]] >>> shift) & 31) + 1]++;
        int data = 0, nodes = 0;
        for (int b = 0; b < 32; b++) {
            if (start[b + 1] == 1) data++;
            else if (start[b + 1] > 1) nodes++;
            start[b + 1] += start[b];
        }
        int[] next = start.clone();
        for (int i = from; i < to; i++) tmp[from + next[(hashes[idx[i]] >>> shift) & 31]++] = idx[i];
        System.arraycopy(tmp, from, idx, from, count);
        Object[] a = new Object[2 * data + nodes];
        int[] seqs = new int[data];
        int dataMap = 0, nodeMap = 0, di = 0, ni = 0;
        for (int b = 0; b < 32; b++) {
            int lo = from + start[b], hi = from + start[b + 1];
            if (hi - lo == 1) {
                a[2 * di] = elems[idx[lo]];
                seqs[di++] = idx[lo];
                dataMap |= 1 << b;
            } else if (hi - lo > 1) {
                a[a.length - 1 - ni++] = build(elems, hashes, idx, tmp, lo, hi, shift + 5);
                nodeMap |= 1 << b;
            }
        }
        return new Node(dataMap, nodeMap, a, seqs);
    }

    /** Visitor over entries in trie order. */
    interface EntryVisitor {
        void visit(Object k, Object v, int seq);
    }

    static void forEach(Node n, EntryVisitor f) {
        Object[] a = n.arr;
        int p = n.seqs.length;
        for (int i = 0; i < p; i++) f.visit(a[2 * i], a[2 * i + 1], n.seqs[i]);
        for (int i = 2 * p; i < a.length; i++) forEach((Node) a[i], f);
    }

    /** Sets live[seq] for every entry. */
    static void liveBySeq(Node n, boolean[] live) {
        int[] s = n.seqs;
        for (int q : s) live[q] = true;
        Object[] a = n.arr;
        for (int i = 2 * s.length; i < a.length; i++) liveBySeq((Node) a[i], live);
    }

    /** Writes vals[seq] = value for every entry. */
    static void valuesBySeq(Node n, Object[] vals) {
        Object[] a = n.arr;
        int[] s = n.seqs;
        int p = s.length;
        for (int i = 0; i < p; i++) vals[s[i]] = a[2 * i + 1];
        for (int i = 2 * p; i < a.length; i++) valuesBySeq((Node) a[i], vals);
    }
}
