package dev.ludus.runtime.collection;

import dev.ludus.runtime.value.Keyword;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;

/**
 * A shaped record: a dict built by a literal whose keys are constant keywords keeps its values
 * in fields ({@link R1} … {@link R4}) or one array ({@link RN}, 5 to {@value LDict#SMALL}
 * entries) and its keys in a shared, interned {@link Shape}. A record of three entries is one
 * 32-byte object where the general form needs a dict object and a key/value array.
 *
 * <p>To a program it is the dict with the same entries in the same order: {@code assoc} or
 * {@code update} of a key it has keeps the shape (a copy with one field replaced); adding a
 * key or removing one gives the record of the shape with that key added at the end or left out:
 * the same entries in the same order (the general {@link MapDict} form past {@value
 * LDict#SMALL} entries, or once {@link Shape#MAX_FOUND} shapes exist). Access sites may cache a
 * shape and read a field directly (runtime's DictSites). A record with numbers among its first
 * values is a {@link NumRec}, which keeps them unboxed.
 */
public abstract sealed class Rec extends LDict permits Rec.R1, Rec.R2, Rec.R3, Rec.R4, Rec.RN, NumRec {
    /** The most entries a record keeps in fields (more: {@link RN}). */
    public static final int MAX_FIELDS = 4;

    public final Shape shape;

    Rec(Shape shape) { this.shape = shape; }

    // A record with numbers among its values keeps them unboxed (NumRec, a layout of s). An
    // object record always has a base shape: a layout's identity (what access sites' guards
    // test) must imply its class. Each class makes its own (R1.make, ...): a `new R1` here,
    // returned as an LDict, would make the verifier load all five classes with Rec (start-up).
    public static LDict of(Shape s, Object a) {
        int m = NumRec.numbers(a);
        return m == 0 ? R1.make(s.base(), a) : NumRec.of(s, m, a);
    }
    public static LDict of(Shape s, Object a, Object b) {
        int m = NumRec.numbers(a, b);
        return m == 0 ? R2.make(s.base(), a, b) : NumRec.of(s, m, a, b);
    }
    public static LDict of(Shape s, Object a, Object b, Object c) {
        int m = NumRec.numbers(a, b, c);
        return m == 0 ? R3.make(s.base(), a, b, c) : NumRec.of(s, m, a, b, c);
    }
    public static LDict of(Shape s, Object a, Object b, Object c, Object d) {
        int m = NumRec.numbers(a, b, c, d);
        return m == 0 ? R4.make(s.base(), a, b, c, d) : NumRec.of(s, m, a, b, c, d);
    }

    // A dict literal whose values the compiler proved to be numbers (at the layout's mask) or
    // not: each value's slot as an object (null for a number) and a double (0 for an object),
    // in source order, so no number is boxed and no value tested.
    public static LDict ofLayout(Shape layout, Object v0, double d0) {
        return NumRec.N1.make(layout, v0, d0);
    }
    public static LDict ofLayout(Shape layout, Object v0, double d0, Object v1, double d1) {
        return NumRec.N2.make(layout, v0, v1, d0, d1);
    }
    public static LDict ofLayout(Shape layout, Object v0, double d0, Object v1, double d1, Object v2, double d2) {
        return NumRec.N3.make(layout, v0, v1, v2, d0, d1, d2);
    }
    public static LDict ofLayout(Shape layout, Object v0, double d0, Object v1, double d1, Object v2, double d2, Object v3, double d3) {
        return NumRec.N4.make(layout, v0, v1, v2, v3, d0, d1, d2, d3);
    }
    public static LDict ofLayout(Shape layout, Object v0, double d0, Object v1, double d1, Object v2, double d2, Object v3, double d3,
                                 Object v4, double d4) {
        return WideNumRecs.N5.make(layout, v0, v1, v2, v3, v4, d0, d1, d2, d3, d4);
    }
    public static LDict ofLayout(Shape layout, Object v0, double d0, Object v1, double d1, Object v2, double d2, Object v3, double d3,
                                 Object v4, double d4, Object v5, double d5) {
        return WideNumRecs.N6.make(layout, v0, v1, v2, v3, v4, v5, d0, d1, d2, d3, d4, d5);
    }
    public static LDict ofLayout(Shape layout, Object v0, double d0, Object v1, double d1, Object v2, double d2, Object v3, double d3,
                                 Object v4, double d4, Object v5, double d5, Object v6, double d6) {
        return WideNumRecs.N7.make(layout, v0, v1, v2, v3, v4, v5, v6, d0, d1, d2, d3, d4, d5, d6);
    }
    public static LDict ofLayout(Shape layout, Object v0, double d0, Object v1, double d1, Object v2, double d2, Object v3, double d3,
                                 Object v4, double d4, Object v5, double d5, Object v6, double d6, Object v7, double d7) {
        return WideNumRecs.N8.make(layout, v0, v1, v2, v3, v4, v5, v6, v7, d0, d1, d2, d3, d4, d5, d6, d7);
    }

    /** The record of shape s holding vals (one per key, in the shape's order); takes ownership of vals. */
    public static LDict of(Shape s, Object[] vals) {
        if (vals.length != s.size()) throw new IllegalArgumentException(vals.length + " values for " + s);
        for (Object v : vals) if (v == null) throw new NullPointerException("Java null is not a Ludus value");
        s = s.base();
        return switch (vals.length) {
            case 1 -> of(s, vals[0]);
            case 2 -> of(s, vals[0], vals[1]);
            case 3 -> of(s, vals[0], vals[1], vals[2]);
            case 4 -> of(s, vals[0], vals[1], vals[2], vals[3]);
            default -> {
                int m = vals.length <= WideNumRecs.MAX_KEYS ? NumRec.numbers(vals) : 0;
                yield m == 0 ? RN.make(s, vals) : WideNumRecs.of(s.layout(m), m, vals);
            }
        };
    }

    /**
     * {@code (Object rec, Object v) -> LDict}: a record of the same shape as {@code like} (rec must
     * be one, as an access site's shape guard makes sure) with the value of key i replaced by v.
     * For assoc sites' inline caches (DictSites): one straight-line allocation for the JIT, no
     * search of the shape, no branch, so a record that only passes from one call to the next
     * can be left unallocated.
     */
    public static java.lang.invoke.MethodHandle replacer(Rec like, int i) throws ReflectiveOperationException {
        if (i < 0 || i >= like.size()) throw out(i, like.shape);
        var type = java.lang.invoke.MethodType.methodType(Rec.class, int.class, Object.class);
        var lookup = java.lang.invoke.MethodHandles.lookup();
        java.lang.invoke.MethodHandle with;
        if (like instanceof NumRec && like.shape.isNumber(i)) {
            // v a number: one field replaced, unboxed; else the layout that fits (NumRec.with)
            with = lookup.findStatic(NumRec.class, "replaceNumber", java.lang.invoke.MethodType.methodType(Rec.class, NumRec.class, int.class, Object.class))
                    .asType(java.lang.invoke.MethodType.methodType(Rec.class, like.getClass(), int.class, Object.class));
        } else {
            with = lookup.findVirtual(like.getClass(), like instanceof NumRec ? "withObject" : "with", type);
        }
        return java.lang.invoke.MethodHandles.insertArguments(with, 1, i)
                .asType(java.lang.invoke.MethodType.methodType(LDict.class, Object.class, Object.class));
    }

    /** The value of the shape's key i. */
    public abstract Object at(int i);

    /** A record of the same shape with the value of key i replaced by v. */
    abstract Rec with(int i, Object v);

    @Override public final int size() { return shape.size(); }

    @Override public final Object get(Keyword k) {
        int i = shape.indexOf(k);
        return i < 0 ? null : at(i);
    }

    @Override public final LDict assoc(Keyword k, Object v) {
        if (v == null) throw new NullPointerException("Java null is not a Ludus value");
        int i = shape.indexOf(k);
        if (i >= 0) return at(i) == v ? this : with(i, v);
        int n = shape.size();
        Shape grown = n < SMALL ? shape.base().with(k) : null;
        if (grown == null) return MapDict.small(pairs(0)).assoc(k, v);
        Object[] vals = new Object[n + 1];
        for (int j = 0; j < n; j++) vals[j] = at(j);
        vals[n] = v;
        return of(grown, vals);
    }

    @Override public final LDict dissoc(Keyword k) {
        int i = shape.indexOf(k);
        return i < 0 ? this : without(1L << i);
    }

    /** The dict without these keys (a dict pattern's {@code ...rest}): one record, not one per key. */
    public final LDict without(Keyword[] ks) {
        long drop = 0;
        for (Keyword k : ks) {
            int i = shape.indexOf(k);
            if (i >= 0) drop |= 1L << i;
        }
        return without(drop);
    }

    /** Without the keys at the positions set in drop (n <= LDict.SMALL): the record of the shape left, else the general form. */
    private LDict without(long drop) {
        int n = shape.size(), gone = Long.bitCount(drop);
        if (gone == 0) return this;
        if (gone == n) return EMPTY;
        Shape s = shape.base();
        for (int i = n - 1; i >= 0 && s != null; i--) if ((drop & 1L << i) != 0) s = s.without(i);
        if (s == null) return MapDict.small(pairs(drop));
        if (this instanceof NumRec r) return r.without(drop, s);
        Object[] vals = new Object[n - gone];
        for (int j = 0, o = 0; j < n; j++) if ((drop & 1L << j) == 0) vals[o++] = at(j);
        return of(s, vals);
    }

    /** The entries as a fresh flat key/value array, leaving out the keys at the positions set in drop. */
    private Object[] pairs(long drop) {
        int n = shape.size();
        Object[] kv = new Object[2 * (n - Long.bitCount(drop))];
        int j = 0;
        for (int i = 0; i < n; i++) {
            if ((drop & 1L << i) != 0) continue;
            kv[j++] = shape.key(i);
            kv[j++] = at(i);
        }
        return kv;
    }

    @Override public final void forEach(BiConsumer<Keyword, Object> f) {
        int n = shape.size();
        for (int i = 0; i < n; i++) f.accept(shape.key(i), at(i));
    }

    @Override final void forEachUnordered(BiConsumer<Keyword, Object> f) { forEach(f); }

    @Override public final boolean allEntries(BiPredicate<Keyword, Object> p) {
        int n = shape.size();
        for (int i = 0; i < n; i++) if (!p.test(shape.key(i), at(i))) return false;
        return true;
    }

    @Override public final LList keys() {
        Object[] ks = new Object[shape.size()];
        for (int i = 0; i < ks.length; i++) ks[i] = shape.key(i);
        return LList.fromOwnedArray(ks);
    }

    @Override public final LList values() {
        Object[] vs = new Object[shape.size()];
        for (int i = 0; i < vs.length; i++) vs[i] = at(i);
        return LList.fromOwnedArray(vs);
    }

    static IndexOutOfBoundsException out(int i, Shape s) {
        return new IndexOutOfBoundsException("field " + i + " of a record of " + s);
    }

    public static final class R1 extends Rec {
        public final Object v0;
        R1(Shape s, Object v0) { super(s); this.v0 = v0; }
        static Rec make(Shape s, Object v0) { return new R1(s, v0); }
        @Override public Object at(int i) {
            if (i == 0) return v0;
            throw out(i, shape);
        }
        @Override Rec with(int i, Object v) {
            if (i == 0) return new R1(shape, v);
            throw out(i, shape);
        }
    }

    public static final class R2 extends Rec {
        public final Object v0, v1;
        R2(Shape s, Object v0, Object v1) { super(s); this.v0 = v0; this.v1 = v1; }
        static Rec make(Shape s, Object v0, Object v1) { return new R2(s, v0, v1); }
        @Override public Object at(int i) {
            return switch (i) {
                case 0 -> v0;
                case 1 -> v1;
                default -> throw out(i, shape);
            };
        }
        @Override Rec with(int i, Object v) {
            return switch (i) {
                case 0 -> new R2(shape, v, v1);
                case 1 -> new R2(shape, v0, v);
                default -> throw out(i, shape);
            };
        }
    }

    public static final class R3 extends Rec {
        public final Object v0, v1, v2;
        R3(Shape s, Object v0, Object v1, Object v2) { super(s); this.v0 = v0; this.v1 = v1; this.v2 = v2; }
        static Rec make(Shape s, Object v0, Object v1, Object v2) { return new R3(s, v0, v1, v2); }
        @Override public Object at(int i) {
            return switch (i) {
                case 0 -> v0;
                case 1 -> v1;
                case 2 -> v2;
                default -> throw out(i, shape);
            };
        }
        @Override Rec with(int i, Object v) {
            return switch (i) {
                case 0 -> new R3(shape, v, v1, v2);
                case 1 -> new R3(shape, v0, v, v2);
                case 2 -> new R3(shape, v0, v1, v);
                default -> throw out(i, shape);
            };
        }
    }

    public static final class R4 extends Rec {
        public final Object v0, v1, v2, v3;
        static Rec make(Shape s, Object v0, Object v1, Object v2, Object v3) { return new R4(s, v0, v1, v2, v3); }
        R4(Shape s, Object v0, Object v1, Object v2, Object v3) {
            super(s);
            this.v0 = v0; this.v1 = v1; this.v2 = v2; this.v3 = v3;
        }
        @Override public Object at(int i) {
            return switch (i) {
                case 0 -> v0;
                case 1 -> v1;
                case 2 -> v2;
                case 3 -> v3;
                default -> throw out(i, shape);
            };
        }
        @Override Rec with(int i, Object v) {
            return switch (i) {
                case 0 -> new R4(shape, v, v1, v2, v3);
                case 1 -> new R4(shape, v0, v, v2, v3);
                case 2 -> new R4(shape, v0, v1, v, v3);
                case 3 -> new R4(shape, v0, v1, v2, v);
                default -> throw out(i, shape);
            };
        }
    }

    /** 5 to LDict.SMALL entries: the values in one array (never mutated). */
    public static final class RN extends Rec {
        private final Object[] vals;
        RN(Shape s, Object[] vals) { super(s); this.vals = vals; }
        static Rec make(Shape s, Object[] vals) { return new RN(s, vals); }
        @Override public Object at(int i) { return vals[i]; }
        @Override Rec with(int i, Object v) {
            Object[] b = vals.clone();
            b[i] = v;
            return new RN(shape, b);
        }
    }
}
