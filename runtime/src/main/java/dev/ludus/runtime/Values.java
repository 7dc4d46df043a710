package dev.ludus.runtime;

import dev.ludus.runtime.collection.LDict;
import dev.ludus.runtime.collection.LList;
import dev.ludus.runtime.collection.LSet;
import dev.ludus.runtime.collection.Rec;
import dev.ludus.runtime.value.Keyword;
import dev.ludus.runtime.value.LFn;
import dev.ludus.runtime.value.Nil;
import dev.ludus.runtime.value.Ns;
import dev.ludus.runtime.value.Ref;
import dev.ludus.runtime.value.Tuple;

/**
 * Value semantics shared by compiled code and the prelude: type keywords, truthiness,
 * structural equality and hashing (spec §8), show and print forms (spec §9).
 */
public final class Values {
    private Values() {}

    public static final Keyword NIL = Keyword.of("nil");
    public static final Keyword BOOLEAN = Keyword.of("boolean");
    public static final Keyword NUMBER = Keyword.of("number");
    public static final Keyword KEYWORD = Keyword.of("keyword");
    public static final Keyword STRING = Keyword.of("string");
    public static final Keyword TUPLE = Keyword.of("tuple");
    public static final Keyword LIST = Keyword.of("list");
    public static final Keyword SET = Keyword.of("set");
    public static final Keyword DICT = Keyword.of("dict");
    public static final Keyword FN = Keyword.of("fn");
    public static final Keyword REF = Keyword.of("ref");
    public static final Keyword NS = Keyword.of("ns");
    public static final Keyword PID = Keyword.of("pid");

    /** The §3 type keyword of v (:nil, :boolean, :number, :keyword, :string, :tuple, :list, :set, :dict, :fn, :ref, :ns). */
    public static Keyword type(Object v) {
        if (v instanceof Double) return NUMBER;
        if (v instanceof String) return STRING;
        if (v instanceof Keyword) return KEYWORD;
        if (v == Nil.NIL) return NIL;
        if (v instanceof Boolean) return BOOLEAN;
        if (v instanceof LList) return LIST;
        if (v instanceof Tuple) return TUPLE;
        if (v instanceof LDict) return DICT;
        if (v instanceof LFn) return FN;
        if (v instanceof LSet) return SET;
        if (v instanceof Ref) return REF;
        if (v instanceof Ns) return NS;
        if (v instanceof dev.ludus.runtime.value.Pid) return PID;
        throw new IllegalArgumentException("not a Ludus value: " + (v == null ? "Java null" : v.getClass().getName()));
    }

    public static boolean truthy(Object v) { return v != Nil.NIL && v != Boolean.FALSE; }

    /** Structural equality (spec §8). */
    public static boolean eq(Object a, Object b) {
        if (a instanceof Double) return b instanceof Double && ((Double) a).doubleValue() == ((Double) b).doubleValue();
        if (a instanceof Tuple x) return b instanceof Tuple y && eqTuples(x, y);
        if (a == b) {
            // identical non-number: equal unless a collection holding NaN somewhere (IEEE
            // semantics are structural: [NaN] does not equal itself)
            return !(a instanceof LList || a instanceof Tuple || a instanceof LDict || a instanceof LSet || a instanceof Ns)
                || eqStructural(a, b);
        }
        if (a instanceof String) return b instanceof String && a.equals(b);
        // a dict's class is its representation (shaped record or not), not its type
        if (a instanceof LDict x) return b instanceof LDict y && eqDict(x, y);
        if (a == null || b == null || a.getClass() != b.getClass()) return false;
        return eqStructural(a, b);
    }

    /** a and b are of the same class. */
    private static boolean eqStructural(Object a, Object b) {
        if (a instanceof LList) {
            LList x = (LList) a, y = (LList) b;
            int n = x.size();
            if (n != y.size()) return false;
            if (n <= 32) {
                for (int i = 0; i < n; i++) if (!eq(x.get(i), y.get(i))) return false;
                return true;
            }
            java.util.Iterator<Object> it = y.iterator();
            return x.find(e -> !eq(e, it.next())) == null;
        }
        if (a instanceof LDict) return eqDict((LDict) a, (LDict) b);
        if (a instanceof LSet) {
            LSet x = (LSet) a, y = (LSet) b;
            return x.size() == y.size() && x.allMatch(y::contains);
        }
        if (a instanceof Ns) {
            Ns x = (Ns) a, y = (Ns) b;
            return x.name().equals(y.name()) && eqDict(x.members(), y.members());
        }
        // Boolean/Keyword/Nil/LFn/Ref and anything else: identity (a != b here unless same)
        return a == b;
    }

    /** Element-wise, whatever the two representations (also for x == y: NaN is never equal). */
    private static boolean eqTuples(Tuple x, Tuple y) {
        int n = x.size();
        if (n != y.size()) return false;
        for (int i = 0; i < n; i++) if (!eq(x.get(i), y.get(i))) return false;
        return true;
    }

    private static boolean eqDict(LDict x, LDict y) {
        if (x.size() != y.size()) return false;
        if (x instanceof Rec r && y instanceof Rec s && r.shape.base() == s.shape.base()) {
            // the same keys in the same order, whichever values each layout keeps unboxed
            for (int i = r.size() - 1; i >= 0; i--) if (!eq(r.at(i), s.at(i))) return false;
            return true;
        }
        return x.allEntries((k, v) -> {
            Object w = y.get(k);
            return w != null && eq(v, w);
        });
    }

    /** Consistent with eq: equal values hash the same (0 and -0 too). */
    public static int hash(Object v) {
        if (v instanceof Double) return hashNum((Double) v);
        if (v instanceof String) return mix(v.hashCode());
        if (v instanceof Keyword) return v.hashCode();
        if (v instanceof LList || v instanceof LDict || v instanceof LSet) return v.hashCode();
        if (v instanceof Tuple) {
            Tuple t = (Tuple) v;
            int n = t.size();
            int h = 7;
            for (int i = 0; i < n; i++) h = 31 * h + hash(t.get(i));
            return mix(h ^ n);
        }
        if (v instanceof Boolean) return (Boolean) v ? 0x4A3B2C1D : 0x1D2C3B4A;
        if (v == Nil.NIL) return 0x6E696C21;
        if (v instanceof Ns) {
            Ns n = (Ns) v;
            return mix(n.name().hashCode() * 31 + n.members().hashCode());
        }
        return v == null ? 0 : System.identityHashCode(v);
    }

    /** hash of a number (0 and -0 alike; every NaN alike). */
    public static int hashNum(double d) {
        if (d == 0) return 0;
        long bits = Double.doubleToLongBits(d);
        return mix((int) bits ^ (int) (bits >>> 32) * 0x85EBCA6B);
    }

    /** Murmur3's 32-bit finaliser: spreads every input bit over the whole word. */
    public static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h;
    }

    /** §9.1 shown form. */
    public static String show(Object v) {
        if (v instanceof Double) return NumberFormat.format((Double) v);
        if (v instanceof String) return "\"" + v + "\"";
        if (v instanceof Keyword) return v.toString();
        StringBuilder sb = new StringBuilder();
        showTo(sb, v);
        return sb.toString();
    }

    /** Appends the §9.1 shown form of v to sb. */
    public static void showTo(StringBuilder sb, Object v) {
        if (v instanceof Double) {
            NumberFormat.append(sb, (Double) v);
        } else if (v instanceof String) {
            sb.append('"').append((String) v).append('"');
        } else if (v instanceof Keyword) {
            sb.append(':').append(((Keyword) v).name());
        } else if (v == Nil.NIL) {
            sb.append("nil");
        } else if (v instanceof Boolean) {
            sb.append(((Boolean) v) ? "true" : "false");
        } else if (v instanceof LList) {
            sb.append('[');
            ((LList) v).forEach(new Shower(sb));
            sb.append(']');
        } else if (v instanceof Tuple) {
            sb.append('(');
            Tuple t = (Tuple) v;
            for (int i = 0, n = t.size(); i < n; i++) {
                if (i > 0) sb.append(", ");
                showTo(sb, t.get(i));
            }
            sb.append(')');
        } else if (v instanceof LDict) {
            sb.append('#');
            showEntries(sb, (LDict) v);
        } else if (v instanceof LSet) {
            sb.append("${");
            ((LSet) v).forEach(new Shower(sb));
            sb.append('}');
        } else if (v instanceof LFn) {
            sb.append("fn ").append(((LFn) v).name());
        } else if (v instanceof Ref) {
            Ref r = (Ref) v;
            sb.append("ref: ").append(r.name()).append(" {");
            showTo(sb, r.get());
            sb.append('}');
        } else if (v instanceof Ns) {
            Ns n = (Ns) v;
            sb.append("ns ").append(n.name()).append(' ');
            showEntries(sb, n.members());
        } else {
            sb.append(v == null ? "<java null>" : v.toString());
        }
    }

    private static void showEntries(StringBuilder sb, LDict d) {
        sb.append('{');
        d.forEach(new Shower(sb));
        sb.append('}');
    }

    /**
     * Shows the elements (or dict entries) it is given, separated by ", ". A class rather than
     * lambdas: showing a value is on the start-up path of most programs, and a compiled program
     * spins each lambda's class when it first runs (no class-data archive).
     */
    private static final class Shower implements java.util.function.Consumer<Object>,
            java.util.function.BiConsumer<Keyword, Object> {
        private final StringBuilder sb;
        private boolean first = true;

        Shower(StringBuilder sb) { this.sb = sb; }

        @Override public void accept(Object x) {
            if (!first) sb.append(", ");
            first = false;
            showTo(sb, x);
        }

        @Override public void accept(Keyword k, Object x) {
            if (!first) sb.append(", ");
            first = false;
            sb.append(':').append(k.name()).append(' ');
            showTo(sb, x);
        }
    }

    /** §9.2 print form: strings raw, everything else shown. */
    public static String printForm(Object v) { return v instanceof String s ? s : show(v); }

    /** Appends the §9.2 print form of v to sb. */
    public static void printTo(StringBuilder sb, Object v) {
        if (v instanceof String) sb.append((String) v);
        else showTo(sb, v);
    }
}
