package dev.ludus.runtime.value;

/** A mutable named cell (ref/box). Equality is identity. */
public final class Ref {
    private final String name;
    private Object value;

    public Ref(String name, Object value) { this.name = name; this.value = value; }

    public String name() { return name; }
    public Object get() { return value; }
    public Object set(Object v) { this.value = v; return v; }
}
