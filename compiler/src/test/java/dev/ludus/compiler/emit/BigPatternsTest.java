package dev.ludus.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Large patterns (issue 12 item 2) that are not tuples of plain names: nested tuples, lists and
 * dicts of tens of thousands of names, and patterns thousands of levels deep. Each was refused
 * ("its code exceeds the JVM's 64 KB method limit" or "it needs more than 2000 local variables");
 * now they are matched by helper methods (PatternMethods). Every class is verified (Programs.run).
 */
class BigPatternsTest {
    /** Group i of a pattern: five names in a nested tuple, a list with a rest, and a dict. */
    private static String group(int i) {
        String b = "x" + i + "_";
        return "((" + b + "1, " + b + "2), [" + b + "3, " + b + "4, ..." + b + "r], #{:k " + b + "5})";
    }

    private static String groupValue(int i) {
        return "((" + i + ", 1), [2, 3, 4], #{:k 5})";
    }

    private static String join(int n, java.util.function.IntFunction<String> item) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) b.append(i == 0 ? "" : ", ").append(item.apply(i));
        return b.toString();
    }

    private static final int GROUPS = 2000; // 12,000 names, about 180 KB of pattern (600 groups were refused)
    private static final String PATTERN = "(" + join(GROUPS, BigPatternsTest::group) + ")";
    private static final String VALUE = "(" + join(GROUPS, BigPatternsTest::groupValue) + ")";
    /** Reads names from the first and last groups: 0 + 1999 + 5 + 1. */
    private static final String USE = "add (x0_1, add (x1999_1, add (x1999_5, count (x1999_r))))";

    @Test
    void nestedPatternsOf30000NamesInLetsMatchesAndFnHeads() throws Exception {
        String source = "let v = " + VALUE + "\n"
                + "fn f (t) -> {\n  let " + PATTERN + " = t\n  " + USE + "\n}\nprint! (f (v))\n"
                + "fn g {\n  (" + PATTERN + ") -> " + USE + "\n  (_) -> :other\n}\nprint! (g (v), g (:x), g ((1, 2)))\n"
                + "print! (match v with {\n  (1, 2) -> :no\n  " + PATTERN + " -> " + USE + "\n})\n"
                + "fn h (t) -> if let " + PATTERN + " = t then " + USE + " else :no\nprint! (h (v), h (:x))\n"
                // toplevel: module names, copied out of the names' array
                + "let " + PATTERN + " = v\nprint! (" + USE + ")\n"
                // a clause of many arguments (an arguments array) and one of fixed arguments
                + "fn k {\n  (" + join(GROUPS, BigPatternsTest::group) + ") -> " + USE + "\n  (...xs) -> count (xs)\n}\n"
                + "print! (k " + VALUE + ", k (1, 2))\n"
                + "fn p {\n  (a, " + PATTERN + ", b) -> add (a, add (b, " + USE + "))\n  (a, b, c) -> :no\n}\n"
                + "print! (p (1, v, 2), p (1, 2, 3))\n"
                // a failed let panics at the let
                + "fn q (t) -> {\n  let " + PATTERN + " = t\n  1\n}\nq ((1, 2))\n";
        String out = BigProgramsTest.run(source);
        assertTrue(out.startsWith("2005\n2005 :other :other\n2005\n2005 :no\n2005\n2005 2\n2008 :no\nLudus panicked on line 31:"),
                out.substring(0, Math.min(400, out.length())));
    }

    @Test
    void aLoopRecurringWithANestedPatternOf30000Names() throws Exception {
        String source = "fn f (v) -> loop (0, v) with {\n  (k, " + PATTERN + ") if lt? (k, 3) -> recur (inc (k), v)\n"
                + "  (k, " + PATTERN + ") -> add (k, " + USE + ")\n}\nprint! (f (" + VALUE + "))\n"
                + "loop (0, " + VALUE + ") with {\n  (k, " + PATTERN + ") if lt? (k, 3) -> recur (inc (k), (" + join(GROUPS, BigPatternsTest::groupValue) + "))\n"
                + "  (k, _) -> k\n}\n";
        assertEquals("2008\n=> 3\n[exit 0]\n", BigProgramsTest.run(source));
    }

    @Test
    void wideListAndDictPatternsAndOneWithARestOfManyKeys() throws Exception {
        int n = 20_000;
        String list = "[" + join(n, i -> String.valueOf(i)) + "]";
        String dict = "#{" + join(n, i -> ":k" + i + " " + i) + "}";
        String source = "let [" + join(n, i -> "a" + i) + "] = " + list + "\nprint! (add (a0, a19999))\n"
                + "fn f (d) -> {\n  let #{" + join(n, i -> ":k" + i + " b" + i) + "} = d\n  add (b1, b19999)\n}\nprint! (f (" + dict + "))\n"
                + "fn g (d) -> {\n  let #{" + join(n - 1, i -> ":k" + i + " c" + i + " as :number") + ", ...rest} = d\n  (c5, rest)\n}\n"
                + "print! (g (" + dict + "))\n"
                // typed names past the first 64 KB (was blamed on the pattern)
                + "fn h (t) -> {\n  let (" + join(n, i -> "x" + i + " as :number") + ") = t\n  x19999\n}\n"
                + "h ((" + join(n, i -> String.valueOf(i)) + "))\n";
        assertEquals("19999\n20000\n(5, #{:k19999 19999})\n=> 19999\n[exit 0]\n", BigProgramsTest.run(source));
    }

    @Test
    void patternsThousandsOfLevelsDeep() throws Exception {
        // 3,000 and 20,000 nested tuples: a local for each level's value (more than a method may hold)
        for (int depth : new int[] {3000, 20_000}) {
            String source = "fn f (t) -> {\n  let " + "(".repeat(depth) + "x" + ")".repeat(depth) + " = t\n  x\n}\n"
                    + "print! (f (" + "(".repeat(depth) + "7" + ")".repeat(depth) + "))\n"
                    + "match " + "[".repeat(depth) + "1" + "]".repeat(depth) + " with {\n  "
                    + "[".repeat(depth) + "2" + "]".repeat(depth) + " -> :two\n  "
                    + "[".repeat(depth) + "y" + "]".repeat(depth) + " -> y\n}\n";
            assertEquals("7\n=> 1\n[exit 0]\n", BigProgramsTest.run(source), "depth " + depth);
        }
    }

    @Test
    void lateBoundNamesOfALargePatternLiveInTheirCells() throws Exception {
        // g reads x1999_1 late (it is called after the let): x1999_1 is a Cell, copied from the names' array
        String source = "fn f (t) -> {\n  let g = fn () -> x1999_1\n  let " + PATTERN + " = t\n  add (g (), x0_2)\n}\n"
                + "f (" + VALUE + ")\n";
        assertEquals("=> 2000\n[exit 0]\n", BigProgramsTest.run(source));
    }
}
