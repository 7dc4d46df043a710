package dev.ludus.compiler.analyse;

import dev.ludus.compiler.resolve.Binding;
import dev.ludus.compiler.resolve.NameUse;
import dev.ludus.compiler.resolve.Resolution;
import dev.ludus.compiler.syntax.Ast.*;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which fns are pure and which are total on numbers: the facts that let Pipelines fuse stages.
 *
 * <p>A fn is <em>pure</em> when running it has no effect a program can observe other than its
 * result or its panic: its body calls only prelude functions of {@link #PURE_PRELUDE} (no
 * {@code !}-functions, no refs, no processes, no randomness) and fns that are pure themselves,
 * creates no refs, receives no messages, and calls no value it does not know (a parameter, the
 * result of a call). Purity says nothing about panics.
 *
 * <p>A fn is <em>total on numbers</em> when, given numbers, it returns without panicking and
 * without looping: one clause of plain names, no guard, and a body built only from number
 * literals, its parameters, and prelude arithmetic and tests that never panic on numbers.
 */
final class Purity {
    /** Prelude functions whose only effect is their result (or their panic). */
    static final Set<String> PURE_PRELUDE = Set.of(
            "add", "sub", "mult", "div", "div/0", "div/safe", "mod", "inc", "dec", "neg", "abs", "even?", "odd?",
            "square", "sum_of_squares", "dist", "sqrt", "floor", "ceil", "round", "min", "max", "pi", "tau",
            "sin", "cos", "tan", "atan/2", "zero?", "pos?", "neg?", "eq?", "not", "gt?", "gte?", "lt?", "lte?",
            "number?", "string?", "bool?", "nil?", "keyword?", "list?", "tuple?", "dict?", "fn?", "coll?",
            "some?", "type", "show", "string", "first", "last", "at", "rest", "butlast", "slice", "count",
            "append", "concat", "list", "set", "assoc", "dissoc", "get", "has?", "keys", "values", "dict",
            "range", "join", "trim", "upcase", "downcase", "chars", "split", "empty?", "keep", "reverse",
            "ok?", "err?");

    /** Prelude functions that call their first argument, and do nothing else with an effect. */
    static final Set<String> HIGHER_ORDER = Set.of("map", "filter", "fold");

    /** Prelude functions of one number that return a number and never panic on one. */
    static final Set<String> TOTAL_NUM1 = Set.of("inc", "dec", "neg", "floor", "ceil", "round");
    /** Prelude functions of two numbers that return a number and never panic on them. */
    static final Set<String> TOTAL_NUM2 = Set.of("add", "sub", "mult");
    /** Prelude tests of one value that never panic (true/false on numbers). */
    static final Set<String> TOTAL_TEST1 = Set.of("even?", "odd?", "zero?", "pos?", "neg?");
    /** Prelude comparisons of two numbers that never panic on them. */
    static final Set<String> TOTAL_TEST2 = Set.of("eq?", "lt?", "lte?", "gt?", "gte?");

    private final Resolution res;
    private final Map<FnDef, Boolean> pure = new IdentityHashMap<>();
    private final Map<FnDef, Boolean> ends = new IdentityHashMap<>();

    Purity(Resolution res) {
        this.res = res;
    }

    /** Whether fd is pure (see above). A fn that calls itself is pure if the rest of its body is. */
    boolean pure(FnDef fd) {
        Boolean known = pure.get(fd);
        if (known != null) return known;
        pure.put(fd, true); // recursion: assume pure while looking (an effect elsewhere still decides)
        boolean ok = true;
        for (Clause c : fd.clauses()) ok = ok && pureBody(c);
        pure.put(fd, ok);
        return ok;
    }

    /**
     * Whether running the code under root has no effect. A fn defined inside is not looked into:
     * making it has no effect, and a call of it is looked at where it is called (by its name, or
     * as an unknown call). Iterative: deep trees do not recurse here.
     */
    private boolean pureBody(Node root) {
        java.util.ArrayDeque<Node> todo = new java.util.ArrayDeque<>();
        java.util.function.Consumer<Node> push = AstWalk.pushOnto(todo); // not todo::push: see LudusCompiler.PARSER
        todo.push(root);
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            if (!pureNode(n)) return false;
            if (!(n instanceof FnDef)) AstWalk.children(n, push);
        }
        return true;
    }

    /** Whether the value of e, called, is a pure function (a pure prelude name, a pure fn literal or named fn). */
    boolean pureCallee(Expr e) {
        if (e instanceof FnDef fd) return pure(fd);
        if (!(e instanceof Word w)) return false;
        NameUse u = res.uses.get(w);
        if (u == null) return false;
        Binding b = u.binding();
        if (b.kind == Binding.Kind.PRELUDE) return PURE_PRELUDE.contains(b.name);
        if (b.site instanceof FnDef fd && (b.kind == Binding.Kind.MODULE || b.kind == Binding.Kind.LOCAL)) return pure(fd);
        return false;
    }

    private boolean pureNode(Node n) {
        if (n instanceof RefDecl || n instanceof Receive || n instanceof Import || n instanceof Use || n instanceof Ns
                || n instanceof Test) return false;
        if (n instanceof Do d) {
            // each stage is called with the value so far
            for (int i = 1; i < d.stages().size(); i++) if (!pureStage(d.stages().get(i))) return false;
            return true;
        }
        if (n instanceof Synthetic s && !s.terms().isEmpty()) {
            int first = 0;
            if (s.root() instanceof Kw) first = 1;        // :k (v) is a lookup
            else if (s.terms().get(0) instanceof Args a) {
                if (!hasHole(a) && !pureCallee(s.root()) && !pureHigherOrder(s.root(), a)) return false;
                first = 1;
            }
            // calling the result of a call or lookup: a function nobody knows here
            for (int i = first; i < s.terms().size(); i++) if (s.terms().get(i) instanceof Args) return false;
        }
        return true;
    }

    /** map, filter or fold of the prelude's with a pure function (they call only it). */
    private boolean pureHigherOrder(Expr root, Args a) {
        if (!(root instanceof Word w) || a.args().isEmpty()) return false;
        NameUse u = res.uses.get(w);
        return u != null && u.binding().kind == Binding.Kind.PRELUDE && HIGHER_ORDER.contains(u.binding().name)
                && pureStage(a.args().get(0));
    }

    /** A do stage: a pure callee, or a partial application of one (the stage calls it). */
    private boolean pureStage(Expr e) {
        if (e instanceof Synthetic s && s.terms().size() == 1 && s.terms().get(0) instanceof Args a && hasHole(a)) {
            return pureCallee(s.root());
        }
        return pureCallee(e);
    }

    private static boolean hasHole(Args a) {
        for (Expr e : a.args()) if (e instanceof Placeholder) return true;
        return false;
    }

    // ---- termination

    /**
     * Whether calling the value of e (a pure callee) certainly ends, by returning or panicking:
     * a pure prelude function, or a pure fn whose body has no loop, repeat or recur and calls
     * only such functions, with no call that leads back to itself (recursion may not end).
     * Fused object pipelines (Pipelines) let a later stage run before the first has met every
     * element: a stage that never ends could hide the first stage's panic.
     */
    boolean terminates(Expr e) {
        if (e instanceof FnDef fd) return terminates(fd);
        if (!(e instanceof Word w)) return false;
        NameUse u = res.uses.get(w);
        if (u == null) return false;
        Binding b = u.binding();
        if (b.kind == Binding.Kind.PRELUDE) return PURE_PRELUDE.contains(b.name);
        if (b.site instanceof FnDef fd && (b.kind == Binding.Kind.MODULE || b.kind == Binding.Kind.LOCAL)) return terminates(fd);
        return false;
    }

    boolean terminates(FnDef fd) {
        Boolean known = ends.get(fd);
        if (known != null) return known;
        ends.put(fd, false); // met again while looking: it calls itself, which may not end
        boolean ok = pure(fd);
        for (Clause c : fd.clauses()) ok = ok && endingBody(c);
        ends.put(fd, ok);
        return ok;
    }

    private boolean endingBody(Node root) {
        java.util.ArrayDeque<Node> todo = new java.util.ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            if (!endingNode(n)) return false;
            if (!(n instanceof FnDef)) AstWalk.children(n, AstWalk.pushOnto(todo));
        }
        return true;
    }

    private boolean endingNode(Node n) {
        if (n instanceof Loop || n instanceof Repeat || n instanceof Recur) return false;
        if (n instanceof Do d) {
            for (int i = 1; i < d.stages().size(); i++) if (!endingStage(d.stages().get(i))) return false;
            return true;
        }
        if (n instanceof Synthetic s && !s.terms().isEmpty() && !(s.root() instanceof Kw)
                && s.terms().get(0) instanceof Args a && !hasHole(a)) {
            return terminates(s.root()) || endingHigherOrder(s.root(), a);
        }
        return true; // other calls are unknown ones, which pure() has ruled out
    }

    private boolean endingHigherOrder(Expr root, Args a) {
        if (!(root instanceof Word w) || a.args().isEmpty()) return false;
        NameUse u = res.uses.get(w);
        return u != null && u.binding().kind == Binding.Kind.PRELUDE && HIGHER_ORDER.contains(u.binding().name)
                && endingStage(a.args().get(0));
    }

    private boolean endingStage(Expr e) {
        if (e instanceof Synthetic s && s.terms().size() == 1 && s.terms().get(0) instanceof Args a && hasHole(a)) {
            return terminates(s.root());
        }
        return terminates(e);
    }

    // ---- totality on numbers

    /**
     * Whether calling fn with n numbers certainly returns (never panics, never loops), and what it
     * returns: {@code numberOut} asks that the result be a number, else any value will do.
     */
    boolean totalOnNumbers(Expr fn, int n, boolean numberOut) {
        if (fn instanceof Word w) {
            NameUse u = res.uses.get(w);
            if (u == null || u.binding().kind != Binding.Kind.PRELUDE) return false;
            String name = u.binding().name;
            if (n == 1) return TOTAL_NUM1.contains(name) || (!numberOut && TOTAL_TEST1.contains(name));
            if (n == 2) return TOTAL_NUM2.contains(name) || (!numberOut && TOTAL_TEST2.contains(name));
            return false;
        }
        if (!(fn instanceof FnDef fd) || fd.clauses().size() != 1 || !res.captures.getOrDefault(fd, List.of()).isEmpty()) {
            return false;
        }
        Clause c = fd.clauses().get(0);
        if (c.guard() != null || !(c.pattern() instanceof PTuple p) || p.items().size() != n) return false;
        for (Pattern item : p.items()) {
            if (!(item instanceof PBind || item instanceof PIgnore || item instanceof PTyped t && t.type().equals("number"))) {
                return false;
            }
        }
        return numberOut ? totalNumber(c.body(), fd) : totalNumber(c.body(), fd) || totalTest(c.body(), fd);
    }

    /** e, with fd's parameters numbers, is a number and never panics. */
    private boolean totalNumber(Expr e, FnDef fd) {
        if (e instanceof Num) return true;
        if (e instanceof Block b) return b.body().size() == 1 && totalNumber(b.body().get(0), fd);
        if (e instanceof Word w) {
            NameUse u = res.uses.get(w);
            return u != null && !u.check() && u.binding().kind == Binding.Kind.LOCAL && u.binding().frame == fd
                    && !u.binding().cell && isParameter(u.binding(), fd);
        }
        String name = preludeCall(e);
        if (name == null) return false;
        List<Expr> args = Numbers.args((Synthetic) e);
        for (Expr a : args) if (!totalNumber(a, fd)) return false;
        if (args.size() == 1) return TOTAL_NUM1.contains(name);
        if (args.size() == 2) {
            if (TOTAL_NUM2.contains(name)) return true;
            // a constant divisor other than zero (and not NaN) cannot fail
            return (name.equals("mod") || name.equals("div")) && args.get(1) instanceof Num d && d.value() != 0 && !Double.isNaN(d.value());
        }
        return false;
    }

    /** e, with fd's parameters numbers, is a boolean and never panics. */
    private boolean totalTest(Expr e, FnDef fd) {
        if (e instanceof Bool) return true;
        if (e instanceof Block b) return b.body().size() == 1 && totalTest(b.body().get(0), fd);
        String name = preludeCall(e);
        if (name == null) return false;
        List<Expr> args = Numbers.args((Synthetic) e);
        for (Expr a : args) if (!totalNumber(a, fd)) return false;
        return args.size() == 1 ? TOTAL_TEST1.contains(name) : args.size() == 2 && TOTAL_TEST2.contains(name);
    }

    private boolean isParameter(Binding b, FnDef fd) {
        for (Pattern item : ((PTuple) fd.clauses().get(0).pattern()).items()) if (res.declared.get(item) == b) return true;
        return false;
    }

    /** The prelude function a plain call {@code name (args)} names, else null. */
    private String preludeCall(Expr e) {
        if (!(e instanceof Synthetic s) || !(s.root() instanceof Word w) || s.terms().size() != 1
                || !(s.terms().get(0) instanceof Args a) || hasHole(a)) return null;
        NameUse u = res.uses.get(w);
        return u != null && u.binding().kind == Binding.Kind.PRELUDE ? u.binding().name : null;
    }
}
