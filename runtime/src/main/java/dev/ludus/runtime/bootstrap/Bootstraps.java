package dev.ludus.runtime.bootstrap;

import dev.ludus.runtime.prelude.Prelude;
import dev.ludus.runtime.value.FnCode;
import dev.ludus.runtime.value.Keyword;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;

/**
 * Bootstrap methods for constants that compiled code loads with {@code ldc} of a dynamic
 * constant: they run once per constant and the JIT then treats the value as a constant.
 * Names travel as static arguments because Ludus names may contain '/', which JVM
 * unqualified names may not.
 */
public final class Bootstraps {
    private Bootstraps() {}

    public static Keyword keyword(MethodHandles.Lookup lookup, String ignored, Class<?> type, String name) {
        return Keyword.of(name);
    }

    public static Double number(MethodHandles.Lookup lookup, String ignored, Class<?> type, double value) {
        return value;
    }

    public static Object prelude(MethodHandles.Lookup lookup, String ignored, Class<?> type, String name) {
        Object v = Prelude.get(name);
        if (v == null) throw new IllegalStateException("no prelude binding " + name);
        return v;
    }

    /**
     * The shared code object of a compiled function. {@code directMask} has bit k set when a
     * direct entry for k arguments follows among {@code handles}, in increasing k; the last
     * handle is the variadic entry.
     */
    public static FnCode fnCode(MethodHandles.Lookup lookup, String ignored, Class<?> type,
                                String name, String doc, String patterns, String file, int line,
                                int directMask, MethodHandle... handles) {
        int max = 32 - Integer.numberOfLeadingZeros(directMask);
        MethodHandle[] byArity = new MethodHandle[max];
        int h = 0;
        for (int k = 0; k < max; k++) {
            if ((directMask & (1 << k)) != 0) byArity[k] = handles[h++];
        }
        String[] pats = patterns.isEmpty() ? new String[0] : patterns.split("\n", -1);
        return new FnCode(name, doc.isEmpty() ? null : doc, pats, file, line, byArity, handles[handles.length - 1], lookup);
    }
}
