package dev.ludus.runtime;

import static org.junit.jupiter.api.Assertions.*;

import dev.ludus.runtime.collection.LDict;
import dev.ludus.runtime.collection.LSet;
import dev.ludus.runtime.prelude.Arith;
import dev.ludus.runtime.value.Keyword;
import dev.ludus.runtime.value.Tuple;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Tuples of every arity, however they are built, are the same Ludus value (spec §8). */
class TupleFormsTest {
    private static Tuple fixed(Object[] xs) {
        return switch (xs.length) {
            case 0 -> Tuple.of();
            case 1 -> Tuple.of(xs[0]);
            case 2 -> Tuple.of(xs[0], xs[1]);
            case 3 -> Tuple.of(xs[0], xs[1], xs[2]);
            case 4 -> Tuple.of(xs[0], xs[1], xs[2], xs[3]);
            case 5 -> Tuple.of(xs[0], xs[1], xs[2], xs[3], xs[4]);
            case 6 -> Tuple.of(xs[0], xs[1], xs[2], xs[3], xs[4], xs[5]);
            case 7 -> Tuple.of(xs[0], xs[1], xs[2], xs[3], xs[4], xs[5], xs[6]);
            case 8 -> Tuple.of(xs[0], xs[1], xs[2], xs[3], xs[4], xs[5], xs[6], xs[7]);
            default -> throw new IllegalArgumentException();
        };
    }

    /** The hash tuples had when they were all arrays: kept, so sets and dicts iterate as before. */
    private static int arrayHash(Object[] xs) {
        int h = 7;
        for (Object x : xs) h = 31 * h + Values.hash(x);
        return Values.mix(h ^ xs.length);
    }

    private static Object[] randomItems(Random r, int n) {
        Object[] xs = new Object[n];
        for (int i = 0; i < n; i++) xs[i] = ValuesTest.randomValue(r, 2);
        return xs;
    }

    @Test
    void everyArityHasOneFormAndTheSameAccessors() {
        Random r = new Random(3);
        for (int n = 0; n <= 9; n++) {
            Object[] xs = randomItems(r, n);
            Tuple t = Tuple.of(xs.clone());
            assertEquals(n, t.size());
            for (int i = 0; i < n; i++) assertSame(xs[i], t.get(i));
            assertArrayEquals(xs, t.toArray());
            assertNotSame(t.toArray(), t.toArray(), "toArray is a fresh copy");
            Object[] dst = new Object[n + 2];
            t.copyTo(dst, 1);
            assertArrayEquals(xs, Arrays.copyOfRange(dst, 1, n + 1));
            int size = n;
            assertThrows(IndexOutOfBoundsException.class, () -> t.get(size));
            assertThrows(IndexOutOfBoundsException.class, () -> t.get(-1));
            String expectedClass = n <= Tuple.MAX_FIELDS ? "T" + n : "TN";
            assertEquals(expectedClass, t.getClass().getSimpleName(), "canonical form of arity " + n);
            if (n <= Tuple.MAX_FIELDS) assertSame(t.getClass(), fixed(xs).getClass());
        }
        // a tree node (:node, left, key, value, right) is one object of fields
        assertEquals("T5", Tuple.of(1.0, 2.0, 3.0, 4.0, 5.0).getClass().getSimpleName());
        assertEquals("T6", Tuple.of(new Object[] {1.0, 2.0, 3.0, 4.0, 5.0, 6.0}).getClass().getSimpleName());
        assertEquals("T8", Tuple.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0).getClass().getSimpleName());
        assertEquals("TN", Tuple.of(new Object[] {1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0}).getClass().getSimpleName());
        assertSame(Tuple.EMPTY, Tuple.of(new Object[0]));
        assertSame(Tuple.EMPTY, Tuple.of());
    }

    @Test
    void equalityHashAndShowDoNotDependOnHowATupleWasBuilt() {
        Random r = new Random(16);
        Keyword k = Keyword.of("k");
        int compared = 0;
        for (int round = 0; round < 4000; round++) {
            int n = r.nextInt(11); // the fixed forms (up to Tuple.MAX_FIELDS) and TN
            Object[] xs = randomItems(r, n);
            Object[] copies = new Object[n];
            for (int i = 0; i < n; i++) copies[i] = ValuesTest.equalCopy(xs[i], r);
            Tuple viaArray = Tuple.of(xs.clone());
            Tuple viaCopies = Tuple.of(copies);
            Tuple viaToArray = Tuple.of(viaArray.toArray());
            Tuple viaFields = n <= Tuple.MAX_FIELDS ? fixed(copies) : viaCopies;
            boolean nan = ValuesTest.hasNaN(viaArray);
            for (Tuple other : new Tuple[] {viaCopies, viaToArray, viaFields}) {
                assertEquals(!nan, Values.eq(viaArray, other), () -> Values.show(viaArray));
                assertEquals(!nan, Values.eq(other, viaArray));
                if (!nan) assertEquals(Values.hash(viaArray), Values.hash(other));
            }
            // the same elements show the same (copies may differ in dict/set insertion order)
            Tuple sameFields = n <= Tuple.MAX_FIELDS ? fixed(xs) : viaToArray;
            assertEquals(Values.show(viaArray), Values.show(sameFields));
            assertEquals(Values.show(viaArray), Values.show(viaToArray));
            assertEquals(arrayHash(xs), Values.hash(viaArray), "the hash of the array form is kept");
            StringBuilder shown = new StringBuilder("(");
            for (int i = 0; i < n; i++) shown.append(i > 0 ? ", " : "").append(Values.show(xs[i]));
            assertEquals(shown.append(')').toString(), Values.show(viaArray));
            if (nan) continue;
            compared++;
            // as set elements and dict values
            LSet s = LSet.of(viaArray);
            assertTrue(s.contains(viaFields) && s.contains(viaCopies));
            assertEquals(1, s.add(viaFields).add(viaToArray).size());
            LDict d1 = LDict.EMPTY.assoc(k, viaArray), d2 = LDict.EMPTY.assoc(k, viaFields);
            assertTrue(Values.eq(d1, d2));
            assertEquals(Values.hash(d1), Values.hash(d2));
            // one element more or less is another tuple
            if (n > 0) assertFalse(Values.eq(viaArray, Tuple.of(Arrays.copyOf(xs, n - 1))));
            Object[] longer = Arrays.copyOf(xs, n + 1);
            longer[n] = dev.ludus.runtime.value.Nil.NIL;
            assertFalse(Values.eq(viaArray, Tuple.of(longer)));
            assertFalse(Values.eq(Tuple.of(longer), viaArray));
        }
        assertTrue(compared > 2000, "most samples hold no NaN: " + compared);
    }

    @Test
    void vectorArithmeticBuildsOrdinaryPairs() {
        Tuple sum = (Tuple) Arith.add(Tuple.of(1.0, 2.0), Tuple.of(3.0, 4.0));
        assertTrue(Values.eq(sum, Tuple.of(new Object[] {4.0, 6.0})));
        assertEquals(Values.hash(Tuple.of(4.0, 6.0)), Values.hash(sum));
        assertSame(Tuple.of(0.0, 0.0).getClass(), sum.getClass());
        assertTrue(Values.eq(Tuple.of(-2.0, -2.0), Arith.sub(Tuple.of(1.0, 2.0), Tuple.of(3.0, 4.0))));
        assertTrue(Values.eq(Tuple.of(2.0, 4.0), Arith.mult(Tuple.of(1.0, 2.0), 2.0)));
        assertTrue(Values.eq(Tuple.of(2.0, 4.0), Arith.mult(2.0, Tuple.of(1.0, 2.0))));
        // nested vectors go through the general path
        Object nested = Arith.add(Tuple.of(Tuple.of(1.0, 1.0), 1.0), Tuple.of(Tuple.of(1.0, 2.0), 2.0));
        assertEquals("((2, 3), 3)", Values.show(nested));
        Object up = Arith.headingVector(0.0);
        assertSame(sum.getClass(), up.getClass());
        assertTrue(Values.eq(Tuple.of(new Object[] {Math.cos(Math.PI / 2), 1.0}), up), Values.show(up));
        // a 3-tuple is not a vector
        assertThrows(LudusPanic.class, () -> Arith.add(Tuple.of(1.0, 2.0, 3.0), Tuple.of(1.0, 2.0, 3.0)));
    }
}
