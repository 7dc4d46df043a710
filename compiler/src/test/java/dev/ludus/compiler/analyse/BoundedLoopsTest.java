package dev.ludus.compiler.analyse;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ludus.compiler.resolve.Binding;
import dev.ludus.compiler.syntax.Ast.*;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which counting loops' long copies may go without a cancellation poll (BoundedLoops). */
class BoundedLoopsTest {
    /** Whether the first loop of source has a long copy that needs no poll. */
    private static boolean pollFree(String source) {
        Analysed a = Analysed.analyse(source);
        Analysis an = a.an();
        Loop l = a.all(Loop.class).get(0);
        boolean[] dbl = an.numericPositions(l, NumEnv.NONE);
        boolean[] lng = an.longPositions(l, NumEnv.NONE);
        if (!IntLoops.any(lng)) return false;
        // the long copy's locals: its numeric positions unboxed, its long positions as longs
        Set<Binding> doubles = new HashSet<>();
        Set<Binding> longs = new HashSet<>();
        for (Clause c : an.loop(l).applicable()) {
            List<Pattern> items = ((PTuple) c.pattern()).items();
            for (int j = 0; j < items.size(); j++) {
                Binding b = a.declared(items.get(j));
                if (b == null) continue;
                if (dbl[j] || lng[j]) doubles.add(b);
                if (lng[j]) longs.add(b);
            }
        }
        return an.pollFreeLongCopy(l, lng, new NumEnv() {
            @Override public boolean isDouble(Binding b) { return doubles.contains(b); }
            @Override public boolean isLong(Binding b) { return longs.contains(b); }
        });
    }

    private static String counting(String bound, String step, String then, String otherwise) {
        return "fn g (x) -> x\nloop (0, 0) with (i, acc) -> if lt? (i, " + bound + ") then recur (" + step + ", " + then + ") else " + otherwise + "\n";
    }

    @Test
    void aShortCountingLoopWithArithmeticNeedsNoPoll() {
        assertTrue(pollFree(counting("10_000_000", "inc (i)", "add (acc, i)", "acc")), "bench/ludus/sumloop.ld's loop");
        assertTrue(pollFree(counting("1000", "add (i, 2)", "mult (acc, mod (i, 7))", "(acc, i)")));
        assertTrue(pollFree(counting("1000", "add (3, i)", "g (acc)", "acc")), "the module's own fns poll at their entry");
        assertTrue(pollFree("loop (0, 0) with (i, acc) -> if lte? (i, 99) then recur (inc (i), add (acc, i)) else acc\n"));
    }

    @Test
    void aLoopThatMayRunLongOrForeverKeepsItsPoll() {
        assertFalse(pollFree(counting("1_000_000_000", "inc (i)", "add (acc, i)", "acc")), "too many iterations");
        assertFalse(pollFree(counting("100", "add (i, 0)", "add (acc, i)", "acc")), "no progress");
        assertFalse(pollFree(counting("100", "dec (i)", "add (acc, i)", "acc")), "counting away from the bound");
        assertFalse(pollFree(counting("100", "inc (acc)", "add (acc, i)", "acc")), "the counter is not the one tested");
        assertFalse(pollFree("loop (0, 0) with (i, acc) -> if lt? (i, 100) then recur (inc (i), add (acc, i)) else recur (0, acc)\n"),
                "a recur where the test failed");
        assertFalse(pollFree("loop (0.5, 0) with (i, acc) -> if lt? (i, 100) then recur (inc (i), add (acc, i)) else acc\n"),
                "no integer start");
    }

    @Test
    void aLoopWhoseIterationsMayTakeLongKeepsItsPoll() {
        assertFalse(pollFree(counting("100", "inc (i)", "add (acc, count (range (i)))", "acc")), "a builtin that is not arithmetic");
        assertFalse(pollFree("fn f (h) -> loop (0, 0) with (i, acc) -> if lt? (i, 100) then recur (inc (i), h (acc)) else acc\n"),
                "a function value that may be a slow builtin");
        assertFalse(pollFree("fn f (v) -> loop (0, 0) with (i, acc) -> if lt? (i, 100) then recur (inc (i), add (acc, count (v))) else acc\n"));
    }
}
