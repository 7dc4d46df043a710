package dev.ludus.runtime.collection;

/**
 * A {@link Rec shaped record} whose number values are kept unboxed: its shape is a layout
 * ({@link Shape#layout}) saying which keys hold doubles (fields d0…) and which objects (v0…).
 * A literal with a number among its values makes one (Rec.of), so a record passed along a chain
 * of calls and copied with one field replaced carries its numbers without a Double per copy,
 * which the JIT of Java 17 could not always leave unallocated.
 *
 * <p>To a program it is the dict with the same entries (at(i) boxes a number on the way out):
 * equality, hashing, printing, patterns and key order are those of the boxed form. Putting a
 * non-number where the layout keeps a double gives the record of the layout that fits.
 */
public abstract sealed class NumRec extends Rec permits NumRec.N1, NumRec.N2, NumRec.N3, NumRec.N4,
        WideNumRecs.N5, WideNumRecs.N6, WideNumRecs.N7, WideNumRecs.N8 {
    NumRec(Shape layout) { super(layout); }

    @Override final Rec with(int i, Object v) {
        if (!shape.isNumber(i)) return withObject(i, v);
        if (v instanceof Double x) return withNumber(i, x);
        Object[] vals = new Object[size()];
        for (int j = 0; j < vals.length; j++) vals[j] = j == i ? v : at(j);
        return (Rec) Rec.of(shape.base(), vals);
    }

    /** A copy with key i, kept as a double, replaced by v (for access sites' caches: Rec.replacer). */
    static Rec replaceNumber(NumRec r, int i, Object v) {
        return v instanceof Double x ? r.withNumber(i, x) : r.with(i, v);
    }

    /** The value of key i: its double field boxed where the layout keeps a number, else its object field. */
    @Override public final Object at(int i) {
        return shape.isNumber(i) ? (Object) num(i) : obj(i);
    }

    /** The object field of key i (null where the layout keeps a number). */
    abstract Object obj(int i);

    /** The double field of key i (0 where the layout keeps an object). */
    abstract double num(int i);

    /**
     * This record without the keys at drop's positions, some left, in s (their base shape): the
     * numbers left stay unboxed (a {@code ...rest} pattern's record, as Rec.without makes it).
     */
    final LDict without(long drop, Shape s) {
        long left = ~drop & ((1L << size()) - 1);
        int k = Long.bitCount(left), m = 0;
        for (int j = 0; j < k; j++) if (shape.isNumber(nth(left, j))) m |= 1 << j;
        if (m == 0) {
            Object[] vals = new Object[k];
            for (int j = 0; j < k; j++) vals[j] = obj(nth(left, j));
            return Rec.of(s, vals);
        }
        Shape l = s.layout(m);
        int a = nth(left, 0);
        if (k == 1) return Rec.ofLayout(l, obj(a), num(a));
        int b = nth(left, 1);
        if (k == 2) return Rec.ofLayout(l, obj(a), num(a), obj(b), num(b));
        int c = nth(left, 2);
        if (k == 3) return Rec.ofLayout(l, obj(a), num(a), obj(b), num(b), obj(c), num(c));
        int d = nth(left, 3);
        if (k == 4) return Rec.ofLayout(l, obj(a), num(a), obj(b), num(b), obj(c), num(c), obj(d), num(d));
        Object[] vs = new Object[k];
        double[] ds = new double[k];
        for (int j = 0; j < k; j++) {
            vs[j] = obj(nth(left, j));
            ds[j] = num(nth(left, j));
        }
        return WideNumRecs.ofSlots(l, vs, ds);
    }

    /** The position of the j-th set bit of bits (from 0). */
    private static int nth(long bits, int j) {
        for (; j > 0; j--) bits &= bits - 1;
        return Long.numberOfTrailingZeros(bits);
    }

    /** A copy with key i (kept as an object) replaced by v. */
    abstract Rec withObject(int i, Object v);

    /** A copy with key i (kept as a double) replaced by d. */
    abstract Rec withNumber(int i, double d);

    static Rec of(Shape base, int m, Object a0) {
        return N1.make(base.layout(m), (m & 1) != 0 ? null : a0, (m & 1) != 0 ? (Double) a0 : 0);
    }

    /** The mask of the numbers among the values: which layout of the shape keeps them. */
    static int numbers(Object[] vals) {
        int m = 0;
        for (int i = 0; i < vals.length; i++) if (vals[i] instanceof Double) m |= 1 << i;
        return m;
    }

    /** The mask of the numbers among the values: which layout of the shape keeps them. */
    static int numbers(Object a0) { return (a0 instanceof Double ? 1 : 0); }

    static Rec of(Shape base, int m, Object a0, Object a1) {
        return N2.make(base.layout(m), (m & 1) != 0 ? null : a0, (m & 2) != 0 ? null : a1, (m & 1) != 0 ? (Double) a0 : 0, (m & 2) != 0 ? (Double) a1 : 0);
    }

    /** The mask of the numbers among the values: which layout of the shape keeps them. */
    static int numbers(Object a0, Object a1) { return (a0 instanceof Double ? 1 : 0) | (a1 instanceof Double ? 2 : 0); }

    static Rec of(Shape base, int m, Object a0, Object a1, Object a2) {
        return N3.make(base.layout(m), (m & 1) != 0 ? null : a0, (m & 2) != 0 ? null : a1, (m & 4) != 0 ? null : a2, (m & 1) != 0 ? (Double) a0 : 0, (m & 2) != 0 ? (Double) a1 : 0, (m & 4) != 0 ? (Double) a2 : 0);
    }

    /** The mask of the numbers among the values: which layout of the shape keeps them. */
    static int numbers(Object a0, Object a1, Object a2) { return (a0 instanceof Double ? 1 : 0) | (a1 instanceof Double ? 2 : 0) | (a2 instanceof Double ? 4 : 0); }

    static Rec of(Shape base, int m, Object a0, Object a1, Object a2, Object a3) {
        return N4.make(base.layout(m), (m & 1) != 0 ? null : a0, (m & 2) != 0 ? null : a1, (m & 4) != 0 ? null : a2, (m & 8) != 0 ? null : a3, (m & 1) != 0 ? (Double) a0 : 0, (m & 2) != 0 ? (Double) a1 : 0, (m & 4) != 0 ? (Double) a2 : 0, (m & 8) != 0 ? (Double) a3 : 0);
    }

    /**
     * The record of shape grown (a base shape: r's keys, then one to three new ones) holding r's
     * values and then x0, x1, x2 (as many as there are new keys): {@code #{...r, :k v}} made
     * in one step, r's numbers copied unboxed where r keeps them so. At most MAX_FIELDS keys.
     */
    static LDict extend(Rec r, Shape grown, Object x0, Object x1, Object x2) {
        int n = grown.size(), nb = r.size();
        int mask = r instanceof NumRec ? r.shape.numbers() : 0;
        for (int j = nb; j < n; j++) if (extra(j - nb, x0, x1, x2) instanceof Double) mask |= 1 << j;
        if (mask == 0) {
            return switch (n) {
                case 2 -> R2.make(grown, o(r, nb, 0, x0, x1, x2), o(r, nb, 1, x0, x1, x2));
                case 3 -> R3.make(grown, o(r, nb, 0, x0, x1, x2), o(r, nb, 1, x0, x1, x2), o(r, nb, 2, x0, x1, x2));
                default -> R4.make(grown, o(r, nb, 0, x0, x1, x2), o(r, nb, 1, x0, x1, x2), o(r, nb, 2, x0, x1, x2),
                        o(r, nb, 3, x0, x1, x2));
            };
        }
        Shape l = grown.layout(mask);
        return switch (n) {
            case 2 -> N2.make(l, o(r, nb, 0, x0, x1, x2), o(r, nb, 1, x0, x1, x2), d(r, nb, 0, x0, x1, x2), d(r, nb, 1, x0, x1, x2));
            case 3 -> N3.make(l, o(r, nb, 0, x0, x1, x2), o(r, nb, 1, x0, x1, x2), o(r, nb, 2, x0, x1, x2),
                    d(r, nb, 0, x0, x1, x2), d(r, nb, 1, x0, x1, x2), d(r, nb, 2, x0, x1, x2));
            default -> N4.make(l, o(r, nb, 0, x0, x1, x2), o(r, nb, 1, x0, x1, x2), o(r, nb, 2, x0, x1, x2), o(r, nb, 3, x0, x1, x2),
                    d(r, nb, 0, x0, x1, x2), d(r, nb, 1, x0, x1, x2), d(r, nb, 2, x0, x1, x2), d(r, nb, 3, x0, x1, x2));
        };
    }

    private static Object extra(int i, Object x0, Object x1, Object x2) {
        return i == 0 ? x0 : i == 1 ? x1 : x2;
    }

    /** Value j of the extended record as an object field: null where it is kept as a double. */
    private static Object o(Rec r, int nb, int j, Object x0, Object x1, Object x2) {
        if (j >= nb) {
            Object x = extra(j - nb, x0, x1, x2);
            return x instanceof Double ? null : x;
        }
        return r instanceof NumRec nr ? nr.obj(j) : r.at(j);
    }

    /** Value j of the extended record as a double field: 0 where it is kept as an object. */
    private static double d(Rec r, int nb, int j, Object x0, Object x1, Object x2) {
        if (j >= nb) return extra(j - nb, x0, x1, x2) instanceof Double x ? x : 0;
        return r instanceof NumRec nr ? nr.num(j) : 0;
    }

    /** The mask of the numbers among the values: which layout of the shape keeps them. */
    static int numbers(Object a0, Object a1, Object a2, Object a3) { return (a0 instanceof Double ? 1 : 0) | (a1 instanceof Double ? 2 : 0) | (a2 instanceof Double ? 4 : 0) | (a3 instanceof Double ? 8 : 0); }


    public static final class N1 extends NumRec {
        public final Object v0;
        public final double d0;
        /** Made here, not in NumRec.of: see Rec.of (the verifier would load every layout class with NumRec). */
        static Rec make(Shape layout, Object v0, double d0) { return new N1(layout, v0, d0); }

        N1(Shape layout, Object v0, double d0) {
            super(layout);
            this.v0 = v0; this.d0 = d0;
        }
        @Override Object obj(int i) {
            return switch (i) {
                case 0 -> v0;
                default -> throw out(i, shape);
            };
        }
        @Override double num(int i) {
            return switch (i) {
                case 0 -> d0;
                default -> throw out(i, shape);
            };
        }
        @Override Rec withObject(int i, Object v) {
            return switch (i) {
                case 0 -> new N1(shape, v, d0);
                default -> throw out(i, shape);
            };
        }
        @Override Rec withNumber(int i, double d) {
            return switch (i) {
                case 0 -> new N1(shape, v0, d);
                default -> throw out(i, shape);
            };
        }
    }

    public static final class N2 extends NumRec {
        public final Object v0, v1;
        public final double d0, d1;
        /** Made here, not in NumRec.of: see Rec.of (the verifier would load every layout class with NumRec). */
        static Rec make(Shape layout, Object v0, Object v1, double d0, double d1) { return new N2(layout, v0, v1, d0, d1); }

        N2(Shape layout, Object v0, Object v1, double d0, double d1) {
            super(layout);
            this.v0 = v0; this.v1 = v1; this.d0 = d0; this.d1 = d1;
        }
        @Override Object obj(int i) {
            return switch (i) {
                case 0 -> v0;
                case 1 -> v1;
                default -> throw out(i, shape);
            };
        }
        @Override double num(int i) {
            return switch (i) {
                case 0 -> d0;
                case 1 -> d1;
                default -> throw out(i, shape);
            };
        }
        @Override Rec withObject(int i, Object v) {
            return switch (i) {
                case 0 -> new N2(shape, v, v1, d0, d1);
                case 1 -> new N2(shape, v0, v, d0, d1);
                default -> throw out(i, shape);
            };
        }
        @Override Rec withNumber(int i, double d) {
            return switch (i) {
                case 0 -> new N2(shape, v0, v1, d, d1);
                case 1 -> new N2(shape, v0, v1, d0, d);
                default -> throw out(i, shape);
            };
        }
    }

    public static final class N3 extends NumRec {
        public final Object v0, v1, v2;
        public final double d0, d1, d2;
        /** Made here, not in NumRec.of: see Rec.of (the verifier would load every layout class with NumRec). */
        static Rec make(Shape layout, Object v0, Object v1, Object v2, double d0, double d1, double d2) { return new N3(layout, v0, v1, v2, d0, d1, d2); }

        N3(Shape layout, Object v0, Object v1, Object v2, double d0, double d1, double d2) {
            super(layout);
            this.v0 = v0; this.v1 = v1; this.v2 = v2; this.d0 = d0; this.d1 = d1; this.d2 = d2;
        }
        @Override Object obj(int i) {
            return switch (i) {
                case 0 -> v0;
                case 1 -> v1;
                case 2 -> v2;
                default -> throw out(i, shape);
            };
        }
        @Override double num(int i) {
            return switch (i) {
                case 0 -> d0;
                case 1 -> d1;
                case 2 -> d2;
                default -> throw out(i, shape);
            };
        }
        @Override Rec withObject(int i, Object v) {
            return switch (i) {
                case 0 -> new N3(shape, v, v1, v2, d0, d1, d2);
                case 1 -> new N3(shape, v0, v, v2, d0, d1, d2);
                case 2 -> new N3(shape, v0, v1, v, d0, d1, d2);
                default -> throw out(i, shape);
            };
        }
        @Override Rec withNumber(int i, double d) {
            return switch (i) {
                case 0 -> new N3(shape, v0, v1, v2, d, d1, d2);
                case 1 -> new N3(shape, v0, v1, v2, d0, d, d2);
                case 2 -> new N3(shape, v0, v1, v2, d0, d1, d);
                default -> throw out(i, shape);
            };
        }
    }

    public static final class N4 extends NumRec {
        public final Object v0, v1, v2, v3;
        public final double d0, d1, d2, d3;
        /** Made here, not in NumRec.of: see Rec.of (the verifier would load every layout class with NumRec). */
        static Rec make(Shape layout, Object v0, Object v1, Object v2, Object v3, double d0, double d1, double d2, double d3) { return new N4(layout, v0, v1, v2, v3, d0, d1, d2, d3); }

        N4(Shape layout, Object v0, Object v1, Object v2, Object v3, double d0, double d1, double d2, double d3) {
            super(layout);
            this.v0 = v0; this.v1 = v1; this.v2 = v2; this.v3 = v3; this.d0 = d0; this.d1 = d1; this.d2 = d2; this.d3 = d3;
        }
        @Override Object obj(int i) {
            return switch (i) {
                case 0 -> v0;
                case 1 -> v1;
                case 2 -> v2;
                case 3 -> v3;
                default -> throw out(i, shape);
            };
        }
        @Override double num(int i) {
            return switch (i) {
                case 0 -> d0;
                case 1 -> d1;
                case 2 -> d2;
                case 3 -> d3;
                default -> throw out(i, shape);
            };
        }
        @Override Rec withObject(int i, Object v) {
            return switch (i) {
                case 0 -> new N4(shape, v, v1, v2, v3, d0, d1, d2, d3);
                case 1 -> new N4(shape, v0, v, v2, v3, d0, d1, d2, d3);
                case 2 -> new N4(shape, v0, v1, v, v3, d0, d1, d2, d3);
                case 3 -> new N4(shape, v0, v1, v2, v, d0, d1, d2, d3);
                default -> throw out(i, shape);
            };
        }
        @Override Rec withNumber(int i, double d) {
            return switch (i) {
                case 0 -> new N4(shape, v0, v1, v2, v3, d, d1, d2, d3);
                case 1 -> new N4(shape, v0, v1, v2, v3, d0, d, d2, d3);
                case 2 -> new N4(shape, v0, v1, v2, v3, d0, d1, d, d3);
                case 3 -> new N4(shape, v0, v1, v2, v3, d0, d1, d2, d);
                default -> throw out(i, shape);
            };
        }
    }
}
