package dev.ludus.compiler.analyse;

import dev.ludus.compiler.resolve.Binding;
import dev.ludus.compiler.resolve.NameUse;
import dev.ludus.compiler.resolve.Resolution;
import dev.ludus.compiler.syntax.Ast.*;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Folds that build a dict or a set which only their lambda sees, and sees only to update:
 * {@code fold (fn (counts, w) -> update (counts, w, inc), ws, #{})},
 * {@code fold (fn (seen, x) -> append (seen, f (x)), xs, ${})}. Their accumulator can be a dict
 * or set changed in place (runtime DictAccumulator, SetAccumulator, Invoke.dictFold): no path
 * copy per element.
 * Sound because the old dict can never be seen again. A fold qualifies when its lambda is a
 * literal with one clause of two plain names (so its match never fails and no panic shows the
 * accumulator) and the accumulator's name, captured by no closure, is used only
 * <ul>
 *   <li>as the dict of a prelude {@code update (acc, k, f)} or {@code assoc (acc, k, v)}, or the
 *       collection of an {@code append (acc, x)}, that is a tail form of the body (the tail forms
 *       of an {@code if}, a {@code when} or a block's last form), or</li>
 *   <li>as a tail form itself (the dict passed on unchanged).</li>
 * </ul>
 * Any other use (in a test, a let, an argument, the key or value of those calls) leaves the fold
 * as it is. The fold must be the prelude's, not part of a fused pipeline (a fold over a range
 * counted out by RangeFolds may be one).
 */
final class DictFolds {
    private DictFolds() {}

    /** The callee words of the fold calls that qualify, and those of their accumulator's update/assoc/append calls. */
    record Found(Set<Node> folds, Set<Node> calls) {}

    static Found find(Resolution res, List<Node> chains, Set<Node> skip, Map<Binding, List<Word>> uses) {
        Set<Node> folds = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Node> calls = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Node n : chains) {
            if (!(n instanceof Synthetic s) || skip.contains(n) || Pipelines.kind(res, s) != Analysis.Stage.Kind.FOLD) continue;
            List<Expr> args = Numbers.args(s);
            if (args.get(1) instanceof Placeholder || !(args.get(0) instanceof FnDef fd) || !fd.isLambda() || fd.clauses().size() != 1) continue;
            Clause c = fd.clauses().get(0);
            if (c.guard() != null || !(c.pattern() instanceof PTuple p) || p.items().size() != 2 || !(p.items().get(0) instanceof PBind accName)
                    || !(p.items().get(1) instanceof PBind || p.items().get(1) instanceof PIgnore)) continue;
            Binding acc = res.declared.get(accName);
            if (acc == null || acc.cell) continue;
            List<Word> allowed = new ArrayList<>();
            List<Word> updates = new ArrayList<>();
            tails(c.body(), res, acc, allowed, updates);
            List<Word> used = uses.getOrDefault(acc, List.of());
            if (updates.isEmpty() || used.size() != allowed.size()) continue;
            Set<Word> ok = Collections.newSetFromMap(new IdentityHashMap<>());
            ok.addAll(allowed);
            if (!ok.containsAll(used)) continue;
            folds.add(s.root());
            calls.addAll(updates);
        }
        return new Found(folds, calls);
    }

    /** Collects the tail forms' uses of acc that may stay (allowed) and the update/assoc/append calls on it. */
    private static void tails(Expr e, Resolution res, Binding acc, List<Word> allowed, List<Word> updates) {
        if (e instanceof If i) {
            tails(i.then(), res, acc, allowed, updates);
            if (i.otherwise() != null) tails(i.otherwise(), res, acc, allowed, updates);
        } else if (e instanceof When w) {
            for (WhenClause c : w.clauses()) tails(c.body(), res, acc, allowed, updates);
        } else if (e instanceof Block b) {
            if (!b.body().isEmpty()) tails(b.body().get(b.body().size() - 1), res, acc, allowed, updates);
        } else if (e instanceof Word w) {
            if (is(w, res, acc)) allowed.add(w);
        } else if (e instanceof Synthetic s) {
            // a plain call (a partial, update (acc, _, f), would hold the accumulator: not one)
            Binding b = Numbers.preludeCallee(res, s);
            if (b == null) return;
            int n = b.name.equals("update") || b.name.equals("assoc") ? 3 : b.name.equals("append") ? 2 : 0;
            List<Expr> args = Numbers.args(s);
            if (n > 0 && args.size() == n && args.get(0) instanceof Word d && is(d, res, acc) && noSplat(args)) {
                allowed.add(d);
                updates.add((Word) s.root());
            }
        }
    }

    private static boolean noSplat(List<Expr> args) {
        for (Expr a : args) if (a instanceof Splat) return false;
        return true;
    }

    private static boolean is(Word w, Resolution res, Binding acc) {
        NameUse u = res.uses.get(w);
        return u != null && !u.check() && u.binding() == acc;
    }
}
