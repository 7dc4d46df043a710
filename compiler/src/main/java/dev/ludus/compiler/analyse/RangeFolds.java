package dev.ludus.compiler.analyse;

import dev.ludus.compiler.resolve.Binding;
import dev.ludus.compiler.resolve.Resolution;
import dev.ludus.compiler.syntax.Ast.*;
import java.util.List;

/**
 * Which {@code fold (fn (acc, x) -> ..., range (...), init)} and {@code each! (fn (x) -> ...,
 * range (...))} calls count the range out in a loop
 * that calls the lambda's own method directly: no list is made for the range, no element goes
 * through the prelude's generic fold, and the closure, used only by that loop, is one the JIT can
 * keep off the heap. Unlike a fused pipeline (Pipelines) the lambda may do anything: it runs on
 * the same elements, in the same order, with the same accumulator as the prelude's fold would
 * run it, and a range of non-numbers takes the prelude's own range and fold. The fn must be a
 * lambda literal with a clause for exactly two arguments (one for each!: its direct entry);
 * fold, each! and range the prelude's.
 */
final class RangeFolds {
    private RangeFolds() {}

    /** Whether call s (a fold of the prelude, not a fused pipeline) runs as such a loop. */
    static boolean applies(Resolution res, Synthetic s) {
        if (Pipelines.kind(res, s) != Analysis.Stage.Kind.FOLD) return false;
        List<Expr> args = Numbers.args(s);
        if (!(args.get(0) instanceof FnDef fd) || !fd.isLambda() || Pipelines.rangeArgs(res, args.get(1)) == null) return false;
        return hasClauseFor(fd, 2);
    }

    /** Whether call s is the prelude's each! of a lambda over a range, to run as such a loop. */
    static boolean appliesEach(Resolution res, Synthetic s) {
        Binding b = Numbers.preludeCallee(res, s);
        if (b == null || !b.name.equals("each!")) return false;
        List<Expr> args = Numbers.args(s);
        return args.size() == 2 && args.get(0) instanceof FnDef fd && fd.isLambda() && hasClauseFor(fd, 1)
                && Pipelines.rangeArgs(res, args.get(1)) != null;
    }

    private static boolean hasClauseFor(FnDef fd, int n) {
        for (Clause c : fd.clauses()) {
            PTuple p = (PTuple) c.pattern();
            if (!Clauses.hasSplat(p) && p.items().size() == n) return true;
        }
        return false;
    }
}
