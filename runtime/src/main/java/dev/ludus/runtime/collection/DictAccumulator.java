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
 */
public final class DictAccumulator {
    private final LinkedHashMap<Keyword, Object> entries = new LinkedHashMap<>();

    public DictAccumulator(LDict start) {
        start.forEach(entries::put);
    }

    /** update (acc, k, f): f of the value at k (nil when absent) put at k. */
    public DictAccumulator update(Keyword k, LFn f) {
        Object old = entries.get(k);
        Object v = f.call1(old == null ? Nil.NIL : old);
        if (v == null) throw new NullPointerException("Java null is not a Ludus value");
        entries.put(k, v);
        return this;
    }

    /** assoc (acc, k, v). */
    public DictAccumulator assoc(Keyword k, Object v) {
        if (v == null) throw new NullPointerException("Java null is not a Ludus value");
        entries.put(k, v);
        return this;
    }

    public LDict toDict() {
        LDict.Builder b = LDict.builder();
        entries.forEach(b::put);
        return b.build();
    }
}
