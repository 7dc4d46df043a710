package dev.ludus.compiler.analyse;

import dev.ludus.compiler.syntax.Ast.*;
import java.util.ArrayList;
import java.util.List;

/** Clause shapes: splats, fixed counts, and which clauses can take a given number of values. */
public final class Clauses {
    /**
     * Fns get a direct entry per fixed argument count up to this (the emitter's FnGen). Above
     * it, each call packs its arguments into an array and the clauses unpack them: a fn of five
     * parameters called in a loop ran ~2.7x slower than one of three.
     */
    public static final int MAX_DIRECT = 6;
    /** The most arguments runtime callers (Closure.raw0..raw3, call sites) pass without an array. */
    public static final int MAX_UNPACKED_CALL = 3;

    private Clauses() {}

    public static boolean hasSplat(PTuple p) {
        return !p.items().isEmpty() && p.items().get(p.items().size() - 1) instanceof PSplat;
    }

    public static int fixedCount(PTuple p) {
        return hasSplat(p) ? p.items().size() - 1 : p.items().size();
    }

    /** The clauses that can take n values: a splat clause with at most n fixed items, or exactly n items. */
    public static List<Clause> applicable(List<Clause> clauses, int n) {
        List<Clause> out = new ArrayList<>();
        for (Clause c : clauses) {
            PTuple p = (PTuple) c.pattern();
            if (hasSplat(p) ? fixedCount(p) <= n : p.items().size() == n) out.add(c);
        }
        return out;
    }
}
