package dev.ludus.compiler.analyse;

import dev.ludus.compiler.resolve.Binding;
import dev.ludus.compiler.resolve.Resolution;
import dev.ludus.compiler.syntax.Ast.*;
import java.util.List;

/**
 * Which {@code update! (r, f (a, _, b))} calls run in place: the prelude's update! given a partial
 * application written at the call. Such a call makes the partial only to have update! call it
 * once, on the ref's value; in place, the emitter reads the ref and calls f with that value in
 * the hole, as an ordinary call (an intrinsic, a record site, a direct entry), then sets the ref.
 * Anything that is not a ref takes the prelude's update! with the partial, as written, so its
 * panics are the same.
 */
final class RefUpdates {
    private RefUpdates() {}

    /** The most arguments the partial may take (the calls the emitter makes from slots). */
    static final int MAX_ARGS = 3;

    /** Whether call s is such an update!. */
    static boolean applies(Resolution res, Synthetic s) {
        Binding b = Numbers.preludeCallee(res, s);
        if (b == null || !b.name.equals("update!")) return false;
        List<Expr> args = Numbers.args(s);
        return args.size() == 2 && hole(res, args.get(1)) >= 0;
    }

    /**
     * The index of the placeholder of e when e is a partial application f (...) of a named
     * function with one term and at most MAX_ARGS arguments, else -1.
     */
    static int hole(Resolution res, Expr e) {
        if (!(e instanceof Synthetic p) || !(p.root() instanceof Word w) || res.uses.get(w) == null
                || p.terms().size() != 1 || !(p.terms().get(0) instanceof Args a)) return -1;
        List<Expr> items = a.args();
        if (items.isEmpty() || items.size() > MAX_ARGS) return -1;
        int hole = -1;
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof Placeholder) {
                if (hole >= 0) return -1;
                hole = i;
            }
        }
        return hole;
    }
}
