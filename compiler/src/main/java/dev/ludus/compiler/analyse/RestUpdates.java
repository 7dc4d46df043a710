package dev.ludus.compiler.analyse;

import dev.ludus.compiler.resolve.Binding;
import dev.ludus.compiler.resolve.NameUse;
import dev.ludus.compiler.resolve.Resolution;
import dev.ludus.compiler.syntax.Ast.*;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A dict pattern's rest given back with the keys the pattern took out, the functional update
 * {@code fn step (#{pos, vel, ...rest}) -> #{...rest, :pos p, :vel v}}: the literal starts with a
 * splat of the rest, then puts exactly the keys the pattern names (in any order, at most
 * {@link #MAX_KEYS}), and the rest is used nowhere else. Then the pattern binds the rest's name
 * to the dict it matched, and the literal makes its dict from that dict in one step
 * (Patterns.restUpdate): the rest, a dict of its own, is never made, and a record whose last
 * keys are the literal's, in its order, keeps its shape.
 */
final class RestUpdates {
    private RestUpdates() {}

    /** The most keys such a literal puts (Patterns.restUpdate's arities). */
    static final int MAX_KEYS = 3;

    /** rests: the rest bindings the pattern binds to the dict it matched; literals: the literals that read them. */
    record Found(Set<Binding> rests, Set<DictLit> literals) {
        static final Found NONE = new Found(Set.of(), Set.of());
    }

    static Found find(Resolution res, List<Node> inOrder, Map<Binding, List<Word>> uses) {
        Map<Binding, PDict> restOf = new java.util.HashMap<>();
        for (Node n : inOrder) {
            if (!(n instanceof PDict p)) continue;
            for (Pattern item : p.items()) {
                if (item instanceof PSplat s && s.name() != null) {
                    Binding b = res.declared.get(s);
                    if (b != null) restOf.put(b, p);
                }
            }
        }
        if (restOf.isEmpty()) return Found.NONE;
        Set<Binding> captured = new HashSet<>();
        for (List<Binding> bs : res.captures.values()) captured.addAll(bs);
        Set<Binding> rests = new HashSet<>();
        Set<DictLit> literals = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Node n : inOrder) {
            if (!(n instanceof DictLit d) || d.items().size() < 2 || d.items().size() > MAX_KEYS + 1
                    || !(d.items().get(0) instanceof Splat s)) continue;
            NameUse u = res.uses.get(s.name());
            if (u == null || u.check()) continue;
            Binding b = u.binding();
            PDict p = restOf.get(b);
            if (p == null || b.kind != Binding.Kind.LOCAL || b.cell || captured.contains(b)
                    || uses.getOrDefault(b, List.of()).size() != 1 || rests.contains(b)) continue;
            Set<String> put = new HashSet<>();
            for (Node item : d.items().subList(1, d.items().size())) {
                if (!(item instanceof DictPair pair) || !put.add(pair.key())) {
                    put = null;
                    break;
                }
            }
            Set<String> named = new HashSet<>();
            int pairs = 0;
            for (Pattern item : p.items()) {
                if (item instanceof PDictPair pp) {
                    named.add(pp.key());
                    pairs++;
                }
            }
            if (put == null || pairs != named.size() || !put.equals(named)) continue;
            rests.add(b);
            literals.add(d);
        }
        return rests.isEmpty() ? Found.NONE : new Found(rests, literals);
    }
}
