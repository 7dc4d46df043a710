package dev.ludus.runtime;

import dev.ludus.runtime.diag.Arities;
import dev.ludus.runtime.diag.PanicHints;
import dev.ludus.runtime.value.Tuple;

/** Builders for the panic messages of spec §10.2, shared by compiled code and the prelude. */
public final class Panics {
    private Panics() {}

    public static LudusPanic panic(String message) { return new LudusPanic(message); }

    public static LudusPanic at(String message, String file, int line, int col) {
        return new LudusPanic(message, file, line, col);
    }

    /** "Match Error: No match found for <args> in function <name>" (no location: prelude). */
    public static LudusPanic noMatchInFunction(Object[] args, String name) {
        return new LudusPanic(noMatchMessage(args, name))
                .withHint(PanicHints.noMatchInPrelude(name, args))
                .withCallee(name);
    }

    /**
     * A compiled function's "no match" (file null: a prelude function, no location).
     * {@code arities} is the compiler's {@link Arities#spec} of its clauses, {@code patterns}
     * their texts joined by newlines; both only feed the hint.
     */
    public static LudusPanic noMatchInFunction(Object[] args, String name, String arities, String patterns,
                                               String file, int line, int col) {
        return new LudusPanic(noMatchMessage(args, name), file, line, col)
                .withHint(PanicHints.noMatch(name, Arities.parse(arities), patterns, args))
                .withCallee(name);
    }

    private static String noMatchMessage(Object[] args, String name) {
        return "Match Error: No match found for " + Values.show(Tuple.of(args.clone())) + " in function " + name;
    }

    public static LudusPanic cannotCall(Object v) {
        return new LudusPanic("I don't know how to call " + Values.show(v)).withHint(PanicHints.cannotCall(v));
    }
}
