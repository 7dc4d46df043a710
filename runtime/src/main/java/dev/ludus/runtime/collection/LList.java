package dev.ludus.runtime.collection;

import java.util.Iterator;

/**
 * Ludus list: a persistent vector (32-way trie with a tail). Immutable; every "modifying"
 * operation returns a new list sharing structure with this one.
 * STUB API: implementation pending.
 */
public final class LList implements Iterable<Object> {
    public static final LList EMPTY = null; // TODO

    public static LList of(Object... items) { throw new UnsupportedOperationException(); }
    public int size() { throw new UnsupportedOperationException(); }
    /** Element i, 0 <= i < size (unchecked beyond an IndexOutOfBoundsException). */
    public Object get(int i) { throw new UnsupportedOperationException(); }
    public LList append(Object x) { throw new UnsupportedOperationException(); }
    /** Elements [from, to), clamped by the caller. */
    public LList slice(int from, int to) { throw new UnsupportedOperationException(); }
    public LList concat(LList other) { throw new UnsupportedOperationException(); }
    public Object[] toArray() { throw new UnsupportedOperationException(); }
    @Override public Iterator<Object> iterator() { throw new UnsupportedOperationException(); }

    public static Builder builder() { return new Builder(); }

    /** Transient builder: appends in place, then freezes into a list (do not use after build). */
    public static final class Builder {
        public Builder add(Object x) { throw new UnsupportedOperationException(); }
        public Builder addAll(Iterable<?> xs) { throw new UnsupportedOperationException(); }
        public int size() { throw new UnsupportedOperationException(); }
        public LList build() { throw new UnsupportedOperationException(); }
    }
}
