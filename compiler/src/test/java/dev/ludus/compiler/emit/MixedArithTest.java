package dev.ludus.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * add, sub, div and mod of one number the code holds unboxed and one value of unknown kind
 * (analyse.Numbers, NumGen, runtime MixedArith): the result stays a double, and every program
 * prints, returns and panics (message, place, trace) as the unoptimised build does.
 */
class MixedArithTest {
    private static String bothWays(String program) throws Exception {
        String optimised = UnoptimisedTest.run(program, true), plain = UnoptimisedTest.run(program, false);
        assertEquals(plain, optimised, "optimised and unoptimised differ for:\n" + program);
        return optimised;
    }

    private static final String DEFS = """
            fn safe? {
              (_, _, []) -> true
              (q, d, [c, ...cs]) -> when {
                eq? (q, c) -> false
                eq? (abs (sub (q, c)), d) -> false
                else -> safe? (q, inc (d), cs)
              }
            }
            fn ops (xs, v) -> [add (count (xs), v), add (v, count (xs)), sub (count (xs), v), sub (v, count (xs)),
              div (count (xs), v), div (v, count (xs)), mod (count (xs), v), mod (v, count (xs))]
            fn sum (xs) -> loop (0, xs) with { (acc, []) -> acc; (acc, [y, ...ys]) -> recur (add (acc, y), ys) }
            """;

    @Test void numbersMixedWithValuesComputeAsThePreludeDoes() throws Exception {
        String out = bothWays(DEFS + """
                print! (ops ([1, 2], 4), ops ([1, 2, 3, 4, 5], 0.25), ops ("abc", -2.5))
                print! (safe? (1, 1, [3, 5, 0]), safe? (1, 1, [2]), safe? (4, 1, [4]))
                print! (sum ([1, 2, 3.5]), sum ([]))
                let r = #{:n 3}
                print! (add (1, r :n), sub (r :n, 1), div (r :n, 2), mod (7, r :n))
                """);
        assertTrue(out.startsWith("[6, 6, -2, 2, 0.5, 2, 2, 0] [5.25, 5.25, 4.75, -4.75, 20, 0.05, 0, 0.25] [0.5, 0.5, 5.5, -5.5, -1.2, -0.8333333333333334, -2, 0.5]\ntrue false false\n6.5 0\n4 2 1.5 1\n"), out);
        List<String> code = Programs.calls(DEFS);
        for (String m : List.of("addDO", "addOD", "subDO", "subOD", "divDO", "divOD", "modDO", "modOD")) {
            assertTrue(code.contains("MixedArith." + m), m + " in " + code);
        }
    }

    @Test void aNonNumberPanicsAsThePreludeFunctionDoes() throws Exception {
        String[] cases = {
                "print! (ops ([1], :a))",
                "print! (ops ([1], (1, 2)))",
                "print! (ops ([1], nil))",
                "print! (ops ([], 1))",
                "fn f (x) -> div (inc (x), [])\nf (1)",
                "fn f (x) -> div ((0, 0), inc (x))\nf (1)",
                "fn f (x) -> mod (inc (x), 0)\nf (1)",
                "fn f (x) -> div (inc (x), 0)\nf (1)",
                "fn f (x) -> add ({ print! (:first); \"s\" }, { print! (:second); inc (x) })\nf (1)",
                "print! (safe? (1, 1, [3, :b]))",
                "print! (sum ([1, \"x\"]))",
        };
        for (String c : cases) {
            String out = bothWays(DEFS + c + "\n");
            assertTrue(out.contains("panic"), out);
        }
    }

    @Test void multOfANumberAndAValueStaysGeneric() throws Exception {
        String program = "fn f (x, v) -> mult (inc (x), v)\nprint! (f (1, 3), f (1, (1, 2)))\n";
        assertTrue(bothWays(program).startsWith("6 (2, 4)\n"));
        assertFalse(Programs.calls(program).stream().anyMatch(c -> c.startsWith("MixedArith.")));
    }
}
