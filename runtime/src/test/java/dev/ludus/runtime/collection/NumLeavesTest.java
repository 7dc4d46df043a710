package dev.ludus.runtime.collection;

import static dev.ludus.runtime.collection.LListTest.assertModel;
import static org.junit.jupiter.api.Assertions.*;

import dev.ludus.runtime.Values;
import dev.ludus.runtime.value.Keyword;
import dev.ludus.runtime.value.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Lists of numbers in double[] leaves (Leaves) against the same elements in Object[] leaves:
 * the same Ludus value in every respect (equality both ways, hash, shown form, membership as
 * set elements and dict values), and conversions when a non-number arrives.
 */
class NumLeavesTest {
    private static final double[] SPECIAL = {0.0, -0.0, Double.NaN, 1, -1, 0.5, 1e300, -1e-300,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1023, 1024, -128, -129, 2.5e15,
        Double.longBitsToDouble(Leaves.FREE)};

    private static double num(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> SPECIAL[r.nextInt(SPECIAL.length)];
            case 1 -> r.nextInt(2000) - 500;
            case 2 -> r.nextGaussian() * 1e6;
            default -> r.nextInt(10);
        };
    }

    private static List<Object> randomNumbers(Random r, int n, boolean nan) {
        List<Object> m = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double d = num(r);
            if (!nan && Double.isNaN(d)) d = 7;
            m.add(d);
        }
        return m;
    }

    /** A list of m built the way programs build them: numbers land in double leaves. */
    private static LList numeric(List<Object> m, int how) {
        switch (how) {
            case 0: {
                LList.Builder b = LList.builder();
                for (Object x : m) b.add(x);
                return b.build();
            }
            case 1: {
                LList l = LList.EMPTY;
                for (Object x : m) l = l.append(x);
                return l;
            }
            default:
                return LList.of(m.toArray());
        }
    }

    private static void assertAllDouble(LList l) {
        assertTrue(l.leafKinds().chars().allMatch(c -> c == 'D'), l.leafKinds());
    }

    private static void assertSameList(LList a, LList b, boolean hasNaN) {
        assertEquals(!hasNaN, Values.eq(a, b));
        assertEquals(!hasNaN, Values.eq(b, a));
        assertEquals(Values.hash(a), Values.hash(b));
        assertEquals(Values.show(a), Values.show(b));
        Object ta = Tuple.of(a, Keyword.of("k")), tb = Tuple.of(b, Keyword.of("k"));
        assertEquals(Values.hash(ta), Values.hash(tb));
        assertEquals(!hasNaN, Values.eq(ta, tb));
        LSet sa = LSet.builder().add(a).build(), sb = LSet.builder().add(b).build();
        assertEquals(!hasNaN, sa.contains(b));
        assertEquals(!hasNaN, sb.contains(a));
        assertEquals(Values.hash(sa), Values.hash(sb));
        LDict da = LDict.builder().put(Keyword.of("xs"), a).build(), db = LDict.builder().put(Keyword.of("xs"), b).build();
        assertEquals(!hasNaN, Values.eq(da, db));
        assertEquals(Values.hash(da), Values.hash(db));
    }

    @Test
    void numberListsEqualAndHashLikeGeneralLists() {
        Random r = new Random(16);
        for (int trial = 0; trial < 300; trial++) {
            int n = trial < 100 ? trial : r.nextInt(trial < 280 ? 1200 : 40_000);
            boolean nan = r.nextInt(4) == 0;
            List<Object> m = randomNumbers(r, n, nan);
            boolean hasNaN = m.stream().anyMatch(x -> ((Double) x).isNaN());
            LList num = numeric(m, trial % 3), gen = LList.general(m.toArray());
            assertAllDouble(num);
            assertTrue(gen.leafKinds().chars().allMatch(c -> c == 'O'));
            assertModel(m, num);
            assertSameList(num, gen, hasNaN);
            // derived lists stay the same value in both representations
            int from = n == 0 ? 0 : r.nextInt(n + 1), to = from + (n == from ? 0 : r.nextInt(n - from + 1));
            assertSameList(num.slice(from, to), gen.slice(from, to), hasNaN && m.subList(from, to).contains(Double.NaN));
            assertModel(m.subList(from, to), num.slice(from, to));
            if (n > 0) {
                assertModel(m.subList(1, n), num.rest());
                assertModel(m.subList(0, n - 1), num.butLast());
                assertEquals(m.get(0), num.first());
                assertEquals(m.get(n - 1), num.last());
                int i = r.nextInt(n);
                List<Object> set = new ArrayList<>(m);
                set.set(i, 3.25);
                assertModel(set, num.set(i, 3.25));
                assertSameList(num.set(i, 3.25), gen.set(i, 3.25), set.contains(Double.NaN));
            }
            List<Object> rev = new ArrayList<>(m);
            java.util.Collections.reverse(rev);
            assertModel(rev, num.reverse());
            assertSameList(num.reverse(), gen.reverse(), hasNaN);
            assertModel(concat(m, m), num.concat(gen));
            assertModel(concat(m, m), gen.concat(num));
            assertSameList(num.concat(gen), gen.concat(num), hasNaN);
        }
    }

    private static List<Object> concat(List<Object> a, List<Object> b) {
        List<Object> c = new ArrayList<>(a);
        c.addAll(b);
        return c;
    }

    @Test
    void aNonNumberTurnsOnlyTheLeafItLandsInGeneral() {
        Random r = new Random(3);
        for (int n : new int[] {0, 1, 5, 31, 32, 33, 64, 100, 1024, 1025, 5000}) {
            List<Object> m = randomNumbers(r, n, false);
            LList num = numeric(m, 0);
            String s = "not a number";
            // append
            LList app = num.append(s);
            List<Object> ma = concat(m, List.of(s));
            assertModel(ma, app);
            assertModel(m, num);   // unchanged
            assertTrue(app.leafKinds().endsWith("O"));
            if (n >= 64) assertTrue(app.leafKinds().startsWith("DD"), app.leafKinds());
            // and numbers after it: the list goes on
            assertModel(concat(ma, List.of(1.0, 2.5)), app.append(1.0).append(2.5));
            // builder: a non-number mid-stream
            LList.Builder b = new LList.Builder(num);
            b.add(Keyword.of("k"));
            for (int i = 0; i < 70; i++) b.add((double) i);
            List<Object> mb = concat(m, List.of(Keyword.of("k")));
            for (int i = 0; i < 70; i++) mb.add((double) i);
            assertModel(mb, b.build());
            assertModel(m, num);
            // set a non-number, cons one, concat with a general list
            if (n > 0) {
                int i = r.nextInt(n);
                List<Object> ms = new ArrayList<>(m);
                ms.set(i, s);
                assertModel(ms, num.set(i, s));
                assertTrue(num.set(i, s).leafKinds().contains("O"));
            }
            assertModel(concat(List.of(s), m), num.cons(s));
            LList mixed = LList.of(s, Tuple.of(1.0, 2.0));
            assertModel(concat(m, List.of(s, Tuple.of(1.0, 2.0))).subList(0, n), num.concat(mixed).slice(0, n));
            assertTrue(Values.eq(num.concat(mixed).slice(n, n + 2), mixed));
            assertModel(m, num);
        }
    }

    @Test
    void appendsToTheSameNumberListDoNotSeeEachOther() {
        for (int n = 0; n < 70; n++) {
            List<Object> m = new ArrayList<>();
            for (int i = 0; i < n; i++) m.add(i + 0.5);
            LList l = numeric(m, 1);
            double free = Double.longBitsToDouble(Leaves.FREE);
            LList a = l.append(1.5), b = l.append(2.5), c = l.append(free), d = l.append("s");
            assertModel(concat(m, List.of(1.5)), a);
            assertModel(concat(m, List.of(2.5)), b);
            assertModel(concat(m, List.of(free)), c);
            assertEquals(Leaves.FREE, Double.doubleToRawLongBits((Double) c.last()));
            assertModel(concat(m, List.of("s")), d);
            assertModel(concat(m, List.of(1.5, 9.0)), a.append(9.0));
            assertModel(concat(m, List.of(2.5, 8.0)), b.append(8.0));
            assertModel(m, l);
        }
    }

    @Test
    void negativeZeroAndNaNComeBackAsTheyWentIn() {
        LList l = numeric(List.of(-0.0, Double.NaN, 0.0), 0);
        assertAllDouble(l);
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits((Double) l.get(0)));
        assertTrue(((Double) l.get(1)).isNaN());
        assertEquals(Values.show(LList.general(-0.0, Double.NaN, 0.0)), Values.show(l));
        assertFalse(Values.eq(l, l));   // [NaN] is not equal to itself, as before
        LList z = numeric(List.of(-0.0, 1.0), 1);
        assertTrue(Values.eq(z, LList.general(0.0, 1.0)));   // 0 and -0 are equal numbers
        assertEquals(Values.hash(z), Values.hash(LList.general(0.0, 1.0)));
    }

    @Test
    void unboxedAddsMixWithBoxedOnes() {
        Random r = new Random(5);
        for (int n : new int[] {0, 3, 32, 33, 100, 2000}) {
            LList.Builder b = LList.builder();
            List<Object> m = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int kind = r.nextInt(10);
                if (kind == 0) { b.add((Object) "s"); m.add("s"); }
                else if (kind < 5) { double d = num(r); b.add(d); m.add(d); }
                else { Double d = num(r); b.add((Object) d); m.add(d); }
            }
            LList l = b.build();
            assertModel(m, l);
            assertSameList(l, LList.general(m.toArray()), m.stream().anyMatch(x -> x instanceof Double d && d.isNaN()));
            b.add(1.5);   // after build: the built list is unchanged
            assertModel(m, l);
        }
        LList.Builder nums = LList.builder();
        for (int i = 0; i < 100; i++) nums.add((double) i);
        assertAllDouble(nums.build());
    }

    @Test
    void leavesOfNumbersHandedToTheBuilderAreKeptUnboxed() {
        LList.Builder b = LList.builder();
        double[] leaf = new double[32];
        for (int i = 0; i < 32; i++) leaf[i] = i;
        b.addLeaf(leaf, 32);
        double[] part = new double[32];
        part[0] = 32;
        part[1] = 33;
        b.addLeaf(part, 2);
        LList l = b.build();
        assertEquals("DD", l.leafKinds());
        List<Object> m = new ArrayList<>();
        for (int i = 0; i < 34; i++) m.add((double) i);
        assertModel(m, l);
        m.add(34.0);
        assertModel(m, l.append(34.0));   // the part leaf's free slots are claimable
        Object[] boxed = new Object[32];
        for (int i = 0; i < 32; i++) boxed[i] = (double) i;
        LList.Builder b2 = LList.builder();
        b2.addLeaf(boxed, 32);
        assertEquals("D", b2.build().leafKinds());
    }
}
