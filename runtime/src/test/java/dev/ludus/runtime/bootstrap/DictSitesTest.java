package dev.ludus.runtime.bootstrap;

import static org.junit.jupiter.api.Assertions.*;

import dev.ludus.runtime.LudusPanic;
import dev.ludus.runtime.Values;
import dev.ludus.runtime.collection.LDict;
import dev.ludus.runtime.collection.Rec;
import dev.ludus.runtime.collection.Shape;
import dev.ludus.runtime.value.Keyword;
import dev.ludus.runtime.value.Nil;
import dev.ludus.runtime.value.Ns;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keyword reads through DictSites: the same results as the generic path in every cache state. */
class DictSitesTest {
    static final Keyword K = Keyword.of("k");
    static final MethodType LOOKUP = MethodType.methodType(Object.class, Object.class);
    static final MethodType GET = MethodType.methodType(Object.class, Object.class);

    static DictSites.Site lookupSite() throws ReflectiveOperationException {
        return lookupSite("k\0f.ld\0" + 1 + "\0" + 1);
    }

    /** A lookup site: the key, then its file, line and column, each after a NUL (as the compiler writes it). */
    static DictSites.Site lookupSite(String arg) throws ReflectiveOperationException {
        return (DictSites.Site) DictSites.bsm_lookup(MethodHandles.lookup(), "lookup", LOOKUP, arg, new Object[0]);
    }

    static DictSites.Site getSite() throws ReflectiveOperationException {
        return (DictSites.Site) DictSites.bsm_get(MethodHandles.lookup(), "get", GET, "k", new Object[0]);
    }

    /** Records of many shapes (k at every position, or absent), of every size, and plain dicts. */
    static List<LDict> dicts() {
        List<LDict> out = new ArrayList<>();
        for (int n = 1; n <= LDict.SMALL; n++) {
            for (int at = -1; at < n; at++) {
                Keyword[] ks = new Keyword[n];
                Object[] vs = new Object[n];
                for (int i = 0; i < n; i++) {
                    ks[i] = i == at ? K : Keyword.of("o" + i);
                    vs[i] = "v" + n + "." + i;
                }
                out.add(Rec.of(Shape.of(ks), vs));
            }
        }
        out.add(LDict.of(K, "plain"));
        out.add(LDict.of(Keyword.of("x"), "plain"));
        out.add(LDict.EMPTY);
        return out;
    }

    @Test void firstCallLinksNothingThenOneEntryPerShape() throws Throwable {
        DictSites.Site s = lookupSite();
        MethodHandle call = s.dynamicInvoker();
        MethodHandle initial = s.getTarget();
        LDict r = Rec.of(Shape.of(Keyword.of("a"), K, Keyword.of("b")), 1.0, "x", 2.0);
        assertEquals("x", call.invoke((Object) r));
        assertSame(initial, s.getTarget(), "a site run once builds no entry");
        assertEquals("x", call.invoke((Object) r));
        assertEquals(1, s.entries);
        MethodHandle linked = s.getTarget();
        assertEquals("y", call.invoke((Object) r.assoc(K, "y")), "through the entry");
        assertSame(linked, s.getTarget(), "the same shape links nothing more");
        assertEquals(Nil.NIL, call.invoke((Object) LDict.of(K, Nil.NIL).dissoc(K)));
        assertSame(linked, s.getTarget(), "a plain dict links nothing");
    }

    @Test void everyStateAnswersAsTheGenericPath() throws Throwable {
        List<LDict> ds = dicts();
        for (boolean lookup : new boolean[] {true, false}) {
            DictSites.Site s = lookup ? lookupSite() : getSite();
            MethodHandle call = s.dynamicInvoker();
            for (int round = 0; round < 3; round++) {
                for (LDict d : ds) {
                    Object want = lookup ? Invoke.lookup(d, K, "f.ld", 1, 1) : d.get(K);
                    Object got = lookup ? call.invoke((Object) d) : call.invoke((Object) d);
                    assertSame(want, got, d + " via " + (lookup ? "lookup" : "get") + " in round " + round);
                }
            }
            assertEquals(DictSites.MAX_ENTRIES, s.entries, "many shapes: the cache stops growing");
        }
    }

    @Test void lookupOfNonDictsAndNamespaces() throws Throwable {
        MethodHandle call = lookupSite().dynamicInvoker();
        for (int i = 0; i < 3; i++) {
            assertSame(Nil.NIL, call.invoke((Object) 3.0));
            assertSame(Nil.NIL, call.invoke((Object) "s"));
            assertEquals("m", call.invoke((Object) new Ns("n", LDict.of(K, "m"))));
        }
        MethodHandle at79 = lookupSite("k\0f.ld\0" + 7 + "\0" + 9).dynamicInvoker();
        LudusPanic p = assertThrows(LudusPanic.class,
                () -> at79.invoke((Object) new Ns("n", LDict.of(Keyword.of("x"), "m"))));
        assertTrue(p.getMessage().contains("no member :k in ns n"), p.getMessage());
        assertEquals("f.ld:7:9", p.file() + ":" + p.line() + ":" + p.col(), "the site's location, from its static argument");
        // a megamorphic site (the generic path, its location bound in) panics at the same place
        DictSites.Site many = lookupSite("k\0f.ld\0" + 7 + "\0" + 9);
        MethodHandle manyCall = many.dynamicInvoker();
        for (int round = 0; round < 2; round++) for (LDict d : dicts()) manyCall.invoke((Object) d);
        assertEquals(DictSites.MAX_ENTRIES, many.entries);
        LudusPanic generic = assertThrows(LudusPanic.class,
                () -> manyCall.invoke((Object) new Ns("n", LDict.of(Keyword.of("x"), "m"))));
        assertEquals("f.ld:7:9", generic.file() + ":" + generic.line() + ":" + generic.col());
        // prelude code: the key alone, no location
        MethodHandle plain = lookupSite("k").dynamicInvoker();
        assertEquals("m", plain.invoke((Object) new Ns("n", LDict.of(K, "m"))));
    }

    // ---- assoc (d, :k, v) sites

    static final MethodType ASSOC = MethodType.methodType(Object.class, Object.class, Object.class);

    static DictSites.Site assocSite() throws ReflectiveOperationException {
        return (DictSites.Site) DictSites.bsm_assoc(MethodHandles.lookup(), "assoc", ASSOC, "k", new Object[0]);
    }

    /** The same dict as the generic assoc gives: equal both ways, same hash, same printing, same entries in order. */
    static void sameDict(Object want, Object got, String what) {
        assertTrue(dev.ludus.runtime.Values.eq(want, got) && dev.ludus.runtime.Values.eq(got, want), what);
        assertEquals(dev.ludus.runtime.Values.hash(want), dev.ludus.runtime.Values.hash(got), what);
        assertEquals(dev.ludus.runtime.Values.show(want), dev.ludus.runtime.Values.show(got), what);
        assertEquals(((LDict) want).keys().toString(), ((LDict) got).keys().toString(), what);
    }

    @Test void assocAnswersAsTheGenericPathInEveryState() throws Throwable {
        DictSites.Site s = assocSite();
        MethodHandle call = s.dynamicInvoker();
        for (int round = 0; round < 3; round++) {
            for (LDict d : dicts()) {
                Object before = d.get(K);
                Object want = dev.ludus.runtime.prelude.Colls.assoc(d, K, "new");
                Object got = call.invoke((Object) d, (Object) "new");
                sameDict(want, got, d + " in round " + round);
                // a record keeps its shape when it has the key, as the generic path does
                assertEquals(want.getClass(), got.getClass(), d + " in round " + round);
                if (want instanceof Rec w) assertSame(w.shape, ((Rec) got).shape);
                assertSame(before, d.get(K), "the argument is left as it was");
            }
        }
        assertEquals(DictSites.MAX_ENTRIES, s.entries, "many shapes: the cache stops growing");
    }

    @Test void assocLinksAnEntryPerShapeThatHasTheKey() throws Throwable {
        DictSites.Site s = assocSite();
        MethodHandle call = s.dynamicInvoker();
        Shape sh = Shape.of(Keyword.of("a"), K, Keyword.of("b"));
        LDict r = Rec.of(sh, 1.0, "x", 2.0);
        for (int i = 0; i < 3; i++) {
            LDict got = (LDict) call.invoke((Object) r, (Object) 5.0);
            assertEquals("#{:a 1, :k 5, :b 2}", dev.ludus.runtime.Values.show(got));
            assertSame(((Rec) r).shape, ((Rec) got).shape, "the same layout");
            assertSame(sh, ((Rec) got).shape.base());
            assertEquals("x", r.get(K), "records are never changed in place");
        }
        assertEquals(1, s.entries);
        // a shape without the key: the record of the shape with the key last, and no entry for it
        LDict other = Rec.of(Shape.of(Keyword.of("a")), 1.0);
        Shape grown = Shape.of(Keyword.of("a"), K);
        for (int i = 0; i < 3; i++) {
            Object got = call.invoke((Object) other, (Object) 5.0);
            assertEquals("#{:a 1, :k 5}", dev.ludus.runtime.Values.show(got));
            assertSame(grown, ((Rec) got).shape.base());
        }
        assertEquals(1, s.entries);
    }

    @Test void assocOfANonDictPanicsAsThePrelude() throws Throwable {
        MethodHandle call = assocSite().dynamicInvoker();
        call.invoke((Object) Rec.of(Shape.of(K), 1.0), (Object) 2.0);
        call.invoke((Object) Rec.of(Shape.of(K), 1.0), (Object) 2.0);
        LudusPanic want = assertThrows(LudusPanic.class, () -> dev.ludus.runtime.prelude.Colls.assoc(3.0, K, 2.0));
        LudusPanic got = assertThrows(LudusPanic.class, () -> call.invoke((Object) 3.0, (Object) 2.0));
        assertEquals(want.getMessage(), got.getMessage());
    }

    // ---- update (d, :k, f) sites

    static final MethodType UPDATE = MethodType.methodType(Object.class, Object.class, Object.class);

    static DictSites.Site updateSite() throws ReflectiveOperationException {
        return (DictSites.Site) DictSites.bsm_update(MethodHandles.lookup(), "update", UPDATE, "k", new Object[0]);
    }

    /** A function that wraps its argument and counts its calls. */
    static final class Wrap extends dev.ludus.runtime.value.LFn {
        int calls;
        @Override public String name() { return "wrap"; }
        @Override public Object call1(Object a) { calls++; return "<" + dev.ludus.runtime.Values.show(a) + ">"; }
        @Override public Object callN(Object[] args) { return call1(args[0]); }
    }

    @Test void updateAnswersAsTheGenericPathInEveryState() throws Throwable {
        DictSites.Site s = updateSite();
        MethodHandle call = s.dynamicInvoker();
        for (int round = 0; round < 3; round++) {
            for (LDict d : dicts()) {
                Wrap f = new Wrap(), g = new Wrap();
                Object want = dev.ludus.runtime.prelude.Colls.update(d, K, f);
                Object got = call.invoke((Object) d, (Object) g);
                sameDict(want, got, d + " in round " + round);
                assertEquals(want.getClass(), got.getClass(), d + " in round " + round);
                assertEquals(1, g.calls, "the function runs once: " + d);
            }
        }
        assertEquals(DictSites.MAX_ENTRIES, s.entries, "many shapes: the cache stops growing");
        Shape sh = Shape.of(Keyword.of("a"), K);
        LDict r = Rec.of(sh, 1.0, 2.0);
        LDict got = (LDict) call.invoke((Object) r, (Object) new Wrap());
        assertEquals("#{:a 1, :k \"<2>\"}", dev.ludus.runtime.Values.show(got));
    }

    @Test void updateWithANonFunctionPanicsAsThePrelude() throws Throwable {
        MethodHandle call = updateSite().dynamicInvoker();
        LDict r = Rec.of(Shape.of(K), 1.0);
        for (int i = 0; i < 3; i++) call.invoke((Object) r, (Object) new Wrap());
        LudusPanic want = assertThrows(LudusPanic.class, () -> dev.ludus.runtime.prelude.Colls.update(r, K, 3.0));
        LudusPanic got = assertThrows(LudusPanic.class, () -> call.invoke((Object) r, (Object) 3.0));
        assertEquals(want.getMessage(), got.getMessage());
        LudusPanic notDict = assertThrows(LudusPanic.class, () -> call.invoke((Object) "s", (Object) new Wrap()));
        assertEquals(assertThrows(LudusPanic.class, () -> dev.ludus.runtime.prelude.Colls.update("s", K, new Wrap())).getMessage(),
                notDict.getMessage());
    }

    // ---- records keeping numbers unboxed (NumRec)

    /** Records of 1 to 4 entries with k's value a number at every position, the others numbers or strings. */
    static List<LDict> numberRecords() {
        List<LDict> out = new ArrayList<>();
        for (int n = 1; n <= Rec.MAX_FIELDS; n++) {
            for (int at = 0; at < n; at++) {
                for (int others = 0; others < 2; others++) {
                    Keyword[] ks = new Keyword[n];
                    Object[] vs = new Object[n];
                    for (int i = 0; i < n; i++) {
                        ks[i] = i == at ? K : Keyword.of("o" + i);
                        vs[i] = i == at ? (Object) (n * 10.0 + i) : others == 0 ? (Object) (i - 0.5) : "s" + i;
                    }
                    LDict r = Rec.of(Shape.of(ks), vs);
                    assertInstanceOf(dev.ludus.runtime.collection.NumRec.class, r);
                    out.add(r);
                }
            }
        }
        return out;
    }

    /** Reads, assoc and update of a number field through every cache state answer as the generic path, new value a number or not. */
    @Test void numberFieldsAnswerAsTheGenericPathInEveryState() throws Throwable {
        for (LDict d : numberRecords()) {
            DictSites.Site look = lookupSite(), get = getSite(), assoc = assocSite(), upd = updateSite();
            for (int round = 0; round < 4; round++) {
                Object want = d.get(K);
                assertEquals(want, look.dynamicInvoker().invoke((Object) d), d + " lookup " + round);
                assertEquals(want, get.dynamicInvoker().invoke((Object) d), d + " get " + round);
                for (Object v : new Object[] {7.5, -0.0, "text", Nil.NIL, 8.0}) {
                    Object w = dev.ludus.runtime.prelude.Colls.assoc(d, K, v);
                    Object g = assoc.dynamicInvoker().invoke((Object) d, v);
                    sameDict(w, g, d + " assoc " + v + " in round " + round);
                    assertEquals(v instanceof Double, g instanceof dev.ludus.runtime.collection.NumRec
                            && ((Rec) g).shape == ((Rec) d).shape, "a number keeps the layout: " + g);
                    assertEquals(Values.show(v), Values.show(((LDict) g).get(K)));
                }
                Wrap f = new Wrap(), gw = new Wrap();
                sameDict(dev.ludus.runtime.prelude.Colls.update(d, K, f), upd.dynamicInvoker().invoke((Object) d, (Object) gw), d + " update " + round);
                assertEquals(1, gw.calls);
                Object w = dev.ludus.runtime.prelude.Colls.update(d, K, INC);
                Object g = upd.dynamicInvoker().invoke((Object) d, (Object) INC);
                sameDict(w, g, d + " update to a number " + round);
                assertSame(((Rec) d).shape, ((Rec) g).shape, "a number in: the same layout");
            }
            assertEquals(1, look.entries, "a record keeping numbers unboxed is cached: " + d);
            assertEquals(1, assoc.entries);
            assertEquals(1, upd.entries);
        }
    }

    static final dev.ludus.runtime.value.LFn INC = new dev.ludus.runtime.value.LFn() {
        @Override public String name() { return "inc"; }
        @Override public Object call1(Object a) { return (Double) a + 1; }
        @Override public Object callN(Object[] args) { return call1(args[0]); }
    };
}
