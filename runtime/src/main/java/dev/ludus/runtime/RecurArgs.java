package dev.ludus.runtime;

/**
 * The values of a {@code recur} in code the compiler moved out of a large method (issue 12):
 * the moved code returns them (never a Ludus value), and the method holding the loop or fn it
 * targets stores them as that recur would and jumps to its head. They never leave compiled code.
 */
public final class RecurArgs {
    public final Object[] values;

    private RecurArgs(Object[] values) {
        this.values = values;
    }

    public static RecurArgs of(Object[] values) {
        return new RecurArgs(values);
    }
}
