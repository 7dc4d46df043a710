package dev.ludus.compiler.emit;

import dev.ludus.compiler.syntax.Ast.*;
import java.util.ArrayList;
import java.util.List;

/** Finds the recur forms that target a given loop (not those of nested loops or fns). */
final class RecurScan {
    private RecurScan() {}

    /** True when every recur targeting this loop passes exactly k arguments. */
    static boolean allRecursHaveArity(Loop l, int k) {
        for (Recur r : recurs(l.clauses())) {
            if (r.args().items().size() != k) return false;
        }
        return true;
    }

    /** The recurs in the tail positions of these clauses' bodies, in source order. */
    static List<Recur> recurs(List<Clause> clauses) {
        List<Recur> out = new ArrayList<>();
        for (Clause c : clauses) collect(c.body(), out);
        return out;
    }

    private static void collect(Expr e, List<Recur> out) {
        if (e instanceof Recur r) {
            out.add(r);
        } else if (e instanceof Block b) {
            for (Expr x : b.body()) collect(x, out);
        } else if (e instanceof If i) {
            collect(i.then(), out);
            collect(i.otherwise(), out);
        } else if (e instanceof IfLet i) {
            collect(i.then(), out);
            collect(i.otherwise(), out);
        } else if (e instanceof When w) {
            for (WhenClause c : w.clauses()) collect(c.body(), out);
        } else if (e instanceof Match m) {
            for (Clause c : m.clauses()) collect(c.body(), out);
        } else if (e instanceof Receive r) {
            for (Clause c : r.clauses()) collect(c.body(), out);
        }
        // anything else holds no recur of this loop: recur is only legal in tail position
        // (the cases above), and nested loops and fns have their own
    }
}
