package dev.ludus.runtime.collection;

/**
 * Visits a list's leaves in order, for the prelude's loops that specialise on the leaf kind
 * (Leaves): after each {@link #next}, the elements are {@code leaf[from, to)}, leaf a
 * {@code double[]} (numbers) or an {@code Object[]}. The arrays belong to the list: read them,
 * never write them.
 */
public final class LeafCursor {
    private final LList l;
    private final int tailoff;
    private int j;
    public Object leaf;
    public int from, to;

    LeafCursor(LList l) {
        this.l = l;
        this.tailoff = l.tailoff();
        this.j = l.start;
    }

    public boolean next() {
        if (j >= l.end) return false;
        int base = j >= tailoff ? tailoff : j & ~31, lim = j >= tailoff ? l.end - tailoff : 32;
        leaf = l.leafFor(j);
        from = j - base;
        to = lim;
        j = base + lim;
        return true;
    }
}
