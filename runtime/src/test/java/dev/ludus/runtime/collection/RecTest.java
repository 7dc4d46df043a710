package dev.ludus.runtime.collection;

import static org.junit.jupiter.api.Assertions.*;

import dev.ludus.runtime.Values;
import dev.ludus.runtime.value.Keyword;
import dev.ludus.runtime.value.Nil;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Shaped records: their forms, staying on the shape, leaving it, and shapes themselves. */
class RecTest {
    static Keyword kw(String s) { return Keyword.of(s); }

    static Keyword[] keys(int n) {
        Keyword[] ks = new Keyword[n];
        for (int i = 0; i < n; i++) ks[i] = kw("r" + i);
        return ks;
    }

    static Object[] vals(int n) {
        Object[] vs = new Object[n];
        for (int i = 0; i < n; i++) vs[i] = (double) (10 * i);
        return vs;
    }

    static List<Object> list(LList l) {
        List<Object> out = new ArrayList<>();
        l.forEach(out::add);
        return out;
    }

    @Test void everySizeHasItsFormAndReadsBack() {
        // vals are numbers: every size of record keeps them unboxed (WideNumRecs from five keys on)
        Class<?>[] forms = {null, NumRec.N1.class, NumRec.N2.class, NumRec.N3.class, NumRec.N4.class,
                            WideNumRecs.N5.class, WideNumRecs.N6.class, WideNumRecs.N7.class, WideNumRecs.N8.class};
        for (int n = 1; n <= LDict.SMALL; n++) {
            Shape s = Shape.of(keys(n));
            LDict d = Rec.of(s, vals(n));
            assertSame(forms[n], d.getClass(), "size " + n);
            assertEquals(n, d.size());
            assertFalse(d.isEmpty());
            for (int i = 0; i < n; i++) {
                assertEquals((double) (10 * i), d.get(kw("r" + i)));
                assertEquals((double) (10 * i), ((Rec) d).at(i));
            }
            assertNull(d.get(kw("absent")));
            assertEquals(List.of((Object[]) keys(n)), list(d.keys()));
            assertEquals(List.of(vals(n)), list(d.values()));
            final int size = n;
            assertThrows(IndexOutOfBoundsException.class, () -> ((Rec) d).at(size));
        }
        Shape s3 = Shape.of(keys(3));
        assertSame(Rec.of(s3, 1.0, 2.0, 3.0).getClass(), Rec.of(s3, new Object[] {1.0, 2.0, 3.0}).getClass());
        assertEquals(Rec.of(s3, 1.0, 2.0, 3.0), Rec.of(s3, new Object[] {1.0, 2.0, 3.0}));
        assertThrows(IllegalArgumentException.class, () -> Rec.of(s3, new Object[] {1.0, 2.0}));
        assertThrows(NullPointerException.class, () -> Rec.of(s3, new Object[] {1.0, null, 2.0}));
    }

    @Test void theLayoutFollowsTheValuesWhateverShapeOfTheKeysIsGiven() {
        Shape s = Shape.of(kw("a"), kw("b"));
        Shape l = s.layout(1);
        assertSame(l, s.layout(1), "one layout object per mask");
        assertSame(s, l.base());
        assertTrue(l.isNumber(0) && !l.isNumber(1));
        for (Shape given : new Shape[] {s, l, s.layout(2), s.layout(3)}) {
            // an object record has the base shape: access sites' guards test the shape alone
            assertSame(s, ((Rec) Rec.of(given, "x", "y")).shape);
            assertInstanceOf(Rec.R2.class, Rec.of(given, "x", "y"));
            assertSame(l, ((Rec) Rec.of(given, 1.0, "y")).shape);
            assertSame(s.layout(2), ((Rec) Rec.of(given, new Object[] {"x", 2.0})).shape);
            assertInstanceOf(NumRec.N2.class, Rec.of(given, 1.0, 2.0));
        }
        assertThrows(IllegalArgumentException.class, () -> s.layout(4));
        assertThrows(IllegalArgumentException.class, () -> Shape.of(keys(5)).layout(32));
        assertThrows(IllegalArgumentException.class, () -> Shape.of(keys(9)).layout(1));
        // five to eight keys: the same, in fields of WideNumRecs' classes
        Shape s5 = Shape.of(keys(5));
        for (Shape given : new Shape[] {s5, s5.layout(1), s5.layout(31)}) {
            assertSame(s5, ((Rec) Rec.of(given, new Object[] {"a", "b", "c", "d", "e"})).shape);
            assertInstanceOf(Rec.RN.class, Rec.of(given, new Object[] {"a", "b", "c", "d", "e"}));
            Rec r = (Rec) Rec.of(given, new Object[] {"a", 2.0, "c", "d", 5.0});
            assertSame(s5.layout(0b10010), r.shape);
            assertInstanceOf(WideNumRecs.N5.class, r);
            assertEquals(List.of("a", 2.0, "c", "d", 5.0), list(r.values()));
        }
    }

    @Test void assocOfAnExistingKeyStaysOnTheShape() {
        for (int n = 1; n <= LDict.SMALL; n++) {
            Shape s = Shape.of(keys(n));
            Object[] strs = vals(n);
            for (int i = 0; i < n; i++) strs[i] = "v" + i;
            Rec r = (Rec) Rec.of(s, strs);
            for (int i = 0; i < n; i++) strs[i] = (double) (10 * i);
            for (int i = 0; i < n; i++) r = (Rec) r.assoc(kw("r" + i), strs[i]);   // the base layout, numbers boxed
            for (int i = 0; i < n; i++) {
                LDict a = r.assoc(kw("r" + i), "new");
                Rec ra = assertInstanceOf(Rec.class, a);
                assertSame(s, ra.shape);
                assertSame(r.getClass(), ra.getClass());
                for (int j = 0; j < n; j++) assertEquals(j == i ? "new" : (Object) (double) (10 * j), ra.at(j));
                assertEquals((double) (10 * i), r.at(i), "the original is unchanged");
                assertSame(r, r.assoc(kw("r" + i), r.at(i)), "the same value: the same record");
            }
        }
        assertThrows(NullPointerException.class, () -> Rec.of(Shape.of(kw("a")), 1.0).assoc(kw("a"), null));
    }

    @Test void addingOrRemovingAKeyGivesTheRecordOfTheNextShapeKeepingTheOrder() {
        Keyword a = kw("a"), b = kw("b"), c = kw("c"), z = kw("z");
        LDict r = Rec.of(Shape.of(a, b, c), 1.0, 2.0, 3.0);
        // shapes made as literals make them: other tests may have filled the table of shapes
        // made at run time (Shape.MAX_FOUND), which finds but no longer adds
        Shape abcz = Shape.of(a, b, c, z), ac = Shape.of(a, c), bca = Shape.of(b, c, a);
        LDict added = r.assoc(z, Nil.NIL);
        assertSame(abcz, ((Rec) added).shape.base());
        assertSame(((Rec) added).shape, ((Rec) r.assoc(z, Nil.NIL)).shape, "the transition is kept");
        assertEquals(List.of(a, b, c, z), list(added.keys()));
        assertSame(Nil.NIL, added.get(z));
        LDict removed = r.dissoc(b);
        assertSame(ac, ((Rec) removed).shape.base());
        assertEquals(List.of(a, c), list(removed.keys()));
        assertEquals(List.of(1.0, 3.0), list(removed.values()));
        assertSame(r, r.dissoc(z));
        assertSame(LDict.EMPTY, Rec.of(Shape.of(a), 1.0).dissoc(a));
        // re-adding a removed key moves it to the end, as for any dict
        assertEquals(List.of(b, c, a), list(r.dissoc(a).assoc(a, 0.0).keys()));
        // a full record takes a ninth key (the large form)
        LDict full = Rec.of(Shape.of(keys(LDict.SMALL)), vals(LDict.SMALL));
        LDict nine = full.assoc(z, 9.0);
        assertEquals(LDict.SMALL + 1, nine.size());
        assertEquals(z, list(nine.keys()).get(LDict.SMALL));
        assertEquals(full, nine.dissoc(z));
        // merge and the builder accept records
        assertEquals(List.of(a, b, c, z), list(r.merge(LDict.of(z, 1.0, a, 5.0)).keys()));
        assertEquals(5.0, r.merge(LDict.of(z, 1.0, a, 5.0)).get(a));
        assertEquals(r, LDict.builder().putAll(r).build());
        // what the builder makes (splats, `dict`) is the record a literal makes
        LDict built = LDict.builder().putAll(r.dissoc(a)).put(a, 5.0).build();
        assertSame(bca, ((Rec) built).shape.base());
        assertEquals(List.of(2.0, 3.0, 5.0), list(built.values()));
    }

    @Test void dictsMadeAtRunTimeStopMakingShapesPastTheLimit() {
        // each new key sequence a program makes at run time is a shape; past Shape.MAX_FOUND
        // of them, new sequences take the general form (the same dict to a program)
        Keyword a = kw("a");
        Shape.of(a, kw("below"));
        assertTrue(LDict.builder().put(a, 1.0).put(kw("below"), 2.0).build() instanceof Rec);
        int was = Shape.maxFound;
        try {
            Shape.maxFound = 0;   // as if the table were full
            LDict made = LDict.builder().put(a, 1.0).put(kw("past"), 2.0).build();
            assertFalse(made instanceof Rec);
            assertEquals(List.of(a, kw("past")), list(made.keys()));
            assertFalse(Rec.of(Shape.of(a, kw("b")), 1.0, 2.0).assoc(kw("past2"), 3.0) instanceof Rec);
            assertTrue(LDict.builder().put(a, 1.0).put(kw("below"), 2.0).build() instanceof Rec, "known shapes still serve");
            assertTrue(Rec.of(Shape.of(a, kw("literal")), 1.0, 2.0) instanceof Rec, "literals' shapes are still made");
        } finally {
            Shape.maxFound = was;
        }
    }

    @Test void shapesAreInternedAndChecked() {
        Keyword a = kw("a"), b = kw("b");
        assertSame(Shape.of(a, b), Shape.of(a, b));
        assertSame(Shape.of(a, b), Shape.ofNames("a b"));
        assertNotSame(Shape.of(a, b), Shape.of(b, a));
        assertEquals(1, Shape.of(a, b).indexOf(b));
        assertEquals(-1, Shape.of(a, b).indexOf(kw("c")));
        assertThrows(IllegalArgumentException.class, () -> Shape.of(a, a));
        assertThrows(IllegalArgumentException.class, () -> Shape.of());
        assertThrows(IllegalArgumentException.class, () -> Shape.of(keys(LDict.SMALL + 1)));
        Keyword[] ks = {a, b};
        Shape s = Shape.of(ks);
        ks[0] = kw("c");
        assertSame(a, s.key(0), "the shape copies its keys");
    }

    @Test void recordsAndDictsAreOneValue() {
        Keyword a = kw("a"), b = kw("b");
        LDict r = Rec.of(Shape.of(a, b), 1.0, "x");
        LDict d = MapDict.small(new Object[] {a, 1.0, b, "x"});
        assertFalse(d instanceof Rec);
        assertTrue(Values.eq(r, d));
        assertTrue(Values.eq(d, r));
        assertEquals(r, d);
        assertEquals(d, r);
        assertEquals(d.hashCode(), r.hashCode());
        assertEquals(Values.show(d), Values.show(r));
        assertEquals(Values.type(d), Values.type(r));
        assertTrue(Values.eq(r, LDict.of(b, "x", a, 1.0)), "order does not matter to equality");
        assertTrue(Values.eq(r, Rec.of(Shape.of(b, a), "x", 1.0)), "nor between shapes");
        assertFalse(Values.eq(r, Rec.of(Shape.of(a, b), 1.0, "y")));
        assertFalse(Values.eq(r, LDict.of(a, 1.0)));
        assertTrue(Values.eq(Rec.of(Shape.of(a), 0.0), Rec.of(Shape.of(a), -0.0)));
        LDict nan = Rec.of(Shape.of(a), Double.NaN);
        assertFalse(Values.eq(nan, nan), "NaN inside: not equal to itself, as for any collection");
        LSet set = LSet.builder().add(r).add(d).add(LDict.of(b, "x", a, 1.0)).build();
        assertEquals(1, set.size());
    }
}
