package dev.ludus.runtime.value;

import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.List;

/**
 * The code of a compiled Ludus function, shared by all its closures. Each clause body method
 * is static: {@code (Closure self, Object a0, ..., Object a(k-1)) Object} for the fixed arities
 * in {@code byArity}, and {@code (Closure self, Object[] args) Object} for {@code variadic},
 * which handles every argument count. Body methods may return a {@link TailCall}.
 */
public final class FnCode {
    public final String name;          // ":anon" for lambdas
    public final String doc;           // may be null
    public final List<String> patterns;
    public final String file;          // source file (display name) of the fn token
    public final int line;             // line of the fn token (site of "no match" panics)
    private final int directMask;      // bit k: a direct entry <baseName>$<k> for k arguments
    private final String baseName;
    private final MethodHandle[] byArity;  // index = argument count; found on first use
    private MethodHandle variadic;         // <baseName>$v, found on first use

    /** Direct entries as plain interface calls, made once a function is hot (see {@link #slowCall}). */
    public interface B0 { Object apply(Closure self); }
    public interface B1 { Object apply(Closure self, Object a); }
    public interface B2 { Object apply(Closure self, Object a, Object b); }
    public interface B3 { Object apply(Closure self, Object a, Object b, Object c); }

    B0 b0;
    B1 b1;
    B2 b2;
    B3 b3;
    /** Full-privilege lookup of the defining class. */
    private final MethodHandles.Lookup lookup;
    private int slowCalls;
    static final int HOT = 256;

    /**
     * @param directMask bit k set when the defining class has a direct entry
     *                   {@code <baseName>$<k>} {@code (Closure, Object... k) Object}; every
     *                   fn has the variadic entry {@code <baseName>$v (Closure, Object[]) Object}
     * @param lookup     full-privilege lookup of the defining class, which finds the entries
     *                   when they are first needed (most functions of a short program are only
     *                   ever called directly, and making a method handle costs start-up time)
     */
    public FnCode(String name, String doc, String[] patterns, String file, int line,
                  int directMask, String baseName, MethodHandles.Lookup lookup) {
        this.lookup = lookup;
        this.name = name;
        this.doc = doc;
        this.patterns = List.of(patterns);
        this.file = file;
        this.line = line;
        this.directMask = directMask;
        this.baseName = baseName;
        this.byArity = new MethodHandle[32 - Integer.numberOfLeadingZeros(directMask)];
    }

    /** The direct entry for {@code n} arguments, or null. */
    public MethodHandle direct(int n) {
        if (n >= byArity.length) return null;
        MethodHandle h = byArity[n];
        if (h != null || (directMask & (1 << n)) == 0) return h;
        // a race finds the same entry twice, which is harmless
        h = find("$" + n, MethodType.genericMethodType(n).insertParameterTypes(0, Closure.class));
        byArity[n] = h;
        return h;
    }

    /** The entry taking every argument count. */
    public MethodHandle variadic() {
        MethodHandle h = variadic;
        if (h == null) {
            h = find("$v", MethodType.methodType(Object.class, Closure.class, Object[].class));
            variadic = h;
        }
        return h;
    }

    private MethodHandle find(String suffix, MethodType type) {
        try {
            return lookup.findStatic(lookup.lookupClass(), baseName + suffix, type);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("compiled fn " + name + " has no entry " + baseName + suffix, e);
        }
    }

    /**
     * Counts a call made through a (non-constant) method handle, as happens when the prelude's
     * Java code calls a closure (map, fold, ...). A function called often enough gets its direct
     * entries as small interface implementations (LambdaMetafactory), which the JIT calls and
     * inlines far better than a method handle it cannot treat as a constant.
     */
    void slowCall() {
        if (++slowCalls == HOT) linkBodies();
    }

    private void linkBodies() {
        try {
            if (direct(0) != null) b0 = (B0) spin(B0.class, direct(0));
            if (direct(1) != null) b1 = (B1) spin(B1.class, direct(1));
            if (direct(2) != null) b2 = (B2) spin(B2.class, direct(2));
            if (direct(3) != null) b3 = (B3) spin(B3.class, direct(3));
        } catch (Throwable t) {
            // keep calling through the method handles: same behaviour, only slower
        }
    }

    private Object spin(Class<?> iface, MethodHandle h) throws Throwable {
        MethodType type = h.type();
        return LambdaMetafactory.metafactory(lookup, "apply", MethodType.methodType(iface), type, h, type)
                .getTarget().invoke();
    }
}
