package dev.ludus.compiler.analyse;

import dev.ludus.compiler.resolve.Binding;
import java.util.Set;

/**
 * Which locals hold unboxed numbers where the emitter stands: the one input of the numeric facts
 * that no pass over the tree can know ahead, because it follows the emitter's own choices
 * (the Splitter moves code into methods of its own by code size, and moved code sees the
 * enclosing method's numbers boxed). The emitter's Frame is one; the analysis answers from it.
 */
public interface NumEnv {
    /** b lives unboxed (a double, or an exact long). */
    boolean isDouble(Binding b);

    /** b lives unboxed as an exact long (see IntLoops). */
    boolean isLong(Binding b);

    /** Every binding that lives unboxed here. */
    Set<Binding> doubles();

    /** Those of {@link #doubles} held as exact longs. */
    Set<Binding> longs();

    /** No unboxed locals: the environment of a fresh method's start. */
    NumEnv NONE = new NumEnv() {
        @Override public boolean isDouble(Binding b) { return false; }
        @Override public boolean isLong(Binding b) { return false; }
        @Override public Set<Binding> doubles() { return Set.of(); }
        @Override public Set<Binding> longs() { return Set.of(); }
    };
}
