package dev.ludus.compiler.analyse;

import dev.ludus.compiler.resolve.Binding;

/**
 * Which locals hold unboxed numbers at some point of the code: the input of the numeric facts.
 * The emitter's is a {@link Scope}, which the analysis answers from the tree; tests may give
 * their own.
 */
public interface NumEnv {
    /** b lives unboxed (a double, or an exact long). */
    boolean isDouble(Binding b);

    /** b lives unboxed as an exact long (see IntLoops). */
    boolean isLong(Binding b);

    /** No unboxed locals. */
    NumEnv NONE = new NumEnv() {
        @Override public boolean isDouble(Binding b) { return false; }
        @Override public boolean isLong(Binding b) { return false; }
    };
}
