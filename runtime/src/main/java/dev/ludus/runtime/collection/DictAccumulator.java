package dev.ludus.runtime.collection;

import dev.ludus.runtime.value.Keyword;
import dev.ludus.runtime.value.LFn;
import dev.ludus.runtime.value.Nil;
import java.util.LinkedHashMap;

/**
 * The dict a fold builds in place (the compiler's DictFolds, Invoke.dictFold): its lambda's
 * {@code update}/{@code assoc} on the accumulator change this map instead of copying a path of
 * the persistent dict each time. Never seen by a program: the lambda uses the accumulator only
 * for those calls or passes it on, and the fold hands back {@link #toDict}, the dict the
 * persistent calls would have built (the same entries, keys in the order they first came).
 *
 * <p>A large dict given as init is copied into the map only once the fold has made enough
 * changes for that to pay ({@link Champ#rebuildPays}): until then the changes are the persistent
 * ones, so a fold of a few elements onto a large dict does not cost a copy of it.
 */
public final class DictAccumulator {
    private LDict dict;                                  // until the map takes over
    private LinkedHashMap<Keyword, Object> entries;
    private int changes;

    public DictAccumulator(LDict start) {
        dict = start;
    }

    /** The map, made from the dict once there have been enough changes; null until then. */
    private LinkedHashMap<Keyword, Object> map() {
        if (entries == null && Champ.rebuildPays(++changes, dict.size())) {
            entries = new LinkedHashMap<>();
            dict.forEach(entries::put);
            dict = null;
        }
        return entries;
    }

    /** update (acc, k, f): f of the value at k (nil when absent) put at k. */
    public DictAccumulator update(Keyword k, LFn f) {
        LinkedHashMap<Keyword, Object> m = map();
        Object old = m != null ? m.get(k) : dict.get(k);
        Object v = f.call1(old == null ? Nil.NIL : old);
        if (v == null) throw new NullPointerException("Java null is not a Ludus value");
        if (m != null) m.put(k, v);
        else dict = dict.assoc(k, v);
        return this;
    }

    /** assoc (acc, k, v). */
    public DictAccumulator assoc(Keyword k, Object v) {
        if (v == null) throw new NullPointerException("Java null is not a Ludus value");
        LinkedHashMap<Keyword, Object> m = map();
        if (m != null) m.put(k, v);
        else dict = dict.assoc(k, v);
        return this;
    }

    public LDict toDict() {
        if (entries == null) return dict;
        LDict.Builder b = LDict.builder();
        entries.forEach(b::put);
        return b.build();
    }
}
