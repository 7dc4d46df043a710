package dev.ludus.compiler.analyse;

import dev.ludus.compiler.resolve.Binding;
import dev.ludus.compiler.resolve.NameUse;
import dev.ludus.compiler.resolve.Resolution;
import dev.ludus.compiler.syntax.Ast.*;
import java.util.List;
import java.util.Set;

/**
 * Counting loops whose long copy (IntLoops) needs no cancellation poll at its head: a loop
 * that starts a long position at an integer literal, recurs only where that position is below
 * an integer literal bound, passes it {@code inc (i)} or {@code add (i, c)} (c >= 1), and does
 * constant-time work per iteration, runs at most {@link #MAX_TRIPS} iterations of a few
 * nanoseconds each before it ends (or bails out to its polled copy), so a cancel waits for it
 * at most a fraction of a second. Its poll is the only thing that keeps the JIT from treating
 * it as the plainest counted loop (HotSpot likewise leaves its own safepoint polls out of
 * int-counted loops). Calls of the module's own fns are allowed: they poll at their entry.
 */
final class BoundedLoops {
    /** The largest trip count a loop may run without polling (well under a second of simple work). */
    static final double MAX_TRIPS = 100_000_000;

    /** Prelude functions that take constant time on numbers (and panic on anything else). */
    private static final Set<String> ARITHMETIC = Set.of("inc", "dec", "add", "sub", "mult", "div", "mod",
            "neg", "abs", "floor", "ceil", "round", "lt?", "lte?", "gt?", "gte?", "zero?", "even?", "odd?");

    private final Resolution res;
    private final Numbers nums;

    BoundedLoops(Resolution res, Numbers nums) {
        this.res = res;
        this.nums = nums;
    }

    /** Whether the long copy of l (its long positions lng, its locals as env gives them) may go without a poll. */
    boolean pollFree(Loop l, List<Clause> applicable, boolean[] lng, NumEnv env) {
        if (l.clauses().size() != 1 || applicable.size() != 1) return false;
        Clause c = applicable.get(0);
        if (c.guard() != null || !(c.pattern() instanceof PTuple pt)) return false;
        Expr body = c.body();
        if (body instanceof Block b && b.body().size() == 1) body = b.body().get(0);
        if (!(body instanceof If test)) return false;
        int j = counter(test.cond(), pt, lng);
        if (j < 0) return false;
        double bound = ((Num) Numbers.args((Synthetic) test.cond()).get(1)).value();
        if (!(l.init().items().get(j) instanceof Num start) || !IntLoops.exactInteger(start.value())) return false;
        if (!(bound - start.value() <= MAX_TRIPS)) return false;
        if (!RecurScan.recurs(List.of(new Clause(c.span(), c.pattern(), null, test.otherwise()))).isEmpty()) return false;
        Binding counter = res.declared.get(pt.items().get(j));
        for (Recur r : RecurScan.recurs(applicable)) {
            if (!steps(r.args().items().get(j), counter)) return false;
        }
        return constantTime(test.cond(), env) && constantTime(test.then(), env) && constantTime(test.otherwise(), env);
    }

    /** The long position that {@code lt? (i, K)} / {@code lte? (i, K)} tests against an integer literal, else -1. */
    private int counter(Expr cond, PTuple pt, boolean[] lng) {
        if (!(cond instanceof Synthetic s) || !isPrelude(s, "lt?", "lte?")) return -1;
        List<Expr> args = Numbers.args(s);
        if (args.size() != 2 || !(args.get(0) instanceof Word w) || !(args.get(1) instanceof Num k)
                || !IntLoops.exactInteger(k.value())) {
            return -1;
        }
        NameUse u = res.uses.get(w);
        if (u == null || u.check()) return -1;
        for (int j = 0; j < pt.items().size() && j < lng.length; j++) {
            if (lng[j] && pt.items().get(j) instanceof PBind && res.declared.get(pt.items().get(j)) == u.binding()) return j;
        }
        return -1;
    }

    /** {@code inc (i)}, {@code add (i, c)} or {@code add (c, i)} with an integer literal c >= 1. */
    private boolean steps(Expr e, Binding counter) {
        if (!(e instanceof Synthetic s)) return false;
        List<Expr> args = Numbers.args(s);
        if (isPrelude(s, "inc")) return args.size() == 1 && names(args.get(0), counter);
        if (!isPrelude(s, "add") || args.size() != 2) return false;
        return names(args.get(0), counter) && atLeastOne(args.get(1)) || names(args.get(1), counter) && atLeastOne(args.get(0));
    }

    private static boolean atLeastOne(Expr e) {
        return e instanceof Num n && IntLoops.exactInteger(n.value()) && n.value() >= 1;
    }

    private boolean names(Expr e, Binding b) {
        NameUse u = e instanceof Word w ? res.uses.get(w) : null;
        return u != null && !u.check() && u.binding() == b;
    }

    private boolean isPrelude(Synthetic s, String... names) {
        if (s.terms().size() != 1 || !(s.terms().get(0) instanceof Args)) return false;
        Binding b = nums.preludeCallee(s);
        if (b == null) return false;
        for (String n : names) if (b.name.equals(n)) return true;
        return false;
    }

    /** Work that takes constant time (calls of the module's fns count as such: they poll). */
    private boolean constantTime(Expr e, NumEnv env) {
        if (e instanceof Num || e instanceof Bool || e instanceof Nil || e instanceof Kw || e instanceof Str
                || e instanceof Word) {
            return true;
        }
        if (e instanceof TupleLit t) return all(t.items(), env);
        if (e instanceof Recur r) return all(r.args().items(), env);
        if (e instanceof If i) return constantTime(i.cond(), env) && constantTime(i.then(), env) && constantTime(i.otherwise(), env);
        if (e instanceof Block b) return all(b.body(), env);
        if (e instanceof Let l) return l.pattern() instanceof PBind && constantTime(l.value(), env);
        if (e instanceof When w) {
            for (WhenClause c : w.clauses()) if (!constantTime(c.test(), env) || !constantTime(c.body(), env)) return false;
            return true;
        }
        if (!(e instanceof Synthetic s) || s.terms().size() != 1 || !(s.terms().get(0) instanceof Args)) return false;
        List<Expr> args = Numbers.args(s);
        if (!all(args, env)) return false;
        Binding prelude = nums.preludeCallee(s);
        if (prelude != null) {
            if (!ARITHMETIC.contains(prelude.name)) return false;
            for (Expr a : args) if (!nums.numeric(a, Numbers.doubles(env))) return false; // never a vector or a panic's long path
            return true;
        }
        NameUse u = nums.plainCallee(s);
        return u != null && nums.knownFns().containsKey(u.binding());
    }

    private boolean all(List<Expr> es, NumEnv env) {
        for (Expr e : es) if (!constantTime(e, env)) return false;
        return true;
    }
}
