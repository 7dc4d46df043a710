package dev.ludus.compiler;

/** Test support: Ludus sources that tests of several stages share. */
public final class SamplePrograms {
    private SamplePrograms() {}

    /** bench/ludus/vecmath.ld's step: a fn of 2-vectors and numbers (analyse.VecBodies plans it, emit.VecGen gives it a fast path on doubles). */
    public static final String VECMATH_STEP = """
            fn step ((pos, vel, path)) -> {
              let acc = mult (pos, -0.01)
              let vel2 = add (vel, mult (acc, 0.1))
              let pos2 = add (pos, mult (vel2, 0.1))
              (pos2, vel2, add (path, dist (sub (pos2, pos))))
            }
            """;
}
