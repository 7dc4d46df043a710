package dev.ludus.compiler.analyse;

import dev.ludus.compiler.syntax.Ast.*;
import java.util.ArrayList;
import java.util.List;

/**
 * Tail positions and recursion: the recur forms that target a given loop (not those of nested
 * loops or fns), and whether a subtree holds a recur to a loop or fn around it.
 */
public final class RecurScan {
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

    /** A recur in a tail position of e that targets a loop or fn enclosing e (such code cannot move to another method). */
    public static boolean hasFreeRecur(Node e) {
        return hasFreeRecur(e, null);
    }

    /**
     * As above, remembering the answer for each subtree in memo (if not null): asked of every
     * level of a 100,000-deep else-if chain, the plain walk took quadratic time.
     */
    public static boolean hasFreeRecur(Node e, java.util.Map<Node, Boolean> memo) {
        if (memo == null) return scan(e, null);
        Boolean known = memo.get(e);
        if (known != null) return known;
        boolean r = scan(e, memo);
        memo.put(e, r);
        return r;
    }

    private static boolean scan(Node e, java.util.Map<Node, Boolean> memo) {
        if (e instanceof Recur) return true;
        if (e instanceof Clause c) return hasFreeRecur(c.body(), memo);
        if (e instanceof Block b) return !b.body().isEmpty() && hasFreeRecur(b.body().get(b.body().size() - 1), memo);
        if (e instanceof If i) return hasFreeRecur(i.then(), memo) || hasFreeRecur(i.otherwise(), memo);
        if (e instanceof IfLet i) return hasFreeRecur(i.then(), memo) || hasFreeRecur(i.otherwise(), memo);
        if (e instanceof When w) {
            for (WhenClause c : w.clauses()) if (hasFreeRecur(c.body(), memo)) return true;
        } else if (e instanceof Match mt) {
            for (Clause c : mt.clauses()) if (hasFreeRecur(c.body(), memo)) return true;
        } else if (e instanceof Receive r) {
            for (Clause c : r.clauses()) if (hasFreeRecur(c.body(), memo)) return true;
        }
        return false;
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
