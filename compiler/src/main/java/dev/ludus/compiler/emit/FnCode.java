package dev.ludus.compiler.emit;

import dev.ludus.compiler.analyse.Clauses;
import org.objectweb.asm.ConstantDynamic;

/**
 * What callers of a fn need (FnGen emits it): its FnCode constant, the class holding its
 * entries, and which argument counts have a direct entry.
 */
record FnCode(ConstantDynamic constant, String owner, String baseName, int directMask) {
    boolean hasDirect(int n) { return n <= Clauses.MAX_DIRECT && (directMask & (1 << n)) != 0; }

    String directName(int n) { return baseName + "$" + n; }

    static String directDesc(int n) { return "(" + Rt.CLOSURE_D + Rt.OBJ_D.repeat(n) + ")" + Rt.OBJ_D; }

    /** The name of the entry taking n arguments as doubles (see analyse.NumericEntries). */
    static String numericName(String baseName, int n) { return baseName + "$" + n + "d"; }

    /** The numeric entry's descriptor: doubles in, and a double out when it returns one (analyse.NumReturns). */
    static String numericDesc(int n, boolean returnsDouble) {
        return "(" + Rt.CLOSURE_D + "D".repeat(n) + ")" + (returnsDouble ? "D" : Rt.OBJ_D);
    }
}
