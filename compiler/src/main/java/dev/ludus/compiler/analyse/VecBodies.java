package dev.ludus.compiler.analyse;

import dev.ludus.compiler.resolve.Binding;
import dev.ludus.compiler.resolve.NameUse;
import dev.ludus.compiler.resolve.Resolution;
import dev.ludus.compiler.syntax.Ast.*;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.function.Function;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Vector bodies: a fn of one clause whose parameters are names and tuples of names, and whose
 * body is lets of prelude arithmetic ({@code add}, {@code sub}, {@code mult}, {@code dist}, …) on
 * numbers and 2-vectors, ending in such arithmetic or a tuple of it. For it the emitter writes a
 * fast path in front of the usual clause: when each name used in arithmetic holds what the plan
 * says (a number, or a pair of numbers), the body runs on unboxed doubles (a vector is two) and
 * only the result is built. Otherwise the usual code runs, so behaviour never changes: on numbers
 * and pairs of numbers these operations are exact double arithmetic that cannot panic.
 *
 * <p>When every parameter is a name or a tuple of names that the body reads, the fn also gets a
 * flat entry taking the numbers of its arguments as doubles and writing those of its result into
 * an array: what a vector loop (VecLoops) calls instead of the fn, so nothing is boxed.
 *
 * <p>Which names are vectors is not written anywhere: every assignment of number/vector to the
 * parameter names is tried (numbers first) and the first under which the body type-checks is
 * kept (e.g. {@code dist (sub (p, q))} makes p and q vectors).
 */
public final class VecBodies {
    /** The largest tuple a vector body flattens (its fields read and made directly: Tuple.T0..T5 when this was set). */
    static final int MAX_TUPLE = 5;

    /** Parameter names tried at most (2^n assignments). */
    static final int MAX_NAMES = 8;
    /** Bodies weighing more than this are left alone (the fast path copies them). */
    static final int MAX_WEIGHT = 200;
    /** A flat entry takes at most this many numbers (JVM descriptors count doubles twice). */
    static final int MAX_WIDTH = 24;

    /**
     * The fast path of fn's single clause: the shape of each parameter name the body reads and of
     * each let (other names are absent: not checked); for a flat entry, the shapes of the
     * parameters (null when the fn has none) and of the result.
     */
    public record Plan(Clause clause, Map<Binding, Shape> types, List<Shape> params, Shape result, Resolution res,
                       Function<NameUse, Plan> callees) {
        /** The shape of an arithmetic expression of the body. */
        public Shape type(Expr e) {
            return typeOf(e, types, res, callees);
        }

        /** The widest result of a call of a flat entry in the body (0: none): the size of the array they write to. */
        public int callWidth() {
            return VecBodies.callWidth(clause.body(), types, res, callees);
        }

        /** The lets of the body, in order (the last expression excluded). */
        public List<Let> lets() {
            return VecBodies.lets(clause.body());
        }

        /** The expression the body ends with. */
        public Expr resultExpr() {
            return VecBodies.result(clause.body());
        }

        public Binding binding(Node declaring) {
            return res.declared.get(declaring);
        }

        public boolean flat() {
            return params != null;
        }
    }

    private VecBodies() {}

    /**
     * The plan for fd, or null when it has no fast path. flatCallee: the plans of fns already
     * planned, whose flat entries the body may call (a helper defined before its caller).
     */
    static Plan plan(FnDef fd, Resolution res, AstWalk walk, Function<NameUse, Plan> flatCallee) {
        if (fd.clauses().size() != 1) return null;
        Clause c = fd.clauses().get(0);
        PTuple pattern = (PTuple) c.pattern();
        if (c.guard() != null || walk.weight(c.body()) > MAX_WEIGHT || pattern.items().size() > Clauses.MAX_DIRECT) return null;
        List<Binding> params = new ArrayList<>();
        if (!params(pattern, res, params, true)) return null;
        // the lets: plain names, bound once here
        List<Let> lets = lets(c.body());
        if (lets == null) return null;
        for (Let l : lets) {
            if (!(l.pattern() instanceof PBind pb)) return null;
            Binding b = res.declared.get(pb);
            if (b == null || b.cell || b.kind != Binding.Kind.LOCAL) return null;
        }
        // the parameter names the body reads (the others pass unchecked)
        Set<Binding> used = new LinkedHashSet<>();
        for (Node n : AstWalk.nodes(c.body())) { // loops, not lambdas and streams: see LudusCompiler.PARSER
            if (n instanceof Word w) {
                NameUse u = res.uses.get(w);
                if (u != null && params.contains(u.binding())) used.add(u.binding());
            }
        }
        List<Binding> names = new ArrayList<>(used);
        if (names.size() > MAX_NAMES) return null;
        Expr result = result(c.body());
        for (int mask = 0; mask < 1 << names.size(); mask++) {
            Map<Binding, Shape> types = new HashMap<>();
            for (int i = 0; i < names.size(); i++) types.put(names.get(i), (mask & (1 << i)) != 0 ? Shape.VEC : Shape.NUM);
            if (!letsCheck(lets, types, res, flatCallee)) continue;
            Shape out = typeOf(result, types, res, flatCallee);
            if (out == null) continue;
            // fns of numbers alone are unboxed already (NumericEntries): this is for tuples
            boolean tuples = !out.isNum();
            for (Shape t : types.values()) tuples |= !t.isNum();
            for (Pattern p : pattern.items()) tuples |= p instanceof PTuple;
            if (!tuples) return null;
            List<Shape> shapes = new ArrayList<>();
            for (Pattern p : pattern.items()) shapes.add(shape(p, types, res));
            boolean flat = !shapes.contains(null) && width(shapes) <= MAX_WIDTH && out.width() <= MAX_WIDTH;
            return new Plan(c, Collections.unmodifiableMap(types), flat ? List.copyOf(shapes) : null, out, res, flatCallee);
        }
        return null;
    }

    static int width(List<Shape> shapes) {
        int w = 0;
        for (Shape s : shapes) w += s.width();
        return w;
    }

    /** The shape of a parameter pattern under the names' types, or null when not all is known. */
    private static Shape shape(Pattern p, Map<Binding, Shape> types, Resolution res) {
        if (p instanceof PTuple t) {
            List<Shape> items = new ArrayList<>();
            for (Pattern q : t.items()) {
                Shape s = shape(q, types, res);
                if (s == null) return null;
                items.add(s);
            }
            return new Shape(List.copyOf(items));
        }
        return p instanceof PBind ? types.get(res.declared.get(p)) : null;
    }

    /** Collects the names of a parameter pattern: names, ignores, and tuples (no splat) of those. */
    private static boolean params(PTuple p, Resolution res, List<Binding> out, boolean top) {
        if (!top && p.items().size() > MAX_TUPLE) return false;
        for (Pattern item : p.items()) {
            if (item instanceof PIgnore) continue;
            if (item instanceof PTuple t) {
                if (!params(t, res, out, false)) return false;
                continue;
            }
            if (!(item instanceof PBind pb)) return false;
            Binding b = res.declared.get(pb);
            if (b == null || b.cell || b.kind != Binding.Kind.LOCAL) return false;
            out.add(b);
        }
        return true;
    }

    /** The lets before the last expression of a body, or null when something else is there. */
    static List<Let> lets(Expr body) {
        List<Let> out = new ArrayList<>();
        if (body instanceof Block b) {
            for (int i = 0; i < b.body().size() - 1; i++) {
                if (!(b.body().get(i) instanceof Let l)) return null;
                out.add(l);
            }
        }
        return out;
    }

    static Expr result(Expr body) {
        return body instanceof Block b ? b.body().get(b.body().size() - 1) : body;
    }

    /** Whether the lets type-check with these types (each let's shape is added). */
    private static boolean letsCheck(List<Let> lets, Map<Binding, Shape> types, Resolution res, Function<NameUse, Plan> flatCallee) {
        for (Let l : lets) {
            Shape t = typeOf(l.value(), types, res, flatCallee);
            if (t == null) return false;
            types.put(res.declared.get(l.pattern()), t);
        }
        return true;
    }

    /**
     * The widest result of a call of a flat entry in body, typed under types and callees (0:
     * none): the size of the array those entries write to, in a vector body or loop.
     */
    static int callWidth(Node body, Map<Binding, Shape> types, Resolution res, Function<NameUse, Plan> callees) {
        int w = 0;
        for (Node n : AstWalk.nodes(body)) { // a loop, not a lambda: see LudusCompiler.PARSER
            if (n instanceof Synthetic s && preludeOp(s, res) == null) {
                Shape t = typeOf(s, types, res, callees);
                if (t != null) w = Math.max(w, t.width());
            }
        }
        return w;
    }

    /** The prelude function a plain call names, or null. */
    public static String preludeOp(Synthetic s, Resolution res) {
        NameUse u = callee(s, res);
        return u != null && u.binding().kind == Binding.Kind.PRELUDE ? u.binding().name : null;
    }

    /** What a plain call (no placeholder) names, or null. */
    static NameUse callee(Synthetic s, Resolution res) {
        if (!(s.root() instanceof Word w) || s.terms().size() != 1 || !(s.terms().get(0) instanceof Args a)) return null;
        for (Expr e : a.args()) if (e instanceof Placeholder) return null;
        return res.uses.get(w);
    }

    /**
     * The shape of e on a fast path, or null when e is not arithmetic on numbers and tuples of
     * them. With flatCallee, a call of a fn with a flat entry taking the arguments' shapes has
     * the shape of that fn's result.
     */
    static Shape typeOf(Expr e, Map<Binding, Shape> types, Resolution res, Function<NameUse, Plan> flatCallee) {
        if (e instanceof Num) return Shape.NUM;
        if (e instanceof Word w) {
            NameUse u = res.uses.get(w);
            return u == null || u.check() ? null : types.get(u.binding());
        }
        if (e instanceof TupleLit t) {
            if (t.items().isEmpty() || t.items().size() > MAX_TUPLE) return null;
            List<Shape> items = new ArrayList<>();
            for (Expr item : t.items()) {
                Shape s = typeOf(item, types, res, flatCallee);
                if (s == null) return null;
                items.add(s);
            }
            return new Shape(List.copyOf(items));
        }
        if (!(e instanceof Synthetic s)) return null;
        NameUse u = callee(s, res);
        if (u == null) return null;
        List<Expr> args = Numbers.args(s);
        List<Shape> shapes = new ArrayList<>();
        for (Expr a : args) {
            Shape t = typeOf(a, types, res, flatCallee);
            if (t == null) return null;
            shapes.add(t);
        }
        if (u.binding().kind != Binding.Kind.PRELUDE) {
            Plan p = flatCallee == null || u.check() ? null : flatCallee.apply(u);
            return p != null && p.flat() && p.params().equals(shapes) ? p.result() : null;
        }
        Shape a = shapes.isEmpty() ? null : shapes.get(0);
        Shape b = shapes.size() > 1 ? shapes.get(1) : null;
        boolean aNum = a == Shape.NUM || (a != null && a.isNum()), bNum = b != null && b.isNum();
        switch (u.binding().name) {
            case "add": case "sub":
                if (args.size() != 2) return null;
                return aNum && bNum ? Shape.NUM : Shape.VEC.equals(a) && Shape.VEC.equals(b) ? Shape.VEC : null;
            case "mult":
                if (args.size() != 2) return null;
                if (aNum && bNum) return Shape.NUM;
                return (aNum && Shape.VEC.equals(b)) || (bNum && Shape.VEC.equals(a)) ? Shape.VEC : null;
            case "dist":
                if (args.size() == 1) return Shape.VEC.equals(a) ? Shape.NUM : null;
                return args.size() == 2 && aNum && bNum ? Shape.NUM : null;
            case "inc": case "dec": case "neg": case "sqrt": case "square": case "abs":
                return args.size() == 1 && aNum ? Shape.NUM : null;
            default:
                return null;
        }
    }
}
