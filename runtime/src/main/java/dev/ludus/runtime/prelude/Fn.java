package dev.ludus.runtime.prelude;

import dev.ludus.runtime.value.Builtin;

/**
 * A prelude function written in Java. Each one is its own small subclass (an anonymous class
 * in the file that defines it: CoreFns, MathFns, CollFns, Turtle) overriding the fixed arities
 * it accepts and/or {@link #variadic} for every other argument count; the rest panic "no match".
 *
 * <p>Classes rather than lambdas: a compiled program runs without a class-data archive, and
 * spinning a lambda class per handler cost ~30 ms at start-up, while a class is only loaded
 * when its function is first used (see {@link Prelude}). And since every builtin has its own
 * class, Colls' loops that call a builtin handler (map, filter, fold) see only the builtins
 * the program passes them, which the JIT inlines.
 */
abstract class Fn extends Builtin {
    Fn(String name, String doc, String... patterns) { super(name, doc, patterns); }
}
