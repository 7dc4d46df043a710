package dev.ludus.runtime.bootstrap;

import dev.ludus.runtime.prelude.Prelude;
import dev.ludus.runtime.value.Closure;
import dev.ludus.runtime.value.FnCode;
import dev.ludus.runtime.value.Keyword;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Bootstrap methods for constants that compiled code loads with {@code ldc} of a dynamic
 * constant: they run once per constant and the JIT then treats the value as a constant.
 * Names travel as static arguments because Ludus names may contain '/', which JVM
 * unqualified names may not.
 */
public final class Bootstraps {
    private Bootstraps() {}

    // Every bootstrap here has the type (Lookup, String, Class, one reference) -> Object, which
    // the JVM adapts to the same generic shape: one set of method-handle adapters for all of
    // them, spun once at start-up (a double parameter or a varargs array cost more each).

    public static Object keyword(MethodHandles.Lookup lookup, String ignored, Class<?> type, String name) {
        return Keyword.of(name);
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
     * {@link FnSpec}): its entry methods are found in the calling class by name, a direct entry
     * {@code <base>$<k>} for each bit k of the mask and the variadic entry {@code <base>$v}.
     */
    public static Object fnCode(MethodHandles.Lookup lookup, String ignored, Class<?> type, String spec)
            throws ReflectiveOperationException {
        FnSpec s = FnSpec.decode(spec);
        Class<?> owner = lookup.lookupClass();
        int max = 32 - Integer.numberOfLeadingZeros(s.directMask());
        MethodHandle[] byArity = new MethodHandle[max];
        for (int k = 0; k < max; k++) {
            if ((s.directMask() & (1 << k)) != 0) {
                byArity[k] = lookup.findStatic(owner, s.baseName() + "$" + k, DIRECT[k]);
            }
        }
        MethodHandle variadic = lookup.findStatic(owner, s.baseName() + "$v", VARIADIC);
        String[] pats = s.patterns().isEmpty() ? new String[0] : s.patterns().split("\n", -1);
        return new FnCode(s.name(), s.doc().isEmpty() ? null : s.doc(), pats, s.file(), s.line(), byArity, variadic, lookup);
    }

    private static final MethodType[] DIRECT = new MethodType[4];
    private static final MethodType VARIADIC = MethodType.methodType(Object.class, Closure.class, Object[].class);
    static {
        for (int k = 0; k < DIRECT.length; k++) {
            DIRECT[k] = MethodType.genericMethodType(k).insertParameterTypes(0, Closure.class);
        }
    }
}
