package dev.ludus.compiler.analyse;

import dev.ludus.compiler.resolve.Binding;
import dev.ludus.compiler.resolve.Resolution;
import dev.ludus.compiler.syntax.Ast.*;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which variables of a fixed-arity loop can live unboxed: a position is numeric when its initial
 * value and the argument every recur passes there are numeric (NumGen), assuming the numeric
 * positions' pattern names are numbers — a fixed point from "all candidates numeric" down.
 * Clause patterns at a numeric position must be a name, `_`, `x as :number` or a number
 * literal, all of which compile to tests on the double itself.
 */
final class LoopTypes {
    private final Numbers nums;
    private final Resolution res;

    LoopTypes(Numbers nums, Resolution res) {
        this.nums = nums;
        this.res = res;
    }

    /**
     * {@code applicable}: the clauses whose arity fits the loop's (others can never match, §10.2);
     * {@code env}: the unboxed locals where the loop starts.
     */
    boolean[] numericPositions(Loop l, List<Clause> applicable, NumEnv env) {
        List<Expr> init = l.init().items();
        int k = init.size();
        boolean[] pos = new boolean[k];
        boolean any = false;
        for (int j = 0; j < k; j++) {
            pos[j] = nums.numeric(init.get(j), Numbers.doubles(env));
            any |= pos[j];
        }
        if (!any) return pos;
        for (Clause c : applicable) {
            List<Pattern> items = ((PTuple) c.pattern()).items();
            if (Clauses.hasSplat((PTuple) c.pattern())) return new boolean[k];
            for (int j = 0; j < k && j < items.size(); j++) {
                if (pos[j] && !numericPattern(items.get(j))) pos[j] = false;
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            Set<Binding> assumed = new HashSet<>();
            for (Clause c : applicable) {
                List<Pattern> items = ((PTuple) c.pattern()).items();
                for (int j = 0; j < k; j++) {
                    if (pos[j]) {
                        Binding b = res.declared.get(items.get(j));
                        if (b != null) assumed.add(b);
                    }
                }
            }
            for (Clause c : applicable) {
                Set<Binding> scope = new HashSet<>(assumed);
                if (c.guard() != null) { /* guards bind nothing */ }
                changed |= check(c.body(), scope, pos, env);
            }
        }
        return pos;
    }

    public static boolean numericPattern(Pattern p) {
        return p instanceof PBind || p instanceof PIgnore
                || (p instanceof PTyped t && t.type().equals("number"))
                || (p instanceof PConst c && c.literal() instanceof Num);
    }

    /** Walks the tail positions of a clause body; demotes positions a recur passes non-numbers to. */
    private boolean check(Expr e, Set<Binding> nums0, boolean[] pos, NumEnv env) {
        boolean changed = false;
        if (e instanceof Recur r) {
            List<Expr> args = r.args().items();
            for (int j = 0; j < pos.length && j < args.size(); j++) {
                if (pos[j] && !nums.numeric(args.get(j), Numbers.inOr(nums0, env, false))) {
                    pos[j] = false;
                    changed = true;
                }
            }
        } else if (e instanceof Block b) {
            Set<Binding> scope = new HashSet<>(nums0);
            for (Expr s : b.body()) {
                if (s instanceof Let l && l.pattern() instanceof PBind pb && nums.numeric(l.value(), Numbers.inOr(scope, env, false))) {
                    Binding lb = res.declared.get(pb);
                    if (lb != null && !lb.cell) scope.add(lb);
                }
                changed |= check(s, scope, pos, env);
            }
        } else if (e instanceof If i) {
            changed |= check(i.then(), nums0, pos, env);
            changed |= check(i.otherwise(), nums0, pos, env);
        } else if (e instanceof IfLet i) {
            changed |= check(i.then(), nums0, pos, env);
            changed |= check(i.otherwise(), nums0, pos, env);
        } else if (e instanceof When w) {
            for (WhenClause c : w.clauses()) changed |= check(c.body(), nums0, pos, env);
        } else if (e instanceof Match m) {
            for (Clause c : m.clauses()) changed |= check(c.body(), nums0, pos, env);
        } else if (e instanceof Receive r) {
            for (Clause c : r.clauses()) changed |= check(c.body(), nums0, pos, env);
        }
        return changed;
    }
}
