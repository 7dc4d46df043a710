package dev.ludus.compiler.analyse;

import dev.ludus.compiler.resolve.Binding;
import dev.ludus.compiler.resolve.NameUse;
import dev.ludus.compiler.resolve.Resolution;
import dev.ludus.compiler.syntax.Ast.*;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Which parameters of a self-recursive fn's entry can live unboxed while it loops through its
 * own tail calls, when not all of them can (NumericEntries covers fns whose parameters are all
 * numbers): {@code fn safe? (q, d, [c, ...cs]) -> ... safe? (q, inc (d), cs)}. A position is
 * numeric when every clause for n arguments has a name, `_`, `x as :number` or a number literal
 * there (tests on the double itself), some tail self call passes a new value there (a
 * parameter only passed on as it came would be boxed again by its uses, for nothing), and every
 * tail self call passes a numeric expression there, assuming the numeric positions' names are numbers (a fixed point from all candidates
 * down, as LoopTypes does for loops). The emitter then runs the clauses twice over: a typed copy,
 * entered when the arguments at those positions are numbers, that self calls jump back into
 * with doubles; and the usual copy for any other arguments. So the clauses must be simple enough
 * to emit twice (IntLoops.simple) and the fn not so large that the Splitter watches it.
 */
final class SelfLoopTypes {
    private final Analysis an;
    private final Resolution res;

    SelfLoopTypes(Analysis an, Resolution res) {
        this.an = an;
        this.res = res;
    }

    /** The numeric positions of fd's entry for n arguments, or null when none (or no typed copy). */
    boolean[] positions(FnDef fd, int n) {
        if (n < 1 || n > Clauses.MAX_DIRECT || an.numericEntry(fd, n) || Analysis.large(an.weight(fd)) || an.vecPlan(fd) != null) return null;
        Binding self = res.declared.get(fd);
        if (self == null || self.cell) return null;
        List<Clause> applicable = Clauses.applicable(fd.clauses(), n);
        if (applicable.isEmpty()) return null;
        for (Clause c : applicable) {
            if (Clauses.hasSplat((PTuple) c.pattern()) || !IntLoops.simple(c)) return null;
        }
        boolean[] pos = new boolean[n];
        boolean any = false;
        for (int j = 0; j < n; j++) {
            boolean ok = true, named = false;
            for (Clause c : applicable) {
                Pattern p = ((PTuple) c.pattern()).items().get(j);
                Binding b = res.declared.get(p);
                if (!LoopTypes.numericPattern(p) || (b != null && b.cell)) ok = false;
                named |= b != null;
            }
            pos[j] = ok && named;
            any |= pos[j];
        }
        if (!any) return null;
        List<Synthetic> calls = new ArrayList<>();
        for (Clause c : applicable) ListCursors.tailCalls(c.body(), calls);
        for (java.util.Iterator<Synthetic> it = calls.iterator(); it.hasNext(); ) { // no lambda: see LudusCompiler.PARSER
            Synthetic s = it.next();
            NameUse u = res.uses.get((Word) s.root());
            if (u == null || u.binding() != self || Numbers.args(s).size() != n) it.remove();
        }
        if (calls.isEmpty()) return null;
        // a position every self call passes on unchanged gains nothing unboxed when its uses would
        // box it again; it does when it is used only as an operand of arithmetic and comparisons
        // (`fn safe? (q, d, [c, ...cs])`: `sub (q, c)`, `eq? (q, c)`)
        for (int j = 0; j < n; j++) {
            if (!pos[j]) continue;
            boolean counts = false;
            for (Synthetic s : calls) counts |= !passedOn(Numbers.args(s).get(j), applicable, j);
            pos[j] = counts || operandOnly(applicable, j, n, calls);
        }
        boolean changed = true;
        while (changed && any) {
            changed = false;
            Scope scope = Scope.typedEntry(an, fd, bindings(applicable, pos));
            for (Synthetic s : calls) {
                List<Expr> args = Numbers.args(s);
                for (int j = 0; j < n; j++) {
                    if (pos[j] && !an.numeric(args.get(j), scope)) {
                        pos[j] = false;
                        changed = true;
                    }
                }
            }
            any = false;
            for (boolean p : pos) any |= p;
        }
        return any ? pos : null;
    }

    /** Prelude functions that take a number unboxed as any of their arguments (NumGen, MixedArith). */
    private static final Set<String> OPERAND_USES = Set.of("add", "sub", "div", "mod", "inc", "dec", "neg", "abs",
            "floor", "ceil", "round", "sqrt", "lt?", "lte?", "gt?", "gte?", "eq?", "zero?", "pos?", "neg?");

    /**
     * Whether the names the clauses bind at position j are used, and used only, as arguments of
     * OPERAND_USES calls or passed on at position j of the self calls.
     */
    private boolean operandOnly(List<Clause> applicable, int j, int n, List<Synthetic> calls) {
        boolean[] only = new boolean[n];
        only[j] = true;
        Set<Binding> names = bindings(applicable, only);
        Set<Synthetic> self = Collections.newSetFromMap(new IdentityHashMap<>());
        self.addAll(calls);
        boolean[] used = new boolean[1];
        for (Clause c : applicable) {
            if (c.guard() != null && !operandOnly(c.guard(), names, j, self, used)) return false;
            if (!operandOnly(c.body(), names, j, self, used)) return false;
        }
        return used[0];
    }

    private boolean operandOnly(Node e, Set<Binding> names, int j, Set<Synthetic> self, boolean[] used) {
        if (e instanceof Word w) return !isOneOf(w, names);
        if (e instanceof Synthetic s && (self.contains(s) || operandCall(s))) {
            List<Expr> args = Numbers.args(s);
            for (int i = 0; i < args.size(); i++) {
                Expr a = args.get(i);
                if (a instanceof Word w && isOneOf(w, names) && (!self.contains(s) || i == j)) {
                    used[0] |= !self.contains(s);
                    continue;
                }
                if (!operandOnly(a, names, j, self, used)) return false;
            }
            return true;
        }
        boolean[] ok = {true};
        AstWalk.children(e, new java.util.function.Consumer<Node>() { // a class, not a lambda: see LudusCompiler.PARSER
            @Override public void accept(Node child) {
                if (ok[0] && !operandOnly(child, names, j, self, used)) ok[0] = false;
            }
        });
        return ok[0];
    }

    private boolean operandCall(Synthetic s) {
        Binding b = Numbers.preludeCallee(res, s);
        return b != null && OPERAND_USES.contains(b.name);
    }

    private boolean isOneOf(Word w, Set<Binding> names) {
        NameUse u = res.uses.get(w);
        return u != null && names.contains(u.binding());
    }

    /** Whether arg is the name a clause binds at position j itself (the value passed on as it came). */
    private boolean passedOn(Expr arg, List<Clause> applicable, int j) {
        if (!(arg instanceof Word w) || res.uses.get(w) == null) return false;
        Binding b = res.uses.get(w).binding();
        for (Clause c : applicable) if (res.declared.get(((PTuple) c.pattern()).items().get(j)) == b) return true;
        return false;
    }

    /** The names the clauses bind at the numeric positions. */
    Set<Binding> bindings(List<Clause> applicable, boolean[] pos) {
        Set<Binding> out = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Clause c : applicable) {
            List<Pattern> items = ((PTuple) c.pattern()).items();
            for (int j = 0; j < pos.length; j++) {
                Binding b = pos[j] ? res.declared.get(items.get(j)) : null;
                if (b != null) out.add(b);
            }
        }
        return out;
    }
}
