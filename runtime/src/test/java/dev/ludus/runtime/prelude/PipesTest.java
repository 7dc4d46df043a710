package dev.ludus.runtime.prelude;

import static org.junit.jupiter.api.Assertions.*;

import dev.ludus.runtime.LudusPanic;
import dev.ludus.runtime.Values;
import dev.ludus.runtime.collection.LList;
import dev.ludus.runtime.collection.LeafCursor;
import dev.ludus.runtime.value.Keyword;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The edges of compiled fused pipelines (Pipes): what the loop may count out, walk and build. */
class PipesTest {
    @Test void rangesCountedOutAreExactAndFinite() {
        assertTrue(Pipes.rangeFusable(0.0, 1e6));
        assertTrue(Pipes.rangeFusable(2.5, -3.0)); // empty, like the prelude's
        assertFalse(Pipes.rangeFusable(Keyword.of("a"), 3.0));
        assertFalse(Pipes.rangeFusable(0.0, Double.NaN));
        assertFalse(Pipes.rangeFusable(0.0, Double.POSITIVE_INFINITY));
        assertFalse(Pipes.rangeFusable(0x1p53, 0x1p53 + 10));
        assertFalse(Pipes.rangeFusable(0.0, 3e9));
        assertEquals(3.0, Pipes.rangeStart(2.5));
    }

    @Test void rangeFallbacksAreThePreludes() {
        assertTrue(Values.eq(LList.of(0.0, 1.0, 2.0), Pipes.range(3.0)));
        assertTrue(Values.eq(LList.of(3.0, 4.0), Pipes.range(2.5, 5.0)));
        LudusPanic p = assertThrows(LudusPanic.class, () -> Pipes.range(Keyword.of("x")));
        assertTrue(p.getMessage().contains("range"), p.getMessage());
    }

    /** The doubles the fused loop would read, or null where it would fall back. */
    private static List<Double> walk(Object xs) {
        LeafCursor c = Pipes.numbers(xs);
        if (c == null) return null;
        List<Double> out = new ArrayList<>();
        while (c.next()) {
            double[] d = Pipes.doubles(c);
            if (d == null) return null;
            for (int k = c.from; k < c.to; k++) out.add(d[k]);
        }
        return out;
    }

    @Test void listsOfNumbersAreWalkedInOrderWhateverTheirLeaves() {
        List<Object> boxed = new ArrayList<>();
        boxed.add(Keyword.of("a"));
        for (int i = 0; i < 100; i++) boxed.add((double) i);
        LList mixedThenRest = LList.of(boxed.toArray()).rest(); // Object[] leaves holding only numbers
        List<Double> expect = new ArrayList<>();
        for (int i = 0; i < 100; i++) expect.add((double) i);
        assertEquals(expect, walk(mixedThenRest));
        assertEquals(expect, walk(Pipes.range(100.0)));
        assertEquals(expect.subList(7, 77), walk(((LList) Pipes.range(100.0)).slice(7, 77)));
        assertEquals(List.of(), walk(LList.EMPTY));
    }

    @Test void aNonNumberOrANonListFallsBack() {
        assertNull(walk(LList.of(1.0, Keyword.of("b"), 3.0)));
        assertNull(walk(Keyword.of("b")));
        assertNull(walk(dev.ludus.runtime.value.Tuple.of(1.0, 2.0)));
    }

    @Test void outBuildsTheListTheStagesWould() {
        for (int n : new int[] {0, 1, 31, 32, 33, 1000}) {
            Pipes.Out out = new Pipes.Out();
            LList.Builder b = LList.builder();
            for (int i = 0; i < n; i++) {
                out.add(i * 0.5);
                b.add((Object) (i * 0.5));
            }
            Object built = out.build();
            assertTrue(Values.eq(b.build(), built), "n = " + n);
            assertEquals(b.build().hashCode(), built.hashCode());
            assertEquals(Values.show(b.build()), Values.show(built));
        }
    }

    /** The values a fused object loop reads from xs, leaf by leaf (Pipes.objects), and the list AnyOut rebuilds from them. */
    private static Object objectsRebuilt(Object xs) {
        LeafCursor c = Pipes.numbers(xs);
        Pipes.AnyOut out = new Pipes.AnyOut();
        while (c.next()) {
            Object[] a = Pipes.objects(c);
            for (int k = c.from; k < c.to; k++) out.add(a[k]);
        }
        return out.build();
    }

    @Test void objectLoopsReadEveryElementAndRebuildTheSameList() {
        List<Object> mixed = new ArrayList<>();
        for (int i = 0; i < 100; i++) mixed.add(i % 7 == 3 ? (Object) Keyword.of("k" + i) : (Object) (i * 1.5));
        LList numbers = (LList) MathFns.range(Arith.ZERO, 100.0);   // double leaves
        LList objs = LList.of(mixed.toArray());
        for (LList l : List.of(numbers, objs, LList.of(), objs.rest(), (LList) Colls.slice(objs, 5.0, 70.0))) {
            Object back = objectsRebuilt(l);
            assertTrue(Values.eq(l, back), Values.show(l));
            assertEquals(Values.hash(l), Values.hash(back));
            assertEquals(Values.show(l), Values.show(back));
        }
        // numbers come out boxed, equal to the list's
        LeafCursor c = Pipes.numbers(numbers);
        assertTrue(c.next());
        assertEquals(5.0, Pipes.objects(c)[5]);
    }

    @Test void anyOutStoresNumbersAsMapDoes() {
        Pipes.AnyOut out = new Pipes.AnyOut();
        out.add(1.0);
        out.add((Object) 2.0);
        out.add(Keyword.of("a"));
        out.add(4.0);
        assertEquals("[1, 2, :a, 4]", Values.show(out.build()));
    }
}
