package dev.ludus.compiler.analyse;

import dev.ludus.compiler.resolve.Binding;
import dev.ludus.compiler.resolve.NameUse;
import dev.ludus.compiler.resolve.Resolution;
import dev.ludus.compiler.syntax.Ast.*;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Loops on exact integers. Numbers are doubles, and a loop-carried double addition costs three
 * to four cycles of latency where a long one costs one, so a loop variable that every recur
 * passes an integer expression (inc, dec, add, sub, mult, div of such variables and integer
 * literals) can run as a long (the emitter's IntLoopGen makes the long copy of the loop and
 * falls back to the usual one when a value is not an exact integer). Only loops whose bodies
 * can be emitted twice ({@link #simple}: no function definitions) qualify.
 */
public final class IntLoops {
    private final Resolution res;
    private final Numbers nums;

    IntLoops(Resolution res, Numbers nums) {
        this.res = res;
        this.nums = nums;
    }

    /** Which positions of a fixed-arity loop (its applicable clauses given) can run as longs; env: where it starts. */
    boolean[] longPositions(Loop l, List<Clause> applicable, NumEnv env) {
        int k = l.init().items().size();
        boolean[] pos = new boolean[k];
        for (Clause c : applicable) {
            if (Clauses.hasSplat((PTuple) c.pattern()) || !simple(c)) return pos;
        }
        java.util.Arrays.fill(pos, true);
        for (Clause c : applicable) {
            List<Pattern> items = ((PTuple) c.pattern()).items();
            for (int j = 0; j < k; j++) if (!LoopTypes.numericPattern(items.get(j))) pos[j] = false;
        }
        List<Recur> recurs = RecurScan.recurs(applicable);
        if (recurs.isEmpty()) return new boolean[k];
        boolean changed = true;
        while (changed && any(pos)) {
            changed = false;
            Set<Binding> assumed = new HashSet<>();
            for (Clause c : applicable) {
                List<Pattern> items = ((PTuple) c.pattern()).items();
                for (int j = 0; j < k; j++) {
                    Binding b = pos[j] ? res.declared.get(items.get(j)) : null;
                    if (b != null && !b.cell) assumed.add(b);
                }
            }
            // demote the positions some recur passes a non-integer
            for (Recur r : recurs) {
                List<Expr> args = r.args().items();
                for (int j = 0; j < k && j < args.size(); j++) {
                    if (pos[j] && !integral(args.get(j), Numbers.inOr(assumed, env, true))) {
                        pos[j] = false;
                        changed = true;
                    }
                }
            }
        }
        return pos;
    }

    public static boolean any(boolean[] a) {
        for (boolean b : a) if (b) return true;
        return false;
    }

    /** An expression whose value, computed on longs, is the double result whenever IntArith does not bail. */
    boolean integral(Expr e, Predicate<Binding> ints) {
        if (e instanceof Num n) return exactInteger(n.value());
        if (e instanceof Word w) {
            NameUse u = res.uses.get(w);
            return u != null && !u.check() && ints.test(u.binding());
        }
        if (!(e instanceof Synthetic s)) return false;
        Binding b = nums.preludeCallee(s);
        if (b == null) return false;
        List<Expr> args = Numbers.args(s);
        switch (b.name) {
            case "inc": case "dec":
                return args.size() == 1 && integral(args.get(0), ints);
            case "add": case "sub": case "mult": case "div":
                return args.size() == 2 && integral(args.get(0), ints) && integral(args.get(1), ints);
            default:
                return false;
        }
    }

    /** An integer a long holds and the long copy may start from: |v| <= 2^53, not -0. */
    public static boolean exactInteger(double v) {
        return v == Math.rint(v) && Math.abs(v) <= 0x1p53 && !(v == 0.0 && 1 / v < 0);
    }

    /** Whether a clause holds only forms that can be emitted twice (no fn definitions, no declarations). */
    public static boolean simple(Clause c) {
        return (c.guard() == null || simple(c.guard())) && simple(c.body());
    }

    private static boolean simple(Expr e) {
        if (e == null || e instanceof Nil || e instanceof Bool || e instanceof Num || e instanceof Str
                || e instanceof InterpStr || e instanceof Kw || e instanceof Word || e instanceof Placeholder) {
            return true;
        }
        if (e instanceof TupleLit t) return all(t.items());
        if (e instanceof ListLit t) return all(t.items());
        if (e instanceof SetLit t) return all(t.items());
        if (e instanceof Splat) return true;
        if (e instanceof DictLit d) {
            for (Node n : d.items()) {
                if (n instanceof DictPair p) {
                    if (!simple(p.value())) return false;
                } else if (!(n instanceof Expr ex) || !simple(ex)) {
                    return false;
                }
            }
            return true;
        }
        if (e instanceof Synthetic s) {
            if (!simple(s.root())) return false;
            for (Term t : s.terms()) if (t instanceof Args a && !all(a.args())) return false;
            return true;
        }
        if (e instanceof Let l) return simple(l.value());
        if (e instanceof If i) return simple(i.cond()) && simple(i.then()) && simple(i.otherwise());
        if (e instanceof IfLet i) return simple(i.value()) && simple(i.then()) && simple(i.otherwise());
        if (e instanceof When w) {
            for (WhenClause c : w.clauses()) if (!simple(c.test()) || !simple(c.body())) return false;
            return true;
        }
        if (e instanceof Match mt) {
            if (!simple(mt.scrutinee())) return false;
            for (Clause c : mt.clauses()) if (!simple(c)) return false;
            return true;
        }
        if (e instanceof Loop l) {
            if (!simple(l.init())) return false;
            for (Clause c : l.clauses()) if (!simple(c)) return false;
            return true;
        }
        if (e instanceof Recur r) return simple(r.args());
        if (e instanceof Block b) return all(b.body());
        if (e instanceof PanicForm p) return simple(p.value());
        if (e instanceof Do d) return all(d.stages());
        return false; // fn definitions and declarations, refs, repeat, imports, ns, use, tests
    }

    private static boolean all(List<? extends Expr> es) {
        for (Expr e : es) if (!simple(e)) return false;
        return true;
    }
}
