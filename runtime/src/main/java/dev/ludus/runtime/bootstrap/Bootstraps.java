package dev.ludus.runtime.bootstrap;

import dev.ludus.runtime.collection.Shape;
import dev.ludus.runtime.prelude.Prelude;
import dev.ludus.runtime.value.FnCode;
import dev.ludus.runtime.value.Keyword;
import java.lang.invoke.MethodHandles;

/**
 * Bootstrap methods for the constants of compiled modules. A module's class initializer calls
 * them as plain static methods and keeps each value in a static final field (past a few
 * thousand constants, as bootstrap methods of dynamic constants): they run once per constant
 * and the JIT then treats the value as a constant. Names travel as static arguments because
 * Ludus names may contain '/', which JVM unqualified names may not.
 */
public final class Bootstraps {
    private Bootstraps() {}

    // Every bootstrap here has the type (Lookup, String, Class, one reference) -> Object: when
    // the JVM bootstraps them as dynamic constants it adapts them all to the same generic
    // shape, one set of method-handle adapters (a double parameter or a varargs array cost
    // more each).

    public static Object keyword(MethodHandles.Lookup lookup, String ignored, Class<?> type, String name) {
        return Keyword.of(name);
    }

    /**
     * The keys a dict pattern with {@code ...rest} names, for Patterns.dictRest (which only reads
     * them): their names separated by spaces. One array per pattern, not one per match.
     */
    public static Object keys(MethodHandles.Lookup lookup, String ignored, Class<?> type, String names) {
        return Keyword.ofNames(names);
    }

    /** A dict literal's record shape: its keyword names separated by spaces (Shape.ofNames). */
    public static Object shape(MethodHandles.Lookup lookup, String ignored, Class<?> type, String names) {
        return Shape.ofNames(names);
    }

    /**
     * The layout of a dict literal's record shape that keeps the values at {@code mask}'s
     * positions as doubles: the literal's values there are proven numbers, the others proven not.
     */
    public static Object layout(MethodHandles.Lookup lookup, String ignored, Class<?> type, String names, int mask) {
        return Shape.ofNames(names).layout(mask);
    }

    /** The static argument is a double constant, which the JVM passes boxed. */
    public static Object number(MethodHandles.Lookup lookup, String ignored, Class<?> type, Double value) {
        return value;
    }

    public static Object prelude(MethodHandles.Lookup lookup, String ignored, Class<?> type, String name) {
        Object v = Prelude.get(name);
        if (v == null) throw new IllegalStateException("no prelude binding " + name);
        return v;
    }

    /**
     * The shared code object of a compiled function, described by {@code spec} (see
     * {@link FnSpec}): its entry methods are found in the calling class by name when first
     * needed, a direct entry {@code <base>$<k>} for each bit k of the mask and the variadic
     * entry {@code <base>$v}.
     */
    public static Object fnCode(MethodHandles.Lookup lookup, String ignored, Class<?> type, String spec) {
        FnSpec s = FnSpec.decode(spec);
        String[] pats = s.patterns().isEmpty() ? new String[0] : s.patterns().split("\n", -1);
        return new FnCode(s.name(), s.doc().isEmpty() ? null : s.doc(), pats, s.file(), s.line(),
                s.directMask(), s.baseName(), lookup);
    }
}
