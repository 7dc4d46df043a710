package dev.ludus.compiler.analyse;

import dev.ludus.compiler.resolve.Binding;
import dev.ludus.compiler.resolve.NameUse;
import dev.ludus.compiler.resolve.Resolution;
import dev.ludus.compiler.syntax.Ast.*;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Vector loops: {@code loop (inits) with (names) -> if test then result else recur (args)} (or
 * the branches the other way round) where, given a shape per position (a number, or a tuple of
 * shapes, e.g. a state {@code ((x, y), (vx, vy), path)}), the test compares numbers and the
 * result and every recur argument are arithmetic of that shape, including calls of fns with a
 * flat entry (VecBodies). The emitter then runs a copy of the loop on doubles (a state of shape
 * s in s.width() locals) when the initial values have those shapes, and builds only the result:
 * nothing is allocated per iteration. Otherwise the usual loop runs from its start.
 *
 * <p>A position whose initial value has no shape known from the source (a name, a call) is tried
 * as a number and as a vector, numbers first; at least one position must be a tuple (loops of
 * numbers are unboxed already: LoopTypes).
 */
public final class VecLoops {
    /** Loops of more names than this are left alone. */
    static final int MAX_NAMES = 6;
    /** The widest state kept on doubles. */
    static final int MAX_WIDTH = 32;

    /** A vector loop: its clause, the shape of each position, and what the emitter asks. */
    public record Plan(Clause clause, List<Shape> positions, Map<Binding, Shape> types, Resolution res,
                       Function<NameUse, VecBodies.Plan> callees) {
        /** The shape of an expression of the loop body (arithmetic, tuples, flat calls). */
        public Shape type(Expr e) {
            return VecBodies.typeOf(e, types, res, callees);
        }

        public If body() {
            return (If) clause.body();
        }

        /** Whether the recur is the then-branch (else the otherwise-branch). */
        public boolean recurWhenTrue() {
            return body().then() instanceof Recur;
        }

        public Recur recur() {
            return (Recur) (recurWhenTrue() ? body().then() : body().otherwise());
        }

        public Expr result() {
            return recurWhenTrue() ? body().otherwise() : body().then();
        }

        public Binding name(int i) {
            return res.declared.get(((PTuple) clause.pattern()).items().get(i));
        }

        /** The widest result of a call of a flat entry in the body (0: none): the size of the array they write to. */
        public int callWidth() {
            return VecBodies.callWidth(clause.body(), types, res, callees);
        }

        /** The module-level fn a flat call names. */
        public VecBodies.Plan callee(Synthetic s) {
            return callees.apply(VecBodies.callee(s, res));
        }
    }

    private VecLoops() {}

    static Plan plan(Loop l, Analysis.LoopFacts facts, Resolution res, Function<NameUse, VecBodies.Plan> callees) {
        int k = l.init().items().size();
        if (!facts.fixed() || k > MAX_NAMES || l.clauses().size() != 1) return null;
        Clause c = l.clauses().get(0);
        if (c.guard() != null || !(c.body() instanceof If body)) return null;
        if ((body.then() instanceof Recur) == (body.otherwise() instanceof Recur)) return null;
        List<Pattern> items = ((PTuple) c.pattern()).items();
        if (items.size() != k) return null;
        List<Binding> names = new ArrayList<>();
        for (Pattern p : items) {
            Binding b = p instanceof PBind ? res.declared.get(p) : null;
            if (b == null || b.cell || b.kind != Binding.Kind.LOCAL) return null;
            names.add(b);
        }
        Recur recur = (Recur) (body.then() instanceof Recur ? body.then() : body.otherwise());
        Expr result = body.then() instanceof Recur ? body.otherwise() : body.then();
        if (recur.args().items().size() != k) return null;
        // the shapes the source shows (literals), null where it does not
        Shape[] known = new Shape[k];
        List<Integer> open = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            known[i] = VecBodies.typeOf(l.init().items().get(i), Map.of(), res, null);
            if (known[i] == null) open.add(i);
        }
        for (int mask = 0; mask < 1 << open.size(); mask++) {
            List<Shape> positions = new ArrayList<>();
            for (int i = 0; i < k; i++) positions.add(known[i]);
            for (int j = 0; j < open.size(); j++) positions.set(open.get(j), (mask & (1 << j)) != 0 ? Shape.VEC : Shape.NUM);
            boolean allNum = true; // a loop, not a stream: see LudusCompiler.PARSER
            for (Shape t : positions) allNum &= t.isNum();
            if (allNum || VecBodies.width(positions) > MAX_WIDTH) continue;
            Map<Binding, Shape> types = new HashMap<>();
            for (int i = 0; i < k; i++) types.put(names.get(i), positions.get(i));
            if (!test(body.cond(), types, res)) continue;
            if (VecBodies.typeOf(result, types, res, callees) == null) continue;
            boolean ok = true;
            for (int i = 0; i < k && ok; i++) {
                ok = positions.get(i).equals(VecBodies.typeOf(recur.args().items().get(i), types, res, callees));
            }
            if (ok) return new Plan(c, List.copyOf(positions), Collections.unmodifiableMap(types), res, callees);
        }
        return null;
    }

    /** A comparison of numbers: zero?/pos?/neg? of one, lt?/lte?/gt?/gte?/eq? of two. */
    static boolean test(Expr cond, Map<Binding, Shape> types, Resolution res) {
        if (!(cond instanceof Synthetic s)) return false;
        String op = VecBodies.preludeOp(s, res);
        if (op == null) return false;
        List<Expr> args = Numbers.args(s);
        int n = switch (op) {
            case "zero?", "pos?", "neg?" -> 1;
            case "lt?", "lte?", "gt?", "gte?", "eq?" -> 2;
            default -> -1;
        };
        if (args.size() != n) return false;
        for (Expr a : args) {
            Shape t = VecBodies.typeOf(a, types, res, null);
            if (t == null || !t.isNum()) return false;
        }
        return true;
    }
}
