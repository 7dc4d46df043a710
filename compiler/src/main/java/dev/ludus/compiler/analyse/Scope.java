package dev.ludus.compiler.analyse;

import dev.ludus.compiler.resolve.Binding;
import dev.ludus.compiler.syntax.Ast.*;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where code is emitted, as far as unboxed numbers go: one generated method (a toplevel chunk, a
 * fn entry, a method the Splitter made, a test body), or the long copy of a loop inside one. It
 * answers which locals live unboxed there by the same rules the emitter applies, from the tree
 * alone: a let keeps its name a double when its value is numeric here (Analysis.numericLocal); a
 * loop's position names are doubles or longs as its numeric and long positions say (decided
 * where the loop is emitted); a numeric entry's parameters are doubles; anything else, and every
 * local of the enclosing method seen from a method the Splitter made, is boxed.
 *
 * <p>The emitter names the scope it is in (Analysis.scriptScope, entryScope, longCopy, fresh);
 * which code the Splitter moves is its choice by code size, so that is the one thing it tells.
 * Answers are computed when first asked and kept.
 */
public final class Scope implements NumEnv {
    private enum Kind { METHOD, NUMERIC_ENTRY, TYPED_ENTRY, LONG_COPY, FRESH }

    private final Analysis an;
    private final Kind kind;
    /** The resolver frame whose code this is (a FnDef or the Script). */
    private final Node owner;
    /** LONG_COPY: the scope the loop is emitted in, and the loop. */
    private final Scope parent;
    private final Loop loop;
    /** FRESH: whether the code declares a binding it names, and whether a loop is emitted in it;
     *  TYPED_ENTRY: whether a parameter is held as a double. */
    private final java.util.function.Predicate<Binding> declared;
    private final java.util.function.Predicate<Loop> loops;
    /** 0: boxed, 1: a double, 2: an exact long. */
    private final Map<Binding, Integer> decided = new HashMap<>();
    private final Map<Loop, boolean[]> numericPositions = new IdentityHashMap<>();
    private final Map<Loop, boolean[]> longPositions = new IdentityHashMap<>();

    private Scope(Analysis an, Kind kind, Node owner, Scope parent, Loop loop, java.util.function.Predicate<Binding> declared,
                  java.util.function.Predicate<Loop> loops) {
        this.an = an;
        this.kind = kind;
        this.owner = owner;
        this.parent = parent;
        this.loop = loop;
        this.declared = declared;
        this.loops = loops;
    }

    /** A method implementing owner's frame from its start: a toplevel chunk, or a fn entry taking boxed values. */
    static Scope method(Analysis an, Node owner) {
        return new Scope(an, Kind.METHOD, owner, null, null, null, null);
    }

    /** A fn entry taking its arguments as unboxed doubles. */
    static Scope numericEntry(Analysis an, FnDef fd) {
        return new Scope(an, Kind.NUMERIC_ENTRY, fd, null, null, null, null);
    }

    /** The typed copy of a fn entry (SelfLoopTypes): these parameters' names are doubles. */
    static Scope typedEntry(Analysis an, FnDef fd, Set<Binding> doubles) {
        return new Scope(an, Kind.TYPED_ENTRY, fd, null, null, new java.util.function.Predicate<Binding>() {
            @Override
            public boolean test(Binding b) { // not doubles::contains: see LudusCompiler.PARSER
                return doubles.contains(b);
            }
        }, null);
    }

    /** The long copy of loop l, emitted in parent. */
    static Scope longCopy(Analysis an, Loop l, Scope parent) {
        return new Scope(an, Kind.LONG_COPY, parent.owner, parent, l, null, null);
    }

    /** A method of its own for some of owner's code (declaring these bindings, holding these loops): it starts with every local boxed. */
    static Scope fresh(Analysis an, Node owner, Set<Binding> declared, Set<Loop> loops) {
        return new Scope(an, Kind.FRESH, owner, null, null, declared::contains, loops::contains);
    }

    /**
     * The same for code the Splitter moved, from the names it names (FreeNames, no walk): it
     * declares the names it uses that are not free in it. A binding of a loop's clause pattern
     * declared there belongs to a loop emitted there, unless the moved code is the rest of that
     * loop's own clause list (the loop was started by the method it comes from).
     */
    static Scope moved(Analysis an, Node owner, FreeNames.Names names, List<? extends Node> moved) {
        Node first = moved.isEmpty() ? null : moved.get(0);
        Map<Loop, Boolean> here = new IdentityHashMap<>();
        java.util.function.Predicate<Loop> loops = first instanceof Clause c
                ? l -> here.computeIfAbsent(l, k -> k.clauses().stream().noneMatch(x -> x == c))
                : l -> true;
        return new Scope(an, Kind.FRESH, owner, null, null, b -> !names.free(b), loops);
    }

    @Override
    public boolean isDouble(Binding b) {
        return kind(b) != 0;
    }

    @Override
    public boolean isLong(Binding b) {
        return kind(b) == 2;
    }

    /** Per position of fixed-arity loop l emitted here: whether it lives unboxed (LoopTypes). */
    boolean[] numericPositions(Loop l) {
        boolean[] pos = numericPositions.get(l);
        if (pos == null) {
            pos = an.computeNumericPositions(l, outside(l));
            numericPositions.put(l, pos);
        }
        return pos;
    }

    /** Per position of fixed-arity loop l emitted here: whether it runs as a long (IntLoops). */
    boolean[] longPositions(Loop l) {
        boolean[] pos = longPositions.get(l);
        if (pos == null) {
            pos = an.computeLongPositions(l, outside(l));
            longPositions.put(l, pos);
        }
        return pos;
    }

    /** This scope as seen where loop l starts: its clauses' own names are not bound yet. */
    private NumEnv outside(Loop l) {
        Set<Binding> inside = an.declaredInClauses(l);
        Scope here = this;
        return new NumEnv() {
            @Override public boolean isDouble(Binding b) { return !inside.contains(b) && here.isDouble(b); }
            @Override public boolean isLong(Binding b) { return !inside.contains(b) && here.isLong(b); }
        };
    }

    private int kind(Binding b) {
        if (b == null || b.kind != Binding.Kind.LOCAL) return 0;
        switch (kind) {
            case LONG_COPY:
                if (!an.declaredInClauses(loop).contains(b)) return parent.kind(b);
                break;
            case FRESH:
                if (!declared.test(b)) return 0;
                break;
            default:
                if (b.frame != owner) return 0;
        }
        Integer k = decided.get(b);
        if (k == null) {
            k = decide(b);
            decided.put(b, k);
        }
        return k;
    }

    private int decide(Binding b) {
        Let let = an.letOf(b);
        if (let != null) return an.numericLocal(b, let.value(), owner, this) ? 1 : 0;
        Analysis.Position p = an.positionOf(b);
        if (p != null) {
            if (kind == Kind.LONG_COPY && p.loop() == loop) {
                if (parent.longPositions(loop)[p.index()]) return 2;
                return parent.numericPositions(loop)[p.index()] ? 1 : 0;
            }
            boolean emittedHere = kind != Kind.FRESH || loops.test(p.loop());
            return emittedHere && numericPositions(p.loop())[p.index()] ? 1 : 0;
        }
        if (kind == Kind.TYPED_ENTRY) return declared.test(b) ? 1 : 0;
        return kind == Kind.NUMERIC_ENTRY && an.isParameter(b, (FnDef) owner) ? 1 : 0;
    }

    /** The bindings and loops of some nodes (code moved into a method of its own). */
    static void collect(Analysis an, List<? extends Node> nodes, Set<Binding> declared, Set<Loop> loops) {
        for (Node n : nodes) {
            for (Node y : AstWalk.nodes(n)) { // a loop, not a lambda: see LudusCompiler.PARSER
                Binding b = an.resolution().declared.get(y);
                if (b != null) declared.add(b);
                if (y instanceof Loop l) loops.add(l);
            }
        }
    }
}
