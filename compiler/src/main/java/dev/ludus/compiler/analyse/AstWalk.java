package dev.ludus.compiler.analyse;

import dev.ludus.compiler.syntax.Ast.*;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The children of every AST node, and a node's weight (its number of nodes): the Splitter's
 * estimate of how much code a subtree makes. Weights are memoized only for subtrees of at least
 * {@link #MEMO_FROM} nodes, so the memo stays small next to the tree. The analysis fills the
 * memo for the whole module, then freezes it: later questions (about nodes the emitter makes,
 * such as the rest of a split sequence) are answered from it without adding to it.
 */
public final class AstWalk {
    static final int MEMO_FROM = 32;
    private final Map<Node, Integer> weights = new IdentityHashMap<>();
    private boolean frozen;

    AstWalk() {}

    /** The number of nodes of n's subtree. */
    public int weight(Node n) {
        Integer w = weights.get(n);
        if (w != null) return w;
        Summer s = new Summer();
        children(n, s);
        if (s.sum >= MEMO_FROM && !frozen) weights.put(n, s.sum);
        return s.sum;
    }

    /** Adds up the weights of the children it is given (a class, not a lambda: see {@link #into}). */
    private final class Summer implements Consumer<Node> {
        int sum = 1;

        @Override
        public void accept(Node c) {
            sum += weight(c);
        }
    }

    void freeze() {
        frozen = true;
    }

    public int weight(List<? extends Node> nodes) {
        int sum = 0;
        for (Node n : nodes) sum += weight(n);
        return sum;
    }

    /**
     * Nodes visited by {@link #each} and by FreeNames, over all modules compiled in this JVM (not
     * synchronized: an indication, which tests read to check that compiling a large form walks it
     * a bounded number of times).
     */
    static long visited;

    /** See {@link #visited}. */
    public static long visited() {
        return visited;
    }

    /** Every node of the subtree, n first (iterative: deep trees do not recurse here). */
    public static void each(Node n, Consumer<Node> out) {
        java.util.ArrayDeque<Node> todo = new java.util.ArrayDeque<>();
        Consumer<Node> push = pushOnto(todo);
        todo.push(n);
        while (!todo.isEmpty()) {
            Node x = todo.pop();
            visited++;
            out.accept(x);
            children(x, push);
        }
    }

    /** Every node of the subtree, in the order {@link #each} visits them. */
    public static List<Node> nodes(Node n) {
        java.util.ArrayList<Node> out = new java.util.ArrayList<>();
        each(n, into(out));
        return out;
    }

    /*
     * `list::add` and `stack::push` as classes: on Java 17 every lambda or method reference costs
     * ~0.3 ms (more under load) when first run in a fresh JVM, and `ludus run` of a short program
     * ran ~40 of them, in these walks most of all (see LudusCompiler.PARSER).
     */

    /** A consumer that adds each node to {@code out}. */
    public static Consumer<Node> into(java.util.Collection<Node> out) {
        return new Consumer<Node>() {
            @Override
            public void accept(Node x) {
                out.add(x);
            }
        };
    }

    /** A consumer that pushes each node onto {@code stack}. */
    public static Consumer<Node> pushOnto(java.util.ArrayDeque<Node> stack) {
        return new Consumer<Node>() {
            @Override
            public void accept(Node x) {
                stack.push(x);
            }
        };
    }

    public static void children(Node n, Consumer<Node> out) {
        if (n instanceof Script s) {
            s.body().forEach(out);
        } else if (n instanceof InterpStr s) {
            s.names().forEach(out);
        } else if (n instanceof TupleLit t) {
            t.items().forEach(out);
        } else if (n instanceof ListLit l) {
            l.items().forEach(out);
        } else if (n instanceof SetLit s) {
            s.items().forEach(out);
        } else if (n instanceof DictLit d) {
            d.items().forEach(out);
        } else if (n instanceof Splat s) {
            out.accept(s.name());
        } else if (n instanceof DictPair p) {
            out.accept(p.value());
        } else if (n instanceof Synthetic s) {
            out.accept(s.root());
            for (Term t : s.terms()) if (t instanceof Args a) a.args().forEach(out);
        } else if (n instanceof Let l) {
            out.accept(l.pattern());
            out.accept(l.value());
        } else if (n instanceof RefDecl r) {
            out.accept(r.value());
        } else if (n instanceof FnDef fd) {
            fd.clauses().forEach(out);
        } else if (n instanceof Clause c) {
            out.accept(c.pattern());
            if (c.guard() != null) out.accept(c.guard());
            out.accept(c.body());
        } else if (n instanceof If i) {
            out.accept(i.cond());
            out.accept(i.then());
            out.accept(i.otherwise());
        } else if (n instanceof IfLet i) {
            out.accept(i.pattern());
            out.accept(i.value());
            out.accept(i.then());
            out.accept(i.otherwise());
        } else if (n instanceof When w) {
            w.clauses().forEach(out);
        } else if (n instanceof WhenClause c) {
            if (c.test() != null) out.accept(c.test());
            out.accept(c.body());
        } else if (n instanceof Match m) {
            out.accept(m.scrutinee());
            m.clauses().forEach(out);
        } else if (n instanceof Receive r) {
            r.clauses().forEach(out);
        } else if (n instanceof Loop l) {
            out.accept(l.init());
            l.clauses().forEach(out);
        } else if (n instanceof Recur r) {
            out.accept(r.args());
        } else if (n instanceof Repeat r) {
            out.accept(r.count());
            out.accept(r.body());
        } else if (n instanceof Do d) {
            d.stages().forEach(out);
        } else if (n instanceof Block b) {
            b.body().forEach(out);
        } else if (n instanceof PanicForm p) {
            out.accept(p.value());
        } else if (n instanceof Ns ns) {
            ns.entries().forEach(out);
        } else if (n instanceof Use u) {
            out.accept(u.name());
        } else if (n instanceof Test t) {
            out.accept(t.body());
        } else if (n instanceof PConst p) {
            out.accept(p.literal());
        } else if (n instanceof PTuple p) {
            p.items().forEach(out);
        } else if (n instanceof PList p) {
            p.items().forEach(out);
        } else if (n instanceof PDict p) {
            p.items().forEach(out);
        } else if (n instanceof PDictPair p) {
            out.accept(p.pattern());
        }
        // anything else is a leaf: literals, words, placeholders, simple patterns, imports, fn declarations
    }
}
