package dev.ludus.runtime.collection;

import static dev.ludus.runtime.collection.LListTest.assertModel;
import static org.junit.jupiter.api.Assertions.*;

import dev.ludus.runtime.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * cons ({@code [x, ...xs]}) claims the free slot before a short list's first element and shares
 * its array (as append does with the slot after the last). These tests branch many versions off
 * the same lists so that claimed slots, shared arrays and copies meet, and check that every
 * version still holds exactly its own elements and is equal, with the same hash and printing, to
 * the same list built from scratch.
 */
class LListConsSharingTest {

    private static List<Object> consed(Object x, List<Object> m) {
        List<Object> r = new ArrayList<>();
        r.add(x);
        r.addAll(m);
        return r;
    }

    /** l holds exactly model, and is the same Ludus value as the list built from scratch. */
    private static void assertList(List<Object> model, LList l) {
        assertModel(model, l);
        LList fresh = LList.of(model.toArray());
        assertTrue(Values.eq(fresh, l));
        assertTrue(Values.eq(l, fresh));
        assertEquals(Values.hash(fresh), Values.hash(l));
        assertEquals(Values.show(fresh), Values.show(l));
    }

    @Test
    void aChainOfConsesSharesOneArrayUntilItIsFull() {
        LList l = LList.EMPTY;
        int copies = 0;
        for (int i = 0; i < 32; i++) {
            LList next = l.cons((double) i);
            if (next.tail != l.tail) copies++;
            l = next;
        }
        // capacities 4, 8, 16, 32: four arrays for 32 conses, not 32
        assertEquals(4, copies);
        List<Object> model = new ArrayList<>();
        for (int i = 31; i >= 0; i--) model.add((double) i);
        assertList(model, l);
    }

    @Test
    void aLongChainOfConsesCopiesLogarithmicallyOften() {
        LList l = LList.EMPTY;
        List<Object> model = new ArrayList<>();
        int copies = 0;
        for (int i = 0; i < 100_000; i++) {
            Object x = i % 3 == 0 ? "s" + i : (Object) (double) i;
            LList next = l.cons(x);
            if (next.tail != l.tail) copies++;   // a claimed slot shares the tail (and the trie)
            l = next;
            model.add(x);
        }
        java.util.Collections.reverse(model);
        assertList(model, l);
        // the room in front doubles with each copy: about log2(100000 / 32) + 4 copies, not 100000
        assertTrue(copies < 30, "copies: " + copies);
    }

    @Test
    void consOntoSlicesOfLongConsedLists() {
        LList l = LList.EMPTY;
        List<Object> model = new ArrayList<>();
        for (int i = 0; i < 5000; i++) { Object x = "e" + i; l = l.cons(x); model.add(0, x); }
        for (int from : new int[] {0, 1, 31, 32, 33, 1000, 1023, 1024, 1025, 4000, 4999}) {
            for (int to : new int[] {from, from + 1, from + 31, from + 32, from + 33, from + 2000, 5000}) {
                if (to > 5000) continue;
                LList s = l.slice(from, to);
                List<Object> m = model.subList(from, to);
                assertList(m, s);
                assertList(consed("c", m), s.cons("c"));
                assertList(consed("d", m), s.cons("d"));
                List<Object> ap = new ArrayList<>(m);
                ap.add("z");
                assertList(ap, s.append("z"));
            }
        }
        assertList(model, l);
        // set and concat keep the consed list and the others apart
        assertList(consed("q", model), l.cons("q"));
        List<Object> set = new ArrayList<>(model);
        Object y = "y";
        set.set(2500, y);
        assertList(set, l.set(2500, y));
        List<Object> twice = new ArrayList<>(model);
        twice.addAll(model);
        assertList(twice, l.concat(l));
        assertList(model, l);
    }

    @Test
    void twoConsesOntoTheSameListDoNotSeeEachOther() {
        for (int n : new int[] {0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 30, 31, 32, 33, 34, 63, 64, 65, 100, 1023, 1024, 1025, 2100}) {
            LList base = LList.EMPTY;
            List<Object> model = new ArrayList<>();
            for (int i = 0; i < n; i++) { Object e = "e" + i; base = base.cons(e); model = consed(e, model); }
            LList a = base.cons("a");
            LList b = base.cons("b");            // a took the slot: b copies
            LList a2 = a.cons("a2");
            LList a3 = a.cons("a3");
            LList b2 = b.cons("b2");
            assertList(model, base);
            assertList(consed("a", model), a);
            assertList(consed("b", model), b);
            assertList(consed("a2", consed("a", model)), a2);
            assertList(consed("a3", consed("a", model)), a3);
            assertList(consed("b2", consed("b", model)), b2);
            if (n > 0 && n < 31) assertNotSame(a.tail, b.tail);
            if (base.start > 0 && n < 32) assertSame(base.tail, a.tail);   // the first cons shared the array
            // consed lists grow at the other end and shrink like any other
            List<Object> appended = new ArrayList<>(consed("a", model));
            appended.add("z");
            assertList(appended, a.append("z"));
            assertList(consed("a", model).subList(1, n + 1), a.rest());
            assertList(model, a.rest());
            assertList(consed("r", model), a.rest().cons("r"));   // the slot of "a" is taken
        }
    }

    @Test
    void consOntoSlicesAppendsAndNumberLeaves() {
        LList nums = LList.EMPTY;
        for (int i = 0; i < 40; i++) nums = nums.append((double) i);   // double[] leaves
        List<Object> model = new ArrayList<>();
        for (int i = 0; i < 40; i++) model.add((double) i);
        for (int from = 0; from < 40; from += 3) {
            for (int to = from; to <= 40; to += 5) {
                LList s = nums.slice(from, to);
                List<Object> m = model.subList(from, to);
                assertList(consed("x", m), s.cons("x"));
                assertList(consed(-1.0, m), s.cons(-1.0));
                assertList(m, s);
            }
        }
        assertList(model, nums);
        // a list whose elements were dropped from the front keeps them: no slot to claim
        LList dropped = LList.of("a", "b", "c").rest();
        assertList(List.of("q", "b", "c"), dropped.cons("q"));
        assertList(List.of("b", "c"), dropped);
    }

    @Test
    void randomVersionTreeAgainstModel() {
        Random r = new Random(7);
        List<ListVersion> pool = new ArrayList<>();
        pool.add(new ListVersion(LList.EMPTY, List.of()));
        for (int step = 0; step < 40_000; step++) {
            ListVersion v = pool.get(r.nextInt(pool.size()));
            int op = r.nextInt(100);
            ListVersion out;
            if (op < 50) {
                LList l = v.list();
                List<Object> m = v.model();
                for (int i = 0, k = 1 + r.nextInt(r.nextInt(10) == 0 ? 1500 : 12); i < k; i++) {
                    Object x = r.nextBoolean() ? (Object) (double) r.nextInt(5) : step + "." + i;
                    l = l.cons(x);
                    m = consed(x, m);
                }
                out = new ListVersion(l, m);
            } else if (op < 65) {
                Object x = "ap" + step;
                List<Object> m = new ArrayList<>(v.model());
                m.add(x);
                out = new ListVersion(v.list().append(x), m);
            } else if (op < 75) {
                out = new ListVersion(v.list().rest(), v.model().isEmpty() ? List.of() : new ArrayList<>(v.model().subList(1, v.model().size())));
            } else if (op < 82 && v.model().size() > 0) {
                int from = r.nextInt(v.model().size()), to = from + r.nextInt(v.model().size() - from + 1);
                out = new ListVersion(v.list().slice(from, to), new ArrayList<>(v.model().subList(from, to)));
            } else if (op < 88 && v.model().size() > 0) {
                out = v.set(r, step);
            } else if (op < 94) {
                out = v.concat(pool.get(r.nextInt(pool.size())));
            } else {
                out = v.built(r, step, 40);
            }
            if (out.model().size() > 3000) continue;
            if (pool.size() < 300) pool.add(out);
            else pool.set(r.nextInt(pool.size()), out);
            if (step % 4000 == 0) for (ListVersion p : pool) assertList(p.model(), p.list());
        }
        for (ListVersion p : pool) assertList(p.model(), p.list());
    }
}
