package dev.ludus.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Large code with a {@code recur} (issue 12 item 2): such code could not move out of its method
 * (the jump to the loop's head must stay there), so a loop or fn of 5,000 recurring clauses, or
 * a loop body of 5,000 lets ending in a recur, was refused ("it needs more than 2000 local
 * variables"). Moved code now returns a recur's values (RecurArgs) and the method holding the
 * loop or fn jumps with them. Every class is verified (Programs.run).
 */
class MovedRecurTest {
    private static final int N = 5000;

    @Test
    void loopsAndFnsOfManyRecurringClausesAndLongBodies() throws Exception {
        StringBuilder b = new StringBuilder();
        // a loop on exact integers (its long copy falls back to the usual one for a moved recur)
        b.append("print! (loop (0) with {\n");
        for (int i = 0; i < N; i++) b.append("  (").append(-i - 1).append(") -> recur (").append(i).append(")\n");
        b.append("  (x) if lt? (x, 10) -> recur (inc (x))\n  (x) -> x\n})\n");
        // a fn whose own clauses recur
        b.append("fn f {\n");
        for (int i = 0; i < N; i++) b.append("  (").append(-i - 1).append(", acc) -> recur (").append(i).append(", acc)\n");
        b.append("  (x, acc) if lt? (x, 4) -> recur (inc (x), [x, acc])\n  (x, acc) -> acc\n}\nprint! (f (-1, []))\n");
        // a loop body of many lets ending in a recur, with a list accumulator
        b.append("print! (loop (0, []) with (n, xs) -> {\n");
        for (int i = 0; i < N; i++) b.append("  let a").append(i).append(" = add (n, ").append(i).append(")\n");
        b.append("  if lt? (n, 3) then recur (inc (n), append (xs, a").append(N - 1).append(")) else xs\n})\n");
        // a loop of 300 names (its values in one array), in a fn
        StringBuilder names = new StringBuilder(), init = new StringBuilder(), next = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            names.append(i == 0 ? "" : ", ").append('b').append(i);
            init.append(i == 0 ? "" : ", ").append('k');
            next.append(i == 0 ? "inc (b0)" : ", b" + i);
        }
        b.append("fn g (k) -> loop (").append(init).append(") with (").append(names).append(") -> {\n");
        for (int i = 0; i < N; i++) b.append("  let c").append(i).append(" = add (b0, ").append(i).append(")\n");
        b.append("  if lt? (b0, 3) then recur (").append(next).append(") else add (c")
                .append(N - 1).append(", b299)\n}\ng (0)\n");
        assertEquals("10\n[3, [2, [1, [0, []]]]]\n[4999, 5000, 5001]\n=> 5002\n[exit 0]\n", BigProgramsTest.run(b.toString()));
    }
}
