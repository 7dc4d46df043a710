package dev.ludus.compiler.analyse;

import dev.ludus.compiler.resolve.Binding;
import dev.ludus.compiler.resolve.NameUse;
import dev.ludus.compiler.resolve.Resolution;
import dev.ludus.compiler.syntax.Ast.*;
import java.util.ArrayList;
import java.util.List;

/**
 * Which list parameters of a fn's direct entry walk their list as a cursor: the parameter's slot
 * keeps the list it was given and an int slot beside it counts the elements already dropped, so a
 * self tail call passing the rest of a pattern, {@code f (..., [x, ...xs]) -> ... f (..., xs)},
 * jumps with the same list and a larger offset instead of making a new list per step.
 *
 * <p>Position k of arity n qualifies when every clause for n arguments has no splat and, at k,
 * a list pattern or {@code _} (so the parameter's value is read only through its items), and
 * some tail self call passes the rest name of its clause's list at k back at k. The rest name is
 * then a view (list, offset) that the emitter makes a list of only where it is used otherwise
 * (and the arguments of a no-match panic are made lists again). Large fns (whose code the
 * Splitter may move to other methods) keep lists.
 */
final class ListCursors {
    private final Resolution res;
    private final AstWalk walk;

    ListCursors(Resolution res, AstWalk walk) {
        this.res = res;
        this.walk = walk;
    }

    /** Bit (n * 4 + k) set when position k of fd's entry for n arguments is a cursor. */
    int mask(FnDef fd) {
        Binding self = res.declared.get(fd);
        if (self == null || self.cell || Analysis.large(walk.weight(fd))) return 0;
        int bits = 0;
        for (int n = 1; n <= Clauses.MAX_DIRECT; n++) {
            List<Clause> applicable = Clauses.applicable(fd.clauses(), n);
            if (applicable.isEmpty() || anySplat(applicable)) continue;
            for (int k = 0; k < n; k++) if (cursor(applicable, self, n, k)) bits |= 1 << (n * 4 + k);
        }
        return bits;
    }

    private boolean cursor(List<Clause> applicable, Binding self, int n, int k) {
        boolean passedBack = false;
        for (Clause c : applicable) {
            Pattern p = ((PTuple) c.pattern()).items().get(k);
            if (p instanceof PIgnore) continue;
            if (!(p instanceof PList l)) return false;
            Binding rest = restName(l);
            if (rest == null) continue;
            if (rest.cell || rest.kind != Binding.Kind.LOCAL) return false;
            List<Synthetic> calls = new ArrayList<>();
            tailCalls(c.body(), calls);
            for (Synthetic s : calls) {
                NameUse u = res.uses.get((Word) s.root());
                List<Expr> args = Numbers.args(s);
                if (u != null && u.binding() == self && args.size() == n && args.get(k) instanceof Word w
                        && res.uses.get(w) != null && res.uses.get(w).binding() == rest) passedBack = true;
            }
        }
        return passedBack;
    }

    /** The binding of a list pattern's named rest ({@code ...xs}), else null. */
    static Binding restName(PList l, Resolution res) {
        List<Pattern> items = l.items();
        if (items.isEmpty() || !(items.get(items.size() - 1) instanceof PSplat s) || s.name() == null) return null;
        return res.declared.get(s);
    }

    private Binding restName(PList l) {
        return restName(l, res);
    }

    /** The plain calls by name in the tail positions of e (where a self call is a jump). */
    static void tailCalls(Expr e, List<Synthetic> out) {
        if (e instanceof Synthetic s) {
            if (s.root() instanceof Word && s.terms().size() == 1 && s.terms().get(0) instanceof Args a
                    && plainArgs(a.args())) out.add(s);
        } else if (e instanceof Block b) {
            if (!b.body().isEmpty()) tailCalls(b.body().get(b.body().size() - 1), out);
        } else if (e instanceof If i) {
            tailCalls(i.then(), out);
            tailCalls(i.otherwise(), out);
        } else if (e instanceof IfLet i) {
            tailCalls(i.then(), out);
            tailCalls(i.otherwise(), out);
        } else if (e instanceof When w) {
            for (WhenClause c : w.clauses()) tailCalls(c.body(), out);
        } else if (e instanceof Match m) {
            for (Clause c : m.clauses()) tailCalls(c.body(), out);
        }
    }

    // loops, not streams and lambdas: this runs on every compile (see LudusCompiler.PARSER)
    private static boolean anySplat(List<Clause> clauses) {
        for (Clause c : clauses) if (Clauses.hasSplat((PTuple) c.pattern())) return true;
        return false;
    }

    private static boolean plainArgs(List<Expr> args) {
        for (Expr x : args) if (x instanceof Placeholder || x instanceof Splat) return false;
        return true;
    }
}
