package dev.ludus.runtime.value;

import dev.ludus.runtime.Panics;
import java.util.List;

/**
 * Base of prelude functions written in Java. A subclass overrides the fixed arities it
 * accepts (call0..call3) and/or {@link #variadic} for other counts; anything not overridden
 * panics with the standard "no match" message, without a location (spec prelude.md).
 */
public abstract class Builtin extends LFn {
    private final String name;
    private final String doc;
    private final List<String> patterns;

    protected Builtin(String name, String doc, String... patterns) {
        this.name = name;
        this.doc = doc;
        this.patterns = List.of(patterns);
    }

    @Override public final String name() { return name; }
    @Override public final String doc() { return doc; }
    @Override public final List<String> clausePatterns() { return patterns; }

    @Override public Object call0() { return variadic(new Object[0]); }
    @Override public Object call1(Object a) { return variadic(new Object[] {a}); }
    @Override public Object call2(Object a, Object b) { return variadic(new Object[] {a, b}); }
    @Override public Object call3(Object a, Object b, Object c) { return variadic(new Object[] {a, b, c}); }

    @Override public final Object callN(Object[] args) {
        return switch (args.length) {
            case 0 -> call0();
            case 1 -> call1(args[0]);
            case 2 -> call2(args[0], args[1]);
            case 3 -> call3(args[0], args[1], args[2]);
            default -> variadic(args);
        };
    }

    /** Called for argument counts whose callK is not overridden, and for 4 or more arguments. */
    protected Object variadic(Object[] args) { throw noMatch(args); }

    protected final RuntimeException noMatch(Object... args) {
        return Panics.noMatchInFunction(args, name);
    }
}
