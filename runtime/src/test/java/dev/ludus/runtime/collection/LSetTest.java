package dev.ludus.runtime.collection;

import static org.junit.jupiter.api.Assertions.*;

import dev.ludus.runtime.value.Keyword;
import dev.ludus.runtime.value.Nil;
import dev.ludus.runtime.value.Tuple;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LSetTest {
    static void assertModel(LinkedHashSet<Object> model, LSet s) {
        assertEquals(model.size(), s.size());
        for (Object x : model) assertTrue(s.contains(x), String.valueOf(x));
        List<Object> it = new ArrayList<>(), fe = new ArrayList<>();
        for (Object x : s) it.add(x);
        s.forEach(fe::add);
        assertEquals(new ArrayList<>(model), it);
        assertEquals(new ArrayList<>(model), fe);
        assertEquals(new ArrayList<>(model), List.of(s.toArray()));
        List<Object> l = new ArrayList<>();
        s.toList().forEach(l::add);
        assertEquals(new ArrayList<>(model), l);
    }

    @Test
    void structuralMembership() {
        LSet s = LSet.of(1.0, "a", Keyword.of("k"), LList.of(1.0, 2.0), Tuple.of(1.0, 2.0), Nil.NIL, true);
        assertEquals(7, s.size());
        assertTrue(s.contains(1.0));
        assertTrue(s.contains(new String("a")));
        assertTrue(s.contains(LList.of(1.0, 2.0)));
        assertTrue(s.contains(Tuple.of(1.0, 2.0)));
        assertFalse(s.contains(LList.of(1.0)));
        assertTrue(s.contains(Nil.NIL));
        assertFalse(s.contains(false));
        assertSame(s, s.add(LList.of(1.0, 2.0)));
        assertSame(s, s.add(1.0));
        // 0 and -0 are the same element; NaN equals nothing
        LSet z = LSet.EMPTY.add(0.0).add(-0.0);
        assertEquals(1, z.size());
        assertTrue(z.contains(-0.0));
        LSet nan = LSet.EMPTY.add(Double.NaN).add(Double.NaN);
        assertEquals(2, nan.size());
        assertFalse(nan.contains(Double.NaN));
        assertEquals(LSet.of(1.0, 2.0), LSet.of(2.0, 1.0));
        assertEquals(List.of(1.0, 2.0, 3.0), List.of(LSet.of(1.0, 2.0, 2.0, 3.0).toArray()));
        assertSame(LSet.EMPTY, LSet.of(1.0).remove(1.0));
        assertSame(LSet.EMPTY.add(1.0).size(), 1);
    }

    /** A value from a pool with many repeats, full-hash collisions ("Aa" and "BB"...) and NaN. */
    static Object poolValue(Random rnd, int range) {
        int r = rnd.nextInt(10);
        if (r < 6) return (double) rnd.nextInt(range);
        if (r < 8) {   // strings of Aa/BB blocks: equal String hashes, so equal Ludus hashes
            StringBuilder b = new StringBuilder();
            for (int k = rnd.nextInt(4); k >= 0; k--) b.append(rnd.nextBoolean() ? "Aa" : "BB");
            return b.toString();
        }
        if (r == 8) return Keyword.of("k" + rnd.nextInt(range));
        return rnd.nextInt(8) == 0 ? Double.NaN : Tuple.of((double) rnd.nextInt(3), "t");
    }

    /** The same elements in the same order, and the same answers to contains, equality and hash. */
    static void assertSameSet(LSet want, LSet got, List<Object> probes, String what) {
        assertEquals(want.size(), got.size(), what);
        assertEquals(List.of(want.toArray()), List.of(got.toArray()), what);
        for (Object p : probes) assertEquals(want.contains(p), got.contains(p), what + " contains " + p);
        boolean nan = false;
        for (Object x : want) nan |= x instanceof Double d && d.isNaN();
        if (!nan) {
            assertTrue(dev.ludus.runtime.Values.eq(want, got), what);
            assertTrue(dev.ludus.runtime.Values.eq(got, want), what);
            assertEquals(want.hashCode(), got.hashCode(), what);
        }
    }

    @Test
    void builtSetsAreTheSetsThatAddingOneByOneMakes() {
        Random rnd = new Random(31337);
        for (int round = 0; round < 300; round++) {
            int n = rnd.nextInt(round < 100 ? 40 : 3000), range = 1 + rnd.nextInt(2 * n + 2);
            List<Object> xs = new ArrayList<>();
            for (int i = 0; i < n; i++) xs.add(poolValue(rnd, range));
            LSet added = LSet.EMPTY;
            for (Object x : xs) added = added.add(x);
            LSet.Builder b = LSet.builder();
            LSet built = b.addAll(xs).build();
            String what = "round " + round + " (" + n + " values)";
            List<Object> probes = new ArrayList<>(xs);
            for (int i = 0; i < 50; i++) probes.add(poolValue(rnd, range));
            assertSameSet(added, built, probes, what);
            // the built trie is the canonical one: removals and additions keep it equal to the other
            for (int step = 0; step < 60; step++) {
                Object x = rnd.nextBoolean() && !xs.isEmpty() ? xs.get(rnd.nextInt(xs.size())) : poolValue(rnd, range);
                if (rnd.nextInt(3) == 0) { added = added.add(x); built = built.add(x); }
                else { added = added.remove(x); built = built.remove(x); }
                if (step % 10 == 9) assertSameSet(added, built, probes, what + " step " + step);
            }
            // union of two large sets (made in one go) against adding one by one
            LSet other = LSet.builder().addAll(probes).build(), u = added;
            for (Object x : other) u = u.add(x);
            assertSameSet(u, added.union(other), probes, what + " union");
            // and of a set much smaller than it (persistent adds, no rebuild)
            LSet few = LSet.builder().addAll(probes.subList(probes.size() - 20, probes.size())).build(), v = added;
            for (Object x : few) v = v.add(x);
            assertSameSet(v, added.union(few), probes, what + " union of a few");
            // a builder used again after build
            Object more = poolValue(rnd, range);
            assertSameSet(LSet.builder().addAll(xs).add(more).build(), b.add(more).build(), probes, what + " reused");
        }
    }

    @Test
    void orderSemanticsAndLargeForm() {
        LinkedHashSet<Object> model = new LinkedHashSet<>();
        LSet s = LSet.EMPTY;
        for (int i = 0; i < 30; i++) { s = s.add((double) i); model.add((double) i); assertModel(model, s); }
        s = s.remove(3.0); model.remove(3.0);
        s = s.add(3.0); model.add(3.0);
        assertModel(model, s);
        s = s.add(5.0);             // present: position kept
        assertModel(model, s);
        for (int i = 0; i < 30; i++) { s = s.remove((double) i); model.remove((double) i); assertModel(model, s); }
        assertEquals(LSet.EMPTY, s);
    }

    @Test
    void randomOpsAgainstLinkedHashSet() {
        Random r = new Random(21);
        for (int round = 0; round < 4; round++) {
            int range = round % 2 == 0 ? 10 : 2000;
            LinkedHashSet<Object> model = new LinkedHashSet<>();
            LSet s = LSet.EMPTY;
            List<LSet> snaps = new ArrayList<>();
            List<LinkedHashSet<Object>> models = new ArrayList<>();
            for (int t = 0; t < 30_000; t++) {
                int v = r.nextInt(range);
                Object x = switch (v % 4) {
                    case 0 -> (double) v;
                    case 1 -> "s" + v;
                    case 2 -> LList.of((double) v, "l");
                    default -> Tuple.of(Keyword.of("t" + v));
                };
                if (r.nextInt(10) < 6) { s = s.add(x); model.add(x); }
                else { s = s.remove(x); model.remove(x); }
                if (t % 1000 == 0) { assertModel(model, s); snaps.add(s); models.add(new LinkedHashSet<>(model)); }
            }
            assertModel(model, s);
            for (int i = 0; i < snaps.size(); i++) assertModel(models.get(i), snaps.get(i));
        }
    }

    @Test
    void builderReuseAfterBuild() {
        for (int total : new int[] {0, 3, 8, 9, 30}) {
            LSet.Builder b = LSet.builder();
            LinkedHashSet<Object> model = new LinkedHashSet<>();
            List<LSet> built = new ArrayList<>();
            List<LinkedHashSet<Object>> models = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                Object x = (double) (i * 7 % Math.max(1, total - 2));
                b.add(x);
                model.add(x);
                assertEquals(model.size(), b.size());
                built.add(b.build());
                models.add(new LinkedHashSet<>(model));
            }
            for (int i = 0; i < built.size(); i++) assertModel(models.get(i), built.get(i));
            assertModel(model, b.build());
        }
    }

    @Test
    void unionAndBuilder() {
        LSet a = LSet.of(1.0, 2.0, 3.0);
        LSet b = LSet.of(3.0, 4.0);
        assertEquals(List.of(1.0, 2.0, 3.0, 4.0), List.of(a.union(b).toArray()));
        assertSame(a, a.union(LSet.EMPTY));
        assertSame(b, LSet.EMPTY.union(b));
        LSet.Builder bl = LSet.builder();
        for (int i = 0; i < 100_000; i++) bl.add((double) (i % 50_000));
        LSet big = bl.build();
        assertEquals(50_000, big.size());
        for (int i = 0; i < 50_000; i++) assertTrue(big.contains((double) i));
        LSet big2 = LSet.builder().addAll(big).build();
        assertEquals(big, big2);
        assertEquals(big.hashCode(), big2.hashCode());
        assertEquals(50_001, big.union(LSet.of("new")).size());
    }
}
