package dev.ludus.runtime.collection;

import java.util.Iterator;

/**
 * Ludus set: persistent set of any values (structural equality, spec §8) iterating in
 * insertion order. STUB API: implementation pending.
 */
public final class LSet implements Iterable<Object> {
    public static final LSet EMPTY = null; // TODO

    public int size() { throw new UnsupportedOperationException(); }
    public boolean contains(Object x) { throw new UnsupportedOperationException(); }
    public LSet add(Object x) { throw new UnsupportedOperationException(); }
    public LSet remove(Object x) { throw new UnsupportedOperationException(); }
    public LSet union(LSet other) { throw new UnsupportedOperationException(); }
    @Override public Iterator<Object> iterator() { throw new UnsupportedOperationException(); }

    public static Builder builder() { return new Builder(); }

    public static final class Builder {
        public Builder add(Object x) { throw new UnsupportedOperationException(); }
        public Builder addAll(Iterable<?> xs) { throw new UnsupportedOperationException(); }
        public LSet build() { throw new UnsupportedOperationException(); }
    }
}
