package dev.ludus.runtime.value;

/** Ludus {@code nil}. Java {@code null} is never a Ludus value: compiled code uses it for "not yet bound". */
public final class Nil {
    public static final Nil NIL = new Nil();
    private Nil() {}
    @Override public String toString() { return "nil"; }
}
