package dev.ludus.cli;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Fuzz statements in the shapes the compiler's optional optimisations target (issue 12), so the
 * differential oracle (FuzzTest: optimised build vs unoptimised build) has something to compare:
 * map/filter/fold/each! chains over ranges and lists (named fns, capturing and non-capturing
 * lambdas, prelude names), do pipelines, folds over ranges, recursive list walks with tail calls,
 * tail-recursive numeric fns, loops with numeric and list accumulators, dicts with keyword keys
 * (access, assoc, update, dict patterns), tuples and vector arithmetic. Mostly well typed (so the
 * fast paths run to the end); now and then an operand of any type (from {@code any}), so panics
 * in them are compared too.
 */
final class FuzzShapes {
    /** An expression of any type over the names in scope (the plain generator's). */
    interface Any {
        String expr();
    }

    private final SplittableRandom rnd;
    private final Any any;
    private final List<String> fns;
    private final List<String> values;
    /** The named fns of one argument on numbers this class defined (the stage functions an object plan calls directly). */
    private final List<String> numFns = new java.util.ArrayList<>(), numTests = new java.util.ArrayList<>();
    private int fresh;

    FuzzShapes(SplittableRandom rnd, Any any, List<String> fns, List<String> values) {
        this.rnd = rnd;
        this.any = any;
        this.fns = fns;
        this.values = values;
    }

    /** One or more lines defining and using one shape; new module-level names go to values and fns. */
    /** Forgets the names of the last program. */
    void reset() {
        numFns.clear();
        numTests.clear();
    }

    String statement() {
        return switch (rnd.nextInt(11)) {
            case 10 -> refs();
            case 0, 1 -> use(chain(2));
            case 2 -> use(pipeline());
            case 3 -> listWalk();
            case 4 -> numericFn();
            case 5 -> use(loop());
            case 6 -> dicts();
            case 7 -> vectors();
            case 8 -> namedTest() + "\n" + use(chain(1));
            default -> namedFn() + "\n" + use(chain(1));
        };
    }

    /** An expression in one of the shapes (for the plain generator's expressions). */
    String expr() {
        return switch (rnd.nextInt(4)) {
            case 0 -> chain(1);
            case 1 -> pipeline();
            case 2 -> loop();
            default -> "add ((" + num(List.of(), 1) + ", " + num(List.of(), 1) + "), (" + num(List.of(), 1) + ", " + num(List.of(), 1) + "))";
        };
    }

    private String use(String e) {
        if (rnd.nextBoolean()) return "print! (" + e + ")";
        String v = name("v");
        values.add(v);
        return "let " + v + " = " + e;
    }

    private String name(String prefix) {
        return prefix + "s" + fresh++;
    }

    // ---- numbers

    private String literal() {
        return literal(true);
    }

    /** A number literal; edges: now and then a large one (never a range's bound: its list would fill the heap). */
    private String literal(boolean edges) {
        return switch (rnd.nextInt(edges ? 10 : 9)) {
            case 0 -> "0";
            case 1 -> Double.toString(Math.round(rnd.nextDouble() * 100 - 50) / 10.0);
            case 2 -> "-" + (1 + rnd.nextInt(5));
            // where longs stop being exact and doubles have a sign of zero (IntLoops' fallback)
            case 9 -> pick("-0", "0.5", "9007199254740991", "4503599627370496.5", "-9007199254740993", "1000000000000000000000");
            default -> Integer.toString(1 + rnd.nextInt(12));
        };
    }

    /** A numeric expression over names (now and then one of any type). */
    private String num(List<String> names, int depth) {
        if (rnd.nextInt(40) == 0) return any.expr();
        int k = rnd.nextInt(depth <= 0 ? 3 : 12);
        return switch (k) {
            case 0 -> literal();
            case 1, 2 -> names.isEmpty() ? literal() : names.get(rnd.nextInt(names.size()));
            case 3, 4 -> "add (" + num(names, depth - 1) + ", " + num(names, depth - 1) + ")";
            case 5 -> "sub (" + num(names, depth - 1) + ", " + num(names, depth - 1) + ")";
            case 6 -> "mult (" + num(names, depth - 1) + ", " + num(names, depth - 1) + ")";
            case 7 -> pick("inc", "dec", "neg", "abs", "inc", "dec", "floor", "ceil", "round", "sqrt") + " (" + num(names, depth - 1) + ")";
            case 8 -> pick("div", "mod") + " (" + num(names, depth - 1) + ", " + (1 + rnd.nextInt(5)) + ")";
            case 9 -> "if " + pick("gt?", "lt?", "eq?") + " (" + num(names, 0) + ", " + literal() + ") then "
                    + num(names, depth - 1) + " else " + num(names, depth - 1);
            default -> names.isEmpty() ? literal() : names.get(rnd.nextInt(names.size()));
        };
    }

    private String pick(String... xs) {
        return xs[rnd.nextInt(xs.length)];
    }

    // ---- chains

    /** A fn of one argument: prelude name, named fn, lambda (capturing a value in scope or not). */
    private String unary() {
        String p = name("p");
        return switch (rnd.nextInt(8)) {
            case 0, 1 -> pick("inc", "dec", "neg", "abs", "square", "show", "inc", "dec");
            case 2 -> fns.isEmpty() ? "inc" : fns.get(rnd.nextInt(fns.size()));
            case 6, 7 -> numFns.isEmpty() ? "dec" : numFns.get(rnd.nextInt(numFns.size()));
            case 3 -> values.isEmpty() ? "fn (" + p + ") -> " + num(List.of(p), 2)
                    : "fn (" + p + ") -> " + pick("add", "mult", "sub") + " (" + p + ", " + values.get(rnd.nextInt(values.size())) + ")";
            default -> "fn (" + p + ") -> " + num(List.of(p), 2);
        };
    }

    private String predicate() {
        String p = name("p");
        return switch (rnd.nextInt(7)) {
            case 0, 1 -> pick("even?", "odd?", "zero?", "pos?", "neg?", "number?");
            case 6 -> numTests.isEmpty() ? "odd?" : numTests.get(rnd.nextInt(numTests.size()));
            case 2 -> "fn (" + p + ") -> " + pick("gt?", "lt?", "gte?") + " (" + p + ", " + literal() + ")";
            case 3 -> "fn (" + p + ") -> eq? (mod (" + p + ", " + (2 + rnd.nextInt(3)) + "), 0)";
            default -> "fn (" + p + ") -> " + pick("gt?", "lt?") + " (" + num(List.of(p), 2) + ", " + num(List.of(p), 1) + ")";
        };
    }

    /** A fold's fn and its initial value: "fn, init". */
    private String folder() {
        String a = name("a"), x = name("x");
        return switch (rnd.nextInt(7)) {
            case 0 -> pick("add", "mult", "sub") + ", " + literal();
            case 1 -> "fn (" + a + ", " + x + ") -> add (" + a + ", " + num(List.of(x), 2) + "), " + literal();
            case 2 -> "fn (" + a + ", " + x + ") -> append (" + a + ", " + num(List.of(x), 1) + "), []";
            case 3 -> "fn (" + a + ", " + x + ") -> if gt? (" + x + ", " + literal() + ") then add (" + a + ", " + x + ") else " + a + ", 0";
            case 4 -> "append, []";
            case 5 -> values.isEmpty() ? "add, 0"
                    : "fn (" + a + ", " + x + ") -> add (" + a + ", mult (" + x + ", " + values.get(rnd.nextInt(values.size())) + ")), 0";
            default -> "fn (" + a + ", " + x + ") -> " + num(List.of(a, x), 2) + ", " + literal();
        };
    }

    private String source(int depth) {
        return switch (rnd.nextInt(depth > 0 ? 8 : 7)) {
            case 0, 1 -> "range (" + (rnd.nextInt(5) == 0 ? 100 + rnd.nextInt(1000) : rnd.nextInt(15)) + ")";
            case 2 -> "range (" + literal(false) + ", " + literal(false) + ")";
            case 3 -> list();
            case 4 -> values.isEmpty() ? list() : values.get(rnd.nextInt(values.size()));
            case 5 -> rnd.nextInt(4) == 0 ? "[1, :two, 3]" : "[]";
            case 6 -> "range (" + (1 + rnd.nextInt(20)) + ")";
            default -> chain(depth - 1);
        };
    }

    private String list() {
        int n = rnd.nextInt(6);
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < n; i++) b.append(i == 0 ? "" : ", ").append(literal());
        return b.append(']').toString();
    }

    /** Nested map/filter/fold/each! calls over a source. */
    private String chain(int depth) {
        String e = source(depth);
        int stages = 1 + rnd.nextInt(3);
        for (int i = 0; i < stages; i++) e = (rnd.nextBoolean() ? "map (" + unary() : "filter (" + predicate()) + ", " + e + ")";
        return switch (rnd.nextInt(5)) {
            case 0, 1 -> "fold (" + insert(folder(), e) + ")";
            case 2 -> "each! (" + pick("print!", "fn (" + name("p") + ") -> print! (:e)") + ", " + e + ")";
            default -> e;
        };
    }

    /** "fn, init" with the list between them. */
    private static String insert(String fnAndInit, String xs) {
        int comma = fnAndInit.lastIndexOf(", ");
        return fnAndInit.substring(0, comma) + ", " + xs + fnAndInit.substring(comma);
    }

    /** do SOURCE > map (f, _) > filter (p, _) > ... [> fold (g, _, init) | > count]. */
    private String pipeline() {
        StringBuilder b = new StringBuilder("do ").append(source(1));
        int stages = 1 + rnd.nextInt(4);
        for (int i = 0; i < stages; i++) b.append(rnd.nextBoolean() ? " > map (" + unary() + ", _)" : " > filter (" + predicate() + ", _)");
        switch (rnd.nextInt(4)) {
            case 0, 1 -> b.append(" > fold (").append(insert(folder(), "_")).append(')');
            case 2 -> b.append(" > ").append(pick("count", "first", "rest", "show"));
            default -> { }
        }
        return b.toString();
    }

    // ---- fns and loops

    /** A named fn of one argument on numbers (joins fns: the plain generator may call it too). */
    private String namedFn() {
        String f = name("f"), p = name("p"), q = name("q");
        String body = rnd.nextBoolean() ? num(List.of(p), 3)
                : "{\n  let " + q + " = " + num(List.of(p), 2) + "\n  " + num(List.of(p, q), 2) + "\n}";
        fns.add(f);
        numFns.add(f);
        return "fn " + f + " (" + p + ") -> " + body;
    }

    /** A named test of one number. */
    private String namedTest() {
        String f = name("f"), p = name("p");
        numTests.add(f);
        return "fn " + f + " (" + p + ") -> " + pick("gt?", "lt?", "eq?") + " (" + num(List.of(p), 2) + ", " + num(List.of(p), 1) + ")";
    }

    /** A walk over a list by [x, ...xs] patterns: tail calls with an accumulator, or a recursion. */
    private String listWalk() {
        String f = name("f"), x = name("x"), xs = name("xs"), a = name("a");
        String def;
        if (rnd.nextInt(4) == 0) { // a counter beside the list (ListCursors keeps it unboxed)
            def = "fn " + f + " {\n  (" + a + ", []) -> " + a + "\n  (" + a + ", [" + x + ", ..." + xs + "]) -> " + f + " ("
                    + pick("inc (" + a + ")", "add (" + a + ", " + x + ")", "add (" + a + ", 2)") + ", " + xs + ")\n}";
            return def + "\n" + use(f + " (" + literal() + ", " + source(1) + ")");
        }
        if (rnd.nextInt(3) == 0) {
            def = "fn " + f + " {\n  ([]) -> 0\n  ([" + x + ", ..." + xs + "]) -> add (" + num(List.of(x), 1) + ", " + f + " (" + xs + "))\n}";
            return def + "\n" + use(f + " (" + source(1) + ")");
        }
        String step = switch (rnd.nextInt(5)) {
            case 0 -> "add (" + a + ", " + x + ")";
            case 1 -> "append (" + a + ", " + num(List.of(x), 1) + ")";
            case 2 -> "if gt? (" + x + ", " + literal() + ") then add (" + a + ", " + x + ") else " + a;
            case 3 -> "inc (" + a + ")";
            default -> num(List.of(a, x), 2);
        };
        String init = step.startsWith("append") ? "[]" : literal();
        def = "fn " + f + " {\n  ([], " + a + ") -> " + a + "\n  ([" + x + ", ..." + xs + "], " + a + ") -> " + f + " (" + xs + ", " + step + ")\n}";
        return def + "\n" + use(f + " (" + source(1) + ", " + init + ")");
    }

    /** A tail-recursive fn on numbers counting down or up (inc, dec, add), or a doubly recursive one. */
    private String numericFn() {
        String f = name("f"), n = name("n"), a = name("a");
        int count = rnd.nextInt(4) == 0 ? 1000 + rnd.nextInt(20000) : rnd.nextInt(20);
        String step = num(List.of(a, n), 2);
        return switch (rnd.nextInt(4)) {
            case 0 -> "fn " + f + " (" + n + ", " + a + ") -> if lte? (" + n + ", 0) then " + a + " else " + f + " (dec (" + n + "), " + step + ")\n"
                    + use(f + " (" + count + ", " + literal() + ")");
            case 1 -> "fn " + f + " {\n  (0, " + a + ") -> " + a + "\n  (" + n + ", " + a + ") -> " + f + " (dec (" + n + "), " + step + ")\n}\n"
                    + use(f + " (" + count + ", " + literal() + ")");
            case 2 -> "fn " + f + " (" + n + ", " + a + ") -> if gte? (" + n + ", " + count + ") then " + a + " else " + f + " (inc (" + n + "), " + step + ")\n"
                    + use(f + " (" + literal() + ", " + literal() + ")");
            default -> "fn " + f + " (" + n + ") -> if lt? (" + n + ", 2) then " + n + " else add (" + f + " (dec (" + n + ")), " + f + " (sub (" + n + ", 2)))\n"
                    + use(f + " (" + rnd.nextInt(16) + ")");
        };
    }

    /** A loop with a numeric or list accumulator. */
    private String loop() {
        String i = name("i"), a = name("a");
        int count = rnd.nextInt(5) == 0 ? 1000 + rnd.nextInt(10000) : rnd.nextInt(12);
        return switch (rnd.nextInt(4)) {
            // growing past 2^53 (a long loop must fall back to doubles with the same results)
            case 3 -> "loop (0, " + literal() + ") with { (" + (20 + rnd.nextInt(60)) + ", " + a + ") -> " + a + "; (" + i + ", " + a
                    + ") -> recur (inc (" + i + "), " + pick("mult", "add", "sub") + " (" + a + ", " + pick("3", "-7", "10", "1.5", a, "mult (" + a + ", " + i + ")") + ")) }";
            case 0 -> "loop (0, " + literal() + ") with { (" + count + ", " + a + ") -> " + a + "; (" + i + ", " + a + ") -> recur (inc (" + i + "), "
                    + num(List.of(a, i), 2) + ") }";
            case 1 -> "loop (0, []) with { (" + count + ", " + a + ") -> " + a + "; (" + i + ", " + a + ") -> recur (inc (" + i + "), append ("
                    + a + ", " + num(List.of(i), 1) + ")) }";
            default -> "loop (" + count + ", " + literal() + ") with (" + i + ", " + a + ") -> if zero? (" + i + ") then " + a
                    + " else recur (dec (" + i + "), " + num(List.of(a, i), 2) + ")";
        };
    }

    // ---- dicts and vectors

    private String dicts() {
        String d = name("d"), x = name("x"), y = name("y"), f = name("f"), s = name("s"), i = name("i");
        StringBuilder b = new StringBuilder();
        b.append("let ").append(d).append(" = #{:a ").append(num(List.of(), 1)).append(", :b ").append(num(List.of(), 1));
        if (rnd.nextBoolean()) b.append(", :c ").append(rnd.nextBoolean() ? any.expr() : "\"c\"");
        b.append("}\n");
        values.add(d);
        b.append(switch (rnd.nextInt(7)) {
            // a functional update: the rest given back with the keys the pattern took (analyse.RestUpdates)
            case 6 -> "fn " + f + " (#{" + pick(":a " + x + ", :b " + y, ":b " + y + ", :a " + x, ":a " + x) + ", ..." + s + "}) -> #{..." + s
                    + pick(", :a " + num(List.of(x), 1) + ", :b " + y, ", :b " + y + ", :a " + num(List.of(x), 1), ", :a " + x)
                    + "}\nprint! (" + f + " (" + d + "), " + f + " (assoc (" + d + ", :z, " + literal() + ")))";
            case 0 -> "print! (" + d + " :a, " + d + " :z, get (:b, " + d + "), :a (" + d + "))";
            case 1 -> use("assoc (" + d + ", " + pick(":a", ":d") + ", " + num(List.of(), 1) + ")");
            case 2 -> use("update (" + d + ", " + pick(":a", ":b", ":c") + ", " + unary() + ")");
            case 3 -> "let #{:a " + x + ", :b " + y + "} = " + d + "\nprint! (" + num(List.of(x, y), 2) + ")";
            case 4 -> "fn " + f + " (#{:a " + x + ", :b " + y + "}) -> " + num(List.of(x, y), 2) + "\nprint! (" + f + " (" + d + "), "
                    + f + " (assoc (" + d + ", :a, " + literal() + ")))";
            default -> use("loop (0, " + d + ") with { (" + rnd.nextInt(5) + ", " + s + ") -> " + s + "; (" + i + ", " + s + ") -> recur (inc ("
                    + i + "), update (" + s + ", :a, " + unary() + ")) }");
        });
        return b.toString();
    }

    /** Refs updated through partials written in update! (analyse.RefUpdates), now and then of something else. */
    private String refs() {
        String r = name("r"), i = name("i"), f = name("f"), x = name("x"), y = name("y");
        boolean dict = rnd.nextInt(3) == 0;
        StringBuilder b = new StringBuilder("ref " + r + " = ");
        b.append(dict ? "#{:a " + num(List.of(), 1) + ", :b " + num(List.of(), 1) + "}" : rnd.nextInt(8) == 0 ? "[]" : num(List.of(), 1));
        b.append("\n");
        String target = rnd.nextInt(12) == 0 ? any.expr() : r;
        String partial = dict
                ? switch (rnd.nextInt(3)) {
                    case 0 -> "update (_, " + pick(":a", ":b", ":z") + ", " + unary() + ")";
                    case 1 -> "assoc (_, " + pick(":a", ":c") + ", " + num(List.of(), 1) + ")";
                    default -> "update (_, " + pick(":a", "\"s\"", i) + ", " + unary() + ")";
                }
                : switch (rnd.nextInt(5)) {
                    case 0 -> pick("add", "sub", "mult") + " (_, " + num(List.of(i), 1) + ")";
                    case 1 -> pick("add", "sub", "div") + " (" + num(List.of(i), 1) + ", _)";
                    case 2 -> "append (_, " + i + ")";
                    case 3 -> f + " (_, " + i + ")";
                    default -> "add (" + num(List.of(i), 1) + ", _, " + i + ")";
                };
        if (partial.startsWith(f + " ")) b.append("fn ").append(f).append(" (").append(x).append(", ").append(y).append(") -> ")
                .append(num(List.of(x, y), 2)).append("\n");
        b.append(switch (rnd.nextInt(3)) {
            case 0 -> "each! (fn (" + i + ") -> update! (" + target + ", " + partial + "), range (" + rnd.nextInt(6) + "))\nprint! (deref (" + r + "))";
            case 1 -> "fn " + name("g") + " (" + i + ") -> update! (" + target + ", " + partial + ")\nprint! (map (fn (" + i + ") -> update! ("
                    + target + ", " + partial + "), [" + literal() + ", " + literal() + "]), deref (" + r + "))";
            default -> "let " + i + " = " + literal() + "\n" + use("update! (" + target + ", " + partial + ")");
        });
        return b.toString();
    }

    private String vectors() {
        String t = name("t"), f = name("f"), x = name("x"), y = name("y"), k = name("k"), st = name("s");
        String tuple = "(" + num(List.of(), 1) + ", " + num(List.of(), 1) + ")";
        StringBuilder b = new StringBuilder("let " + t + " = " + tuple + "\n");
        values.add(t);
        b.append(switch (rnd.nextInt(4)) {
            case 0 -> "print! (add (" + t + ", " + tuple + "), sub (" + t + ", " + t + "), mult (" + literal() + ", " + t + "), mult (" + t + ", " + literal() + "))";
            case 1 -> "fn " + f + " ((" + x + ", " + y + ")) -> (" + num(List.of(x, y), 2) + ", " + num(List.of(x, y), 2) + ")\n"
                    + use(f + " (" + t + ")");
            case 2 -> "fn " + f + " ((" + x + ", " + y + ")) -> (add (" + x + ", " + y + "), mult (" + y + ", " + literal() + "))\n"
                    + use("loop (" + rnd.nextInt(8) + ", " + t + ") with (" + k + ", " + st + ") -> if zero? (" + k + ") then " + st
                    + " else recur (dec (" + k + "), " + f + " (" + st + "))");
            default -> use("loop (" + rnd.nextInt(8) + ", " + t + ", " + tuple + ") with (" + k + ", " + x + ", " + y + ") -> if zero? (" + k
                    + ") then (" + x + ", " + y + ") else recur (dec (" + k + "), add (" + x + ", " + y + "), " + pick("sub", "add") + " (" + y
                    + ", " + literal() + "))");
        });
        return b.toString();
    }
}
