package dev.ludus.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ludus.compiler.BigStack;
import dev.ludus.compiler.analyse.AstWalk;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * One form megabytes long compiles in time linear in its size (issue 12 item 2): the Splitter
 * cuts it into a chain of nested methods, and each piece it moves out was walked again for the
 * names it uses (70,000 lets in a fn took 68 s, a 40,000-deep else-if chain 40 s). Now the names
 * are computed once per subtree (analyse.FreeNames). Time is not measured here: the nodes walked
 * (AstWalk.visited) are, for a form and for the same form four times as long.
 */
class LongFormsTest {
    /** A fn of n lets, each naming the one before and the fn's argument, the first and middle ones read at the end. */
    static String lets(int n) {
        StringBuilder b = new StringBuilder("fn f (n) -> {\n  let a0 = inc (n)\n");
        for (int j = 1; j < n; j++) b.append("  let a").append(j).append(" = add (a").append(j - 1).append(", n)\n");
        return b.append("  [a0, a").append(n / 2).append(", a").append(n - 1).append("]\n}\nf (1)\n").toString();
    }

    /** A fn whose body is an else-if chain n deep. */
    static String elseIf(int n) {
        StringBuilder b = new StringBuilder("fn f (n) -> if eq? (n, 0) then :zero\n");
        for (int j = 1; j < n; j++) b.append("  else if eq? (n, ").append(j).append(") then ").append(j).append('\n');
        return b.append("  else :other\nprint! (f (-1))\nf (").append(n - 1).append(")\n").toString();
    }

    /** A pipeline of n stages inside a fn. */
    static String pipeline(int n) {
        StringBuilder b = new StringBuilder("fn f (x) -> do x\n");
        for (int j = 0; j < n; j++) b.append(j % 2 == 0 ? "  > inc\n" : "  > add (_, x)\n");
        return b.append("f (1)\n").toString();
    }

    /**
     * Nodes walked compiling and running source (every class verified), and statements looked at
     * for the cells they declare (once per moved rest, that scan grew a long fn of lets 16 times).
     */
    private static long walked(String source, String expected) throws Exception {
        long before = AstWalk.visited() + ExprGen.cellScans;
        String out = BigStack.call("ludus-compile-test", () -> Programs.runSource(source));
        long walked = AstWalk.visited() + ExprGen.cellScans - before;
        assertEquals(expected, out);
        return walked;
    }

    /** Four times the form walks at most about four times the nodes (a re-walk per moved piece grew it 10-16 times). */
    private static void linear(IntFunction<String> source, int n, IntFunction<String> expected) throws Exception {
        long small = walked(source.apply(n), expected.apply(n));
        long large = walked(source.apply(4 * n), expected.apply(4 * n));
        assertTrue(large < 6 * small, "nodes walked: " + small + " for " + n + ", " + large + " for " + 4 * n);
    }

    @Test
    void aFnOfManyLetsIsWalkedLinearly() throws Exception {
        // a(j) = 2 + j: [2, 2 + n/2, 1 + n]
        linear(LongFormsTest::lets, 5_000, n -> "=> [2, " + (2 + n / 2) + ", " + (1 + n) + "]\n[exit 0]\n");
    }

    @Test
    void aDeepElseIfChainIsWalkedLinearly() throws Exception {
        linear(LongFormsTest::elseIf, 3_000, n -> ":other\n=> " + (n - 1) + "\n[exit 0]\n");
    }

    @Test
    void aLongPipelineIsWalkedLinearly() throws Exception {
        linear(LongFormsTest::pipeline, 10_000, n -> "=> " + (1 + n) + "\n[exit 0]\n");
    }
}
