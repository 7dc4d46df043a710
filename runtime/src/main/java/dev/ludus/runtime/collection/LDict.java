package dev.ludus.runtime.collection;

import dev.ludus.runtime.value.Keyword;
import java.util.function.BiConsumer;

/**
 * Ludus dict: persistent map from keywords to values that iterates in insertion order
 * (spec §3: re-assigning keeps the position; remove then re-add moves to the end).
 * STUB API: implementation pending.
 */
public final class LDict {
    public static final LDict EMPTY = null; // TODO

    public int size() { throw new UnsupportedOperationException(); }
    /** The value at k, or Java null if absent (a key holding nil returns Nil.NIL). */
    public Object get(Keyword k) { throw new UnsupportedOperationException(); }
    public boolean containsKey(Keyword k) { throw new UnsupportedOperationException(); }
    public LDict assoc(Keyword k, Object v) { throw new UnsupportedOperationException(); }
    public LDict dissoc(Keyword k) { throw new UnsupportedOperationException(); }
    /** Entries of other assoc'ed into this one, in other's order. */
    public LDict merge(LDict other) { throw new UnsupportedOperationException(); }
    /** In insertion order. */
    public void forEach(BiConsumer<Keyword, Object> f) { throw new UnsupportedOperationException(); }
    public LList keys() { throw new UnsupportedOperationException(); }
    public LList values() { throw new UnsupportedOperationException(); }

    public static Builder builder() { return new Builder(); }

    public static final class Builder {
        public Builder put(Keyword k, Object v) { throw new UnsupportedOperationException(); }
        public Builder putAll(LDict d) { throw new UnsupportedOperationException(); }
        public LDict build() { throw new UnsupportedOperationException(); }
    }
}
