package dev.ludus.runtime;

import dev.ludus.runtime.collection.LDict;
import dev.ludus.runtime.collection.LList;
import dev.ludus.runtime.value.Keyword;
import dev.ludus.runtime.value.Tuple;

/** Small tests and extractions that compiled pattern code calls (each inlines to a few instructions). */
public final class Patterns {
    private Patterns() {}

    public static boolean numEq(Object v, double c) {
        return v instanceof Double d && d.doubleValue() == c;
    }

    public static boolean strEq(Object v, String c) {
        return v instanceof String s && s.equals(c);
    }

    public static boolean isType(Object v, Keyword type) {
        return Values.type(v) == type;
    }

    /** Elements of t from index n on, as a list (a tuple splat binds a list). */
    public static LList tupleRest(Tuple t, int n) {
        LList.Builder b = LList.builder();
        for (int i = n, size = t.size(); i < size; i++) b.add(t.get(i));
        return b.build();
    }

    public static LList argsRest(Object[] args, int n) {
        LList.Builder b = LList.builder();
        for (int i = n; i < args.length; i++) b.add(args[i]);
        return b.build();
    }

    public static LList listRest(LList l, int n) {
        return l.drop(n);
    }

    /**
     * A list cursor's value (the compiler walks a list parameter of a self-recursive fn as the
     * list it was given plus the number of elements dropped): v itself at offset 0, else the
     * list from that offset (v is then a list, a pattern having matched it).
     */
    public static Object view(Object v, int off) {
        return off == 0 ? v : ((LList) v).drop(off);
    }

    /** The dict without the keys a pattern named ({@code ...rest}). */
    public static LDict dictRest(LDict d, Keyword[] named) {
        if (d instanceof dev.ludus.runtime.collection.Rec rec) return rec.without(named);
        LDict r = d;
        for (Keyword k : named) r = r.dissoc(k);
        return r;
    }

    // #{...rest, :k v, ...} where rest is what a dict pattern left of d after taking out exactly
    // the keys put here (the compiler's analyse.RestUpdates): the rest, then the puts in order.
    // A record whose last keys are these, in this order, gives the same entries in the same
    // order by replacing their values, with no rest made. keys is never written to.

    public static LDict restUpdate(LDict d, Keyword[] keys, Object v0) {
        if (endsWith(d, keys)) return d.assoc(keys[0], v0);
        return LDict.builder().putAll(dictRest(d, keys)).put(keys[0], v0).build();
    }

    public static LDict restUpdate(LDict d, Keyword[] keys, Object v0, Object v1) {
        if (endsWith(d, keys)) return d.assoc(keys[0], v0).assoc(keys[1], v1);
        return LDict.builder().putAll(dictRest(d, keys)).put(keys[0], v0).put(keys[1], v1).build();
    }

    public static LDict restUpdate(LDict d, Keyword[] keys, Object v0, Object v1, Object v2) {
        if (endsWith(d, keys)) return d.assoc(keys[0], v0).assoc(keys[1], v1).assoc(keys[2], v2);
        return LDict.builder().putAll(dictRest(d, keys)).put(keys[0], v0).put(keys[1], v1).put(keys[2], v2).build();
    }

    /** Whether d is a record whose last keys are keys, in that order. */
    private static boolean endsWith(LDict d, Keyword[] keys) {
        if (!(d instanceof dev.ludus.runtime.collection.Rec r)) return false;
        dev.ludus.runtime.collection.Shape s = r.shape;
        int from = s.size() - keys.length;
        if (from < 0) return false;
        for (int i = 0; i < keys.length; i++) if (s.key(from + i) != keys[i]) return false;
        return true;
    }

    /** As above, for a pattern naming many keys: their names separated by spaces (no keyword holds one). */
    public static LDict dictRest(LDict d, String named) {
        LDict r = d;
        for (Keyword k : Keyword.ofNames(named)) r = r.dissoc(k);
        return r;
    }

    /** The panic of a failed {@code let} (spec §10.2), located at the let. */
    public static LudusPanic letFailed(String pattern, Object value, String file, int line, int col) {
        String why = PatternDesc.explain(PatternDesc.decode(pattern), value);
        return Panics.at(why == null ? "No match" : why, file, line, col);
    }
}
