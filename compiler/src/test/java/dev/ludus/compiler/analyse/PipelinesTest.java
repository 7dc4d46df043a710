package dev.ludus.compiler.analyse;

import static dev.ludus.compiler.analyse.Analysed.analyse;
import static org.junit.jupiter.api.Assertions.*;

import dev.ludus.compiler.syntax.Ast.*;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Purity facts and fused pipeline plans (Purity, Pipelines) on small programs. */
class PipelinesTest {
    private static List<Do> dos(Analysed a) {
        List<Do> out = new ArrayList<>();
        for (Node n : a.nodes()) if (n instanceof Do d) out.add(d);
        return out;
    }

    /** The plan of the program's one do pipeline. */
    private static Analysis.Pipeline only(Analysed a) {
        List<Do> ds = dos(a);
        assertEquals(1, ds.size());
        return a.an().pipeline(ds.get(0));
    }

    @Test
    void pureFnsCallOnlyPureFunctions() {
        Analysed a = analyse("""
                fn sq (x) -> mult (x, x)
                fn viaSq (x) -> add (sq (x), 1)
                fn rec (n) -> if zero? (n) then 0 else rec (dec (n))
                fn printing (x) -> { print! (x); x }
                fn viaPrinting (x) -> printing (x)
                fn refs (x) -> { ref r = x; x }
                fn unknown (f, x) -> f (x)
                fn chained (x) -> sq (x) (1)
                fn random_ (x) -> add (x, random ())
                fn spawns () -> spawn! (fn () -> 1)
                fn receives () -> receive { x -> x }
                fn partials (x) -> map (add (1, _), [x])
                fn lookups (d) -> :a (d)
                fn piped (x) -> do x > inc > sq
                fn pipedUnknown (x, f) -> do x > f
                fn makesPrinter () -> fn () -> print! (1)
                fn callsLocal () -> { fn p () -> print! (1); p () }
                fn callsMade () -> makesPrinter () ()
                """);
        for (String pure : List.of("sq", "viaSq", "rec", "partials", "lookups", "piped", "makesPrinter")) {
            assertTrue(a.an().pure(a.fn(pure)), pure + " is pure");
        }
        for (String impure : List.of("printing", "viaPrinting", "refs", "unknown", "chained", "random_", "spawns",
                "receives", "pipedUnknown", "callsLocal", "callsMade")) {
            assertFalse(a.an().pure(a.fn(impure)), impure + " is not pure");
        }
    }

    @Test
    void theBenchmarkPipelineFusesWhole() {
        Analysed a = analyse("""
                fn bench () -> do range (1_000_000)
                  > map (fn (x) -> mod (mult (x, 7), 1000), _)
                  > filter (even?, _)
                  > map (inc, _)
                  > fold (add, _, 0)
                """);
        Analysis.Pipeline p = only(a);
        assertNotNull(p);
        assertEquals(1, p.range().size(), "a range source is counted, not built");
        assertEquals(List.of(Analysis.Stage.Kind.MAP, Analysis.Stage.Kind.FILTER, Analysis.Stage.Kind.MAP,
                Analysis.Stage.Kind.FOLD), p.stages().stream().map(Analysis.Stage::kind).toList());
        FnDef lambda = (FnDef) p.stages().get(0).fn();
        assertTrue(a.an().numericEntry(lambda, 1), "the stage lambda gets an entry on doubles");
        assertTrue(a.an().returnsNumber(lambda, 1));
    }

    @Test
    void aListSourceFusesWithARuntimeCheck() {
        Analysed a = analyse("fn f (xs) -> do xs > map (inc, _) > filter (odd?, _)\n");
        Analysis.Pipeline p = only(a);
        assertNotNull(p);
        assertNull(p.range());
        assertEquals(2, p.stages().size());
    }

    @Test
    void aLaterStageThatMayPanicEndsTheGroup() {
        // unfused, every mod (100, x) runs before any div: fused, a div by zero could come first
        Analysed a = analyse("""
                fn f (xs) -> do xs
                  > map (fn (x) -> mod (100, x), _)
                  > map (fn (y) -> div (1, y), _)
                  > fold (add, _, 0)
                """);
        Analysis.Pipeline p = only(a);
        assertNotNull(p);
        assertEquals(1, p.stages().size(), "only the first stage (which may panic) is fused");
    }

    @Test
    void aLaterStageMayDivideByAConstant() {
        Analysed a = analyse("fn f (xs) -> do xs > map (fn (x) -> mod (100, x), _) > map (fn (y) -> div (y, 4), _)\n");
        assertEquals(2, only(a).stages().size());
    }

    @Test
    void impureOrUnknownStagesAreNotFused() {
        for (String src : List.of(
                "fn f (xs) -> do xs > map (fn (x) -> { print! (x); x }, _)\n",
                "fn f (xs, g) -> do xs > map (g, _)\n",
                "fn f (xs) -> do xs > fold (add, _)\n",
                "fn f (xs) -> do xs > fold (add, _, [])\n",
                "fn f (xs) -> do xs > each! (inc, _)\n",
                "fn f (xs) -> do xs > map (g, _)\nfn g (x) -> x\n")) {
            assertNull(only(analyse(src)), src);
        }
    }

    @Test
    void capturingOrNonNumberStagesFuseOnlyAsObjects() {
        for (String src : List.of(
                "fn f (xs, k) -> do xs > map (fn (x) -> add (x, k), _)\n",
                "fn f (xs) -> do xs > map (fn (x) -> [x], _)\n",
                "fn f (xs) -> do xs > map (string, _)\n",
                "fn f (xs, n) -> do xs > fold (add, _, n)\n")) {
            Analysis.Pipeline p = only(analyse(src));
            assertNotNull(p, src);
            assertTrue(p.objects(), src);
        }
        assertFalse(only(analyse("fn f (xs) -> do xs > map (inc, _)\n")).objects(), "numbers first");
    }

    @Test
    void recordPipelinesOfNamedFnsFuseAsObjects() {
        Analysed a = analyse("""
                fn make (i) -> #{:id i, :kind if even? (i) then :checking else :savings, :balance mod (mult (i, 37), 1000)}
                fn interest {
                  (#{:kind :savings, :balance b}) -> floor (div (b, 20))
                  (_) -> 0
                }
                fn credit (acct) -> assoc (acct, :balance, add (acct :balance, interest (acct)))
                fn bench () -> do range (100) > map (make, _) > map (credit, _) > map (credit, _)
                """);
        Analysis.Pipeline p = only(a);
        assertNotNull(p);
        assertTrue(p.objects());
        assertEquals(1, p.range().size(), "the range is counted, not built");
        assertEquals(3, p.stages().size());
        Analysed t = analyse("fn total (accts, kind) -> fold (fn (acc, a) -> if eq? (a :kind, kind) then add (acc, a :balance) else acc, accts, 0)\n");
        Analysis.Pipeline tp = t.an().pipeline(t.call("fold"));
        assertNotNull(tp, "a fold with a capturing lambda");
        assertTrue(tp.objects());
    }

    @Test
    void laterObjectStagesMustEnd() {
        // a later stage that may not end (recursion, a loop) could hide the first stage's panic
        for (String later : List.of(
                "fn g (x) -> if zero? (x) then x else g (dec (x))",
                "fn g (x) -> loop (x) with {\n  (0) -> 0\n  (n) -> recur (dec (n))\n}",
                "fn g (x) -> h (x)\nfn h (x) -> if x then g (x) else x",
                "fn g (x) -> do [x] > map (fn (y) -> g (y), _)")) {
            Analysed a = analyse("fn f (x) -> [x]\n" + later + "\nfn run (xs) -> do xs > map (f, _) > map (g, _)\n");
            Analysis.Pipeline p = null;
            for (Node n : a.nodes()) if (n instanceof Do d && d.stages().size() == 3) p = a.an().pipeline(d);
            assertNotNull(p, later);
            assertEquals(1, p.stages().size(), later);
        }
        // the first stage may recur: it meets the elements in the same order fused or not
        Analysed a = analyse("fn g (x) -> if zero? (x) then [x] else g (dec (x))\nfn f (x) -> [x]\n"
                + "fn run (xs) -> do xs > map (g, _) > map (f, _)\n");
        for (Node n : a.nodes()) if (n instanceof Do d && d.stages().size() == 3) assertEquals(2, a.an().pipeline(d).stages().size());
        // calls of fns that end, however deep, end
        a = analyse("fn f (x) -> [x]\nfn h (x) -> count (x)\nfn g (x) -> h (f (x))\n"
                + "fn run (xs) -> do xs > map (f, _) > map (g, _) > filter (fn (y) -> lt? (h ([y]), 2), _)\n");
        for (Node n : a.nodes()) if (n instanceof Do d && d.stages().size() == 4) assertEquals(3, a.an().pipeline(d).stages().size());
    }

    @Test
    void aShadowedMapIsNotThePrelude() {
        assertNull(only(analyse("fn map (f, xs) -> xs\nfn g (xs) -> do xs > map (inc, _)\n")));
    }

    @Test
    void aFoldEndsTheGroupAndLaterStagesRunAsUsual() {
        Analysed a = analyse("fn f () -> do range (10) > fold (add, _, 0) > inc > map (inc, _)\n");
        Analysis.Pipeline p = only(a);
        assertEquals(1, p.stages().size());
    }

    @Test
    void totalityOnNumbers() {
        Analysed a = analyse("""
                fn f (xs) -> do xs
                  > map (fn (x) -> mod (x, 0), _)
                  > filter (fn (x) -> lt? (x, 5), _)
                  > map (fn (x) -> add (mult (x, 2), inc (x)), _)
                  > filter (fn (x) -> if x then true else false, _)
                """);
        // the if is not provably total (only arithmetic and tests are), so the group stops before it
        assertEquals(3, only(a).stages().size());
    }

    @Test
    void nestedCallsFuseAsAChain() {
        Analysed a = analyse("fn f (xs) -> fold (add, filter (even?, map (fn (x) -> mod (x, 7), xs)), 0)\n");
        Analysis.Pipeline p = a.an().pipeline(a.call("fold"));
        assertNotNull(p);
        assertFalse(p.piped());
        assertEquals(List.of(Analysis.Stage.Kind.MAP, Analysis.Stage.Kind.FILTER, Analysis.Stage.Kind.FOLD),
                p.stages().stream().map(Analysis.Stage::kind).toList());
        assertTrue(p.source() instanceof Word w && w.name().equals("xs"));
    }

    @Test
    void aChainStartsAfterAnInnerCallThatCannotBeFused() {
        // the inner map's function may panic and is first; the filter after it may panic too: the
        // chain starts at the filter, its source the inner map's list
        Analysed a = analyse("fn f (xs) -> filter (fn (y) -> lt? (div (1, y), 3), map (fn (x) -> mod (x, 7), xs))\n");
        Analysis.Pipeline p = a.an().pipeline(a.call("filter"));
        assertNotNull(p);
        assertEquals(1, p.stages().size());
        assertTrue(p.source() instanceof Synthetic s && s.root() instanceof Word w && w.name().equals("map"));
        assertNotNull(a.an().pipeline((Synthetic) p.source()), "the inner map fuses on its own");
    }

    @Test
    void aRangeSourceOfACallIsCounted() {
        Analysed a = analyse("fn f (n) -> fold (add, range (1, n), 0)\n");
        assertEquals(2, a.an().pipeline(a.call("fold")).range().size());
    }

    @Test
    void aPartialIsNoCall() {
        Analysed a = analyse("fn f () -> map (inc, _)\n");
        assertNull(a.an().pipeline(a.call("map")));
    }
}
