package dev.ludus.compiler.emit;

import java.util.HashMap;
import java.util.Map;

/**
 * Hot prelude functions called with a fixed argument count link straight to the static Java
 * method that the prelude function itself delegates to for that count (same behaviour, panics
 * included), skipping the function object. Sound because a prelude binding never changes
 * (shadowing makes a different binding, which is not PRELUDE).
 */
final class Intrinsics {
    private Intrinsics() {}

    record Target(String owner, String method, String desc) {}

    private static final String ARITH = "dev/ludus/runtime/prelude/Arith";
    private static final String COLLS = "dev/ludus/runtime/prelude/Colls";
    private static final String VALUES = "dev/ludus/runtime/Values";
    private static final Map<String, Target> VALUE = new HashMap<>();
    private static final Map<String, Target> TEST = new HashMap<>();

    private static void value(String name, int argc, String owner, String method, String ret) {
        VALUE.put(name + "/" + argc, new Target(owner, method, "(" + Rt.OBJ_D.repeat(argc) + ")" + ret));
    }

    private static void test(String name, String method) {
        TEST.put(name + "/2", new Target(ARITH, method, "(" + Rt.OBJ_D + Rt.OBJ_D + ")Z"));
    }

    static {
        String o = Rt.OBJ_D;
        for (String op : new String[] {"add", "sub", "mult", "div", "mod"}) value(op, 2, ARITH, op, o);
        value("eq?", 2, ARITH, "eq", o);
        value("square", 1, ARITH, "square", o);
        value("abs", 1, ARITH, "abs", o);   // the stdlib's abs, in Java (same results, never panics)
        value("dist", 1, ARITH, "dist", o);
        value("dist", 2, ARITH, "dist", o);
        value("gt?", 2, ARITH, "gt", o);
        value("gte?", 2, ARITH, "gte", o);
        value("lt?", 2, ARITH, "lt", o);
        value("lte?", 2, ARITH, "lte", o);
        for (String op : new String[] {"inc", "dec", "neg", "sqrt", "floor", "ceil", "round"}) value(op, 1, ARITH, op, o);
        for (String op : new String[] {"first", "last", "rest", "butlast", "count", "set", "dict"}) {
            value(op, 1, COLLS, op, o);
        }
        value("list", 1, COLLS, "list", "L" + Rt.LLIST + ";");
        value("string", 1, COLLS, "string", "Ljava/lang/String;");
        value("append", 1, COLLS, "append", o);
        value("append", 2, COLLS, "append", o);
        value("at", 2, COLLS, "at", o);
        value("slice", 2, COLLS, "slice", o);
        value("slice", 3, COLLS, "slice", o);
        value("fold", 2, COLLS, "fold", o);
        value("fold", 3, COLLS, "fold", o);
        value("map", 2, COLLS, "map", o);
        value("filter", 2, COLLS, "filter", o);
        value("assoc", 2, COLLS, "assoc", o);
        value("assoc", 3, COLLS, "assoc", o);
        value("dissoc", 2, COLLS, "dissoc", o);
        value("update", 3, COLLS, "update", o);
        value("get", 2, COLLS, "get", o);
        value("get", 3, COLLS, "get", o);
        value("keys", 1, COLLS, "keys", "L" + Rt.LLIST + ";");
        value("values", 1, COLLS, "values", "L" + Rt.LLIST + ";");
        value("concat", 2, COLLS, "concat", o);
        for (int n = 3; n <= JoinGen.MAX; n++) value("concat", n, "dev/ludus/runtime/prelude/SmallJoins", "concat", o);
        value("join", 1, COLLS, "join", o);
        value("join", 2, COLLS, "join", o);
        value("type", 1, VALUES, "type", Rt.KEYWORD_D);
        value("show", 1, VALUES, "show", "Ljava/lang/String;");
        test("eq?", "eqZ");
        test("gt?", "gtZ");
        test("gte?", "gteZ");
        test("lt?", "ltZ");
        test("lte?", "lteZ");
    }

    /** The static method computing {@code name} on argc arguments, or null. */
    static Target value(String name, int argc) {
        return VALUE.get(name + "/" + argc);
    }

    /** A boolean-returning method for {@code name} used as a condition, or null. */
    static Target test(String name, int argc) {
        return TEST.get(name + "/" + argc);
    }
}
