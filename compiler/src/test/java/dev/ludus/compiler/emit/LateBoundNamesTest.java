package dev.ludus.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ludus.compiler.BigStack;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Names read late by an earlier closure live in Cells made ahead, at the start of their block
 * (ExprGen.makeCells). A function with thousands of them was refused ("it needs more than 2000
 * local variables in one function", issue 12 item 2): past a threshold they now live in one
 * Object[] of Cells (Spills.makeCells), as names of large patterns do; ordinary functions keep
 * a local per Cell.
 */
class LateBoundNamesTest {
    static String run(String source) throws Exception {
        return BigStack.call("ludus-compile-test", () -> Programs.runSource(source));
    }

    /** A fn whose closure g, made first, reads n names bound after it. */
    private static String lateNames(int n) {
        StringBuilder b = new StringBuilder("fn f () -> {\n  let g = fn () -> [");
        for (int i = 0; i < n; i++) b.append(i == 0 ? "" : ", ").append('a').append(i);
        b.append("]\n");
        for (int i = 0; i < n; i++) b.append("  let a").append(i).append(" = ").append(i).append('\n');
        return b.append("  let xs = g ()\n  (count (xs), last (xs))\n}\n").toString();
    }

    @Test
    void aFunctionWith3000NamesReadLateByAClosureRuns() throws Exception {
        assertEquals("1\n=> (3000, 2999)\n[exit 0]\n", run("print! (1)\n" + lateNames(3000) + "f ()\n"));
    }

    @Test
    void tenThousandLateNamesInCodeTheSplitterMoves() throws Exception {
        // the lets after the closure move into methods of their own, given the Cells' array
        StringBuilder b = new StringBuilder("fn f (k) -> {\n  let g = fn () -> add (a0, add (a5000, a9999))\n");
        for (int i = 0; i < 10_000; i++) b.append("  let a").append(i).append(" = add (k, ").append(i).append(")\n");
        b.append("  let h = fn () -> a7777\n  [g (), h ()]\n}\nprint! (f (1))\nf (2)\n");
        assertEquals("[15002, 7778]\n=> [15005, 7779]\n[exit 0]\n", run(b.toString()));
    }

    @Test
    void manyBlocksOfSomeLateNamesInOneFunction() throws Exception {
        // 15 blocks of 200 Cells each: none is large, but together they pass the locals a method may hold
        StringBuilder b = new StringBuilder("fn f () -> [\n");
        for (int k = 0; k < 15; k++) {
            b.append("  {\n    let g = fn () -> add (b").append(k).append("_0, b").append(k).append("_199)\n");
            for (int i = 0; i < 200; i++) b.append("    let b").append(k).append('_').append(i).append(" = ").append(k * 1000 + i).append('\n');
            b.append("    g ()\n  },\n");
        }
        assertEquals("199 28199\n=> 15\n[exit 0]\n", run(b.append("]\nprint! (first (f ()), last (f ()))\ncount (f ())\n").toString()));
    }

    @Test
    void anUnboundLateNameStillPanicsWhereItIsRead() throws Exception {
        StringBuilder b = new StringBuilder("fn f () -> {\n  let g = fn () -> a299\n  let x = g ()\n");
        for (int i = 0; i < 300; i++) b.append("  let a").append(i).append(" = ").append(i).append('\n');
        String out = run(b.append("  x\n}\nf ()\n").toString());
        assertEquals(true, out.contains("a299") && out.endsWith("[exit 1]\n"), out);
    }

    /** The NEW Cell instructions of a program's code. */
    private static int cellsMade(String source) throws Exception {
        int[] n = {0};
        BigStack.call("ludus-compile-test", () -> {
            Programs.eachMethod(source, name -> new MethodVisitor(Opcodes.ASM9) {
                @Override public void visitTypeInsn(int op, String type) {
                    if (op == Opcodes.NEW && type.equals(Rt.CELL)) n[0]++;
                }
            });
            return null;
        });
        return n[0];
    }

    @Test
    void ordinaryFunctionsKeepALocalPerCellAndLargeOnesOneArray() throws Exception {
        assertEquals(3, cellsMade(lateNames(3)));
        assertEquals(255, cellsMade(lateNames(255)));
        assertEquals(1, cellsMade(lateNames(256)));
        assertEquals(1, cellsMade(lateNames(3000)));
    }
}
