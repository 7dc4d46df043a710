package dev.ludus.runtime.collection;

/**
 * The {@link NumRec records with unboxed numbers} of five to {@link #MAX_KEYS} keys, as N1…N4
 * of fewer: a field for each key's object and one for its double (null or 0 where the layout
 * keeps the other), so that a record passed along calls and copied with a value replaced can be
 * left unallocated by the JIT, and its numbers are never boxed. Records of more keys keep their
 * values in an array (Rec.RN), boxed.
 */
public final class WideNumRecs {
    private WideNumRecs() {}

    /** The most keys of a record with unboxed numbers: a dict's most as a record (LDict.SMALL). */
    public static final int MAX_KEYS = LDict.SMALL;

    /** The record of layout's keys (5 to MAX_KEYS) holding a, numbers at mask m (the layout's). */
    static Rec of(Shape layout, int m, Object[] a) {
        return switch (a.length) {
            case 5 -> N5.make(layout, (m & 1) != 0 ? null : a[0], (m & 2) != 0 ? null : a[1], (m & 4) != 0 ? null : a[2], (m & 8) != 0 ? null : a[3], (m & 16) != 0 ? null : a[4], (m & 1) != 0 ? (Double) a[0] : 0, (m & 2) != 0 ? (Double) a[1] : 0, (m & 4) != 0 ? (Double) a[2] : 0, (m & 8) != 0 ? (Double) a[3] : 0, (m & 16) != 0 ? (Double) a[4] : 0);
            case 6 -> N6.make(layout, (m & 1) != 0 ? null : a[0], (m & 2) != 0 ? null : a[1], (m & 4) != 0 ? null : a[2], (m & 8) != 0 ? null : a[3], (m & 16) != 0 ? null : a[4], (m & 32) != 0 ? null : a[5], (m & 1) != 0 ? (Double) a[0] : 0, (m & 2) != 0 ? (Double) a[1] : 0, (m & 4) != 0 ? (Double) a[2] : 0, (m & 8) != 0 ? (Double) a[3] : 0, (m & 16) != 0 ? (Double) a[4] : 0, (m & 32) != 0 ? (Double) a[5] : 0);
            case 7 -> N7.make(layout, (m & 1) != 0 ? null : a[0], (m & 2) != 0 ? null : a[1], (m & 4) != 0 ? null : a[2], (m & 8) != 0 ? null : a[3], (m & 16) != 0 ? null : a[4], (m & 32) != 0 ? null : a[5], (m & 64) != 0 ? null : a[6], (m & 1) != 0 ? (Double) a[0] : 0, (m & 2) != 0 ? (Double) a[1] : 0, (m & 4) != 0 ? (Double) a[2] : 0, (m & 8) != 0 ? (Double) a[3] : 0, (m & 16) != 0 ? (Double) a[4] : 0, (m & 32) != 0 ? (Double) a[5] : 0, (m & 64) != 0 ? (Double) a[6] : 0);
            case 8 -> N8.make(layout, (m & 1) != 0 ? null : a[0], (m & 2) != 0 ? null : a[1], (m & 4) != 0 ? null : a[2], (m & 8) != 0 ? null : a[3], (m & 16) != 0 ? null : a[4], (m & 32) != 0 ? null : a[5], (m & 64) != 0 ? null : a[6], (m & 128) != 0 ? null : a[7], (m & 1) != 0 ? (Double) a[0] : 0, (m & 2) != 0 ? (Double) a[1] : 0, (m & 4) != 0 ? (Double) a[2] : 0, (m & 8) != 0 ? (Double) a[3] : 0, (m & 16) != 0 ? (Double) a[4] : 0, (m & 32) != 0 ? (Double) a[5] : 0, (m & 64) != 0 ? (Double) a[6] : 0, (m & 128) != 0 ? (Double) a[7] : 0);
            default -> throw new IllegalArgumentException(a.length + " values for " + layout);
        };
    }

    /** The record of layout's keys (5 to MAX_KEYS) with objects v and doubles d (null or 0 where the layout keeps the other). */
    static Rec ofSlots(Shape layout, Object[] v, double[] d) {
        return switch (v.length) {
            case 5 -> N5.make(layout, v[0], v[1], v[2], v[3], v[4], d[0], d[1], d[2], d[3], d[4]);
            case 6 -> N6.make(layout, v[0], v[1], v[2], v[3], v[4], v[5], d[0], d[1], d[2], d[3], d[4], d[5]);
            case 7 -> N7.make(layout, v[0], v[1], v[2], v[3], v[4], v[5], v[6], d[0], d[1], d[2], d[3], d[4], d[5], d[6]);
            case 8 -> N8.make(layout, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7]);
            default -> throw new IllegalArgumentException(v.length + " values for " + layout);
        };
    }

    public static final class N5 extends NumRec {
        public final Object v0, v1, v2, v3, v4;
        public final double d0, d1, d2, d3, d4;
        static Rec make(Shape layout, Object v0, Object v1, Object v2, Object v3, Object v4, double d0, double d1, double d2, double d3, double d4) { return new N5(layout, v0, v1, v2, v3, v4, d0, d1, d2, d3, d4); }

        N5(Shape layout, Object v0, Object v1, Object v2, Object v3, Object v4, double d0, double d1, double d2, double d3, double d4) {
            super(layout);
            this.v0 = v0; this.v1 = v1; this.v2 = v2; this.v3 = v3; this.v4 = v4;
            this.d0 = d0; this.d1 = d1; this.d2 = d2; this.d3 = d3; this.d4 = d4;
        }
        @Override Object obj(int i) {
            return switch (i) {
                case 0 -> v0;
                case 1 -> v1;
                case 2 -> v2;
                case 3 -> v3;
                case 4 -> v4;
                default -> throw out(i, shape);
            };
        }
        @Override double num(int i) {
            return switch (i) {
                case 0 -> d0;
                case 1 -> d1;
                case 2 -> d2;
                case 3 -> d3;
                case 4 -> d4;
                default -> throw out(i, shape);
            };
        }
        // one allocation, its fields chosen by i (a constant where an access site calls this),
        // small enough for C2 to inline and then leave a record passed along unallocated
        @Override Rec withObject(int i, Object v) {
            if (i < 0 || i >= 5) throw out(i, shape);
            return new N5(shape, i == 0 ? v : v0, i == 1 ? v : v1, i == 2 ? v : v2, i == 3 ? v : v3, i == 4 ? v : v4, d0, d1, d2, d3, d4);
        }
        @Override Rec withNumber(int i, double d) {
            if (i < 0 || i >= 5) throw out(i, shape);
            return new N5(shape, v0, v1, v2, v3, v4, i == 0 ? d : d0, i == 1 ? d : d1, i == 2 ? d : d2, i == 3 ? d : d3, i == 4 ? d : d4);
        }
    }

    public static final class N6 extends NumRec {
        public final Object v0, v1, v2, v3, v4, v5;
        public final double d0, d1, d2, d3, d4, d5;
        static Rec make(Shape layout, Object v0, Object v1, Object v2, Object v3, Object v4, Object v5, double d0, double d1, double d2, double d3, double d4, double d5) { return new N6(layout, v0, v1, v2, v3, v4, v5, d0, d1, d2, d3, d4, d5); }

        N6(Shape layout, Object v0, Object v1, Object v2, Object v3, Object v4, Object v5, double d0, double d1, double d2, double d3, double d4, double d5) {
            super(layout);
            this.v0 = v0; this.v1 = v1; this.v2 = v2; this.v3 = v3; this.v4 = v4; this.v5 = v5;
            this.d0 = d0; this.d1 = d1; this.d2 = d2; this.d3 = d3; this.d4 = d4; this.d5 = d5;
        }
        @Override Object obj(int i) {
            return switch (i) {
                case 0 -> v0;
                case 1 -> v1;
                case 2 -> v2;
                case 3 -> v3;
                case 4 -> v4;
                case 5 -> v5;
                default -> throw out(i, shape);
            };
        }
        @Override double num(int i) {
            return switch (i) {
                case 0 -> d0;
                case 1 -> d1;
                case 2 -> d2;
                case 3 -> d3;
                case 4 -> d4;
                case 5 -> d5;
                default -> throw out(i, shape);
            };
        }
        // one allocation, its fields chosen by i (a constant where an access site calls this),
        // small enough for C2 to inline and then leave a record passed along unallocated
        @Override Rec withObject(int i, Object v) {
            if (i < 0 || i >= 6) throw out(i, shape);
            return new N6(shape, i == 0 ? v : v0, i == 1 ? v : v1, i == 2 ? v : v2, i == 3 ? v : v3, i == 4 ? v : v4, i == 5 ? v : v5, d0, d1, d2, d3, d4, d5);
        }
        @Override Rec withNumber(int i, double d) {
            if (i < 0 || i >= 6) throw out(i, shape);
            return new N6(shape, v0, v1, v2, v3, v4, v5, i == 0 ? d : d0, i == 1 ? d : d1, i == 2 ? d : d2, i == 3 ? d : d3, i == 4 ? d : d4, i == 5 ? d : d5);
        }
    }

    public static final class N7 extends NumRec {
        public final Object v0, v1, v2, v3, v4, v5, v6;
        public final double d0, d1, d2, d3, d4, d5, d6;
        static Rec make(Shape layout, Object v0, Object v1, Object v2, Object v3, Object v4, Object v5, Object v6, double d0, double d1, double d2, double d3, double d4, double d5, double d6) { return new N7(layout, v0, v1, v2, v3, v4, v5, v6, d0, d1, d2, d3, d4, d5, d6); }

        N7(Shape layout, Object v0, Object v1, Object v2, Object v3, Object v4, Object v5, Object v6, double d0, double d1, double d2, double d3, double d4, double d5, double d6) {
            super(layout);
            this.v0 = v0; this.v1 = v1; this.v2 = v2; this.v3 = v3; this.v4 = v4; this.v5 = v5; this.v6 = v6;
            this.d0 = d0; this.d1 = d1; this.d2 = d2; this.d3 = d3; this.d4 = d4; this.d5 = d5; this.d6 = d6;
        }
        @Override Object obj(int i) {
            return switch (i) {
                case 0 -> v0;
                case 1 -> v1;
                case 2 -> v2;
                case 3 -> v3;
                case 4 -> v4;
                case 5 -> v5;
                case 6 -> v6;
                default -> throw out(i, shape);
            };
        }
        @Override double num(int i) {
            return switch (i) {
                case 0 -> d0;
                case 1 -> d1;
                case 2 -> d2;
                case 3 -> d3;
                case 4 -> d4;
                case 5 -> d5;
                case 6 -> d6;
                default -> throw out(i, shape);
            };
        }
        // one allocation, its fields chosen by i (a constant where an access site calls this),
        // small enough for C2 to inline and then leave a record passed along unallocated
        @Override Rec withObject(int i, Object v) {
            if (i < 0 || i >= 7) throw out(i, shape);
            return new N7(shape, i == 0 ? v : v0, i == 1 ? v : v1, i == 2 ? v : v2, i == 3 ? v : v3, i == 4 ? v : v4, i == 5 ? v : v5, i == 6 ? v : v6, d0, d1, d2, d3, d4, d5, d6);
        }
        @Override Rec withNumber(int i, double d) {
            if (i < 0 || i >= 7) throw out(i, shape);
            return new N7(shape, v0, v1, v2, v3, v4, v5, v6, i == 0 ? d : d0, i == 1 ? d : d1, i == 2 ? d : d2, i == 3 ? d : d3, i == 4 ? d : d4, i == 5 ? d : d5, i == 6 ? d : d6);
        }
    }

    public static final class N8 extends NumRec {
        public final Object v0, v1, v2, v3, v4, v5, v6, v7;
        public final double d0, d1, d2, d3, d4, d5, d6, d7;
        static Rec make(Shape layout, Object v0, Object v1, Object v2, Object v3, Object v4, Object v5, Object v6, Object v7, double d0, double d1, double d2, double d3, double d4, double d5, double d6, double d7) { return new N8(layout, v0, v1, v2, v3, v4, v5, v6, v7, d0, d1, d2, d3, d4, d5, d6, d7); }

        N8(Shape layout, Object v0, Object v1, Object v2, Object v3, Object v4, Object v5, Object v6, Object v7, double d0, double d1, double d2, double d3, double d4, double d5, double d6, double d7) {
            super(layout);
            this.v0 = v0; this.v1 = v1; this.v2 = v2; this.v3 = v3; this.v4 = v4; this.v5 = v5; this.v6 = v6; this.v7 = v7;
            this.d0 = d0; this.d1 = d1; this.d2 = d2; this.d3 = d3; this.d4 = d4; this.d5 = d5; this.d6 = d6; this.d7 = d7;
        }
        @Override Object obj(int i) {
            return switch (i) {
                case 0 -> v0;
                case 1 -> v1;
                case 2 -> v2;
                case 3 -> v3;
                case 4 -> v4;
                case 5 -> v5;
                case 6 -> v6;
                case 7 -> v7;
                default -> throw out(i, shape);
            };
        }
        @Override double num(int i) {
            return switch (i) {
                case 0 -> d0;
                case 1 -> d1;
                case 2 -> d2;
                case 3 -> d3;
                case 4 -> d4;
                case 5 -> d5;
                case 6 -> d6;
                case 7 -> d7;
                default -> throw out(i, shape);
            };
        }
        // one allocation, its fields chosen by i (a constant where an access site calls this),
        // small enough for C2 to inline and then leave a record passed along unallocated
        @Override Rec withObject(int i, Object v) {
            if (i < 0 || i >= 8) throw out(i, shape);
            return new N8(shape, i == 0 ? v : v0, i == 1 ? v : v1, i == 2 ? v : v2, i == 3 ? v : v3, i == 4 ? v : v4, i == 5 ? v : v5, i == 6 ? v : v6, i == 7 ? v : v7, d0, d1, d2, d3, d4, d5, d6, d7);
        }
        @Override Rec withNumber(int i, double d) {
            if (i < 0 || i >= 8) throw out(i, shape);
            return new N8(shape, v0, v1, v2, v3, v4, v5, v6, v7, i == 0 ? d : d0, i == 1 ? d : d1, i == 2 ? d : d2, i == 3 ? d : d3, i == 4 ? d : d4, i == 5 ? d : d5, i == 6 ? d : d6, i == 7 ? d : d7);
        }
    }
}
