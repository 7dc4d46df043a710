package dev.ludus.runtime.prelude;

/**
 * {@code add}, {@code sub}, {@code div} and {@code mod} of one operand the compiler holds as a
 * double and one of unknown kind (compiler: analyse.Numbers, emit.NumGen), in the order written:
 * {@code D} the double, {@code O} the value. With a number, the prelude's result on two numbers;
 * with anything else, the prelude function on the boxed number and the value, which panics as
 * the call would have (a number and a non-number never make a result: vectors need two
 * tuples). So such a call yields a number or panics, and its result can stay unboxed.
 */
public final class MixedArith {
    private MixedArith() {}

    public static double addDO(double x, Object b) {
        if (b instanceof Double y) return x + y;
        return number(Arith.add(x, b));
    }

    public static double addOD(Object a, double y) {
        if (a instanceof Double x) return x + y;
        return number(Arith.add(a, y));
    }

    public static double subDO(double x, Object b) {
        if (b instanceof Double y) return x - y;
        return number(Arith.sub(x, b));
    }

    public static double subOD(Object a, double y) {
        if (a instanceof Double x) return x - y;
        return number(Arith.sub(a, y));
    }

    public static double divDO(double x, Object b) {
        if (b instanceof Double y) return Arith.divDD(x, y);
        return number(Arith.div(x, b));
    }

    public static double divOD(Object a, double y) {
        if (a instanceof Double x) return Arith.divDD(x, y);
        return number(Arith.div(a, y));
    }

    public static double modDO(double x, Object b) {
        if (b instanceof Double y) return Arith.modDD(x, y);
        return number(Arith.mod(x, b));
    }

    public static double modOD(Object a, double y) {
        if (a instanceof Double x) return Arith.modDD(x, y);
        return number(Arith.mod(a, y));
    }

    /** The generic operation's result, never reached with a non-number (it panicked). */
    private static double number(Object r) {
        if (r instanceof Double d) return d;
        throw new IllegalStateException("arithmetic of a number and a non-number gave " + r);
    }
}
