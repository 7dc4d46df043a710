package dev.ludus.runtime.collection;

import static dev.ludus.runtime.collection.LListTest.assertModel;
import static dev.ludus.runtime.collection.LListTest.assertSameValue;
import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Appends share a tail array with free capacity (the next slot is claimed by the first list
 * that appends into it). These tests branch many versions off the same lists, so that claimed
 * slots, shared tails and copies meet, and check that every version still holds exactly its
 * own elements.
 */
class LListTailSharingTest {


    @Test
    void twoAppendsToTheSameListDoNotSeeEachOther() {
        // every tail length and both sides of the 32 and 1024 leaf/root boundaries
        for (int n : new int[] {0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65, 1023, 1024, 1025, 1056, 33_793}) {
            LList base = LList.EMPTY;
            List<Object> model = new ArrayList<>();
            for (int i = 0; i < n; i++) { Object x = (double) i; base = base.append(x); model.add(x); }
            LList a = base.append("a");
            LList b = base.append("b");
            LList a2 = a.append("a2");
            LList b2 = b.append("b2");
            LList a3 = a.append("a3");   // a's next slot already went to a2
            assertModel(model, base);
            assertModel(plus(model, "a"), a);
            assertModel(plus(model, "b"), b);
            assertModel(plus(model, "a", "a2"), a2);
            assertModel(plus(model, "b", "b2"), b2);
            assertModel(plus(model, "a", "a3"), a3);
        }
    }

    @Test
    void builtListsKeepTheirElementsWhenTheBuilderOrAnAppendContinues() {
        for (int n : new int[] {1, 3, 8, 9, 31, 32, 33, 1024, 1025, 1030}) {
            LList.Builder b = LList.builder();
            List<Object> model = new ArrayList<>();
            for (int i = 0; i < n; i++) { Object x = (double) i; b.add(x); model.add(x); }
            LList built = b.build();
            LList appended = built.append("x");     // may claim a free slot of the builder's tail
            b.add("y");                              // the builder must not overwrite that slot
            LList rebuilt = b.build();
            assertModel(model, built);
            assertModel(plus(model, "x"), appended);
            assertModel(plus(model, "y"), rebuilt);
            assertModel(plus(model, "x", "z"), appended.append("z"));
            assertModel(plus(model, "y", "w"), rebuilt.append("w"));
            LList again = b.build();                 // a second build without adds in between
            assertModel(plus(model, "y"), again);
            assertModel(plus(model, "y", "v"), again.append("v"));
            assertModel(plus(model, "y", "w"), rebuilt.append("w"));
        }
    }

    @Test
    void randomVersionTreeAgainstModel() {
        Random r = new Random(42);
        List<ListVersion> pool = new ArrayList<>();
        pool.add(ListVersion.of(LList.EMPTY, List.of()));
        for (int step = 0; step < 60_000; step++) {
            ListVersion v = pool.get(r.nextInt(pool.size()));
            int op = r.nextInt(100);
            ListVersion out;
            if (op < 70) {
                // runs of appends, the common case, with lengths crossing leaf boundaries
                int k = 1 + r.nextInt(r.nextInt(10) == 0 ? 1100 : 40);
                LList l = v.list();
                List<Object> m = new ArrayList<>(v.model());
                for (int i = 0; i < k; i++) { Object x = step + "." + i; l = l.append(x); m.add(x); }
                out = new ListVersion(l, m);
            } else if (op < 78 && v.model().size() > 0) {
                int from = r.nextInt(v.model().size()), to = from + r.nextInt(v.model().size() - from + 1);
                out = ListVersion.of(v.list().slice(from, to), v.model().subList(from, to));
            } else if (op < 83) {
                out = ListVersion.of(v.list().rest(), v.model().isEmpty() ? List.of() : v.model().subList(1, v.model().size()));
            } else if (op < 88) {
                out = ListVersion.of(v.list().butLast(), v.model().isEmpty() ? List.of() : v.model().subList(0, v.model().size() - 1));
            } else if (op < 92 && v.model().size() > 0) {
                out = v.set(r, step);
            } else if (op < 96) {
                out = v.concat(pool.get(r.nextInt(pool.size())));
            } else {
                out = v.built(r, step, 70);
            }
            if (out.model().size() > 20_000) continue;   // keep the test quick
            if (pool.size() < 400) pool.add(out);
            else pool.set(r.nextInt(pool.size()), out);
            if (step % 5000 == 0) for (ListVersion p : pool) assertModel(p.model(), p.list());
        }
        for (ListVersion p : pool) assertModel(p.model(), p.list());
    }

    @Test
    void leavesHandedToTheBuilderGiveTheSameListAsAddingOneByOne() {
        Random r = new Random(9);
        for (int n : new int[] {0, 1, 31, 32, 33, 64, 65, 1023, 1024, 1025, 1056, 32 * 32 * 32, 32 * 32 * 32 + 1, 40_000}) {
            for (int prefix : new int[] {0, 1, 32, 40}) {
                // prefix elements added one by one first, then leaves of 32 and a partial one
                LList.Builder byLeaf = LList.builder();
                LList.Builder byOne = LList.builder();
                List<Object> model = new ArrayList<>();
                for (int i = 0; i < prefix; i++) { Object x = "p" + i; byLeaf.add(x); byOne.add(x); model.add(x); }
                Object[] leaf = new Object[32];
                int k = 0;
                for (int i = 0; i < n; i++) {
                    Object x = (double) i;
                    model.add(x);
                    byOne.add(x);
                    leaf[k++] = x;
                    if (k == 32) { byLeaf.addLeaf(leaf, 32); leaf = new Object[32]; k = 0; }
                }
                byLeaf.addLeaf(leaf, k);
                LList a = byLeaf.build(), b = byOne.build();
                assertModel(model, a);
                assertEquals(b, a);
                // the built list stays put while both the builder and appends continue
                byLeaf.add("after");
                LList appended = a.append("appended");
                assertModel(model, a);
                assertModel(plus(model, "after"), byLeaf.build());
                assertModel(plus(model, "appended"), appended);
            }
            // a leaf handed to a builder whose built list is shared must not disturb that list
            LList.Builder b = LList.builder();
            List<Object> model = new ArrayList<>();
            for (int i = 0; i < n; i++) { Object x = (double) i; b.add(x); model.add(x); }
            LList built = b.build();
            Object[] leaf = new Object[32];
            for (int i = 0; i < 32; i++) leaf[i] = "L" + i;
            b.addLeaf(leaf, 32 - r.nextInt(2));
            assertModel(model, built);
        }
    }

    @Test
    void tailElementsOfListsWhollyInTheirTail() {
        LList big = LList.EMPTY;
        for (int i = 0; i < 3000; i++) big = big.append((double) i);
        assertFalse(big.inTail());
        assertFalse(LList.EMPTY.inTail());
        for (int from = 0; from < 100; from++) {
            for (int len = 1; len <= 40; len++) {
                LList s = big.slice(from, from + len);
                // a slice is wholly in its tail exactly when it lies within one 32-element leaf
                boolean oneLeaf = from / 32 == (from + len - 1) / 32;
                assertEquals(oneLeaf, s.inTail(), "slice " + from + ".." + (from + len));
                if (s.inTail()) {
                    for (int i = 0; i < len; i++) assertSameValue(big.get(from + i), s.tailElement(i));
                    int n = len;
                    assertThrows(IndexOutOfBoundsException.class, () -> s.tailElement(n));
                    assertThrows(IndexOutOfBoundsException.class, () -> s.tailElement(-1));
                }
            }
        }
        // lists of up to 32 elements built from empty are always in their tail
        LList l = LList.EMPTY;
        LList.Builder b = LList.builder();
        for (int i = 0; i < 32; i++) {
            l = l.append((double) i);
            b.add((double) i);
            LList built = b.build();
            assertTrue(l.inTail());
            assertTrue(built.inTail());
            assertSameValue(l.get(i), l.tailElement(i));
            assertSameValue(built.get(i), built.tailElement(i));
        }
        assertFalse(l.append(32.0).inTail());
    }

    @Test
    void tailCapacityGrowsToALeaf() {
        assertEquals(4, LList.grownCapacity(1));
        assertEquals(4, LList.grownCapacity(4));
        assertEquals(8, LList.grownCapacity(5));
        assertEquals(16, LList.grownCapacity(9));
        assertEquals(32, LList.grownCapacity(17));
        assertEquals(32, LList.grownCapacity(32));
    }

    private static List<Object> plus(List<Object> m, Object... xs) {
        List<Object> out = new ArrayList<>(m);
        out.addAll(List.of(xs));
        return out;
    }
}
