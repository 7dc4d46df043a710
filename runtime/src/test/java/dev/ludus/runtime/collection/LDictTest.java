package dev.ludus.runtime.collection;

import static org.junit.jupiter.api.Assertions.*;

import dev.ludus.runtime.value.Keyword;
import dev.ludus.runtime.value.Nil;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LDictTest {
    static Keyword kw(String s) { return Keyword.of(s); }

    static void assertModel(LinkedHashMap<Keyword, Object> model, LDict d) {
        assertEquals(model.size(), d.size());
        for (Map.Entry<Keyword, Object> e : model.entrySet()) {
            assertSame(e.getValue(), d.get(e.getKey()), e.getKey().toString());
            assertTrue(d.containsKey(e.getKey()));
        }
        List<Object> ks = new ArrayList<>(), vs = new ArrayList<>();
        d.forEach((k, v) -> { ks.add(k); vs.add(v); });
        assertEquals(new ArrayList<>(model.keySet()), ks);
        assertEquals(new ArrayList<>(model.values()), vs);
        assertEquals(new ArrayList<>(model.keySet()), toList(d.keys()));
        assertEquals(new ArrayList<>(model.values()), toList(d.values()));
    }

    static List<Object> toList(LList l) {
        List<Object> out = new ArrayList<>();
        l.forEach(out::add);
        return out;
    }

    /** Re-assigning keeps position, removing then re-adding moves to the end (LinkedHashMap semantics with remove-before-put). */
    static void modelPut(LinkedHashMap<Keyword, Object> m, Keyword k, Object v) { m.put(k, v); }

    @Test
    void smallBasics() {
        Keyword a = kw("a"), b = kw("b"), c = kw("c");
        LDict d = LDict.EMPTY.assoc(a, 1.0).assoc(b, "x");
        assertEquals(2, d.size());
        assertEquals(1.0, d.get(a));
        assertNull(d.get(c));
        assertFalse(d.containsKey(c));
        LDict n = d.assoc(c, Nil.NIL);
        assertSame(Nil.NIL, n.get(c));
        assertTrue(n.containsKey(c));
        assertSame(d, d.assoc(a, d.get(a)));          // same value: no change
        assertSame(d, d.dissoc(c));                    // absent: no change
        LDict re = n.assoc(a, 9.0);
        assertEquals(List.of(a, b, c), toList(re.keys()));
        LDict moved = n.dissoc(a).assoc(a, 2.0);
        assertEquals(List.of(b, c, a), toList(moved.keys()));
        assertEquals(LDict.EMPTY, d.dissoc(a).dissoc(b));
        assertSame(LDict.EMPTY, d.dissoc(a).dissoc(b));
        assertEquals(LDict.of(a, 1.0, b, "x"), LDict.of(b, "x", a, 1.0));
        assertEquals(d.merge(LDict.of(c, 3.0, a, 0.0)), LDict.of(a, 0.0, b, "x", c, 3.0));
        assertEquals(List.of(a, b, c), toList(d.merge(LDict.of(c, 3.0, a, 0.0)).keys()));
        assertThrows(NullPointerException.class, () -> LDict.EMPTY.assoc(a, null));
        assertEquals(1.0, d.getOrDefault(a, "z"));
        assertEquals("z", d.getOrDefault(c, "z"));
    }

    @Test
    void growAndShrinkAcrossTheSmallLimit() {
        LinkedHashMap<Keyword, Object> model = new LinkedHashMap<>();
        LDict d = LDict.EMPTY;
        for (int i = 0; i < 20; i++) {
            Keyword k = kw("g" + i);
            Object v = (double) i;
            d = d.assoc(k, v);
            model.put(k, v);
            assertModel(model, d);
        }
        for (int i = 0; i < 20; i += 2) {
            Keyword k = kw("g" + i);
            d = d.dissoc(k);
            model.remove(k);
            assertModel(model, d);
            d = d.assoc(k, "back");          // moves to the end
            model.put(k, "back");
            assertModel(model, d);
            d = d.dissoc(k);
            model.remove(k);
        }
        for (int i = 1; i < 20; i += 2) {
            d = d.dissoc(kw("g" + i));
            model.remove(kw("g" + i));
            assertModel(model, d);
        }
        assertEquals(0, d.size());
        assertEquals(LDict.EMPTY, d);
    }

    @Test
    void randomOpsAgainstLinkedHashMap() {
        Random r = new Random(11);
        Keyword[] keys = new Keyword[300];
        for (int i = 0; i < keys.length; i++) keys[i] = kw("r" + i);
        for (int round = 0; round < 6; round++) {
            int range = round % 2 == 0 ? 12 : keys.length;      // small-form heavy vs large-form heavy
            LinkedHashMap<Keyword, Object> model = new LinkedHashMap<>();
            LDict d = LDict.EMPTY;
            List<LDict> snapshots = new ArrayList<>();
            List<LinkedHashMap<Keyword, Object>> models = new ArrayList<>();
            for (int t = 0; t < 20_000; t++) {
                Keyword k = keys[r.nextInt(range)];
                int op = r.nextInt(10);
                if (op < 5) {
                    Object v = r.nextBoolean() ? (Object) (double) r.nextInt(5) : "v" + t;
                    d = d.assoc(k, v);
                    model.put(k, v);
                } else if (op < 7) {
                    Counting f = new Counting(t);
                    Object old = model.containsKey(k) ? model.get(k) : Nil.NIL;
                    LDict before = d;
                    d = d.update(k, f);
                    assertEquals(1, f.calls);
                    assertSame(old, f.seen);
                    model.put(k, f.result);
                    if (f.result == old) assertSame(before, d);   // the same value: the same dict
                } else {
                    d = d.dissoc(k);
                    model.remove(k);
                }
                if (t % 500 == 0) {
                    assertModel(model, d);
                    snapshots.add(d);
                    models.add(new LinkedHashMap<>(model));
                }
            }
            assertModel(model, d);
            for (int i = 0; i < snapshots.size(); i++) assertModel(models.get(i), snapshots.get(i));   // persistence
        }
    }

    @Test
    void hundredThousandKeys() {
        int n = 100_000;
        Keyword[] keys = new Keyword[n];
        for (int i = 0; i < n; i++) keys[i] = kw("key" + i);
        long t0 = System.nanoTime();
        LinkedHashMap<Keyword, Object> model = new LinkedHashMap<>();
        LDict d = LDict.EMPTY;
        for (int i = 0; i < n; i++) {
            Object v = (double) i;
            d = d.assoc(keys[i], v);
            model.put(keys[i], v);
        }
        long t1 = System.nanoTime();
        for (int i = 0; i < n; i++) assertSame(model.get(keys[i]), d.get(keys[i]));
        long t2 = System.nanoTime();
        assertModel(model, d);
        // re-assign every third (position kept), drop every fifth, re-add some (moved to end)
        for (int i = 0; i < n; i += 3) { d = d.assoc(keys[i], "re"); model.put(keys[i], "re"); }
        for (int i = 0; i < n; i += 5) { d = d.dissoc(keys[i]); model.remove(keys[i]); }
        for (int i = 0; i < n; i += 10) { d = d.assoc(keys[i], "back"); model.put(keys[i], "back"); }
        long t3 = System.nanoTime();
        assertModel(model, d);
        // remove almost everything (forces compaction and finally the small form)
        for (int i = 0; i < n - 5; i++) { d = d.dissoc(keys[i]); model.remove(keys[i]); }
        long t4 = System.nanoTime();
        assertModel(model, d);
        System.out.printf("LDict 100k: assoc %.1f ms, get %.1f ms, update/dissoc/readd %.1f ms, dissoc all %.1f ms%n",
            (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6, (t4 - t3) / 1e6);
    }

    @Test
    void equalityIndependentOfOrder() {
        Random r = new Random(12);
        List<Keyword> ks = new ArrayList<>();
        for (int i = 0; i < 200; i++) ks.add(kw("e" + i));
        for (int size : new int[] {0, 1, 5, 8, 9, 50, 200}) {
            List<Keyword> sub = new ArrayList<>(ks.subList(0, size));
            LDict a = LDict.EMPTY, b = LDict.EMPTY;
            for (Keyword k : sub) a = a.assoc(k, k.name());
            java.util.Collections.shuffle(sub, r);
            for (Keyword k : sub) b = b.assoc(k, new String(k.name()));
            assertEquals(a, b);
            assertEquals(a.hashCode(), b.hashCode());
            if (size > 0) {
                LDict c = b.assoc(sub.get(0), "different");
                assertNotEquals(a, c);
                assertNotEquals(a, b.dissoc(sub.get(0)));
            }
        }
        // a small and a large representation of the same entries
        LDict big = LDict.EMPTY;
        for (int i = 0; i < 30; i++) big = big.assoc(ks.get(i), 1.0);
        for (int i = 3; i < 30; i++) big = big.dissoc(ks.get(i));
        LDict small = LDict.EMPTY.assoc(ks.get(2), 1.0).assoc(ks.get(1), 1.0).assoc(ks.get(0), 1.0);
        assertEquals(small, big);
        assertEquals(small.hashCode(), big.hashCode());
    }

    @Test
    void builder() {
        LDict.Builder b = LDict.builder();
        for (int i = 0; i < 50; i++) b.put(kw("b" + (i % 20)), (double) i);
        assertEquals(20, b.size());
        LDict d = b.build();
        assertEquals(49.0, d.get(kw("b9")));
        assertEquals(kw("b0"), d.keys().get(0));
        LDict e = LDict.builder().putAll(d).put(kw("zz"), 1.0).build();
        assertEquals(21, e.size());
        assertEquals(kw("zz"), e.keys().last());
    }

    @Test
    void builderReuseAfterBuildAndAcrossTheSmallLimit() {
        for (int total : new int[] {0, 3, 8, 9, 30}) {
            LDict.Builder b = LDict.builder();
            LinkedHashMap<Keyword, Object> model = new LinkedHashMap<>();
            List<LDict> built = new ArrayList<>();
            List<LinkedHashMap<Keyword, Object>> models = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                Keyword k = kw("u" + (i * 7 % Math.max(1, total - 2)));
                Object v = "v" + i;
                b.put(k, v);
                model.put(k, v);
                assertEquals(model.size(), b.size());
                built.add(b.build());
                models.add(new LinkedHashMap<>(model));
            }
            for (int i = 0; i < built.size(); i++) assertModel(models.get(i), built.get(i));
            assertModel(model, b.build());
        }
        assertThrows(NullPointerException.class, () -> LDict.builder().put(kw("a"), null));
    }

    /** Keywords whose hashes collide completely exercise the collision nodes. */
    @Test
    void fullHashCollisions() {
        // "Aa" and "BB" have the same String.hashCode, so do all 2^k concatenations of them
        List<Keyword> colliding = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            StringBuilder sb = new StringBuilder("c");
            for (int bit = 0; bit < 6; bit++) sb.append((i >> bit & 1) == 0 ? "Aa" : "BB");
            colliding.add(kw(sb.toString()));
        }
        for (Keyword k : colliding) assertEquals(colliding.get(0).hashCode(), k.hashCode());
        LinkedHashMap<Keyword, Object> model = new LinkedHashMap<>();
        LDict d = LDict.EMPTY;
        Object zero = 0.0;
        for (int i = 0; i < 20; i++) { d = d.assoc(kw("plain" + i), zero); model.put(kw("plain" + i), zero); }
        for (Keyword k : colliding) { d = d.assoc(k, k.name()); model.put(k, k.name()); }
        assertModel(model, d);
        for (int i = 0; i < 64; i += 2) { d = d.dissoc(colliding.get(i)); model.remove(colliding.get(i)); }
        assertModel(model, d);
        for (int i = 1; i < 63; i += 2) { d = d.dissoc(colliding.get(i)); model.remove(colliding.get(i)); }
        assertModel(model, d);
        d = d.assoc(colliding.get(0), "again");
        model.put(colliding.get(0), "again");
        assertModel(model, d);
        for (int i = 0; i < 64; i += 3) {   // update in collision nodes: present and absent keys
            Counting f = new Counting(i);
            d = d.update(colliding.get(i), f);
            model.put(colliding.get(i), f.result);
            assertEquals(1, f.calls);
        }
        assertModel(model, d);
    }

    @Test
    void updateCallsTheFunctionOnceAndCopiesOnlyOnChange() {
        Keyword a = kw("a"), z = kw("z");
        for (int n : new int[] {3, LDict.SMALL, 40}) {   // small and trie forms
            LDict d = LDict.EMPTY;
            for (int i = 0; i < n; i++) d = d.assoc(kw("u" + i), (double) i);
            d = d.assoc(a, 1.0);
            Counting inc = new Counting(-1);
            LDict up = d.update(a, inc);
            assertEquals(2.0, up.get(a));
            assertEquals(1.0, d.get(a));                    // persistent
            assertEquals(d.keys(), up.keys());              // same position
            Counting same = new Counting(-2);
            assertSame(d, d.update(a, same));
            Counting absent = new Counting(-3);
            LDict added = d.update(z, absent);
            assertSame(Nil.NIL, absent.seen);
            assertEquals(1, absent.calls);
            assertSame(absent.result, added.get(z));
            assertEquals(z, added.keys().last());           // a new key goes last
        }
    }

    /** A Ludus function for update: records its argument; mode -1 increments, -2 returns it, else a new value. */
    static final class Counting extends dev.ludus.runtime.value.LFn {
        final int mode;
        int calls;
        Object seen, result;

        Counting(int mode) { this.mode = mode; }

        @Override public String name() { return "counting"; }

        @Override public Object call1(Object x) {
            calls++;
            seen = x;
            if (mode == -1) result = (Double) x + 1;
            else if (mode == -2) result = x;
            else result = mode % 2 == 0 ? "n" + mode : (Object) (double) mode;
            return result;
        }

        @Override public Object callN(Object[] args) { return call1(args[0]); }
    }
}
