package dev.ludus.compiler.analyse;

import dev.ludus.compiler.resolve.Binding;
import dev.ludus.compiler.resolve.NameUse;
import dev.ludus.compiler.resolve.Resolution;
import dev.ludus.compiler.syntax.Ast.*;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Which map/filter/fold chains run as one loop over numbers: {@code do src > map (f, _) >
 * filter (p, _) > fold (g, _, init) > ...} and the same as nested calls, {@code fold (g,
 * filter (p, map (f, src)), init)}, where the source is {@code range (...)} or a list, and every
 * element the stages see is a number. The emitter runs such a group of stages as one loop on
 * unboxed doubles (no list between stages, no boxes), and any later do stages as usual.
 *
 * <p>Fusing changes the order in which the stage functions run (element by element instead of
 * stage by stage). A group is fused only where that cannot be seen: every stage function is pure
 * (Purity: so only a panic or a never-ending call could tell), and every stage after the first
 * is total on numbers, so the first stage's panics are the only ones, on the same element as
 * unfused. When the source is a list that holds something other than a number, the emitted code
 * drops what the loop did and runs the stages unfused on the whole list: the same result and
 * panics (the stages are pure, and the first stage met the elements in the same order).
 *
 * <p>Where no such group over numbers exists, an <em>object plan</em> fuses the same shapes of
 * stages over any values ({@code do range (n) > map (make, _) > map (credit, _)}, {@code fold
 * (fn (acc, a) -> ..., accts, 0)}): one loop, no list between stages, each stage a direct call
 * of a named fn or lambda. Every stage function is pure, and every one after the first always
 * ends (Purity.terminates): the emitted loop catches a later stage's panic, drops what it did and
 * runs the stages unfused from the start, so the panic reported is the unfused one (a first
 * stage's panic is that already), and no stage can loop forever where the unfused order would
 * have reached an earlier stage's panic first. A
 * stage's function is a lambda or a name, and a fold's initial value a literal or a name: none
 * has an effect, so evaluating them before the loop runs cannot be seen either.
 */
final class Pipelines {
    /** Prelude functions a fused map applies to a number (compiled to double arithmetic). */
    static final Set<String> MAP_PRELUDE = Set.of("inc", "dec", "neg", "floor", "ceil", "round");
    /** Prelude tests a fused filter applies to a number. */
    static final Set<String> FILTER_PRELUDE = Set.of("even?", "odd?", "zero?", "pos?", "neg?");
    /** Prelude functions a fused fold combines numbers with. */
    static final Set<String> FOLD_PRELUDE = Set.of("add", "sub", "mult");

    private final Resolution res;
    private final Purity purity;
    private final BiPredicate<FnDef, Integer> numericEntry;
    private final BiPredicate<FnDef, Integer> returnsNumber;

    Pipelines(Resolution res, Purity purity, BiPredicate<FnDef, Integer> numericEntry,
              BiPredicate<FnDef, Integer> returnsNumber) {
        this.res = res;
        this.purity = purity;
        this.numericEntry = numericEntry;
        this.returnsNumber = returnsNumber;
    }

    /**
     * The lambdas that could run as a fused stage: a fn literal as the function of a map, filter
     * or fold call or do stage. NumericEntries gives them an entry on doubles (other lambdas get
     * none: no known call ever reaches them).
     */
    static Set<FnDef> stageLambdas(Resolution res, List<Node> chains) {
        Set<FnDef> out = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Node n : chains) {
            List<Expr> calls = n instanceof Do d ? d.stages().subList(1, d.stages().size()) : List.of((Synthetic) n);
            for (Expr e : calls) {
                if (kind(res, e) != null && Numbers.args((Synthetic) e).get(0) instanceof FnDef fd) out.add(fd);
            }
        }
        return out;
    }

    /** The most stages one fused group takes (each may add arguments to its loop method). */
    static final int MAX_STAGES = 32;

    /** The fused plan of d: its group over numbers, else its object plan, else null. */
    Analysis.Pipeline plan(Do d) {
        Analysis.Pipeline p = numberPlan(d);
        return p != null ? p : objectPlan(d);
    }

    /** The fused plan of a nested call chain: its group over numbers, else its object plan, else null. */
    Analysis.Pipeline plan(Synthetic outer) {
        Analysis.Pipeline p = numberPlan(outer);
        return p != null ? p : objectPlan(outer);
    }

    /** The fused plan of d over numbers (its first stages after the source), or null when its first stage cannot be fused. */
    private Analysis.Pipeline numberPlan(Do d) {
        List<Expr> stages = d.stages();
        List<Analysis.Stage> out = new ArrayList<>();
        for (int i = 1; i < stages.size(); i++) {
            if (kind(res, stages.get(i)) == null || !(Numbers.args((Synthetic) stages.get(i)).get(1) instanceof Placeholder)) break;
            Analysis.Stage s = stage((Synthetic) stages.get(i), i == 1);
            if (s == null) break;
            out.add(s);
            if (s.kind() == Analysis.Stage.Kind.FOLD) break; // a fold yields a number, not a list
        }
        if (out.isEmpty()) return null;
        return new Analysis.Pipeline(d, true, stages.get(0), rangeArgs(stages.get(0)), List.copyOf(out));
    }

    /**
     * The fused plan of a call {@code map (f, xs)}, {@code filter (f, xs)} or {@code fold (f, xs,
     * init)} whose list argument may itself be such a call: the longest chain of calls ending with
     * this one that can be fused, or null. (An inner call left out gets a plan of its own.)
     */
    private Analysis.Pipeline numberPlan(Synthetic outer) {
        List<Synthetic> chain = new ArrayList<>(); // innermost first
        Expr e = outer;
        while (kind(res, e) != null && !(Numbers.args((Synthetic) e).get(1) instanceof Placeholder)) {
            chain.add(0, (Synthetic) e);
            e = Numbers.args((Synthetic) e).get(1);
        }
        if (chain.isEmpty()) return null;
        for (int j = 0; j < chain.size(); j++) {
            List<Analysis.Stage> out = new ArrayList<>();
            for (int i = j; i < chain.size(); i++) {
                Analysis.Stage s = stage(chain.get(i), i == j);
                // a fold yields a number: only the last call of the chain may be one
                if (s == null || (s.kind() == Analysis.Stage.Kind.FOLD && i < chain.size() - 1)) break;
                out.add(s);
            }
            if (out.size() == chain.size() - j) {
                Expr src = Numbers.args(chain.get(j)).get(1);
                return new Analysis.Pipeline(outer, false, src, rangeArgs(src), List.copyOf(out));
            }
        }
        return null;
    }

    /** The object plan of d (its first stages after the source, see the class comment), or null. */
    private Analysis.Pipeline objectPlan(Do d) {
        List<Expr> stages = d.stages();
        List<Analysis.Stage> out = new ArrayList<>();
        for (int i = 1; i < stages.size() && out.size() < MAX_STAGES; i++) {
            if (kind(res, stages.get(i)) == null || !(Numbers.args((Synthetic) stages.get(i)).get(1) instanceof Placeholder)) break;
            Analysis.Stage s = objectStage((Synthetic) stages.get(i), i == 1);
            if (s == null) break;
            out.add(s);
            if (s.kind() == Analysis.Stage.Kind.FOLD) break;
        }
        if (out.isEmpty()) return null;
        return new Analysis.Pipeline(d, true, stages.get(0), rangeArgs(stages.get(0)), List.copyOf(out), true);
    }

    /** The object plan of a nested call chain: the longest chain ending with outer whose calls all fuse, or null. */
    private Analysis.Pipeline objectPlan(Synthetic outer) {
        List<Synthetic> chain = new ArrayList<>(); // innermost first
        Expr e = outer;
        while (kind(res, e) != null && !(Numbers.args((Synthetic) e).get(1) instanceof Placeholder)) {
            chain.add(0, (Synthetic) e);
            e = Numbers.args((Synthetic) e).get(1);
        }
        for (int j = Math.max(0, chain.size() - MAX_STAGES); j < chain.size(); j++) {
            List<Analysis.Stage> out = new ArrayList<>();
            for (int i = j; i < chain.size(); i++) {
                Analysis.Stage s = objectStage(chain.get(i), i == j);
                if (s == null || (s.kind() == Analysis.Stage.Kind.FOLD && i < chain.size() - 1)) break;
                out.add(s);
            }
            if (out.size() == chain.size() - j) {
                Expr src = Numbers.args(chain.get(j)).get(1);
                return new Analysis.Pipeline(outer, false, src, rangeArgs(src), List.copyOf(out), true);
            }
        }
        return null;
    }

    /**
     * The stage s of an object plan, else null: its function pure and, after the first stage,
     * certain to end; a lambda or a name (no effect, no unbound-name check to evaluate it); a
     * fold's initial value a literal or such a name.
     */
    private Analysis.Stage objectStage(Synthetic s, boolean first) {
        Analysis.Stage.Kind kind = kind(res, s);
        List<Expr> args = Numbers.args(s);
        Expr fn = args.get(0);
        if (!(fn instanceof FnDef fd && fd.isLambda()) && !plainName(fn)) return null;
        if (!purity.pureCallee(fn) || (!first && !purity.terminates(fn))) return null;
        Expr init = kind == Analysis.Stage.Kind.FOLD ? args.get(2) : null;
        if (init != null && !(init instanceof Num || init instanceof Str || init instanceof Kw || init instanceof Bool
                || init instanceof Nil || plainName(init))) return null;
        return new Analysis.Stage(kind, s, fn, init);
    }

    /** A name read with no check that it is bound yet. */
    private boolean plainName(Expr e) {
        if (!(e instanceof Word w)) return false;
        NameUse u = res.uses.get(w);
        return u != null && !u.check();
    }

    /** The stage s (a map, filter or fold with a placeholder for the list) as a fused stage, else null. */
    private Analysis.Stage stage(Synthetic s, boolean first) {
        Analysis.Stage.Kind kind = kind(res, s);
        List<Expr> args = Numbers.args(s);
        Expr fn = args.get(0);
        if (!purity.pureCallee(fn)) return null;
        int n = kind == Analysis.Stage.Kind.FOLD ? 2 : 1;
        boolean numberOut = kind != Analysis.Stage.Kind.FILTER;
        // after the first stage, a stage must never panic on numbers (see the class comment)
        if (!first && !purity.totalOnNumbers(fn, n, numberOut)) return null;
        if (fn instanceof Word w) {
            String name = res.uses.get(w).binding().name;
            Set<String> ok = switch (kind) {
                case MAP -> MAP_PRELUDE;
                case FILTER -> FILTER_PRELUDE;
                case FOLD -> FOLD_PRELUDE;
            };
            if (res.uses.get(w).binding().kind != Binding.Kind.PRELUDE || !ok.contains(name)) return null;
        } else if (fn instanceof FnDef fd) {
            if (!numericEntry.test(fd, n) || (numberOut && !returnsNumber.test(fd, n))) return null;
        } else {
            return null;
        }
        Expr init = kind == Analysis.Stage.Kind.FOLD ? args.get(2) : null;
        if (init != null && !(init instanceof Num)) return null;
        return new Analysis.Stage(kind, s, fn, init);
    }

    /** map (f, xs), filter (f, xs) or fold (f, xs, init) of the prelude's (xs may be `_`): its kind, else null. */
    static Analysis.Stage.Kind kind(Resolution res, Expr e) {
        if (!(e instanceof Synthetic s) || !(s.root() instanceof Word w) || s.terms().size() != 1
                || !(s.terms().get(0) instanceof Args a)) return null;
        NameUse u = res.uses.get(w);
        if (u == null || u.binding().kind != Binding.Kind.PRELUDE) return null;
        List<Expr> args = a.args();
        for (int i = 0; i < args.size(); i++) if (i != 1 && (args.get(i) instanceof Placeholder || args.get(i) instanceof Splat)) return null;
        if (args.size() < 2 || args.get(1) instanceof Splat) return null;
        return switch (u.binding().name) {
            case "map" -> args.size() == 2 ? Analysis.Stage.Kind.MAP : null;
            case "filter" -> args.size() == 2 ? Analysis.Stage.Kind.FILTER : null;
            case "fold" -> args.size() == 3 ? Analysis.Stage.Kind.FOLD : null;
            default -> null;
        };
    }

    /** The arguments of a source {@code range (end)} or {@code range (start, end)}, else null (a list). */
    private List<Expr> rangeArgs(Expr src) {
        return rangeArgs(res, src);
    }

    /** As above, for a given resolution. */
    static List<Expr> rangeArgs(Resolution res, Expr src) {
        if (!(src instanceof Synthetic s) || !(s.root() instanceof Word w) || s.terms().size() != 1
                || !(s.terms().get(0) instanceof Args a)) return null;
        NameUse u = res.uses.get(w);
        if (u == null || u.binding().kind != Binding.Kind.PRELUDE || !u.binding().name.equals("range")) return null;
        List<Expr> args = a.args();
        if (args.isEmpty() || args.size() > 2) return null;
        for (Expr e : args) if (e instanceof Placeholder || e instanceof Splat) return null;
        return args;
    }
}
