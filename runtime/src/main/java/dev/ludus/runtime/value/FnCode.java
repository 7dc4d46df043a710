package dev.ludus.runtime.value;

import java.lang.invoke.MethodHandle;
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
    final MethodHandle[] byArity;      // index = argument count; null entries use variadic
    final MethodHandle variadic;

    public FnCode(String name, String doc, String[] patterns, String file, int line,
                  MethodHandle[] byArity, MethodHandle variadic) {
        this.name = name;
        this.doc = doc;
        this.patterns = List.of(patterns);
        this.file = file;
        this.line = line;
        this.byArity = byArity;
        this.variadic = variadic;
    }

    /** The direct entry for {@code n} arguments, or null. */
    public MethodHandle direct(int n) { return n < byArity.length ? byArity[n] : null; }
    public MethodHandle variadic() { return variadic; }
}
