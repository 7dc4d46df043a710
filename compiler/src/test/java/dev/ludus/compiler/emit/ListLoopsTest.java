package dev.ludus.compiler.emit;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Recursion over lists and counted folds (issue 16, queens): list cursors for rest patterns
 * passed back to a self tail call (analyse.ListCursors), the typed copy of an entry whose
 * counters are numbers (analyse.SelfLoopTypes), and fold over range with a lambda as a counted
 * loop (analyse.RangeFolds, RangeFoldGen). Each is checked for the shape of its code and for
 * printing, returning and panicking exactly as a twin program the analysis leaves alone.
 */
class ListLoopsTest {
    /** Per method name: the calls it makes (owner.name) and its opcodes' names. */
    private static Map<String, List<String>> code(String source) throws Exception {
        Map<String, List<String>> out = new TreeMap<>();
        Programs.eachMethod(source, method -> {
            List<String> ops = out.computeIfAbsent(method, k -> new ArrayList<>());
            return new MethodVisitor(Opcodes.ASM9) {
                @Override public void visitMethodInsn(int op, String owner, String name, String desc, boolean itf) {
                    ops.add(owner.substring(owner.lastIndexOf('/') + 1) + "." + name);
                    if (desc.startsWith("(D")) ops.add(owner.substring(owner.lastIndexOf('/') + 1) + "." + name + "(D");
                }
                @Override public void visitInsn(int op) {
                    if (op == Opcodes.DADD) ops.add("DADD");
                }
            };
        });
        return out;
    }

    /** The code of the direct entry of fn `name` for n arguments. */
    private static List<String> entry(Map<String, List<String>> code, String name, int n) {
        for (var e : code.entrySet()) if (e.getKey().endsWith("$" + name + "$" + n)) return e.getValue();
        throw new AssertionError("no entry " + name + "/" + n + " in " + code.keySet());
    }

    private static String same(String optimised, String plain) {
        return Programs.sameAsTwin(optimised, plain);
    }

    private static final String SAFE = """
            fn safe? {
              (_, _, []) -> true
              (q, d, [c, ...cs]) -> when {
                eq? (q, c) -> false
                eq? (abs (sub (q, c)), d) -> false
                else -> safe? (q, inc (d), CS)
              }
            }
            """;

    /** SAFE as written (cursor, typed copy), or with the rest passed as a new list and d through first (neither). */
    private static String safe(boolean plain) {
        return plain ? SAFE.replace("CS", "[...cs]").replace("inc (d)", "first ([inc (d)])") : SAFE.replace("CS", "cs");
    }

    @Test void aRestPassedBackWalksTheListWithAnOffset() throws Exception {
        List<String> ops = entry(code(safe(false) + "safe? (1, 1, [3, 5])\n"), "safe?", 3);
        assertFalse(ops.contains("Patterns.listRest"), ops.toString());
        assertTrue(ops.contains("LList.get"), ops.toString());
        List<String> plain = entry(code(safe(true) + "safe? (1, 1, [3, 5])\n"), "safe?", 3);
        assertTrue(plain.contains("Patterns.listRest"), plain.toString());
    }

    @Test void numericCountersOfASelfLoopAreUnboxed() throws Exception {
        List<String> ops = entry(code(safe(false) + "safe? (1, 1, [3, 5])\n"), "safe?", 3);
        // inc (d) on a double in the typed copy; the usual copy still calls Arith.inc
        assertTrue(ops.contains("DADD"), ops.toString());
        List<String> plain = entry(code(safe(true) + "safe? (1, 1, [3, 5])\n"), "safe?", 3);
        assertFalse(plain.contains("DADD"), plain.toString());
    }

    @Test void eqOfAnUnboxedCounterAndAnyValueDoesNotBoxIt() throws Exception {
        List<String> ops = entry(code(safe(false) + "safe? (1, 1, [3, 5])\n"), "safe?", 3);
        assertTrue(ops.contains("Arith.eqZ(D"), ops.toString());
        String eqs = """
                fn count (n, [x, ...xs]) -> when {
                  eq? (x, n) -> (:at, n)
                  eq? (n, x) -> (:never, n)
                  else -> count (inc (n), xs)
                }
                print! (count (0, [5, :a, "2", 3, 9]))
                print! (count (0, [1.5, 2.5, (1, 2), 4, 4]))
                count (0, [1])
                """;
        String out = Programs.runSource(eqs, true);
        assertTrue(out.startsWith("(:at, 3)\n(:at, 4)\nLudus panicked"), out);
        assertTrue(out.contains("No match found for (1, []) in function count"), out);
    }

    @Test void aParameterPassedOnStaysBoxedUnlessOnlyArithmeticUsesIt() throws Exception {
        // k is returned in a tuple too: unboxed, it would be boxed again there
        String src = "fn look {\n  ([], k) -> nil\n  ([x, ...xs], k) -> if eq? (x, k) then (x, k) else look (xs, k)\n}\nprint! (look ([1, 2, 3], 2))\n";
        List<String> ops = entry(code(src), "look", 2);
        assertFalse(ops.contains("Double.doubleValue") || ops.contains("Arith.eqZ(D"), ops.toString());
        assertFalse(ops.contains("Patterns.listRest"), ops.toString());
        assertEquals("(2, 2)\n=> :ok\n[exit 0]\n", Programs.runSource(src));
        // k only compared: the typed copy takes it unboxed (a number given as k enters it)
        String compared = "fn look {\n  ([], k) -> nil\n  ([x, ...xs], k) -> if eq? (x, k) then x else look (xs, k)\n}\nprint! (look ([1, 2, 3], 2), look ([:a, \"b\"], \"b\"), look ([1, 2], 5))\n";
        List<String> typed = entry(code(compared), "look", 2);
        assertTrue(typed.contains("Double.doubleValue") && typed.contains("Arith.eqZ(D"), typed.toString());
        assertEquals("2 b nil\n=> :ok\n[exit 0]\n", Programs.runSource(compared));
    }

    @Test void safeBehavesAsItsTwin() {
        String calls = """
                print! (safe? (4, 1, [1, 2, 7, 0]))
                print! (safe? (4, 1, [1, 9, 7, 2]))
                print! (safe? (4, 1, range (100)))
                print! (safe? (200, 1, range (100)))
                print! (safe? (:a, 1, []))
                print! (safe? (2, 1.5, [0, 9]))
                print! (safe? (2, :x, [2]))
                """;
        String out = same(safe(false) + calls, safe(true) + calls);
        assertTrue(out.startsWith("false\nfalse\nfalse\ntrue\ntrue\ntrue\nfalse\n"), out);
    }

    @Test void aRestPatternOnANonListPanicsWithTheArgumentsGiven() {
        String out = same(safe(false) + "safe? (1, 1, 5)\n", safe(true) + "safe? (1, 1, 5)\n");
        assertTrue(out.contains("No match found for (1, 1, 5) in function safe?"), out);
        // run out half way: the arguments shown are the rest the loop had reached
        String walk = "fn walk (q, d, [c, ...cs]) -> walk (q, inc (d), CS)\nwalk (1, 1, [1, 2, 3])\n";
        String w = Programs.runSource(walk.replace("CS", "cs"), true);
        assertTrue(w.contains("Match Error: No match found for (1, 4, []) in function walk\n[stderr]"), w);
        assertTrue(w.contains("at walk (test.ld:1)\n  at top level (test.ld:2)\n[exit 1]"), w);
        // a counter that is no number: the usual copy, and inc's panic in safe?
        String num = Programs.runSource(safe(false) + "safe? (1, :d, [7, :x])\n", true);
        assertTrue(num.contains("No match found for (:d) in function inc\n[stderr]\ntest.ld:6:23:"), num);
        assertTrue(num.contains("at safe? (test.ld:6)\n  at top level (test.ld:9)\n[exit 1]"), num);
    }

    @Test void aRestUsedOtherwiseIsMadeAList() {
        String src = """
                fn upto {
                  ([x, ...xs], acc) -> if eq? (x, 0) then (xs, acc) else upto (XS, add (acc, x))
                  ([], acc) -> (:none, acc)
                }
                print! (upto ([3, 4, 0, 7, 8], 0))
                print! (upto (range (1, 50), 0))
                fn keep (n, [x, ...xs]) -> if eq? (n, 0) then { fn inner () -> xs } else keep (dec (n), XS)
                let k = keep (3, [1, 2, 3, 4, 5])
                print! (k ())
                fn pairs {
                  ([a, b, ...rest], n) -> pairs (REST, inc (n))
                  ([_], n) -> (:odd, n)
                  ([], n) -> (:even, n)
                }
                print! (pairs (range (77), 0))
                fn mixed {
                  (n, [:a, ...xs]) -> mixed (inc (n), XS)
                  (n, [(x, y), ...xs]) -> mixed (add (n, x, y), XS)
                  (n, []) -> n
                }
                print! (mixed (0, [:a, (1, 2), :a, (3, 4)]))
                print! (mixed (0, [:a, :b]))
                """;
        String out = same(src.replace("XS", "xs").replace("REST", "rest"), src.replace("XS", "[...xs]").replace("REST", "[...rest]"));
        assertTrue(out.startsWith("([7, 8], 7)\n(:none, 1225)\n[5]\n(:odd, 38)\n12\n"), out);
        assertTrue(out.contains("No match found for (1, [:b]) in function mixed"), out);
    }

    private static final String PLACE = """
            fn place (n, row, qs) -> if eq? (row, n)
              then 1
              else fold (fn (acc, q) -> if safe? (q, 1, qs)
                then add (acc, place (n, inc (row), [q, ...qs]))
                else acc, range (n), 0)
            """;

    /** The twin's first line: fold and range rebound (no longer the prelude's: never counted out). */
    private static final String SHADOW = "let (fold, range) = (fold, range)\n";
    private static final String HEADER = "let (fOld, rAnge) = (fold, range)\n";

    private static String folds(String body) {
        return same(HEADER + body, SHADOW + body);
    }

    @Test void foldOverRangeCallsTheLambdaInACountedLoop() throws Exception {
        Map<String, List<String>> code = code(safe(false) + PLACE + "place (6, 0, [])\n");
        List<String> ops = entry(code, "place", 3);
        assertTrue(ops.contains("Pipes.rangeFusable"), ops.toString());
        assertTrue(ops.stream().anyMatch(c -> c.matches(".*\\.fn\\$\\d+\\$\\$2")), ops.toString());
        Map<String, List<String>> plain = code(SHADOW + safe(false) + PLACE + "place (6, 0, [])\n");
        assertFalse(entry(plain, "place", 3).contains("Pipes.rangeFusable"), plain.toString());
        assertEquals("4\n=> :ok\n[stderr]\n[exit 0]\n", folds(safe(false) + PLACE + "print! (place (6, 0, []))\n"));
    }

    @Test void foldOverRangeKeepsOrderValuesAndPanics() {
        folds("""
                print! (fold (fn (acc, x) -> append (acc, x), range (2, 7), []))
                print! (fold (fn (acc, x) -> append (acc, x), range (2.5, 7.2), [:s]))
                print! (fold (fn (acc, x) -> append (acc, x), range (5, 2), :empty))
                print! (fold (fn (acc, x) -> if eq? (x, 3) then acc else add (acc, x), range (6), 0))
                let r = fold (fn (acc, x) -> { print! (:step, x); add (acc, x) }, range ({ print! (:n); 3 }), { print! (:init); 100 })
                print! (r)
                """);
        String lambda = folds("""
                fn bad (k) -> fold (fn (acc, x) -> if eq? (x, k)
                    then div (acc, :zero)
                    else add (acc, x),
                  range (10), 0)
                print! (bad (20))
                print! (bad (4))
                """);
        assertTrue(lambda.contains("No match found for (6, :zero) in function div"), lambda);
        assertTrue(lambda.contains("at bad (test.ld:5)"), lambda);
        String range = folds("print! (fold (fn (acc, x) -> add (acc, x), range (:a), { print! (:init); 0 }))\n");
        assertTrue(range.contains("in function range") && !range.substring(0, range.indexOf("[stderr]")).contains(":init"), range);
        String arity = folds("print! (fold (fn (acc) -> acc, range (3), 0))\n");
        assertTrue(arity.contains("No match found for (0, 0) in function :anon"), arity);
        String init = folds("fn f (n) -> fold (fn (acc, x) -> add (acc, x), range (n), :nope)\nprint! (f (3))\n");
        assertTrue(init.contains("No match found for (:nope, 0) in function add"), init);
    }

    /** each! over a range, against the twin whose each! and range are local names the analysis leaves alone. */
    private static String eaches(String body) {
        return same("let (eAch!, rAnge) = (each!, range)\n" + body, "let (each!, range) = (each!, range)\n" + body);
    }

    @Test void eachOverRangeCallsTheLambdaInACountedLoop() throws Exception {
        String src = "fn total (n) -> {\n  ref t = 0\n  each! (fn (i) -> update! (t, add (_, i)), range (n))\n  unbox (t)\n}\nprint! (total (5))\n";
        List<String> ops = entry(code(src), "total", 1);
        assertTrue(ops.contains("Pipes.rangeFusable"), ops.toString());
        // the lambda's entry taking its number unboxed (analyse.NumericEntries), though it captures t
        assertTrue(ops.stream().anyMatch(c -> c.matches(".*\\.fn\\$\\d+\\$\\$1d")), ops.toString());
        assertFalse(ops.contains("Colls.each") && !ops.contains("Pipes.range"), ops.toString());
        assertFalse(entry(code("let (each!, range) = (each!, range)\n" + src), "total", 1).contains("Pipes.rangeFusable"));
        assertEquals("10\n=> :ok\n[stderr]\n[exit 0]\n", eaches(src));
    }

    @Test void eachOverRangeKeepsOrderValuesAndPanics() {
        String out = eaches("""
                each! (fn (x) -> print! (:x, x), range (2, 5))
                each! (fn (x) -> print! (:x, x), range (2.5, 4.2))
                each! (fn (x) -> print! (:never), range (5, 2))
                print! (each! (fn (x) -> x, range (3)))
                let r = each! (fn (x) -> { print! (:step, x); add (x, 1) }, { print! (:f); range ({ print! (:n); 3 }) })
                print! (r)
                fn last (n) -> each! (fn (x) -> print! (:tail, x), range (n))
                print! (last (2))
                fn sq (x) -> mult (x, x)
                fn run (k) -> {
                  ref seen = []
                  ref total = 0
                  each! (fn (i) -> {
                    let v = mod (mult (i, 7), k)
                    update! (total, add (_, v))
                    if lt? (v, 3) then update! (seen, append (_, (i, v))) else nil
                  }, range (12))
                  each! (fn (x as :number) -> if eq? (x, 1.5) then print! (:half) else print! (:n, x, sq (x)), range (0.5, 4))
                  each! (fn (x) -> mult (x, unbox (total)), range (3))
                  each! (fn (x) -> sq (x), range (3))
                  (unbox (total), unbox (seen))
                }
                print! (run (5), run (4))
                """);
        assertTrue(out.contains(":n 1 1\n:n 2 4\n:n 3 9\n") && out.contains("(22, [(0, 0), (1, 2), (3, 1), (5, 0), (6, 2), (8, 1), (10, 0), (11, 2)]) (18, ")
                && out.endsWith("[exit 0]\n"), out);
        // lambdas whose unboxed entries return a double (dropped by the loop)
        String doubles = eaches("fn f (n) -> each! (fn (x) -> mult (x, 2), range (n))\nprint! (f (3))\n"
                + "fn g (n) -> { ref s = 0; each! (fn (x) -> { update! (s, add (_, x)); mult (x, 2) }, range (n)); unbox (s) }\nprint! (g (4))\n");
        assertTrue(doubles.startsWith("nil\n6\n"), doubles);
        String lambda = eaches("""
                fn bad (k) -> each! (fn (x) -> if eq? (x, k)
                    then div (x, :zero)
                    else print! (x),
                  range (10))
                bad (20)
                bad (2)
                """);
        assertTrue(lambda.contains("No match found for (2, :zero) in function div"), lambda);
        assertTrue(lambda.contains("at bad (test.ld:5)"), lambda);
        String range = eaches("each! (fn (x) -> print! (x), range (:a))\n");
        assertTrue(range.contains("in function range"), range);
        String arity = eaches("each! (fn (0) -> print! (:zero), range (3))\n");
        assertTrue(arity.contains("No match found for (1) in function :anon"), arity);
        String notFn = eaches("each! (:nope, range (3))\n");
        assertTrue(notFn.contains("each!"), notFn);
    }
}
