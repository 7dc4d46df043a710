package dev.ludus.compiler.analyse;

import java.util.List;

/**
 * What a value is on a fast path of VecBodies / VecLoops: a number, or a tuple (of fixed-field
 * size) of shapes. A 2-vector is the tuple of two numbers. On the fast path a value of a shape
 * lives in {@link #width} double locals, its numbers left to right.
 */
public record Shape(List<Shape> items) {
    public static final Shape NUM = new Shape(null);
    public static final Shape VEC = new Shape(List.of(NUM, NUM));

    public boolean isNum() {
        return items == null;
    }

    /** How many numbers a value of this shape holds. */
    public int width() {
        if (items == null) return 1;
        int w = 0;
        for (Shape s : items) w += s.width();
        return w;
    }

    // equals and hashCode by hand: a record's own are linked by invokedynamic (ObjectMethods), which
    // in a fresh JVM spins ~35 method-handle classes, ~20 ms, at the first comparison of a
    // program with a vector function (VecBodies), on the path of `ludus run` (see LudusCompiler.PARSER)
    @Override public boolean equals(Object o) {
        if (o == this) return true;
        if (!(o instanceof Shape s)) return false;
        return items == null ? s.items == null : items.equals(s.items);
    }

    @Override public int hashCode() {
        return items == null ? 0 : items.hashCode();
    }

    @Override public String toString() {
        if (items == null) return "n";
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < items.size(); i++) b.append(i > 0 ? ", " : "").append(items.get(i));
        return b.append(')').toString();
    }
}
