package dev.ludus.compiler.emit;

import dev.ludus.compiler.syntax.Ast.*;

/** Finds the recur forms that target a given loop (not those of nested loops or fns). */
final class RecurScan {
    private RecurScan() {}

    /** True when every recur targeting this loop passes exactly k arguments. */
    static boolean allRecursHaveArity(Loop l, int k) {
        for (Clause c : l.clauses()) {
            if (!check(c.body(), k)) return false;
        }
        return true;
    }

    private static boolean check(Expr e, int k) {
        if (e instanceof Recur r) {
            return r.args().items().size() == k;
        } else if (e instanceof Loop l) {
            return true; // its recurs target it
        } else if (e instanceof FnDef f) {
            return true;
        } else if (e instanceof Block b) {
            return b.body().stream().allMatch(x -> check(x, k));
        } else if (e instanceof If i) {
            return check(i.then(), k) && check(i.otherwise(), k);
        } else if (e instanceof IfLet i) {
            return check(i.then(), k) && check(i.otherwise(), k);
        } else if (e instanceof When w) {
            return w.clauses().stream().allMatch(c -> check(c.body(), k));
        } else if (e instanceof Match m) {
            return m.clauses().stream().allMatch(c -> check(c.body(), k));
        } else {
            return true; // recur is only legal in tail position, which the cases above cover
        }
    }
}
