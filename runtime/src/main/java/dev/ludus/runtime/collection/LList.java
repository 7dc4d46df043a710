package dev.ludus.runtime.collection;

import dev.ludus.runtime.Values;
import dev.ludus.runtime.value.Boxes;
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
 * elements; a leaf, and the tail, is an {@code Object[]} or, holding only numbers, a
 * {@code double[]}: see {@link Leaves}). A non-zero {@code start} lets slices that drop a prefix (e.g. {@code rest}) share
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

    final int start;
    final int end;
    private final int shift;
    private final Object[] root;
    final Object tail;   // Object[] or double[] (Leaves)
    private int hash;          // cached Values.hash (0 = not yet computed)

    private LList(int start, int end, int shift, Object[] root, Object tail) {
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
        if (n <= 32) {
            Object[] a = Arrays.copyOfRange(items, from, to);
            double[] d = Leaves.packed(a, n, n);
            return new LList(0, n, 5, EMPTY_NODE, d != null ? d : a);
        }
        Builder b = new Builder();
        b.addAll(items, from, to);
        return b.build();
    }

    public int size() { return end - start; }
    public boolean isEmpty() { return end == start; }

    /** Absolute position of the tail's first element (a multiple of 32; meaningless when empty). */
    int tailoff() { return (end - 1) & ~31; }

    /** Number of elements in the tail (1..32; 0 when empty). */
    private int tailCount() { return end == start ? 0 : end - tailoff(); }

    /** Element i, 0 <= i < size (unchecked beyond an IndexOutOfBoundsException). */
    public Object get(int i) {
        if (i < 0 || i >= end - start) throw new IndexOutOfBoundsException(i);
        int j = start + i;
        int to = tailoff();
        if (j >= to) return Leaves.get(tail, j - to);
        Object[] node = root;
        for (int level = shift; level > 5; level -= 5) node = (Object[]) node[(j >>> level) & 31];
        return Leaves.get(node[(j >>> 5) & 31], j & 31);
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
        return Leaves.get(tail, start - tailoff() + i);
    }

    public Object first() { return get(0); }
    public Object last() {
        if (end == start) throw new IndexOutOfBoundsException(-1);
        return Leaves.get(tail, (end - 1) & 31);
    }

    /** The leaf (Object[] or double[]) holding absolute position j. */
    Object leafFor(int j) {
        int to = tailoff();
        if (j >= to) return tail;
        Object[] node = root;
        for (int level = shift; level > 5; level -= 5) node = (Object[]) node[(j >>> level) & 31];
        return node[(j >>> 5) & 31];
    }

    public LList append(Object x) {
        // Claiming a slot stores into an older array, which costs a GC card mark: in a tight
        // loop of appends to short lists that is slower than copying a few references, but
        // a chain of appends allocates a fraction of the memory (measured: 1M appends then a
        // fold, 28 -> 13 ms; 200k appends to fresh 32-element lists, 2 -> 5 ms).
        int tlen = tailCount();
        if (end != Integer.MAX_VALUE) {
            if (tail instanceof Object[] t) {
                // (Object) null: the exact access type; a null literal would be typed Void and
                // make the VarHandle adapt its arguments on every call
                if (tlen < t.length && t[tlen] == null && x != null
                        && SLOT.compareAndSet(t, tlen, (Object) null, x)) {
                    return new LList(start, end + 1, shift, root, t);   // the next slot was free: share
                }
            } else if (x instanceof Double n) {
                double[] t = (double[]) tail;
                double v = n;
                if (tlen < t.length && Leaves.isFree(t, tlen) && Double.doubleToRawLongBits(v) != Leaves.FREE
                        && Leaves.DSLOT.compareAndSet(t, tlen, Leaves.FREE_D, v)) {
                    return new LList(start, end + 1, shift, root, t);
                }
            }
        }
        return appendCopying(x, tlen);
    }

    /** append when the tail has no free slot: copy the tail, or push it into the trie when full. */
    private LList appendCopying(Object x, int tlen) {
        if (tlen < 32 && end != Integer.MAX_VALUE) {
            Object nt = Leaves.appended(tlen == 0 ? Leaves.NO_DOUBLES : tail, tlen, grownCapacity(tlen + 1), x);
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
        Object full = tail;   // 32 elements: a tail never has more than 32 slots
        Object[] newRoot;
        int newShift = shift;
        if ((tailoff >>> 5) >= (1 << shift)) {
            // root overflow
            newRoot = new Object[32];
            newRoot[0] = root;
            newRoot[1] = Trie.newPath(shift, full);
            newShift += 5;
        } else {
            newRoot = Trie.pushTail(shift, root, full, tailoff);
        }
        // past the first leaf, assume the list keeps growing; a list of numbers stays one
        Object nt = Leaves.appended(full instanceof double[] ? Leaves.NO_DOUBLES : EMPTY_ARRAY, 0, 32, x);
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

    /** This list with element i replaced by x (0 <= i < size). */
    public LList set(int i, Object x) {
        if (i < 0 || i >= end - start) throw new IndexOutOfBoundsException(i);
        int j = start + i;
        int to = tailoff();
        if (j >= to) return new LList(start, end, shift, root, Trie.setIn(tail, end - to, j - to, x));   // only this list's slots
        return new LList(start, end, shift, Trie.doSet(shift, root, j, x), tail);
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

    /**
     * {@code [x, ...this]}, in amortised O(1). Positions before a list's first element that no
     * list holds are free (null): consing claims the slot just before the first element
     * (compare-and-set, so one slot goes to at most one list) and shares everything else, as
     * {@link #append} does with the slot after the last. A slot any list can see holds its
     * element, so a second cons onto the same list finds the slot taken and copies. The copy
     * leaves room in front as long as the list, so a chain of conses (recursion building
     * {@code [x, ...xs]}, a loop accumulating in reverse) copies O(log n) times, not once per
     * element. The price, as for appends: a list keeps alive the elements later lists put in
     * its arrays.
     */
    public LList cons(Object x) {
        // One method on purpose, not a small inlinable claim with the rest out of line: with
        // more than 325 bytes of bytecode (HotSpot C2's FreqInlineSize) it is called, never
        // inlined, and compiled once on its own. Inlined, its compare-and-set (a VarHandle chain
        // of ~250 bytes) and copy went into every compile of every fn that conses, twice into a
        // fn C2 inlines into itself (recursion through a fold's fn: queens), and that one large
        // compile came only after 7-9 benchmark iterations instead of 2-4; the call costs less
        // than the allocation every cons makes (bench/results/issue16-queens3.txt).
        // LListConsShapeTest keeps the size.
        if (x == null) throw new NullPointerException("Java null is not a Ludus value");
        int j = start - 1;
        int n = end - start;
        if (j >= 0 && n != 0) {
            if (j >= tailoff()) {
                // the common case: the free slot is in the tail
                if (tail instanceof Object[] t && t[j & 31] == null && SLOT.compareAndSet(t, j & 31, (Object) null, x)) {
                    return new LList(j, end, shift, root, t);
                }
            } else if (root != EMPTY_NODE) {
                // the Object[] leaf of the trie that holds free position j, made (and hung in the
                // trie with a compare-and-set) when missing; none past a number leaf
                Object[] node = root;
                for (int level = shift; level > 5 && node != null; level -= 5) {
                    node = childOrNew(node, (j >>> level) & 31) instanceof Object[] c ? c : null;
                }
                // leaves start at multiples of 32
                if (node != null && childOrNew(node, (j >>> 5) & 31) instanceof Object[] leaf
                        && leaf[j & 31] == null && SLOT.compareAndSet(leaf, j & 31, (Object) null, x)) {
                    return new LList(j, end, shift, root, tail);
                }
            }
        }
        // no free slot precedes the first element: a copy with room in front
        if (n < 32) {
            // one array, the elements at its back. An Object[] leaf even for numbers: cons builds
            // small lists one element at a time (recursion over [x, ...xs]), where boxes are shared
            // small integers more often than not and unboxing on every read costs more than the
            // 8 bytes save (measured: queens)
            int cap = grownCapacity(n + 1);
            Object[] a = new Object[cap];
            int from = cap - n - 1;
            a[from] = x;
            if (n > 0) {
                int to = tailoff();
                if (start >= to) Leaves.copyOut(tail, start - to, a, from + 1, n);
                else for (int i = 0; i < n; i++) a[from + 1 + i] = get(i);
            }
            return new LList(from, cap, 5, EMPTY_NODE, a);
        }
        // a trie starting at a leaf boundary as far in as the list is long
        int room = n >= 1 << 29 ? 0 : (n + 32) & ~31;
        return new Builder(room).add(x).addList(this).build();
    }

    /** node[i], or a fresh Object[32] put there when it is null (no list sees that subtree). */
    private static Object childOrNew(Object[] node, int i) {
        Object c = SLOT.getVolatile(node, i);
        if (c != null) return c;
        Object[] fresh = new Object[32];
        return SLOT.compareAndSet(node, i, (Object) null, (Object) fresh) ? fresh : SLOT.getVolatile(node, i);
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
        Object ntail;
        Object[] nroot = root;
        int nshift = shift;
        if (nto == oldTailoff) {
            // same end: share the tail (its free slots stay claimable by either list)
            ntail = ne == end ? tail : Leaves.copy(tail, ne - nto, ne - nto);
        } else {
            Object leaf = leafFor(nto);
            ntail = ne - nto == 32 ? leaf : Leaves.copy(leaf, ne - nto, ne - nto);
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
            nroot = Trie.trim(root, shift, lo, nto - 1);
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
    public void copyTo(Object[] dst, int at) { ListWalk.copyTo(this, dst, at); }

    /** Calls f on every element in order (no iterator allocation). */
    @Override public void forEach(Consumer<? super Object> f) { ListWalk.forEach(this, f); }

    /** Internal iteration with early exit: stops at (and returns) the first element p accepts, else null. */
    public Object find(java.util.function.Predicate<Object> p) { return ListWalk.find(this, p); }

    /**
     * Calls f on every element in order, numbers of double leaves unboxed (f.num), the others
     * as they are (f.any): for the prelude's loops (fold, sums) that need no box per number.
     */
    public void forEachNum(NumConsumer f) { ListWalk.forEachNum(this, f); }

    /** A cursor over this list's leaves, for loops that specialise on the leaf kind. */
    public LeafCursor cursor() { return new LeafCursor(this); }

    /** What {@link #forEachNum} calls per element. */
    public interface NumConsumer {
        void num(double x);
        void any(Object x);
    }

    @Override public Iterator<Object> iterator() {
        return new Iterator<>() {
            int j = start;
            Object leaf = j < end ? leafFor(j) : null;

            @Override public boolean hasNext() { return j < end; }

            @Override public Object next() {
                if (j >= end) throw new NoSuchElementException();
                if ((j & 31) == 0 && j != start) leaf = leafFor(j);
                return Leaves.get(leaf, j++ & 31);
            }
        };
    }

    public LList reverse() {
        int n = end - start;
        if (n <= 1) return this;
        Object[] a = toArray();
        for (int i = 0, k = n - 1; i < k; i++, k--) { Object t = a[i]; a[i] = a[k]; a[k] = t; }
        return new Builder().addAll(a, 0, n).build();   // numbers back into double leaves
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
            h = ListWalk.hash(this);
            hash = h;
        }
        return h;
    }
    @Override public String toString() { return Values.show(this); }

    public static Builder builder() { return new Builder(); }

    /** For tests: the kind of each leaf in order, 'D' (double[]) or 'O' (Object[]), the tail last. */
    String leafKinds() { return ListWalk.leafKinds(this); }

    /** For tests: a list of xs in Object[] leaves only (the representation before number leaves). */
    static LList general(Object... xs) {
        Builder b = new Builder();
        b.mixed = true;
        return b.addAll(xs, 0, xs.length).build();
    }

    /**
     * Transient builder: appends in place, then freezes into a list. Using it after build is
     * allowed (it continues from a private copy of the built list's right spine).
     *
     * <p>Small lists are common (list literals, short maps), so the builder starts with no tail
     * array and no trie root, growing the tail from 4 to 32 slots and creating the root only
     * when needed; {@link #build} hands its tail array over without copying (the unused slots
     * are left free for appends to the built list). A leaf whose first element is a number is
     * a double[] until a non-number arrives; after that (a list of mixed kinds) new leaves
     * start as Object[].
     */
    public static final class Builder {
        private int start, end, shift = 5;
        private Object[] root;     // null until the first leaf is pushed (then owned, or shared)
        private Object tail = EMPTY_ARRAY;   // Object[] or double[] (capacity 0 until the first add)
        private int tlen;          // elements in tail
        private boolean shared;    // root spine/tail handed to a built list
        private boolean mixed;     // a double leaf met a non-number: new leaves start as Object[]

        public Builder() {}

        /** An empty builder whose first element goes at absolute position pos (a multiple of 32). */
        Builder(int pos) {
            start = end = pos;
            while ((pos >>> 5) >= (1 << shift)) shift += 5;   // a root that covers pos
            // and the nodes above pos's leaf (pushLeaf puts a new node's first leaf at its slot 0)
            root = new Object[32];
            Object[] node = root;
            for (int level = shift; level > 5; level -= 5) {
                Object[] child = new Object[32];
                node[(pos >>> level) & 31] = child;
                node = child;
            }
        }

        /** A builder continuing list l (copies only l's right spine and tail). */
        public Builder(LList l) {
            if (l.end == l.start) return;
            if (l.start > 4096 && l.start > l.size()) { addList(l); return; }   // compact
            start = l.start;
            end = l.end;
            shift = l.shift;
            tlen = l.tailCount();
            tail = Leaves.copy(l.tail, tlen, 32);
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
            tail = Leaves.copy(tail, tlen, 32);   // not the slots appends may have claimed
            ownSpine();
            shared = false;
        }

        public Builder add(Object x) {
            if (shared) unshare();
            if (tail instanceof double[] d) {
                if (x instanceof Double n) return addNum(n);
                tail = Leaves.boxed(d, tlen, d.length);   // a non-number: this leaf turns general
                mixed = true;
            } else if (tlen == 0 && !mixed && x instanceof Double n) {
                int cap = ((Object[]) tail).length;
                tail = new double[cap == 0 ? 4 : cap];
                return addNum(n);
            }
            if (tlen == ((Object[]) tail).length) makeRoom();
            ((Object[]) tail)[tlen++] = x;
            end++;
            return this;
        }

        /** add of a number held unboxed (no box is made unless the tail holds other values). */
        public Builder add(double x) {
            if (shared) unshare();
            if (tail instanceof double[]) return addNum(x);
            if (tlen == 0 && !mixed) {
                int cap = ((Object[]) tail).length;
                tail = new double[cap == 0 ? 4 : cap];
                return addNum(x);
            }
            return add((Object) Boxes.of(x));
        }

        /** Adds a number to a double tail. */
        private Builder addNum(double v) {
            if (tlen == ((double[]) tail).length) makeRoom();
            ((double[]) tail)[tlen++] = v;
            end++;
            return this;
        }

        /** The tail is full: push it into the trie (32 elements), else grow it. */
        private void makeRoom() {
            int cap = Leaves.length(tail);
            if (cap == 32) {
                pushLeaf(tail);
                tail = tail instanceof double[] ? new double[32] : new Object[32];
                tlen = 0;
            } else {
                tail = Leaves.copy(tail, tlen, cap == 0 ? 4 : cap * 2);
            }
        }

        /**
         * Appends leaf[0..n) (n <= 32) and takes the array over: the caller must not touch it
         * again. For the runtime's loops over many elements (range, map, filter, ...), which
         * fill a local 32-slot array and hand it over when full: the per-element work then
         * stays in the loop (an add call per element is not always inlined), and a full leaf
         * becomes part of the list without being copied. A leaf of numbers is stored unboxed.
         */
        public void addLeaf(Object[] leaf, int n) {
            if (n == 0) return;
            double[] d = mixed ? null : Leaves.packed(leaf, n, leaf.length);
            takeLeaf(d != null ? d : leaf, n);
        }

        /** {@link #addLeaf(Object[], int)} for numbers (the slots from n on may hold anything). */
        public void addLeaf(double[] leaf, int n) {
            if (n == 0) return;
            takeLeaf(leaf, n);
        }

        private void takeLeaf(Object leaf, int n) {
            if (!shared && Leaves.length(leaf) == 32 && (tlen == 0 || tlen == 32)) {
                if (tlen == 32) pushLeaf(tail);
                tail = leaf;
                tlen = n;
                end += n;
                return;
            }
            addRange(leaf, 0, n);
        }

        /** Puts the full tail array leaf (at offset end - 32) into the trie. */
        private void pushLeaf(Object leaf) {
            if (end == Integer.MAX_VALUE) throw new IllegalStateException("list too large");
            int pos = end - 32;   // tail offset
            if (root == null) root = new Object[32];
            if ((pos >>> 5) >= (1 << shift)) {
                Object[] nr = new Object[32];
                nr[0] = root;
                nr[1] = Trie.newPath(shift, leaf);
                root = nr;
                shift += 5;
            } else {
                Object[] node = root;
                for (int level = shift; level > 5; level -= 5) {
                    int sub = (pos >>> level) & 31;
                    Object[] child = (Object[]) node[sub];
                    if (child == null) {
                        node[sub] = Trie.newPath(level - 5, leaf);
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
            for (int i = from; i < to; i++) add(xs[i]);
            return this;
        }

        /** Appends src[from, from+len) of a leaf of either kind, copying runs of the same kind. */
        private void addRange(Object src, int from, int len) {
            boolean nums = src instanceof double[];
            while (len > 0) {
                if (shared) unshare();
                if (nums != tail instanceof double[]) {
                    if (nums && tlen == 0 && !mixed) {
                        tail = new double[32];
                    } else {   // kinds differ: one by one (add turns a double tail general)
                        add(Leaves.get(src, from++));
                        len--;
                        continue;
                    }
                }
                if (tlen == 32) makeRoom();
                else if (Leaves.length(tail) < 32 && tlen + len > Leaves.length(tail)) tail = Leaves.copy(tail, tlen, 32);
                int chunk = Math.min(Leaves.length(tail) - tlen, len);
                System.arraycopy(src, from, tail, tlen, chunk);
                tlen += chunk;
                end += chunk;
                from += chunk;
                len -= chunk;
            }
        }

        public Builder addList(LList l) {
            int to = l.tailoff();
            for (int j = l.start; j < l.end; ) {
                int base = j >= to ? to : j & ~31, lim = j >= to ? l.end - to : 32;
                addRange(l.leafFor(j), j - base, lim - (j - base));
                j = base + lim;
            }
            return this;
        }

        public int size() { return end - start; }

        public LList build() {
            if (end == start) return EMPTY;
            // built again without adds in between: the tail's free slots may be claimed already
            Object t = shared ? Leaves.copy(tail, tlen, tlen) : tail;
            // a double tail's slots are marked free only now: until the tail is handed over,
            // the builder alone writes to them (and a literal list is built without the fill)
            if (t instanceof double[] d && tlen < d.length) Arrays.fill(d, tlen, d.length, Leaves.FREE_D);
            shared = true;
            boolean noTrie = end - tlen == 0 || root == null;
            // one allocation site: the JIT can then keep a built literal list in registers
            return new LList(start, end, noTrie ? 5 : shift, noTrie ? EMPTY_NODE : root, t);
        }
    }
}
