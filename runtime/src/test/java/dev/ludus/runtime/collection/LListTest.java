package dev.ludus.runtime.collection;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LListTest {
    static void assertModel(List<Object> model, LList l) {
        assertEquals(model.size(), l.size());
        for (int i = 0; i < model.size(); i++) assertSameValue(model.get(i), l.get(i), "index " + i);
        List<Object> viaIter = new ArrayList<>();
        for (Object x : l) viaIter.add(x);
        assertEquals(model, viaIter);
        List<Object> viaForEach = new ArrayList<>();
        l.forEach(viaForEach::add);
        assertEquals(model, viaForEach);
        assertArrayEquals(model.toArray(), l.toArray());
        assertThrows(IndexOutOfBoundsException.class, () -> l.get(model.size()));
        assertThrows(IndexOutOfBoundsException.class, () -> l.get(-1));
    }

    static Double d(int i) { return (double) i; }

    /**
     * The same element: numbers by value and bits (a list of numbers keeps them unboxed and
     * boxes them afresh when read; -0.0 and NaN must come back as they went in), else identity.
     */
    static void assertSameValue(Object expected, Object actual, String... msg) {
        if (expected instanceof Double) assertEquals(expected, actual, msg.length > 0 ? msg[0] : null);
        else assertSame(expected, actual, msg.length > 0 ? msg[0] : null);
    }

    @Test
    void consAndDropAgreeWithAModel() {
        // lists of every shape around the 32-element leaf: built, sliced from both ends, appended to
        Random rnd = new Random(7);
        for (int n = 0; n <= 70; n++) {
            List<Object> model = new ArrayList<>();
            LList l = LList.EMPTY;
            for (int i = 0; i < n; i++) {
                Double e = d(i);
                model.add(e);
                l = l.append(e);
            }
            for (int trial = 0; trial < 6; trial++) {
                int from = n == 0 ? 0 : rnd.nextInt(n + 1), to = from + (n == from ? 0 : rnd.nextInt(n - from + 1));
                List<Object> m = new ArrayList<>(model.subList(from, to));
                LList s = l.slice(from, to);
                assertModel(m, s);
                for (int k = 0; k <= m.size(); k++) assertModel(m.subList(k, m.size()), s.drop(k));
                Double head = d(-1), last = d(1000);
                List<Object> c = new ArrayList<>(m);
                c.add(0, head);
                LList cons = s.cons(head);
                assertModel(c, cons);
                assertModel(m, s); // unchanged
                // the cons'd list can grow at either end like any other
                List<Object> c2 = new ArrayList<>(c);
                c2.add(last);
                assertModel(c2, cons.append(last));
                assertModel(c.subList(1, c.size()), cons.rest());
            }
        }
    }

    @Test
    void emptyAndOf() {
        assertEquals(0, LList.EMPTY.size());
        assertTrue(LList.EMPTY.isEmpty());
        assertFalse(LList.EMPTY.iterator().hasNext());
        assertSame(LList.EMPTY, LList.of());
        LList l = LList.of(d(1), "two", d(3));
        assertEquals(3, l.size());
        assertEquals("two", l.get(1));
        assertEquals(d(3), l.last());
        assertEquals(d(1), l.first());
        assertEquals(LList.of(d(1), "two", d(3)), l);
        assertNotEquals(LList.of(d(1), "two"), l);
    }

    @Test
    void appendBuildsEveryShape() {
        List<Object> model = new ArrayList<>();
        LList l = LList.EMPTY;
        for (int i = 0; i < 40_000; i++) {
            Object x = d(i);
            LList before = l;
            l = l.append(x);
            model.add(x);
            assertEquals(i, before.size());          // persistence
            if (i % 997 == 0 || i < 70 || (i > 1000 && i < 1100) || (i > 32 * 32 + 30 && i < 32 * 32 + 70)) {
                assertModel(model, l);
            }
        }
        assertModel(model, l);
    }

    @Test
    void persistentVersionsAreIndependent() {
        LList base = LList.EMPTY;
        for (int i = 0; i < 1057; i++) base = base.append(d(i));
        LList a = base.append("a");
        LList b = base.append("b");
        assertEquals("a", a.get(1057));
        assertEquals("b", b.get(1057));
        assertEquals(1057, base.size());
        LList c = base.set(5, "x");
        assertEquals("x", c.get(5));
        assertEquals(d(5), base.get(5));
        LList e = base.set(1056, "y");
        assertEquals("y", e.get(1056));
        assertEquals(d(1056), base.get(1056));
    }

    @Test
    void builderAndContinuation() {
        Random r = new Random(1);
        for (int n : new int[] {0, 1, 31, 32, 33, 64, 1023, 1024, 1025, 1056, 32 * 32 * 32 + 1, 100_000}) {
            LList.Builder b = LList.builder();
            List<Object> model = new ArrayList<>();
            for (int i = 0; i < n; i++) { Object x = d(i); b.add(x); model.add(x); }
            assertEquals(n, b.size());
            LList built = b.build();
            assertModel(model, built);
            // keep using the builder after build: built must not change
            List<Object> model2 = new ArrayList<>(model);
            int extra = r.nextInt(3000);
            for (int i = 0; i < extra; i++) { Object x = "e" + i; b.add(x); model2.add(x); }
            assertModel(model, built);
            assertModel(model2, b.build());
            // a builder continuing an existing list must not disturb it
            LList.Builder c = new LList.Builder(built);
            for (int i = 0; i < extra; i++) c.add(model2.get(n + i));
            assertModel(model2, c.build());
            assertModel(model, built);
        }
    }

    @Test
    void builderAddAllVariants() {
        List<Object> model = new ArrayList<>();
        for (int i = 0; i < 5000; i++) model.add(d(i));
        LList a = LList.builder().addAll(model).build();
        assertModel(model, a);
        LList b = LList.builder().addAll(a).addAll(a.slice(7, 4000)).build();
        List<Object> m2 = new ArrayList<>(model);
        m2.addAll(model.subList(7, 4000));
        assertModel(m2, b);
        assertModel(model.subList(3, 3000), LList.fromArray(model.toArray(), 3, 3000));
    }

    @Test
    void concat() {
        Random r = new Random(2);
        for (int t = 0; t < 200; t++) {
            int n = r.nextInt(t < 100 ? 70 : 3000), m = r.nextInt(t < 100 ? 70 : 3000);
            List<Object> x = new ArrayList<>(), y = new ArrayList<>();
            for (int i = 0; i < n; i++) x.add(d(i));
            for (int i = 0; i < m; i++) y.add("y" + i);
            LList a = LList.builder().addAll(x).build();
            LList b = LList.builder().addAll(y).build();
            int from = n == 0 ? 0 : r.nextInt(n);          // concat of slices too
            LList as = a.slice(from, n);
            List<Object> both = new ArrayList<>(x.subList(from, n));
            both.addAll(y);
            assertModel(both, as.concat(b));
            assertModel(x.subList(from, n), as);
            assertModel(y, b);
        }
    }

    @Test
    void slicesAgainstModel() {
        Random r = new Random(3);
        for (int n : new int[] {1, 5, 32, 33, 100, 1024, 1025, 1100, 33_000, 40_000}) {
            List<Object> model = new ArrayList<>();
            for (int i = 0; i < n; i++) model.add(d(i));
            LList l = LList.builder().addAll(model).build();
            for (int t = 0; t < 60; t++) {
                int from = r.nextInt(n + 1), to = r.nextInt(n + 1);
                if (from > to) { int s = from; from = to; to = s; }
                LList s = l.slice(from, to);
                List<Object> sm = model.subList(from, to);
                assertModel(sm, s);
                // nested slice, then append onto slices (must not disturb the parent)
                if (to - from > 2) {
                    int f2 = r.nextInt(to - from), t2 = f2 + r.nextInt(to - from - f2 + 1);
                    assertModel(sm.subList(f2, t2), s.slice(f2, t2));
                    LList s2 = s.slice(f2, t2);
                    List<Object> m3 = new ArrayList<>(sm.subList(f2, t2));
                    for (int i = 0; i < 100; i++) { Object z = "z" + i; s2 = s2.append(z); m3.add(z); }
                    assertModel(m3, s2);
                    assertModel(sm, s);
                }
            }
            assertModel(model, l);
        }
        assertThrows(IndexOutOfBoundsException.class, () -> LList.of(d(1)).slice(0, 2));
        assertSame(LList.EMPTY, LList.of(d(1)).slice(1, 1));
    }

    @Test
    void restAndButLastChains() {
        int n = 5000;
        List<Object> model = new ArrayList<>();
        for (int i = 0; i < n; i++) model.add(d(i));
        LList l = LList.builder().addAll(model).build();
        LList cur = l;
        for (int i = 0; i < n; i++) {
            assertEquals(n - i, cur.size());
            assertSameValue(model.get(i), cur.first());
            assertSameValue(model.get(n - 1), cur.last());
            if (i % 257 == 0) assertModel(model.subList(i, n), cur);
            cur = cur.rest();
        }
        assertTrue(cur.isEmpty());
        cur = l;
        for (int i = n; i > 0; i--) {
            assertEquals(i, cur.size());
            assertSameValue(model.get(i - 1), cur.last());
            if (i % 263 == 0) assertModel(model.subList(0, i), cur);
            cur = cur.butLast();
        }
        assertTrue(cur.isEmpty());
        assertSame(LList.EMPTY, LList.EMPTY.rest());
        assertSame(LList.EMPTY, LList.EMPTY.butLast());
    }

    @Test
    void queuePattern() {
        // append at the end, rest at the front, many times: absolute positions drift
        LList q = LList.EMPTY;
        java.util.ArrayDeque<Object> model = new java.util.ArrayDeque<>();
        Random r = new Random(4);
        for (int i = 0; i < 300_000; i++) {
            if (model.isEmpty() || r.nextInt(100) < 52) { Object x = d(i); q = q.append(x); model.addLast(x); }
            else { assertSameValue(model.removeFirst(), q.first()); q = q.rest(); }
        }
        assertModel(new ArrayList<>(model), q);
    }

    @Test
    void setAndReverse() {
        Random r = new Random(5);
        List<Object> model = new ArrayList<>();
        for (int i = 0; i < 3000; i++) model.add(d(i));
        LList l = LList.builder().addAll(model).build().slice(10, 2900);
        List<Object> m = new ArrayList<>(model.subList(10, 2900));
        for (int t = 0; t < 500; t++) {
            int i = r.nextInt(m.size());
            Object x = "s" + t;
            l = l.set(i, x);
            m.set(i, x);
        }
        assertModel(m, l);
        List<Object> rev = new ArrayList<>(m);
        java.util.Collections.reverse(rev);
        assertModel(rev, l.reverse());
    }

    @Test
    void iteratorContract() {
        LList l = LList.of(d(1), d(2));
        Iterator<Object> it = l.iterator();
        assertTrue(it.hasNext());
        it.next();
        it.next();
        assertFalse(it.hasNext());
        assertThrows(java.util.NoSuchElementException.class, it::next);
        assertEquals(d(2), l.find(x -> ((Double) x) > 1.5));
        assertNull(l.find(x -> false));
    }

    @Test
    void millionElements() {
        int n = 1_000_000;
        long t0 = System.nanoTime();
        LList.Builder b = LList.builder();
        for (int i = 0; i < n; i++) b.add(d(i));
        LList l = b.build();
        long t1 = System.nanoTime();
        LList p = LList.EMPTY;
        for (int i = 0; i < n; i++) p = p.append(l.get(i));
        long t2 = System.nanoTime();
        assertEquals(n, l.size());
        assertEquals(n, p.size());
        for (int i = 0; i < n; i++) {
            assertEquals((double) i, (Double) l.get(i));
            assertSameValue(l.get(i), p.get(i));
        }
        long t3 = System.nanoTime();
        long[] sum = {0};
        l.forEach(x -> sum[0] += (long) (double) (Double) x);
        assertEquals((long) n * (n - 1) / 2, sum[0]);
        long s2 = 0;
        for (Object x : p) s2 += (long) (double) (Double) x;
        assertEquals(sum[0], s2);
        long t4 = System.nanoTime();
        LList s = l.slice(123_456, 987_654);
        assertEquals(987_654 - 123_456, s.size());
        for (int i = 0; i < s.size(); i += 1) assertSameValue(l.get(i + 123_456), s.get(i));
        LList small = l.slice(999_990, 1_000_000);
        assertEquals(10, small.size());
        assertEquals(999_995.0, (Double) small.get(5));
        assertEquals(l, p);
        assertEquals(l.hashCode(), p.hashCode());
        LList cc = s.concat(small);
        assertEquals(s.size() + 10, cc.size());
        assertSameValue(small.get(9), cc.get(cc.size() - 1));
        long t5 = System.nanoTime();
        System.out.printf("LList 1M: builder %.1f ms, append %.1f ms, get x2 %.1f ms, iterate x2 %.1f ms, slice/eq/concat %.1f ms%n",
            (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, (t4 - t3) / 1e6, (t5 - t4) / 1e6);
    }
}
