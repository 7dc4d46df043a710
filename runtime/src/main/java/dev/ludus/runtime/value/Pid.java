package dev.ludus.runtime.value;

/**
 * A process id (spec §16): type {@code :pid}, shown {@code pid N}, equal only to itself. The
 * scheduler's process record extends it, so a pid costs no object of its own.
 */
public abstract class Pid {
    public final int id;

    protected Pid(int id) { this.id = id; }

    @Override public final String toString() { return "pid " + id; }

    @Override public final boolean equals(Object o) { return this == o; }

    @Override public final int hashCode() { return System.identityHashCode(this); }
}
