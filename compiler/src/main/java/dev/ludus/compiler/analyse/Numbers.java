package dev.ludus.compiler.analyse;

import dev.ludus.compiler.resolve.Binding;
import dev.ludus.compiler.resolve.NameUse;
import dev.ludus.compiler.resolve.Resolution;
import dev.ludus.compiler.syntax.Ast.*;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * Numeric expressions: those that certainly yield a number (or panic): number literals, locals
 * held unboxed, names bound by {@code x as :number}, prelude arithmetic on numeric operands, and
 * calls of fns whose numeric entry returns a double (NumReturns). The emitter compiles them to
 * double arithmetic and boxes only where a value leaves the numeric world.
 */
final class Numbers {
    /** Arithmetic trees larger than this are not unboxed, so that the Splitter can move their parts. */
    static final int MAX_WEIGHT = 256;

    /*
     * The predicates the analyses pass to numeric(): classes, not lambdas or method references
     * (each of those costs a fresh JVM ~0.3 ms on Java 17 when first run: see LudusCompiler.PARSER).
     */

    /** Members of {@code s} (read when asked: s may grow). */
    static Predicate<Binding> in(java.util.Set<Binding> s) {
        return new Predicate<>() {
            @Override
            public boolean test(Binding b) {
                return s.contains(b);
            }
        };
    }

    /** The locals env keeps unboxed. */
    static Predicate<Binding> doubles(NumEnv env) {
        return new Predicate<>() {
            @Override
            public boolean test(Binding b) {
                return env.isDouble(b);
            }
        };
    }

    /** Members of {@code s}, or locals env keeps unboxed ({@code longs}: as exact longs). */
    static Predicate<Binding> inOr(java.util.Set<Binding> s, NumEnv env, boolean longs) {
        return new Predicate<>() {
            @Override
            public boolean test(Binding b) {
                return s.contains(b) || (longs ? env.isLong(b) : env.isDouble(b));
            }
        };
    }

    private final Resolution res;
    private final Map<Binding, FnDef> knownFns;
    private final AstWalk walk;
    /**
     * Whether a fn's numeric entry for n arguments returns a double: NumReturns's answer, set once
     * it exists (it asks this class in turn, about the calls in the fn's body).
     */
    BiPredicate<FnDef, Integer> returns;

    Numbers(Resolution res, Map<Binding, FnDef> knownFns, AstWalk walk) {
        this.res = res;
        this.knownFns = knownFns;
        this.walk = walk;
    }

    Map<Binding, FnDef> knownFns() {
        return knownFns;
    }

    /** What a plain call {@code name (args)} (no placeholder) names: its binding's use, else null. */
    NameUse plainCallee(Synthetic s) {
        return plainCallee(res, s);
    }

    static NameUse plainCallee(Resolution res, Synthetic s) {
        if (!(s.root() instanceof Word w) || s.terms().size() != 1 || !(s.terms().get(0) instanceof Args a)) return null;
        for (Expr e : a.args()) if (e instanceof Placeholder) return null;
        return res.uses.get(w);
    }

    /** The prelude function a call names, if the callee is a prelude binding: else null. */
    Binding preludeCallee(Synthetic s) {
        return preludeCallee(res, s);
    }

    static Binding preludeCallee(Resolution res, Synthetic s) {
        NameUse u = plainCallee(res, s);
        return u != null && u.binding().kind == Binding.Kind.PRELUDE ? u.binding() : null;
    }

    /** The module-level fn a call names, if its numeric entry for this many arguments returns a double. */
    FnDef numericCallee(Synthetic s) {
        NameUse u = plainCallee(s);
        FnDef known = u == null ? null : knownFns.get(u.binding());
        return known != null && returns.test(known, args(s).size()) ? known : null;
    }

    static List<Expr> args(Synthetic s) {
        return ((Args) s.terms().get(0)).args();
    }

    boolean numeric(Expr e, Predicate<Binding> isDouble) {
        if (e instanceof Num) return true;
        if (e instanceof Word w) {
            NameUse u = res.uses.get(w);
            return u != null && !u.check() && (isDouble.test(u.binding()) || typedNumber(u.binding()));
        }
        if (!(e instanceof Synthetic s)) return false;
        // a very large arithmetic tree is boxed, so the Splitter can move its parts (issue 12)
        if (walk.weight(s) > MAX_WEIGHT) return false;
        Binding b = preludeCallee(s);
        List<Expr> args;
        if (b == null) {
            if (numericCallee(s) == null) return false;
            for (Expr a : args(s)) if (!numeric(a, isDouble)) return false;
            return true; // a call of a numeric entry that returns a double
        }
        args = args(s);
        switch (b.name) {
            case "mult":
                return args.size() == 2 && numeric(args.get(0), isDouble) && numeric(args.get(1), isDouble);
            case "add": case "sub": case "div": case "mod":
                // one number is enough: with anything but a number the call panics (vectors need
                // two tuples; mult is left out: a number scales a vector), see MixedArith
                return args.size() == 2 && (numeric(args.get(0), isDouble) || numeric(args.get(1), isDouble));
            case "inc": case "dec": case "neg": case "floor": case "ceil": case "round": case "sqrt": case "abs":
                return args.size() == 1 && numeric(args.get(0), isDouble);
            case "count":
                return args.size() == 1; // a number or a panic, whatever the argument
            default:
                return false;
        }
    }

    /**
     * Whether e certainly yields something other than a number (or panics): a literal of another
     * kind, a fn, a block ending in such, or an {@code if} whose branches both are such.
     */
    static boolean nonNumeric(Expr e) {
        if (e instanceof If i) return nonNumeric(i.then()) && (i.otherwise() == null || nonNumeric(i.otherwise()));
        if (e instanceof Block b) return !b.body().isEmpty() && nonNumeric(b.body().get(b.body().size() - 1));
        return e instanceof Nil || e instanceof Bool || e instanceof Str || e instanceof InterpStr || e instanceof Kw
                || e instanceof TupleLit || e instanceof ListLit || e instanceof SetLit || e instanceof DictLit
                || e instanceof FnDef;
    }

    /** A name bound by an {@code x as :number} pattern holds a number (boxed). */
    static boolean typedNumber(Binding b) {
        return b.site instanceof PTyped t && t.type().equals("number") && !b.cell;
    }
}
