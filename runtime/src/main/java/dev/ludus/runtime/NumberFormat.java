package dev.ludus.runtime;

/** Prints doubles exactly as JavaScript's Number.prototype.toString (spec §9.3). STUB. */
public final class NumberFormat {
    private NumberFormat() {}

    public static String format(double d) { throw new UnsupportedOperationException(); }
}
