package dev.ludus.runtime.value;

import dev.ludus.runtime.Values;
import dev.ludus.runtime.collection.LDict;

/** A namespace: an immutable name -> value map with a name. */
public final class Ns {
    private final String name;
    private final LDict members;

    public Ns(String name, LDict members) { this.name = name; this.members = members; }

    public String name() { return name; }
    public LDict members() { return members; }

    @Override public boolean equals(Object o) { return o instanceof Ns && Values.eq(this, o); }
    @Override public int hashCode() { return Values.hash(this); }
    @Override public String toString() { return Values.show(this); }
}
