package dev.ludus.compiler.analyse;

import dev.ludus.compiler.resolve.Binding;
import dev.ludus.compiler.resolve.NameUse;
import dev.ludus.compiler.resolve.Resolution;
import dev.ludus.compiler.syntax.Ast.*;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which numeric entries (NumericEntries) also return an unboxed double: those where every
 * clause body ends, on every path, in a numeric expression (NumGen), a panic, or a self tail
 * call with numeric arguments (a jump). A call of such an entry is itself numeric, so
 * {@code add (fib (sub (n, 1)), fib (sub (n, 2)))} boxes nothing.
 *
 * <p>A fn's own calls for the same argument count are assumed numeric while it is analysed (a
 * greatest fixed point; the emitted entry then returns doubles by construction). Other fns still
 * being analysed count as not numeric, so mutual recursion only ever loses the fast path. A
 * tail call to another fn never counts: it must stay a bounded tail call (spec §7). The analysis
 * asks this of every fn in source order, so the answers no longer depend on what the emitter
 * happens to need first.
 */
final class NumReturns {
    private final Resolution res;
    private final Numbers numbers;
    private final Map<Binding, FnDef> knownFns;
    private final Map<FnDef, Integer> entries;
    /** Per fn: bit n set when its numeric entry for n arguments returns a double. */
    private final Map<FnDef, Integer> decided = new IdentityHashMap<>();
    private final Map<FnDef, Integer> analysing = new IdentityHashMap<>();

    /** {@code entries}: per fn, bit n set when it has a numeric entry for n arguments. */
    NumReturns(Resolution res, Numbers nums, Map<Binding, FnDef> knownFns, Map<FnDef, Integer> entries) {
        this.res = res;
        this.numbers = nums;
        this.knownFns = knownFns;
        this.entries = entries;
    }

    /** Per fn decided so far: bit n set when its numeric entry for n arguments returns a double. */
    Map<FnDef, Integer> decided() {
        return decided;
    }

    private boolean frozen;

    /** After the analysis: every fn is decided, and nothing is added. */
    void freeze() {
        frozen = true;
    }

    boolean returnsNumber(FnDef fd, int n) {
        Integer assumed = analysing.get(fd);
        if (assumed != null) return assumed == n;
        Integer mask = decided.get(fd);
        if (mask == null) {
            if (frozen) throw new IllegalStateException("fn not analysed at " + fd.span());
            mask = 0;
            for (int k = 1; k <= Clauses.MAX_DIRECT; k++) if (analyse(fd, k)) mask |= 1 << k;
            decided.put(fd, mask);
        }
        return (mask & (1 << n)) != 0;
    }

    private boolean analyse(FnDef fd, int n) {
        if ((entries.getOrDefault(fd, 0) & (1 << n)) == 0) return false;
        analysing.put(fd, n);
        try {
            for (Clause c : fd.clauses()) {
                PTuple p = (PTuple) c.pattern();
                if (p.items().size() != n) continue; // numeric entries have no splat clauses for n
                Set<Binding> nums = new HashSet<>();
                for (Pattern item : p.items()) {
                    Binding b = res.declared.get(item);
                    if (b != null) nums.add(b);
                }
                if (!tail(c.body(), nums, fd, n)) return false;
            }
            return true;
        } finally {
            analysing.remove(fd);
        }
    }

    /** Whether every path through e, in tail position of fd's entry for n, yields a double. */
    private boolean tail(Expr e, Set<Binding> nums, FnDef fd, int n) {
        if (e instanceof Block b) {
            Set<Binding> scope = new HashSet<>(nums);
            List<Expr> body = b.body();
            for (int i = 0; i < body.size() - 1; i++) {
                if (body.get(i) instanceof Let l && l.pattern() instanceof PBind pb
                        && numbers.numeric(l.value(), Numbers.in(scope))) {
                    Binding lb = res.declared.get(pb);
                    // the same test as Analysis.numericLocal, so the emitted let is a double too
                    if (lb != null && lb.kind == Binding.Kind.LOCAL && !lb.cell && lb.frame == fd) scope.add(lb);
                }
            }
            return tail(body.get(body.size() - 1), scope, fd, n);
        }
        if (e instanceof If i) return tail(i.then(), nums, fd, n) && tail(i.otherwise(), nums, fd, n);
        if (e instanceof When w) {
            for (WhenClause c : w.clauses()) if (!tail(c.body(), nums, fd, n)) return false;
            return true;
        }
        if (e instanceof PanicForm) return true;
        if (e instanceof Synthetic s && selfCall(s, fd, n)) {
            for (Expr a : Numbers.args(s)) if (!numbers.numeric(a, Numbers.in(nums))) return false;
            return true;
        }
        if (e instanceof Synthetic s && numbers.numericCallee(s) != null) return false; // a tail call
        return numbers.numeric(e, Numbers.in(nums));
    }

    /** A call of fd itself with n arguments, by its own name. */
    boolean selfCall(Synthetic s, FnDef fd, int n) {
        NameUse u = numbers.plainCallee(s);
        return u != null && Numbers.args(s).size() == n && knownFns.get(u.binding()) == fd;
    }
}
