package dev.ludus.compiler.analyse;

import dev.ludus.compiler.resolve.Binding;
import dev.ludus.compiler.resolve.Resolution;
import dev.ludus.compiler.syntax.Ast.*;
import java.util.List;

/**
 * Which fns get a second entry for n arguments that takes them as unboxed doubles: every clause
 * for n arguments has only names, `_`, `x as :number` or number literals as its parameters
 * (patterns that test a double directly), the body can be emitted twice (IntLoops.simple: no fn
 * definitions in it), fd captures nothing and is not so large that the Splitter watches it.
 * A lambda gets one only when it is the function of a pipeline stage the emitter may fuse
 * (Pipelines), or the one-argument function of an {@code each!} over a range counted out
 * (RangeFolds), which call it there with the number; no other call knows a lambda. The latter
 * may capture names: its loop passes the closure along, as to its usual entry.
 * Known calls whose arguments are numeric call it without boxing; inside, its parameters are
 * numbers, and self calls pass doubles along.
 */
final class NumericEntries {
    private final Resolution res;
    private final AstWalk walk;
    private final java.util.Set<FnDef> stageLambdas;
    private final java.util.Set<FnDef> eachLambdas;

    /**
     * stageLambdas: the lambdas that may run as a fused pipeline stage (Pipelines.stageLambdas);
     * eachLambdas: those of each! over a range (RangeFolds.appliesEach). The only lambdas that get an entry.
     */
    NumericEntries(Resolution res, AstWalk walk, java.util.Set<FnDef> stageLambdas, java.util.Set<FnDef> eachLambdas) {
        this.res = res;
        this.walk = walk;
        this.stageLambdas = stageLambdas;
        this.eachLambdas = eachLambdas;
    }

    /** Bit n set when fd has a numeric entry for n arguments. */
    int mask(FnDef fd) {
        int bits = 0;
        for (int k = 1; k <= Clauses.MAX_DIRECT; k++) if (entry(fd, k)) bits |= 1 << k;
        return bits;
    }

    private boolean entry(FnDef fd, int n) {
        boolean each = n == 1 && eachLambdas.contains(fd) && !stageLambdas.contains(fd);
        if (n < 1 || n > Clauses.MAX_DIRECT || (fd.isLambda() && !stageLambdas.contains(fd) && !each)) return false;
        if (!each && !res.captures.getOrDefault(fd, List.of()).isEmpty()) return false;
        // a large fn gets one entry per arity: the Splitter may move its code (not an unboxed result)
        if (walk.weight(fd) > Analysis.SPLIT_WEIGHT) return false;
        boolean any = false;
        for (Clause c : fd.clauses()) {
            PTuple p = (PTuple) c.pattern();
            if (Clauses.hasSplat(p)) {
                if (Clauses.fixedCount(p) <= n) return false;
                continue;
            }
            if (p.items().size() != n) continue;
            for (Pattern item : p.items()) {
                if (!LoopTypes.numericPattern(item)) return false;
                Binding b = res.declared.get(item);
                if (b != null && b.cell) return false;
            }
            if (!IntLoops.simple(c)) return false;
            any = true;
        }
        return any;
    }
}
