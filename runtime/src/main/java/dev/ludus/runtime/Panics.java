package dev.ludus.runtime;

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
        return new LudusPanic("Match Error: No match found for " + Values.show(new Tuple(args.clone()))
                + " in function " + name);
    }

    public static LudusPanic noMatchInFunction(Object[] args, String name, String file, int line, int col) {
        return new LudusPanic("Match Error: No match found for " + Values.show(new Tuple(args.clone()))
                + " in function " + name, file, line, col);
    }

    public static LudusPanic cannotCall(Object v) {
        return new LudusPanic("I don't know how to call " + Values.show(v));
    }
}
