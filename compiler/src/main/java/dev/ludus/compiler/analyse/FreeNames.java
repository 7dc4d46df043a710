package dev.ludus.compiler.analyse;

import dev.ludus.compiler.resolve.Binding;
import dev.ludus.compiler.resolve.NameUse;
import dev.ludus.compiler.resolve.Resolution;
import dev.ludus.compiler.syntax.Ast.*;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The locals a piece of code names, for the emitter's Splitter: what code moved into a method of
 * its own must be given (its env), and which of its names it declares itself (Analysis.fresh).
 * Answers are computed bottom-up, once per subtree (kept for subtrees of at least
 * AstWalk.MEMO_FROM nodes, smaller ones are walked) and once per suffix of a statement or clause
 * list, so that a form megabytes long, cut into a chain of nested methods, is walked a bounded
 * number of times rather than once per method (issue 12: 70,000 lets took 68 s).
 *
 * <p>A subtree's {@link Names} lists, in the order {@link AstWalk#each} meets them, the local
 * bindings it names or declares, each with whether its declaring node is inside and how many of
 * its occurrences are. A binding declared inside, not a Cell, whose every occurrence is inside is
 * left out: no enclosing code can need it (that keeps the lists as short as the names that cross
 * the subtree's border, not as long as the names it declares).
 */
public final class FreeNames {
    private final Resolution res;
    /** Per local binding, its occurrences in the module: uses plus declaring nodes. */
    private final Map<Binding, Integer> totals = new HashMap<>();
    private final Map<Node, Names> memo = new IdentityHashMap<>();
    private final Map<List<?>, Names[]> suffixes = new IdentityHashMap<>();
    /** Rests asked about: {the list they are the rest of, from where}. */
    private final Map<List<?>, Object[]> views = new IdentityHashMap<>();

    FreeNames(Resolution res) {
        this.res = res;
        for (NameUse u : res.uses.values()) count(u.binding());
        for (Binding b : res.declared.values()) count(b);
    }

    private void count(Binding b) {
        if (b != null && b.kind == Binding.Kind.LOCAL) totals.merge(b, 1, Integer::sum);
    }

    /** The local bindings some code names or declares (see the class comment). */
    public static final class Names {
        static final Names NONE = new Names(new Binding[0], new boolean[0], new int[0]);
        private final Binding[] bindings;
        private final boolean[] site;
        private final int[] count;
        private Set<Binding> free;

        private Names(Binding[] bindings, boolean[] site, int[] count) {
            this.bindings = bindings;
            this.site = site;
            this.count = count;
        }

        /**
         * In first-use order: the bindings named here and declared elsewhere, and the Cells named
         * or declared here (their Cells are made ahead, by the code around).
         */
        public List<Binding> used() {
            List<Binding> out = new ArrayList<>();
            for (int i = 0; i < bindings.length; i++) if (!site[i] || bindings[i].cell) out.add(bindings[i]);
            return out;
        }

        /** Whether b is named here and declared elsewhere. */
        public boolean free(Binding b) {
            if (free == null) {
                free = new java.util.HashSet<>();
                for (int i = 0; i < bindings.length; i++) if (!site[i]) free.add(bindings[i]);
            }
            return free.contains(b);
        }
    }

    /** The names of n's subtree. */
    public Names of(Node n) {
        Names s = memo.get(n);
        if (s != null) return s;
        Builder b = new Builder();
        if (small(n)) {
            AstWalk.each(n, b::own);
            return b.done();
        }
        AstWalk.visited++;
        b.own(n);
        List<Node> kids = new ArrayList<>();
        AstWalk.children(n, kids::add);
        // AstWalk.each meets the children last first
        for (int i = kids.size() - 1; i >= 0; i--) b.add(of(kids.get(i)));
        s = b.done();
        memo.put(n, s);
        return s;
    }

    /** Whether n has fewer than MEMO_FROM nodes (counted only that far: n may be a node the emitter made, whose weight is not kept). */
    private static boolean small(Node n) {
        java.util.ArrayDeque<Node> todo = new java.util.ArrayDeque<>();
        todo.push(n);
        int seen = 0;
        while (!todo.isEmpty()) {
            if (++seen >= AstWalk.MEMO_FROM) return false;
            AstWalk.children(todo.pop(), todo::push);
        }
        return true;
    }

    /**
     * The names of rest, list.subList(i, ..): the rest of a statement or clause list, which the
     * emitter may cut again later (its rests are answered from list's).
     */
    public Names rest(List<? extends Node> list, int i, List<? extends Node> rest) {
        Object[] v = views.get(list);
        if (v != null) {
            @SuppressWarnings("unchecked") List<? extends Node> base = (List<? extends Node>) v[0];
            list = base;
            i += (Integer) v[1];
        }
        views.put(rest, new Object[] {list, i});
        Names[] suf = suffixes.get(list);
        if (suf == null) {
            suf = new Names[list.size() + 1];
            suf[list.size()] = Names.NONE;
            for (int j = list.size() - 1; j >= 0; j--) {
                Builder b = new Builder();
                b.add(of(list.get(j)));
                b.add(suf[j + 1]);
                suf[j] = b.done();
            }
            suffixes.put(list, suf);
        }
        return suf[i];
    }

    /** Merges names in order, adding up occurrences. */
    private final class Builder {
        private final LinkedHashMap<Binding, int[]> acc = new LinkedHashMap<>();

        void own(Node y) {
            if (y instanceof Word w) {
                NameUse u = res.uses.get(w);
                if (u != null) put(u.binding(), false, 1);
            } else {
                Binding d = res.declared.get(y);
                if (d != null) put(d, true, 1);
            }
        }

        void add(Names s) {
            AstWalk.visited += s.bindings.length;
            for (int i = 0; i < s.bindings.length; i++) put(s.bindings[i], s.site[i], s.count[i]);
        }

        private void put(Binding b, boolean site, int n) {
            if (b.kind != Binding.Kind.LOCAL) return;
            int[] e = acc.get(b);
            if (e == null) acc.put(b, new int[] {site ? 1 : 0, n});
            else {
                e[0] |= site ? 1 : 0;
                e[1] += n;
            }
        }

        Names done() {
            if (acc.isEmpty()) return Names.NONE;
            int k = 0;
            Binding[] bs = new Binding[acc.size()];
            boolean[] site = new boolean[bs.length];
            int[] count = new int[bs.length];
            for (Map.Entry<Binding, int[]> e : acc.entrySet()) {
                Binding b = e.getKey();
                int[] v = e.getValue();
                // declared here, not a Cell, every occurrence here: nothing outside can need it
                if (v[0] == 1 && !b.cell && v[1] >= totals.getOrDefault(b, Integer.MAX_VALUE)) continue;
                bs[k] = b;
                site[k] = v[0] == 1;
                count[k++] = v[1];
            }
            if (k == 0) return Names.NONE;
            if (k < bs.length) {
                bs = java.util.Arrays.copyOf(bs, k);
                site = java.util.Arrays.copyOf(site, k);
                count = java.util.Arrays.copyOf(count, k);
            }
            return new Names(bs, site, count);
        }
    }
}
