package dev.ludus.runtime.value;

import dev.ludus.runtime.Values;

/** An immutable fixed-size tuple. The array is owned by the tuple and never mutated. */
public final class Tuple {
    public static final Tuple EMPTY = new Tuple(new Object[0]);
    private final Object[] items;

    /** Takes ownership of {@code items}. */
    public Tuple(Object[] items) { this.items = items; }

    public static Tuple of(Object... items) { return items.length == 0 ? EMPTY : new Tuple(items); }

    public int size() { return items.length; }
    public Object get(int i) { return items[i]; }
    /** The backing array: callers must not mutate it. */
    public Object[] items() { return items; }

    @Override public boolean equals(Object o) { return o instanceof Tuple && Values.eq(this, o); }
    @Override public int hashCode() { return Values.hash(this); }
    @Override public String toString() { return Values.show(this); }
}
