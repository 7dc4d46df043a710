package dev.ludus.compiler.analyse;

import static org.junit.jupiter.api.Assertions.*;

import dev.ludus.compiler.LudusCompiler;
import dev.ludus.compiler.diagnostic.CompileErrors;
import dev.ludus.compiler.resolve.Module;
import dev.ludus.compiler.syntax.Ast.*;
import dev.ludus.compiler.syntax.SourceText;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which fns get a vector body (VecBodies) and which loops a copy on doubles (VecLoops), with what shapes. */
class VecPlansTest {
    private static Analysis an;
    private static Module module;

    private static void analyse(String source) {
        try {
            module = LudusCompiler.analyse(new SourceText("test.ld", null, source)).main();
            an = Analyser.analyse(module);
        } catch (CompileErrors e) {
            throw new AssertionError("does not compile: " + e.diagnostics(), e);
        }
    }

    private static FnDef fn(String name) {
        List<Node> all = new ArrayList<>();
        Analyser.inSourceOrder(module.script(), all::add);
        for (Node n : all) if (n instanceof FnDef fd && name.equals(fd.name())) return fd;
        throw new AssertionError("no fn " + name);
    }

    private static List<Loop> loops() {
        List<Node> all = new ArrayList<>();
        Analyser.inSourceOrder(module.script(), all::add);
        List<Loop> out = new ArrayList<>();
        for (Node n : all) if (n instanceof Loop l) out.add(l);
        return out;
    }

    private static final String STEP = dev.ludus.compiler.SamplePrograms.VECMATH_STEP;

    @Test
    void theShapesOfNamesAreInferredFromTheArithmetic() {
        analyse(STEP + """
                fn len ((x, y)) -> dist (x, y)
                fn mid (p, q) -> mult (add (p, q), 0.5)
                fn far (p, q) -> dist (add (p, q))
                fn half (v) -> mult (dist (v), 0.5)
                fn skip ((a, _)) -> (a, a)
                fn plain (x) -> add (x, 1)
                fn two {
                  ((a, b)) -> add (a, b)
                  (x) -> x
                }
                fn other ((a, b)) -> (print! (a), b)
                """);
        VecBodies.Plan step = an.vecPlan(fn("step"));
        assertNotNull(step);
        // dist (sub (pos2, pos)) makes pos a vector, and with it vel; add (path, <number>) keeps path a number
        assertEquals("[((n, n), (n, n), n)]", step.params().toString());
        assertEquals("((n, n), (n, n), n)", step.result().toString());
        assertEquals("[(n, n)]", an.vecPlan(fn("len")).params().toString());
        assertEquals("n", an.vecPlan(fn("len")).result().toString());
        // numbers first: p and q as numbers type-check, and a fn of numbers alone is NumericEntries' business
        assertNull(an.vecPlan(fn("mid")));
        assertEquals("[(n, n), (n, n)]", an.vecPlan(fn("far")).params().toString());
        assertEquals("[(n, n)]", an.vecPlan(fn("half")).params().toString());
        // an ignored item: a fast path, but no flat entry (its shape is unknown)
        assertNotNull(an.vecPlan(fn("skip")));
        assertFalse(an.vecPlan(fn("skip")).flat());
        // numbers alone are NumericEntries' business; two clauses, effects: no plan
        assertNull(an.vecPlan(fn("plain")));
        assertNull(an.vecPlan(fn("two")));
        assertNull(an.vecPlan(fn("other")));
    }

    @Test
    void loopsOfTupleStateThroughFlatCallsRunOnDoubles() {
        analyse(STEP + """
                fn sim (n) -> loop (n, ((100, 0), (0, 5), 0)) with (k, state) -> if zero? (k) then state else recur (dec (k), step (state))
                fn walk (n) -> loop (0, (0, 0)) with (i, p) -> if lt? (i, n) then recur (inc (i), add (p, (1, 2))) else p
                fn count (n) -> loop (0, 0) with (i, s) -> if lt? (i, 10) then recur (inc (i), add (s, i)) else s
                fn shown (s) -> { print! (s); s }
                fn noisy (n) -> loop (n, ((1, 0), (0, 1), 0)) with (k, state) -> if zero? (k) then state else recur (dec (k), step (shown (state)))
                fn guarded (n) -> loop (n, (1, 2)) with { (k, v) if zero? (k) -> v; (k, v) -> recur (dec (k), v) }
                """);
        List<Loop> ls = loops();
        VecLoops.Plan sim = an.vecLoop(ls.get(0));
        assertNotNull(sim);
        // n is a name: tried as a number first; the state's shape is the literal's
        assertEquals("[n, ((n, n), (n, n), n)]", sim.positions().toString());
        assertEquals(5, sim.callWidth());
        assertFalse(sim.recurWhenTrue());
        // walk reads n from outside the loop: its test is not on loop names alone
        assertNull(an.vecLoop(ls.get(1)));
        assertNull(an.vecLoop(ls.get(2)), "numbers only: LoopTypes unboxes those");
        assertNull(an.vecLoop(ls.get(3)), "the state goes through a fn without a flat entry");
        assertNull(an.vecLoop(ls.get(4)), "two clauses, a guard");
    }

    @Test
    void shapesCompareByStructure() {
        Shape vec = new Shape(List.of(Shape.NUM, new Shape(null)));
        Shape nested = new Shape(List.of(vec, Shape.NUM));
        assertEquals(Shape.VEC, vec);
        assertEquals(Shape.VEC.hashCode(), vec.hashCode());
        assertEquals(nested, new Shape(List.of(Shape.VEC, Shape.NUM)));
        assertEquals(nested.hashCode(), new Shape(List.of(Shape.VEC, Shape.NUM)).hashCode());
        assertNotEquals(Shape.NUM, Shape.VEC);
        assertNotEquals(Shape.VEC, Shape.NUM);
        assertNotEquals(nested, new Shape(List.of(Shape.NUM, Shape.VEC)));
        assertNotEquals(Shape.VEC, new Shape(List.of(Shape.NUM, Shape.NUM, Shape.NUM)));
        assertNotEquals(Shape.VEC, "(n, n)");
        assertEquals("((n, n), n)", nested.toString());
        assertEquals(3, nested.width());
    }
}
