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
