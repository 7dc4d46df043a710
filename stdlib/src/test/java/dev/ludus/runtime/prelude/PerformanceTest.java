package dev.ludus.runtime.prelude;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ludus.runtime.collection.LList;
import org.junit.jupiter.api.Test;

/** fold/map/filter over a million elements must be linear (no per-element copies). */
class PerformanceTest extends PreludeTestSupport {
    @Test void millionElements() {
        LList.Builder b = LList.builder();
        for (int i = 0; i < 1_000_000; i++) b.add((double) i);
        LList xs = b.build();
        long t0 = System.nanoTime();
        Object mapped = Colls.map(fn("inc"), xs);
        Object filtered = Colls.filter(fn("even?"), mapped);
        Object sum = Colls.fold(fn("add"), filtered, 0.0);
        Object kept = Colls.keep(xs);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(1_000_000, ((LList) mapped).size());
        assertEquals(500_000, ((LList) filtered).size());
        assertEquals(1_000_000, ((LList) kept).size());
        assertEquals(250000500000.0, sum);
        assertTrue(ms < 5_000, "took " + ms + " ms");
        Object appended = LList.EMPTY;
        for (int i = 0; i < 100_000; i++) appended = Colls.append(appended, 1.0);
        assertEquals(100_000.0, Colls.count(appended));
        assertEquals(100_000.0, call("count", call("range", 100_000)));
    }
}
