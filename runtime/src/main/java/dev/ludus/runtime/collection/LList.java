package dev.ludus.runtime.collection;

import dev.ludus.runtime.Values;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

/**
 * Ludus list: a persistent vector (32-way trie with a tail, Clojure-style). Immutable; every
 * "modifying" operation returns a new list sharing structure with this one.
 *
 * <p>Layout. Elements live at <em>absolute</em> positions {@code [start, end)} of a trie plus
 * tail; element {@code i} is at absolute position {@code start + i}. The tail is the last,
 * partially filled leaf (covering {@code [tailoff, end)}, {@code tailoff} a multiple of 32,
 * 1..32 elements); the trie holds the full leaves of {@code [0, tailoff)}. Nodes are bare
 * {@code Object[32]} arrays (internal nodes hold child arrays, possibly null; leaves hold
 * elements). A non-zero {@code start} lets slices that drop a prefix (e.g. {@code rest}) share
 * the whole structure in O(1): the dead prefix is pruned (and the root re-rooted) in
 * O(log n) whenever a slice crosses a 1024-element boundary, so garbage retention is bounded.
 * Slices that drop a suffix trim the right spine in O(log n). Invariant: no trie slot at or
 * beyond {@code tailoff} is non-null (appends can then write in place in builders).
 *
 * <p>Tail capacity. The tail array may be longer than the tail: only its first
 * {@code end - tailoff} slots belong to this list. {@link #append} writes the new element into
 * the next slot when that slot is still null (claimed with a compare-and-set, so one slot goes
 * to at most one list) and shares the array with the new list; a later append to the same,
 * older list finds the slot taken and copies. Slots a list can see are never written again, so
 * every list value stays unchanged, while a chain of appends (a loop building a list) copies
 * the tail only when it grows, not once per element. The price: a list keeps alive the
 * elements later appended into its tail array by newer lists (at most 31).
 */
public final class LList implements Iterable<Object> {
    private static final Object[] EMPTY_ARRAY = new Object[0];
    private static final Object[] EMPTY_NODE = new Object[32];
    /** Claims a free tail slot (null -> element) for exactly one appending list. */
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Object[].class);

    public static final LList EMPTY = new LList(0, 0, 5, EMPTY_NODE, EMPTY_ARRAY);

    private final int start;
    private final int end;
    private final int shift;
    private final Object[] root;
    private final Object[] tail;
    private int hash;          // cached Values.hash (0 = not yet computed)

    private LList(int start, int end, int shift, Object[] root, Object[] tail) {
        this.start = start;
        this.end = end;
        this.shift = shift;
        this.root = root;
        this.tail = tail;
    }

    public static LList of(Object... items) {
        return items.length == 0 ? EMPTY : fromArray(items, 0, items.length);
    }

    /** A list of items[from..to) (the array is copied). */
    public static LList fromArray(Object[] items, int from, int to) {
        int n = to - from;
        if (n <= 0) return EMPTY;
        if (n <= 32) return new LList(0, n, 5, EMPTY_NODE, Arrays.copyOfRange(items, from, to));
        Builder b = new Builder();
        b.addAll(items, from, to);
        return b.build();
    }

    public int size() { return end - start; }
    public boolean isEmpty() { return end == start; }

    /** Absolute position of the tail's first element (a multiple of 32; meaningless when empty). */
    private int tailoff() { return (end - 1) & ~31; }

    /** Number of elements in the tail (1..32; 0 when empty). */
    private int tailCount() { return end == start ? 0 : end - tailoff(); }

    /** Element i, 0 <= i < size (unchecked beyond an IndexOutOfBoundsException). */
    public Object get(int i) {
        if (i < 0 || i >= end - start) throw new IndexOutOfBoundsException(i);
        int j = start + i;
        int to = tailoff();
        if (j >= to) return tail[j - to];
        Object[] node = root;
        for (int level = shift; level > 0; level -= 5) node = (Object[]) node[(j >>> level) & 31];
        return node[j & 31];
    }

    /** Element i, or {@code dflt} when i is out of range. */
    public Object getOrDefault(int i, Object dflt) {
        return i < 0 || i >= end - start ? dflt : get(i);
    }

    /**
     * Whether every element is in the tail leaf (true for lists of up to 32 elements built
     * from empty). Then {@link #tailElement} reads them without walking the trie, which keeps
     * code over short lists small enough for the JIT to inline.
     */
    public boolean inTail() { return end != start && start >= tailoff(); }

    /** Element i (0 <= i < size) of a list that is {@link #inTail}. */
    public Object tailElement(int i) {
        if (i < 0 || i >= end - start) throw new IndexOutOfBoundsException(i);
        return tail[start - tailoff() + i];
    }

    public Object first() { return get(0); }
    public Object last() {
        if (end == start) throw new IndexOutOfBoundsException(-1);
        return tail[(end - 1) & 31];
    }

    /** The leaf array holding absolute position j. */
    private Object[] leafFor(int j) {
        int to = tailoff();
        if (j >= to) return tail;
        Object[] node = root;
        for (int level = shift; level > 0; level -= 5) node = (Object[]) node[(j >>> level) & 31];
        return node;
    }

    public LList append(Object x) {
        // Claiming a slot stores into an older array, which costs a GC card mark: in a tight
        // loop of appends to short lists that is slower than copying a few references, but
        // a chain of appends allocates a fraction of the memory (measured: 1M appends then a
        // fold, 28 -> 13 ms; 200k appends to fresh 32-element lists, 2 -> 5 ms).
        int tlen = tailCount();
        Object[] t = tail;
        // (Object) null: the exact access type; a null literal would be typed Void and make
        // the VarHandle adapt its arguments on every call
        if (tlen < t.length && end != Integer.MAX_VALUE && t[tlen] == null && x != null
                && SLOT.compareAndSet(t, tlen, (Object) null, x)) {
            return new LList(start, end + 1, shift, root, t);   // the next slot was free: share
        }
        return appendCopying(x, tlen);
    }

    /** append when the tail has no free slot: copy the tail, or push it into the trie when full. */
    private LList appendCopying(Object x, int tlen) {
        if (tlen < 32 && end != Integer.MAX_VALUE) {
            Object[] t = tail;
            Object[] nt = new Object[grownCapacity(tlen + 1)];
            System.arraycopy(t, 0, nt, 0, tlen);
            nt[tlen] = x;
            return new LList(start, end + 1, shift, root, nt);
        }
        if (end == Integer.MAX_VALUE) {   // absolute positions exhausted: rebuild compactly
            Builder b = new Builder();
            b.addList(this);
            b.add(x);
            return b.build();
        }
        // full tail: push it into the trie
        int tailoff = end - 32;
        Object[] full = tail;   // 32 elements: a tail never has more than 32 slots
        Object[] newRoot;
        int newShift = shift;
        if ((tailoff >>> 5) >= (1 << shift)) {
            // root overflow
            newRoot = new Object[32];
            newRoot[0] = root;
            newRoot[1] = newPath(shift, full);
            newShift += 5;
        } else {
            newRoot = pushTail(shift, root, full, tailoff);
        }
        Object[] nt = new Object[32];   // past the first leaf, assume the list keeps growing
        nt[0] = x;
        return new LList(start, end + 1, newShift, newRoot, nt);
    }

    /**
     * Capacity of a fresh tail for n elements: the next power of two from 4 up to 32, so a
     * chain of appends copies the tail log(32) times per leaf, while a small list that is
     * appended to only once does not carry a 32-slot array.
     */
    static int grownCapacity(int n) {
        if (n <= 4) return 4;
        return Math.min(32, Integer.highestOneBit(n - 1) << 1);
    }

    private static Object[] pushTail(int level, Object[] parent, Object[] leaf, int pos) {
        int sub = (pos >>> level) & 31;
        Object[] ret = parent.clone();
        if (level == 5) {
            ret[sub] = leaf;
        } else {
            Object[] child = (Object[]) parent[sub];
            ret[sub] = child != null ? pushTail(level - 5, child, leaf, pos) : newPath(level - 5, leaf);
        }
        return ret;
    }

    private static Object[] newPath(int level, Object[] leaf) {
        if (level == 0) return leaf;
        Object[] n = new Object[32];
        n[0] = newPath(level - 5, leaf);
        return n;
    }

    /** This list with element i replaced by x (0 <= i < size). */
    public LList set(int i, Object x) {
        if (i < 0 || i >= end - start) throw new IndexOutOfBoundsException(i);
        int j = start + i;
        int to = tailoff();
        if (j >= to) {
            Object[] nt = Arrays.copyOf(tail, end - to);   // only this list's slots
            nt[j - to] = x;
            return new LList(start, end, shift, root, nt);
        }
        return new LList(start, end, shift, doSet(shift, root, j, x), tail);
    }

    private static Object[] doSet(int level, Object[] node, int j, Object x) {
        Object[] ret = node.clone();
        if (level == 0) ret[j & 31] = x;
        else {
            int sub = (j >>> level) & 31;
            ret[sub] = doSet(level - 5, (Object[]) node[sub], j, x);
        }
        return ret;
    }

    /** All but the first element ({@code []} for empty). */
    public LList rest() { return end - start <= 1 ? EMPTY : drop(1); }

    /**
     * All but the first n elements, 0 <= n <= size: a pattern's {@code [x, ...xs]}. When what
     * is left lives in the tail leaf, a small method the JIT inlines (slice is too large to be).
     */
    public LList drop(int n) {
        int ns = start + n;
        if (n == 0) return this;
        if (ns >= end) return EMPTY;
        int to = tailoff();
        if (ns >= to) return new LList(ns - to, end - to, 5, EMPTY_NODE, tail);
        return slice(n, end - start);
    }

    /** {@code [x, ...this]}: a new list of up to 32 elements is one exact-size array. */
    public LList cons(Object x) {
        if (x == null) throw new NullPointerException("Java null is not a Ludus value");
        int n = end - start;
        if (n >= 32) return new Builder().add(x).addList(this).build();
        Object[] a = new Object[n + 1];
        a[0] = x;
        int to = tailoff();
        if (n > 0 && start >= to) System.arraycopy(tail, start - to, a, 1, n);
        else for (int i = 0; i < n; i++) a[i + 1] = get(i);
        return new LList(0, n + 1, 5, EMPTY_NODE, a);
    }
    /** All but the last element ({@code []} for empty). */
    public LList butLast() { return end - start <= 1 ? EMPTY : slice(0, end - start - 1); }

    /** Elements [from, to), clamped by the caller. */
    public LList slice(int from, int to) {
        int n = end - start;
        if (from < 0 || to > n || from > to) throw new IndexOutOfBoundsException("slice " + from + ".." + to + " of " + n);
        if (from == to) return EMPTY;
        if (from == 0 && to == n) return this;
        int ns = start + from, ne = start + to;
        int oldTailoff = tailoff();
        int nto = ((ne - 1) >>> 5) << 5;       // new tail offset
        Object[] ntail;
        Object[] nroot = root;
        int nshift = shift;
        if (nto == oldTailoff) {
            // same end: share the tail (its free slots stay claimable by either list)
            ntail = ne == end ? tail : Arrays.copyOf(tail, ne - nto);
        } else {
            Object[] leaf = leafFor(nto);
            ntail = ne - nto == 32 ? leaf : Arrays.copyOf(leaf, ne - nto);
        }
        if (ns >= nto) {
            // everything lives in the tail leaf: drop the trie and rebase the leaf to 0
            // (keeping at most 31 dead slots at its front)
            return new LList(ns - nto, ne - nto, 5, EMPTY_NODE, ntail);
        }
        boolean trimRight = nto != oldTailoff;
        boolean pruneLeft = (ns >>> 10) != (start >>> 10);
        if (trimRight || pruneLeft) {
            // Trim the trie to [lo, nto): lo is ns rounded down to a leaf when pruning the
            // left (drops references to the dead prefix), else 0.
            int lo = pruneLeft ? ns & ~31 : 0;
            nroot = trim(root, shift, lo, nto - 1);
            // re-root while the live range sits in one child of the root
            int off = 0;
            while (nshift > 5) {
                int a = ((lo - off) >>> nshift) & 31, b = ((nto - 1 - off) >>> nshift) & 31;
                if (a != b) break;
                nroot = (Object[]) nroot[a];
                off += a << nshift;
                nshift -= 5;
            }
            ns -= off;
            ne -= off;
        }
        return new LList(ns, ne, nshift, nroot, ntail);
    }

    /** Copy of node (at level) with every slot outside positions [lo, hi] (relative) cleared. */
    private static Object[] trim(Object[] node, int level, int lo, int hi) {
        long span = 1L << (level + 5);
        if (lo == 0 && hi == span - 1) return node;
        int a = lo >>> level, b = hi >>> level;
        Object[] ret = new Object[32];
        System.arraycopy(node, a, ret, a, b - a + 1);
        if (level > 5) {
            int childMask = (1 << level) - 1;
            int cl = lo & childMask, ch = hi & childMask;
            if (a == b) {
                ret[a] = trim((Object[]) node[a], level - 5, cl, ch);
            } else {
                ret[a] = trim((Object[]) node[a], level - 5, cl, childMask);
                ret[b] = trim((Object[]) node[b], level - 5, 0, ch);
            }
        }
        return ret;
    }

    public LList concat(LList other) {
        if (other.end == other.start) return this;
        if (end == start) return other;
        int on = other.size();
        if (on == 1) return append(other.get(0));
        Builder b = new Builder(this);
        b.addList(other);
        return b.build();
    }

    public Object[] toArray() {
        Object[] out = new Object[end - start];
        copyTo(out, 0);
        return out;
    }

    /** Copies all elements into dst starting at dst[at]. */
    public void copyTo(Object[] dst, int at) {
        int j = start;
        int to = tailoff();
        while (j < to) {
            Object[] leaf = leafFor(j);
            int off = j & 31;
            int len = Math.min(32 - off, to - j);
            System.arraycopy(leaf, off, dst, at, len);
            at += len;
            j += len;
        }
        if (j < end) System.arraycopy(tail, j - to, dst, at, end - j);
    }

    /** Calls f on every element in order (no iterator allocation). */
    @Override public void forEach(Consumer<? super Object> f) {
        if (end == start) return;
        int j = start;
        int to = tailoff();
        while (j < to) {
            Object[] leaf = leafFor(j);
            int lim = Math.min(32, to - (j & ~31));
            for (int k = j & 31; k < lim; k++) f.accept(leaf[k]);
            j = (j & ~31) + 32;
        }
        for (int k = Math.max(0, j - to), n = end - to; k < n; k++) f.accept(tail[k]);
    }

    /** Internal iteration with early exit: stops at (and returns) the first element p accepts, else null. */
    public Object find(java.util.function.Predicate<Object> p) {
        if (end == start) return null;
        int j = start;
        int to = tailoff();
        while (j < to) {
            Object[] leaf = leafFor(j);
            int lim = Math.min(32, to - (j & ~31));
            for (int k = j & 31; k < lim; k++) if (p.test(leaf[k])) return leaf[k];
            j = (j & ~31) + 32;
        }
        for (int k = Math.max(0, j - to), n = end - to; k < n; k++) if (p.test(tail[k])) return tail[k];
        return null;
    }

    @Override public Iterator<Object> iterator() {
        return new Iterator<>() {
            int j = start;
            Object[] leaf = j < end ? leafFor(j) : null;

            @Override public boolean hasNext() { return j < end; }

            @Override public Object next() {
                if (j >= end) throw new NoSuchElementException();
                if ((j & 31) == 0 && j != start) leaf = leafFor(j);
                return leaf[j++ & 31];
            }
        };
    }

    public LList reverse() {
        int n = end - start;
        if (n <= 1) return this;
        Object[] a = toArray();
        for (int i = 0, k = n - 1; i < k; i++, k--) { Object t = a[i]; a[i] = a[k]; a[k] = t; }
        return fromOwnedArray(a);
    }

    /** A list of the elements of a (which the caller gives up). */
    public static LList fromOwnedArray(Object[] a) {
        if (a.length == 0) return EMPTY;
        if (a.length <= 32) return new LList(0, a.length, 5, EMPTY_NODE, a);
        return fromArray(a, 0, a.length);
    }

    @Override public boolean equals(Object o) { return o instanceof LList && Values.eq(this, o); }
    /** Values.hash of this collection (cached; order-independent for dicts and sets). */
    @Override public int hashCode() {
        int h = hash;
        if (h == 0) {
            int[] acc = {1};
            forEach(e -> acc[0] = 31 * acc[0] + Values.hash(e));
            h = Values.mix(acc[0] ^ (end - start));
            hash = h;
        }
        return h;
    }
    @Override public String toString() { return Values.show(this); }

    public static Builder builder() { return new Builder(); }

    /**
     * Transient builder: appends in place, then freezes into a list. Using it after build is
     * allowed (it continues from a private copy of the built list's right spine).
     *
     * <p>Small lists are common (list literals, short maps), so the builder starts with an
     * 4-slot tail and no trie root, growing the tail to 32 slots and creating the root only
     * when needed; {@link #build} hands its tail array over without copying (the unused slots
     * are left free for appends to the built list).
     */
    public static final class Builder {
        private int start, end, shift = 5;
        private Object[] root;     // null until the first leaf is pushed (then owned, or shared)
        private Object[] tail = new Object[4];
        private int tlen;          // elements in tail
        private boolean shared;    // root spine/tail handed to a built list

        public Builder() {}

        /** A builder continuing list l (copies only l's right spine and tail). */
        public Builder(LList l) {
            if (l.end == l.start) return;
            if (l.start > 4096 && l.start > l.size()) { addList(l); return; }   // compact
            start = l.start;
            end = l.end;
            shift = l.shift;
            tlen = l.tailCount();
            tail = new Object[32];
            System.arraycopy(l.tail, 0, tail, 0, tlen);
            if (end - tlen > 0) {
                root = l.root;
                ownSpine();
            }
        }

        /** Copies the nodes on the path to absolute position tailoff (where the next leaf goes). */
        private void ownSpine() {
            if (root == null) return;
            int pos = end - tlen;
            root = root.clone();
            Object[] node = root;
            for (int level = shift; level > 5; level -= 5) {
                int sub = (pos >>> level) & 31;
                Object[] child = (Object[]) node[sub];
                if (child == null) break;
                child = child.clone();
                node[sub] = child;
                node = child;
            }
        }

        private void unshare() {
            Object[] t = new Object[32];
            System.arraycopy(tail, 0, t, 0, tlen);   // not the slots appends may have claimed
            tail = t;
            ownSpine();
            shared = false;
        }

        public Builder add(Object x) {
            if (shared) unshare();
            if (tlen == tail.length) {
                if (tlen == 32) pushTail();
                else tail = Arrays.copyOf(tail, tlen * 2);
            }
            tail[tlen++] = x;
            end++;
            return this;
        }

        /**
         * Appends leaf[0..n) (n <= 32) and takes the array over: the caller must not touch it
         * again. For the runtime's loops over many elements (range, map, filter, ...), which
         * fill a local 32-slot array and hand it over when full: the per-element work then
         * stays in the loop (an add call per element is not always inlined), and a full leaf
         * becomes part of the list without being copied.
         */
        public void addLeaf(Object[] leaf, int n) {
            if (n == 0) return;
            if (tlen == 0 && !shared && leaf.length == 32) {
                tail = leaf;
                tlen = n;
                end += n;
                return;
            }
            if (tlen == 32 && !shared && leaf.length == 32) {
                pushLeaf(tail);
                tail = leaf;
                tlen = n;
                end += n;
                return;
            }
            addAll(leaf, 0, n);
        }

        private void pushTail() {
            pushLeaf(tail);
            tail = new Object[32];
            tlen = 0;
        }

        /** Puts the full tail array leaf (at offset end - 32) into the trie. */
        private void pushLeaf(Object[] leaf) {
            if (end == Integer.MAX_VALUE) throw new IllegalStateException("list too large");
            int pos = end - 32;   // tail offset
            if (root == null) root = new Object[32];
            if ((pos >>> 5) >= (1 << shift)) {
                Object[] nr = new Object[32];
                nr[0] = root;
                nr[1] = newPath(shift, leaf);
                root = nr;
                shift += 5;
            } else {
                Object[] node = root;
                for (int level = shift; level > 5; level -= 5) {
                    int sub = (pos >>> level) & 31;
                    Object[] child = (Object[]) node[sub];
                    if (child == null) {
                        node[sub] = newPath(level - 5, leaf);
                        leaf = null;
                        break;
                    }
                    node = child;
                }
                if (leaf != null) node[(pos >>> 5) & 31] = leaf;
            }
        }

        public Builder addAll(Iterable<?> xs) {
            if (xs instanceof LList l) return addList(l);
            for (Object x : xs) add(x);
            return this;
        }

        public Builder addAll(Object[] xs, int from, int to) {
            if (shared) unshare();
            if (tail.length < 32 && tlen + (to - from) > tail.length) tail = Arrays.copyOf(tail, 32);
            while (from < to) {
                if (tlen == 32) pushTail();
                int len = Math.min(32 - tlen, to - from);
                System.arraycopy(xs, from, tail, tlen, len);
                tlen += len;
                end += len;
                from += len;
            }
            return this;
        }

        public Builder addList(LList l) {
            if (l.end == l.start) return this;
            if (shared) unshare();
            int j = l.start;
            int to = l.tailoff();
            while (j < to) {
                Object[] leaf = l.leafFor(j);
                int off = j & 31;
                int len = Math.min(32 - off, to - j);
                addAll(leaf, off, off + len);
                j += len;
            }
            if (j < l.end) addAll(l.tail, j - to, l.end - to);
            return this;
        }

        public int size() { return end - start; }

        public LList build() {
            if (end == start) return EMPTY;
            // built again without adds in between: the tail's free slots may be claimed already
            Object[] t = shared ? Arrays.copyOf(tail, tlen) : tail;
            shared = true;
            boolean noTrie = end - tlen == 0 || root == null;
            // one allocation site: the JIT can then keep a built literal list in registers
            return new LList(start, end, noTrie ? 5 : shift, noTrie ? EMPTY_NODE : root, t);
        }
    }
}
