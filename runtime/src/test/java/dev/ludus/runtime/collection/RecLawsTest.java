package dev.ludus.runtime.collection;

import static org.junit.jupiter.api.Assertions.*;

import dev.ludus.runtime.Values;
import dev.ludus.runtime.value.Keyword;
import dev.ludus.runtime.value.Nil;
import dev.ludus.runtime.value.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Laws across representations on random data: a shaped record and the ordinary dict with the
 * same entries in the same order are the same value (eq both ways, equal hashes, the same
 * printed form, keys, values and lookups), and stay so through any assoc and dissoc.
 */
class RecLawsTest {
    static final Keyword[] POOL = new Keyword[12];
    static {
        for (int i = 0; i < POOL.length; i++) POOL[i] = Keyword.of("k" + i);
    }

    /** A record and the general form (MapDict) of the same pairs. */
    record Pair(LDict rec, LDict dict) {}

    static Pair randomPair(Random rnd, int depth) {
        int n = 1 + rnd.nextInt(LDict.SMALL);
        List<Keyword> pool = new ArrayList<>(List.of(POOL));
        java.util.Collections.shuffle(pool, rnd);
        Keyword[] ks = pool.subList(0, n).toArray(new Keyword[0]);
        Object[] vs = new Object[n];
        for (int i = 0; i < n; i++) vs[i] = value(rnd, depth);
        Object[] kv = new Object[2 * n];
        for (int i = 0; i < n; i++) {
            kv[2 * i] = ks[i];
            kv[2 * i + 1] = vs[i];
        }
        return new Pair(Rec.of(Shape.of(ks), vs.clone()), MapDict.small(kv));
    }

    static Object value(Random rnd, int depth) {
        int r = rnd.nextInt(depth > 0 ? 12 : 9);
        return switch (r) {
            case 0 -> (double) rnd.nextInt(4);
            case 1 -> rnd.nextBoolean() ? 0.0 : -0.0;
            case 2 -> rnd.nextInt(20) == 0 ? Double.NaN : rnd.nextDouble();
            case 3 -> "s" + rnd.nextInt(3);
            case 4 -> POOL[rnd.nextInt(4)];
            case 5 -> Nil.NIL;
            case 6 -> rnd.nextBoolean();
            case 7 -> Tuple.of((double) rnd.nextInt(2), "t");
            case 8 -> LList.of((double) rnd.nextInt(2));
            default -> {   // a nested dict, in either form
                Pair p = randomPair(rnd, depth - 1);
                yield rnd.nextBoolean() ? p.rec : p.dict;
            }
        };
    }

    static List<Object> list(LList l) {
        List<Object> out = new ArrayList<>();
        l.forEach(out::add);
        return out;
    }

    /** Everything a program can observe of two dicts holding the same entries in the same order. */
    static void assertSameValue(LDict x, LDict y, String what) {
        boolean selfEq = Values.eq(y, y);   // false only with NaN somewhere inside
        assertEquals(selfEq, Values.eq(x, y), what);
        assertEquals(selfEq, Values.eq(y, x), what);
        assertEquals(x.hashCode(), y.hashCode(), what);
        assertEquals(Values.hash(x), Values.hash(y), what);
        assertEquals(Values.show(x), Values.show(y), what);
        assertEquals(x.size(), y.size(), what);
        assertEquals(list(x.keys()), list(y.keys()), what);
        assertEquals(Values.show(x.values()), Values.show(y.values()), what);
        for (Keyword k : POOL) {
            assertSameEntry(x.get(k), y.get(k), what + " " + k);
            assertEquals(x.containsKey(k), y.containsKey(k), what);
        }
        List<Object> xs = new ArrayList<>(), ys = new ArrayList<>();
        x.forEach((k, v) -> { xs.add(k); xs.add(v); });
        y.forEach((k, v) -> { ys.add(k); ys.add(v); });
        assertEquals(xs.size(), ys.size(), what);
        for (int i = 0; i < xs.size(); i++) assertSameEntry(xs.get(i), ys.get(i), what);
    }

    /** The same object, or (a number a NumRec keeps unboxed, boxed afresh on the way out) the same double, bit for bit. */
    static void assertSameEntry(Object a, Object b, String what) {
        if (a instanceof Double x && b instanceof Double y) {
            assertEquals(Double.doubleToRawLongBits(x), Double.doubleToRawLongBits(y), what);
        } else {
            assertSame(a, b, what);
        }
    }

    @Test void recordsAndDictsWithTheSameEntriesAreTheSameValue() {
        Random rnd = new Random(16);
        for (int round = 0; round < 3000; round++) {
            Pair p = randomPair(rnd, 2);
            String what = "round " + round + ": " + Values.show(p.dict);
            assertInstanceOf(Rec.class, p.rec);
            assertFalse(p.dict instanceof Rec);
            assertSameValue(p.rec, p.dict, what);
            // through a random walk of assoc/dissoc (new keys, existing keys, absent keys)
            LDict r = p.rec, d = p.dict;
            for (int step = 0; step < 12; step++) {
                Keyword k = POOL[rnd.nextInt(POOL.length)];
                if (rnd.nextInt(4) == 0) {
                    r = r.dissoc(k);
                    d = d.dissoc(k);
                } else {
                    Object v = rnd.nextInt(3) == 0 && r.get(k) != null ? r.get(k) : value(rnd, 1);
                    boolean stays = r instanceof Rec rec && rec.shape.indexOf(k) >= 0;
                    Shape before = r instanceof Rec rec ? rec.shape : null;
                    r = r.assoc(k, v);
                    d = d.assoc(k, v);
                    if (stays) assertSame(before.base(), ((Rec) r).shape.base(), what + " assoc of an existing key keeps the keys");
                }
                assertSameValue(r, d, what + " step " + step);
            }
        }
    }

    /**
     * A record keeping its numbers unboxed (NumRec), a record of the base layout holding the same
     * numbers boxed (what assoc onto a record built without numbers gives) and the general dict:
     * the same value, through any assoc (numbers replaced by numbers or by other values and back)
     * and dissoc.
     */
    @Test void numberLayoutsAreTheSameValueAsBoxedRecordsAndDicts() {
        Random rnd = new Random(1618);
        int numRecs = 0, layoutChanges = 0, withouts = 0;
        for (int round = 0; round < 3000; round++) {
            int n = 1 + rnd.nextInt(Rec.MAX_FIELDS);
            List<Keyword> pool = new ArrayList<>(List.of(POOL));
            java.util.Collections.shuffle(pool, rnd);
            Keyword[] ks = pool.subList(0, n).toArray(new Keyword[0]);
            Object[] vs = new Object[n];
            for (int i = 0; i < n; i++) vs[i] = rnd.nextInt(3) > 0 ? (Object) number(rnd) : value(rnd, 1);
            Shape s = Shape.of(ks);
            LDict packed = Rec.of(s, vs.clone());
            // the base layout with the same values: built from placeholders, then assoc'd
            Object[] holes = new Object[n];
            java.util.Arrays.fill(holes, "hole");
            LDict boxed = Rec.of(s, holes);
            for (int i = 0; i < n; i++) boxed = boxed.assoc(ks[i], vs[i]);
            LDict.Builder b = LDict.builder();
            for (int i = 0; i < n; i++) b.put(ks[i], vs[i]);
            LDict dict = b.build();
            String what = "round " + round + ": " + Values.show(dict);
            boolean anyNumber = false;
            for (Object v : vs) anyNumber |= v instanceof Double;
            assertEquals(anyNumber, packed instanceof NumRec, what);
            assertFalse(boxed instanceof NumRec, what);
            if (anyNumber) numRecs++;
            assertSameValue(packed, boxed, what);
            assertSameValue(packed, dict, what);
            assertSameValue(boxed, packed, what);
            for (int step = 0; step < 10; step++) {
                Keyword k = rnd.nextInt(5) == 0 ? POOL[rnd.nextInt(POOL.length)] : ks[rnd.nextInt(n)];
                if (rnd.nextInt(6) == 0) {
                    packed = packed.dissoc(k);
                    boxed = boxed.dissoc(k);
                    dict = dict.dissoc(k);
                } else if (rnd.nextInt(5) == 0 && packed instanceof Rec pr && boxed instanceof Rec br) {
                    // a ...rest pattern's record: several keys at once (NumRec keeps the numbers left unboxed)
                    List<Keyword> some = new ArrayList<>();
                    for (Keyword x : POOL) if (rnd.nextInt(3) == 0) some.add(x);
                    Keyword[] drop = some.toArray(new Keyword[0]);
                    packed = pr.without(drop);
                    boxed = br.without(drop);
                    for (Keyword x : drop) dict = dict.dissoc(x);
                    withouts++;
                } else {
                    Object v = rnd.nextBoolean() ? (Object) number(rnd) : value(rnd, 1);
                    Shape before = packed instanceof Rec r ? r.shape : null;
                    packed = packed.assoc(k, v);
                    boxed = boxed.assoc(k, v);
                    dict = dict.assoc(k, v);
                    if (before != null && before.indexOf(k) >= 0 && packed instanceof Rec r && r.shape != before) {
                        layoutChanges++;
                        assertSame(before.base(), r.shape.base(), what);
                    }
                }
                String at = what + " step " + step;
                assertSameValue(packed, boxed, at);
                assertSameValue(packed, dict, at);
                assertSameValue(dict, packed, at);
            }
        }
        assertTrue(numRecs > 1000 && layoutChanges > 100 && withouts > 1000,
                numRecs + " records with numbers, " + layoutChanges + " layout changes, " + withouts + " removals of several keys");
    }

    static double number(Random rnd) {
        return switch (rnd.nextInt(6)) {
            case 0 -> -0.0;
            case 1 -> Double.NaN;
            case 2 -> rnd.nextInt(1000);
            case 3 -> Double.POSITIVE_INFINITY;
            default -> rnd.nextGaussian() * 1e6;
        };
    }

    @Test void equalValuesHashAlikeAcrossShapesAndForms() {
        // the same entries in another order: equal (dicts are unordered to eq), same hash
        Random rnd = new Random(61);
        for (int round = 0; round < 2000; round++) {
            Pair p = randomPair(rnd, 1);
            Rec r = (Rec) p.rec;
            int n = r.size();
            Integer[] perm = new Integer[n];
            for (int i = 0; i < n; i++) perm[i] = i;
            java.util.Collections.shuffle(java.util.Arrays.asList(perm), rnd);
            Keyword[] ks = new Keyword[n];
            Object[] vs = new Object[n];
            for (int i = 0; i < n; i++) {
                ks[i] = r.shape.key(perm[i]);
                vs[i] = r.at(perm[i]);
            }
            LDict other = Rec.of(Shape.of(ks), vs);
            boolean selfEq = Values.eq(p.dict, p.dict);
            assertEquals(selfEq, Values.eq(r, other));
            assertEquals(selfEq, Values.eq(other, p.dict));
            assertEquals(r.hashCode(), other.hashCode());
            // a different value somewhere: never equal
            int i = rnd.nextInt(n);
            LDict changed = r.assoc(r.shape.key(i), "different");
            if (!"different".equals(r.at(i))) {
                assertFalse(Values.eq(changed, r));
                assertFalse(Values.eq(changed, p.dict));
                assertFalse(Values.eq(p.dict, changed));
            }
            // eq implies equal hashes, between random pairs too
            Pair q = randomPair(rnd, 1);
            if (Values.eq(p.rec, q.dict)) assertEquals(p.rec.hashCode(), q.dict.hashCode());
        }
    }
}
