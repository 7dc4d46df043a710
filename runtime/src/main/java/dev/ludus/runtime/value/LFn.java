package dev.ludus.runtime.value;

import java.util.List;

/**
 * Every Ludus function value (type :fn): compiled closures, prelude builtins, partials.
 * The callN methods always return a final value (never a pending tail call).
 */
public abstract class LFn {
    /** The name shown as {@code fn <name>}: ":anon" for lambdas, "add{partial}" for partials. */
    public abstract String name();

    /** Docstring for doc!, or null. */
    public String doc() { return null; }

    /** The clause patterns in pattern syntax, for doc! ("(x as :number)", "(x, y, ...zs)"). */
    public List<String> clausePatterns() { return List.of(); }

    /** The function doc! describes (a partial answers its underlying function). */
    public LFn docTarget() { return this; }

    public Object call0() { return callN(new Object[0]); }
    public Object call1(Object a) { return callN(new Object[] {a}); }
    public Object call2(Object a, Object b) { return callN(new Object[] {a, b}); }
    public Object call3(Object a, Object b, Object c) { return callN(new Object[] {a, b, c}); }
    public abstract Object callN(Object[] args);

    @Override public String toString() { return "fn " + name(); }
}
