package dev.ludus.runtime.value;

import dev.ludus.runtime.Values;

/**
 * An immutable fixed-size tuple.
 *
 * <p>Tuples of 0 to 8 elements keep them in fields ({@link T0} … {@link T8}) so that C2 can
 * scalar-replace a tuple that does not escape (a vector built by {@code add} and taken apart
 * by a pattern never reaches the heap; a 5-tuple node of a tree is one object, not two);
 * longer ones wrap an array ({@link TN}). The form is
 * canonical: a tuple of n elements is always of the same class, so compiled patterns can test
 * the arity with one {@code instanceof} and read the fields directly. Every factory below keeps
 * that invariant; nothing else constructs tuples.
 */
public abstract sealed class Tuple permits Tuple.T0, Tuple.T1, Tuple.T2, Tuple.T3, Tuple.T4, Tuple.T5,
        Tuple.T6, Tuple.T7, Tuple.T8, Tuple.TN {
    /** The largest arity with a fixed-field form. */
    public static final int MAX_FIELDS = 8;
    public static final Tuple EMPTY = new T0();

    private Tuple() {}

    public static Tuple of() { return EMPTY; }
    public static Tuple of(Object a) { return new T1(a); }
    public static Tuple of(Object a, Object b) { return new T2(a, b); }
    public static Tuple of(Object a, Object b, Object c) { return new T3(a, b, c); }
    public static Tuple of(Object a, Object b, Object c, Object d) { return new T4(a, b, c, d); }
    public static Tuple of(Object a, Object b, Object c, Object d, Object e) { return new T5(a, b, c, d, e); }
    public static Tuple of(Object a, Object b, Object c, Object d, Object e, Object f) { return new T6(a, b, c, d, e, f); }
    public static Tuple of(Object a, Object b, Object c, Object d, Object e, Object f, Object g) { return new T7(a, b, c, d, e, f, g); }
    public static Tuple of(Object a, Object b, Object c, Object d, Object e, Object f, Object g, Object h) { return new T8(a, b, c, d, e, f, g, h); }

    /** The tuple of {@code items}; takes ownership of the array (never mutate it afterwards). */
    public static Tuple of(Object... items) {
        return switch (items.length) {
            case 0 -> EMPTY;
            case 1 -> new T1(items[0]);
            case 2 -> new T2(items[0], items[1]);
            case 3 -> new T3(items[0], items[1], items[2]);
            case 4 -> new T4(items[0], items[1], items[2], items[3]);
            case 5 -> new T5(items[0], items[1], items[2], items[3], items[4]);
            case 6 -> new T6(items[0], items[1], items[2], items[3], items[4], items[5]);
            case 7 -> new T7(items[0], items[1], items[2], items[3], items[4], items[5], items[6]);
            case 8 -> new T8(items[0], items[1], items[2], items[3], items[4], items[5], items[6], items[7]);
            default -> new TN(items);
        };
    }

    public abstract int size();
    /** Element i, 0 <= i < size() (else IndexOutOfBoundsException). */
    public abstract Object get(int i);
    /** A fresh array of the elements. */
    public abstract Object[] toArray();
    /** Copies the elements into dst from index at on. */
    public abstract void copyTo(Object[] dst, int at);

    @Override public boolean equals(Object o) { return o instanceof Tuple && Values.eq(this, o); }
    @Override public int hashCode() { return Values.hash(this); }
    @Override public String toString() { return Values.show(this); }

    private static IndexOutOfBoundsException out(int i, int n) {
        return new IndexOutOfBoundsException("index " + i + " of a tuple of " + n);
    }

    public static final class T0 extends Tuple {
        private T0() {}
        @Override public int size() { return 0; }
        @Override public Object get(int i) { throw out(i, 0); }
        @Override public Object[] toArray() { return new Object[0]; }
        @Override public void copyTo(Object[] dst, int at) {}
    }

    public static final class T1 extends Tuple {
        public final Object e0;
        T1(Object e0) { this.e0 = e0; }
        @Override public int size() { return 1; }
        @Override public Object get(int i) {
            if (i == 0) return e0;
            throw out(i, 1);
        }
        @Override public Object[] toArray() { return new Object[] {e0}; }
        @Override public void copyTo(Object[] dst, int at) { dst[at] = e0; }
    }

    public static final class T2 extends Tuple {
        public final Object e0, e1;
        T2(Object e0, Object e1) { this.e0 = e0; this.e1 = e1; }
        @Override public int size() { return 2; }
        @Override public Object get(int i) {
            return switch (i) {
                case 0 -> e0;
                case 1 -> e1;
                default -> throw out(i, 2);
            };
        }
        @Override public Object[] toArray() { return new Object[] {e0, e1}; }
        @Override public void copyTo(Object[] dst, int at) { dst[at] = e0; dst[at + 1] = e1; }
    }

    public static final class T3 extends Tuple {
        public final Object e0, e1, e2;
        T3(Object e0, Object e1, Object e2) { this.e0 = e0; this.e1 = e1; this.e2 = e2; }
        @Override public int size() { return 3; }
        @Override public Object get(int i) {
            return switch (i) {
                case 0 -> e0;
                case 1 -> e1;
                case 2 -> e2;
                default -> throw out(i, 3);
            };
        }
        @Override public Object[] toArray() { return new Object[] {e0, e1, e2}; }
        @Override public void copyTo(Object[] dst, int at) { dst[at] = e0; dst[at + 1] = e1; dst[at + 2] = e2; }
    }

    public static final class T4 extends Tuple {
        public final Object e0, e1, e2, e3;
        T4(Object e0, Object e1, Object e2, Object e3) { this.e0 = e0; this.e1 = e1; this.e2 = e2; this.e3 = e3; }
        @Override public int size() { return 4; }
        @Override public Object get(int i) {
            return switch (i) {
                case 0 -> e0;
                case 1 -> e1;
                case 2 -> e2;
                case 3 -> e3;
                default -> throw out(i, 4);
            };
        }
        @Override public Object[] toArray() { return new Object[] {e0, e1, e2, e3}; }
        @Override public void copyTo(Object[] dst, int at) {
            dst[at] = e0; dst[at + 1] = e1; dst[at + 2] = e2; dst[at + 3] = e3;
        }
    }

    public static final class T5 extends Tuple {
        public final Object e0, e1, e2, e3, e4;
        T5(Object e0, Object e1, Object e2, Object e3, Object e4) {
            this.e0 = e0; this.e1 = e1; this.e2 = e2; this.e3 = e3; this.e4 = e4;
        }
        @Override public int size() { return 5; }
        @Override public Object get(int i) {
            return switch (i) {
                case 0 -> e0;
                case 1 -> e1;
                case 2 -> e2;
                case 3 -> e3;
                case 4 -> e4;
                default -> throw out(i, 5);
            };
        }
        @Override public Object[] toArray() { return new Object[] {e0, e1, e2, e3, e4}; }
        @Override public void copyTo(Object[] dst, int at) {
            dst[at] = e0; dst[at + 1] = e1; dst[at + 2] = e2; dst[at + 3] = e3; dst[at + 4] = e4;
        }
    }

    public static final class T6 extends Tuple {
        public final Object e0, e1, e2, e3, e4, e5;
        T6(Object e0, Object e1, Object e2, Object e3, Object e4, Object e5) {
            this.e0 = e0; this.e1 = e1; this.e2 = e2; this.e3 = e3; this.e4 = e4; this.e5 = e5;
        }
        @Override public int size() { return 6; }
        @Override public Object get(int i) {
            return switch (i) {
                case 0 -> e0;
                case 1 -> e1;
                case 2 -> e2;
                case 3 -> e3;
                case 4 -> e4;
                case 5 -> e5;
                default -> throw out(i, 6);
            };
        }
        @Override public Object[] toArray() { return new Object[] {e0, e1, e2, e3, e4, e5}; }
        @Override public void copyTo(Object[] dst, int at) {
            dst[at] = e0; dst[at + 1] = e1; dst[at + 2] = e2; dst[at + 3] = e3; dst[at + 4] = e4; dst[at + 5] = e5;
        }
    }

    public static final class T7 extends Tuple {
        public final Object e0, e1, e2, e3, e4, e5, e6;
        T7(Object e0, Object e1, Object e2, Object e3, Object e4, Object e5, Object e6) {
            this.e0 = e0; this.e1 = e1; this.e2 = e2; this.e3 = e3; this.e4 = e4; this.e5 = e5; this.e6 = e6;
        }
        @Override public int size() { return 7; }
        @Override public Object get(int i) {
            return switch (i) {
                case 0 -> e0;
                case 1 -> e1;
                case 2 -> e2;
                case 3 -> e3;
                case 4 -> e4;
                case 5 -> e5;
                case 6 -> e6;
                default -> throw out(i, 7);
            };
        }
        @Override public Object[] toArray() { return new Object[] {e0, e1, e2, e3, e4, e5, e6}; }
        @Override public void copyTo(Object[] dst, int at) {
            dst[at] = e0; dst[at + 1] = e1; dst[at + 2] = e2; dst[at + 3] = e3; dst[at + 4] = e4; dst[at + 5] = e5; dst[at + 6] = e6;
        }
    }

    public static final class T8 extends Tuple {
        public final Object e0, e1, e2, e3, e4, e5, e6, e7;
        T8(Object e0, Object e1, Object e2, Object e3, Object e4, Object e5, Object e6, Object e7) {
            this.e0 = e0; this.e1 = e1; this.e2 = e2; this.e3 = e3; this.e4 = e4; this.e5 = e5; this.e6 = e6; this.e7 = e7;
        }
        @Override public int size() { return 8; }
        @Override public Object get(int i) {
            return switch (i) {
                case 0 -> e0;
                case 1 -> e1;
                case 2 -> e2;
                case 3 -> e3;
                case 4 -> e4;
                case 5 -> e5;
                case 6 -> e6;
                case 7 -> e7;
                default -> throw out(i, 8);
            };
        }
        @Override public Object[] toArray() { return new Object[] {e0, e1, e2, e3, e4, e5, e6, e7}; }
        @Override public void copyTo(Object[] dst, int at) {
            dst[at] = e0; dst[at + 1] = e1; dst[at + 2] = e2; dst[at + 3] = e3; dst[at + 4] = e4; dst[at + 5] = e5; dst[at + 6] = e6; dst[at + 7] = e7;
        }
    }
    /** Nine or more elements (the array is owned by the tuple and never mutated). */
    public static final class TN extends Tuple {
        private final Object[] items;
        TN(Object[] items) {
            assert items.length > MAX_FIELDS;
            this.items = items;
        }
        @Override public int size() { return items.length; }
        @Override public Object get(int i) { return items[i]; }
        @Override public Object[] toArray() { return items.clone(); }
        @Override public void copyTo(Object[] dst, int at) { System.arraycopy(items, 0, dst, at, items.length); }
    }
}
