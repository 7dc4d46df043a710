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
