package dev.ludus.compiler.analyse;

import dev.ludus.compiler.resolve.Binding;
import dev.ludus.compiler.resolve.NameUse;
import dev.ludus.compiler.resolve.Resolution;
import dev.ludus.compiler.syntax.Ast.*;
import dev.ludus.compiler.syntax.Span;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loop positions that accumulate a list: {@code loop (0, []) with (i, xs) -> ... recur (inc (i),
 * append (xs, x))}. Such a position holds a list builder (Invoke.accumulator) instead of a
 * list, and the recur's append adds to it in place: no list per step. That is only sound
 * because the old list can no longer be seen once the recur has run, so this accepts a
 * position only when, in every clause, its name is
 * <ul>
 *   <li>bound by a plain name (or ignored), and captured by no closure (not a cell);</li>
 *   <li>absent from the guard and from everything evaluated before the body's tail forms;</li>
 *   <li>in a recur: used only as the list of an append at its own position (whose element does
 *       not use it), or passed along unchanged; no other argument uses it;</li>
 *   <li>anywhere else in a tail form (a loop exit), read as a list: reads take a snapshot
 *       (Invoke.snapshot), after which the builder copies before it adds again.</li>
 * </ul>
 * and some recur appends at that position. A position that holds an unboxed number is none
 * (Analysis.accumulators leaves those out).
 */
final class ListAccumulators {
    private final Resolution res;
    private final Numbers nums;
    private final Map<Binding, List<Word>> usesByBinding;

    ListAccumulators(Resolution res, Numbers nums, Map<Binding, List<Word>> usesByBinding) {
        this.res = res;
        this.nums = nums;
        this.usesByBinding = usesByBinding;
    }

    /** Per position, the clause bindings of an accumulator position (null entries: not one); null if none. */
    @SuppressWarnings("unchecked")
    Set<Binding>[] find(List<Clause> applicable, int k) {
        Set<Binding>[] out = new Set[k];
        boolean any = false;
        for (int j = 0; j < k; j++) {
            Set<Binding> names = position(applicable, j);
            if (names != null) {
                out[j] = names;
                any = true;
            }
        }
        return any ? out : null;
    }

    private Set<Binding> position(List<Clause> clauses, int j) {
        Set<Binding> names = new HashSet<>();
        boolean appends = false;
        for (Clause c : clauses) {
            PTuple p = (PTuple) c.pattern();
            if (Clauses.hasSplat(p)) return null;
            Pattern item = p.items().get(j);
            Binding b = null;
            if (item instanceof PBind) {
                b = res.declared.get(item);
                if (b == null || b.cell || b.kind != Binding.Kind.LOCAL) return null;
                names.add(b);
            } else if (!(item instanceof PIgnore)) {
                return null;
            }
            if (c.guard() != null && mentions(c.guard(), b)) return null;
            int r = tail(c.body(), b, j);
            if (r < 0) return null;
            if (r > 0) appends = true;
        }
        return appends ? names : null;
    }

    /** -1: b is used where it may not be; 1: fine, with an append at j; 0: fine. */
    private int tail(Expr e, Binding b, int j) {
        if (e instanceof Block bl) {
            List<Expr> body = bl.body();
            for (int i = 0; i < body.size() - 1; i++) if (mentions(body.get(i), b)) return -1;
            return tail(body.get(body.size() - 1), b, j);
        }
        if (e instanceof If i) {
            if (mentions(i.cond(), b)) return -1;
            return both(tail(i.then(), b, j), tail(i.otherwise(), b, j));
        }
        if (e instanceof IfLet i) {
            if (mentions(i.value(), b)) return -1;
            return both(tail(i.then(), b, j), tail(i.otherwise(), b, j));
        }
        if (e instanceof When w) {
            int r = 0;
            for (WhenClause c : w.clauses()) {
                if (c.test() != null && mentions(c.test(), b)) return -1;
                r = both(r, tail(c.body(), b, j));
            }
            return r;
        }
        if (e instanceof Match mt) {
            if (mentions(mt.scrutinee(), b)) return -1;
            int r = 0;
            for (Clause c : mt.clauses()) {
                if (c.guard() != null && mentions(c.guard(), b)) return -1;
                r = both(r, tail(c.body(), b, j));
            }
            return r;
        }
        if (e instanceof Receive rv) {
            int r = 0;
            for (Clause c : rv.clauses()) {
                if (c.guard() != null && mentions(c.guard(), b)) return -1;
                r = both(r, tail(c.body(), b, j));
            }
            return r;
        }
        if (e instanceof Recur rc) {
            List<Expr> args = rc.args().items();
            int r = 0;
            for (int i = 0; i < args.size(); i++) {
                Expr a = args.get(i);
                if (i == j && appendTo(a, b)) r = 1;
                else if (i == j && isName(a, b)) continue;
                else if (mentions(a, b)) return -1;
            }
            return r;
        }
        return 0; // a loop exit: reads of b take a snapshot
    }

    private static int both(int a, int b) {
        return a < 0 || b < 0 ? -1 : Math.max(a, b);
    }

    /** {@code append (b, x)} with x not using b (b non-null). */
    boolean appendTo(Expr e, Binding b) {
        if (b == null || !(e instanceof Synthetic s)) return false;
        Binding callee = nums.preludeCallee(s);
        if (callee == null || !callee.name.equals("append")) return false;
        List<Expr> args = Numbers.args(s);
        return args.size() == 2 && isName(args.get(0), b) && !mentions(args.get(1), b);
    }

    boolean isName(Expr e, Binding b) {
        if (b == null || !(e instanceof Word w)) return false;
        NameUse u = res.uses.get(w);
        return u != null && u.binding() == b;
    }

    /** Whether a use of b lies within e (by source span: every use is a Word node inside it). */
    private boolean mentions(Expr e, Binding b) {
        if (b == null) return false;
        for (Word w : usesByBinding.getOrDefault(b, List.of())) if (within(w.span(), e.span())) return true;
        return false;
    }

    private static boolean within(Span inner, Span outer) {
        boolean startsAfter = inner.line() > outer.line() || inner.line() == outer.line() && inner.col() >= outer.col();
        boolean endsBefore = inner.endLine() < outer.endLine()
                || inner.endLine() == outer.endLine() && inner.endCol() <= outer.endCol();
        return startsAfter && endsBefore;
    }
}
