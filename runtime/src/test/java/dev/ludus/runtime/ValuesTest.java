package dev.ludus.runtime;

import static org.junit.jupiter.api.Assertions.*;

import dev.ludus.runtime.collection.LDict;
import dev.ludus.runtime.collection.LList;
import dev.ludus.runtime.collection.LSet;
import dev.ludus.runtime.value.Keyword;
import dev.ludus.runtime.value.LFn;
import dev.ludus.runtime.value.Nil;
import dev.ludus.runtime.value.Ns;
import dev.ludus.runtime.value.Ref;
import dev.ludus.runtime.value.Tuple;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ValuesTest {
    static Keyword kw(String s) { return Keyword.of(s); }

    static LFn fn(String name) {
        return new LFn() {
            @Override public String name() { return name; }
            @Override public Object callN(Object[] args) { return Nil.NIL; }
        };
    }

    @Test
    void types() {
        Object[][] cases = {
            {Nil.NIL, "nil"}, {true, "boolean"}, {false, "boolean"}, {1.5, "number"}, {kw("a"), "keyword"},
            {"s", "string"}, {Tuple.EMPTY, "tuple"}, {LList.EMPTY, "list"}, {LSet.EMPTY, "set"},
            {LDict.EMPTY, "dict"}, {fn("f"), "fn"}, {new Ref("r", 1.0), "ref"}, {new Ns("n", LDict.EMPTY), "ns"},
        };
        for (Object[] c : cases) assertSame(kw((String) c[1]), Values.type(c[0]), String.valueOf(c[0]));
        assertThrows(IllegalArgumentException.class, () -> Values.type(null));
        assertTrue(Values.truthy(0.0));
        assertTrue(Values.truthy(""));
        assertTrue(Values.truthy(LList.EMPTY));
        assertFalse(Values.truthy(Nil.NIL));
        assertFalse(Values.truthy(false));
    }

    @Test
    void equalityRules() {
        assertTrue(Values.eq(1.0, 1.0));
        assertTrue(Values.eq(0.0, -0.0));
        assertEquals(Values.hash(0.0), Values.hash(-0.0));
        Double nan = Double.NaN;
        assertFalse(Values.eq(nan, nan));
        assertFalse(Values.eq(LList.of(nan), LList.of(nan)));
        LList withNan = LList.of(nan);
        assertFalse(Values.eq(withNan, withNan));
        assertTrue(Values.eq("ab", new String("ab")));
        assertFalse(Values.eq("1", 1.0));
        assertFalse(Values.eq(Tuple.of(1.0, 2.0), LList.of(1.0, 2.0)));
        assertFalse(Values.eq(LList.of(1.0, 2.0), Tuple.of(1.0, 2.0)));
        assertTrue(Values.eq(Tuple.of(1.0, LList.of("x")), Tuple.of(1.0, LList.of(new String("x")))));
        assertFalse(Values.eq(Tuple.of(1.0), Tuple.of(1.0, 2.0)));
        assertTrue(Values.eq(Tuple.EMPTY, Tuple.of()));
        assertFalse(Values.eq(Nil.NIL, false));
        assertFalse(Values.eq(LDict.EMPTY, LSet.EMPTY));
        LFn f = fn("f"), g = fn("f");
        assertTrue(Values.eq(f, f));
        assertFalse(Values.eq(f, g));
        Ref r = new Ref("r", 1.0), s = new Ref("r", 1.0);
        assertTrue(Values.eq(r, r));
        assertFalse(Values.eq(r, s));
        Ns n1 = new Ns("n", LDict.of(kw("a"), 1.0, kw("b"), "x"));
        Ns n2 = new Ns("n", LDict.of(kw("b"), "x", kw("a"), 1.0));
        Ns n3 = new Ns("m", LDict.of(kw("a"), 1.0, kw("b"), "x"));
        assertTrue(Values.eq(n1, n2));
        assertEquals(Values.hash(n1), Values.hash(n2));
        assertFalse(Values.eq(n1, n3));
        assertFalse(Values.eq(n1, n1.members()));
        assertTrue(Values.eq(LSet.of(1.0, 2.0), LSet.of(2.0, -0.0 + 1.0 + 0.0)));
        assertTrue(Values.eq(LSet.of(0.0), LSet.of(-0.0)));
        assertEquals(Values.hash(LSet.of(0.0)), Values.hash(LSet.of(-0.0)));
        assertTrue(Values.eq(LList.of(0.0), LList.of(-0.0)));
        assertEquals(Values.hash(LList.of(0.0)), Values.hash(LList.of(-0.0)));
        // Java collection contracts delegate to Values
        assertEquals(LList.of(1.0), LList.of(1.0));
        assertEquals(new java.util.HashSet<>(List.of(LList.of(1.0, "a"))), new java.util.HashSet<>(List.of(LList.of(1.0, "a"))));
    }

    // ----- random structural data -----

    static Object randomValue(Random r, int depth) {
        int kind = r.nextInt(depth <= 0 ? 6 : 10);
        switch (kind) {
            case 0: {
                int c = r.nextInt(12);
                if (c == 0) return Double.NaN;
                if (c == 1) return -0.0;
                if (c == 2) return 0.0;
                if (c == 3) return r.nextInt(4) + 0.5;
                return (double) r.nextInt(6);
            }
            case 1: return "s" + r.nextInt(5);
            case 2: return kw("k" + r.nextInt(5));
            case 3: return Nil.NIL;
            case 4: return r.nextBoolean();
            case 5: return (double) r.nextInt(3);
            case 6: {
                Object[] xs = new Object[r.nextInt(4)];
                for (int i = 0; i < xs.length; i++) xs[i] = randomValue(r, depth - 1);
                return Tuple.of(xs);
            }
            case 7: {
                LList.Builder b = LList.builder();
                int n = r.nextInt(10) == 0 ? 40 + r.nextInt(40) : r.nextInt(4);
                for (int i = 0; i < n; i++) b.add(randomValue(r, depth - 1));
                return b.build();
            }
            case 8: {
                LSet.Builder b = LSet.builder();
                int n = r.nextInt(8) == 0 ? 9 + r.nextInt(20) : r.nextInt(4);
                for (int i = 0; i < n; i++) b.add(randomValue(r, depth - 1));
                return b.build();
            }
            default: {
                LDict.Builder b = LDict.builder();
                int n = r.nextInt(8) == 0 ? 9 + r.nextInt(20) : r.nextInt(4);
                for (int i = 0; i < n; i++) b.put(kw("d" + r.nextInt(n + 2)), randomValue(r, depth - 1));
                return b.build();
            }
        }
    }

    /** A structurally equal copy built differently: fresh objects, 0 <-> -0, shuffled set/dict insertion order. */
    static Object equalCopy(Object v, Random r) {
        if (v instanceof Double d) {
            if (d == 0) return r.nextBoolean() ? -0.0 : 0.0;
            return Double.valueOf(d.doubleValue());
        }
        if (v instanceof String s) return new String(s);
        if (v instanceof Tuple t) {
            Object[] xs = new Object[t.size()];
            for (int i = 0; i < xs.length; i++) xs[i] = equalCopy(t.get(i), r);
            return Tuple.of(xs);
        }
        if (v instanceof LList l) {
            LList out = LList.EMPTY;
            for (Object x : l) out = out.append(equalCopy(x, r));
            return out;
        }
        if (v instanceof LSet s) {
            List<Object> xs = new ArrayList<>();
            s.forEach(xs::add);
            Collections.shuffle(xs, r);
            LSet out = LSet.EMPTY;
            for (Object x : xs) out = out.add(equalCopy(x, r));
            return out;
        }
        if (v instanceof LDict d) {
            List<Object[]> es = new ArrayList<>();
            d.forEach((k, x) -> es.add(new Object[] {k, x}));
            Collections.shuffle(es, r);
            LDict out = LDict.EMPTY;
            for (Object[] e : es) out = out.assoc((Keyword) e[0], equalCopy(e[1], r));
            return out;
        }
        return v;
    }

    static boolean hasNaN(Object v) {
        if (v instanceof Double d) return d.isNaN();
        if (v instanceof Tuple t) { for (Object x : t.toArray()) if (hasNaN(x)) return true; return false; }
        if (v instanceof LList l) return l.find(ValuesTest::hasNaN) != null;
        if (v instanceof LSet s) return !s.allMatch(x -> !hasNaN(x));
        if (v instanceof LDict d) return !d.allEntries((k, x) -> !hasNaN(x));
        return false;
    }

    @Test
    void equalityAndHashLawsOnRandomData() {
        Random r = new Random(99);
        List<Object> vals = new ArrayList<>();
        for (int i = 0; i < 3000; i++) vals.add(randomValue(r, 3));
        int equalPairs = 0, nanValues = 0;
        for (Object v : vals) {
            boolean nan = hasNaN(v);
            if (nan) nanValues++;
            assertEquals(!nan, Values.eq(v, v), () -> "reflexivity: " + Values.show(v));
            Object c = equalCopy(v, r);
            assertEquals(!nan, Values.eq(v, c), () -> "copy: " + Values.show(v) + " vs " + Values.show(c));
            assertEquals(!nan, Values.eq(c, v));
            if (!nan) assertEquals(Values.hash(v), Values.hash(c), () -> "hash of copy: " + Values.show(v));
        }
        for (int i = 0; i < 200_000; i++) {
            Object a = vals.get(r.nextInt(vals.size())), b = vals.get(r.nextInt(vals.size()));
            boolean ab = Values.eq(a, b);
            assertEquals(ab, Values.eq(b, a), "symmetry");
            if (ab) {
                equalPairs++;
                assertEquals(Values.hash(a), Values.hash(b), "equal => same hash");
                assertSame(Values.type(a), Values.type(b));
            }
        }
        assertTrue(equalPairs > 1000, "the sample should contain many equal pairs: " + equalPairs);
        assertTrue(nanValues > 10);
        // transitivity on a small-domain sample
        List<Object> small = vals.subList(0, 300);
        for (Object a : small) for (Object b : small) {
            if (!Values.eq(a, b)) continue;
            for (Object c : small) if (Values.eq(b, c)) assertTrue(Values.eq(a, c), "transitivity");
        }
    }

    @Test
    void setsOfRandomValuesUseStructuralEquality() {
        Random r = new Random(7);
        for (int t = 0; t < 300; t++) {
            List<Object> xs = new ArrayList<>();
            for (int i = 0; i < 30; i++) xs.add(randomValue(r, 2));
            LSet s = LSet.EMPTY;
            for (Object x : xs) s = s.add(x);
            for (Object x : xs) assertEquals(!hasNaN(x), s.contains(equalCopy(x, r)), () -> Values.show(x));
            // every element is pairwise unequal
            Object[] es = s.toArray();
            for (int i = 0; i < es.length; i++)
                for (int j = i + 1; j < es.length; j++) assertFalse(Values.eq(es[i], es[j]));
            Object copy = equalCopy(s, r);
            if (!hasNaN(s)) {
                assertEquals(s, copy);
                assertEquals(s.hashCode(), copy.hashCode());
            }
        }
    }

    @Test
    void show() {
        assertEquals("nil", Values.show(Nil.NIL));
        assertEquals("true", Values.show(true));
        assertEquals("false", Values.show(false));
        assertEquals("42", Values.show(42.0));
        assertEquals("-2.5", Values.show(-2.5));
        assertEquals("0.30000000000000004", Values.show(0.1 + 0.2));
        assertEquals("NaN", Values.show(Double.NaN));
        assertEquals(":foo", Values.show(kw("foo")));
        assertEquals("\"say \"hi\"\"", Values.show("say \"hi\""));
        assertEquals("\"a\nb\"", Values.show("a\nb"));
        assertEquals("()", Values.show(Tuple.EMPTY));
        assertEquals("(1)", Values.show(Tuple.of(1.0)));
        assertEquals("(1, :a)", Values.show(Tuple.of(1.0, kw("a"))));
        assertEquals("[]", Values.show(LList.EMPTY));
        assertEquals("[1, \"two\", :three]", Values.show(LList.of(1.0, "two", kw("three"))));
        assertEquals("${}", Values.show(LSet.EMPTY));
        assertEquals("${1, 2}", Values.show(LSet.of(1.0, 2.0)));
        assertEquals("${2, 1}", Values.show(LSet.of(2.0, 1.0)));
        assertEquals("#{}", Values.show(LDict.EMPTY));
        assertEquals("#{:a 1, :b \"x\"}", Values.show(LDict.of(kw("a"), 1.0, kw("b"), "x")));
        assertEquals("fn add", Values.show(fn("add")));
        assertEquals("fn :anon", Values.show(fn(":anon")));
        assertEquals("fn add{partial}", Values.show(fn("add{partial}")));
        assertEquals("ref: foo {24}", Values.show(new Ref("foo", 24.0)));
        assertEquals("ref: foo {\"s\"}", Values.show(new Ref("foo", "s")));
        assertEquals("ns foo {:bar \"bar\", :baz 42}", Values.show(new Ns("foo", LDict.of(kw("bar"), "bar", kw("baz"), 42.0))));
        assertEquals("ns e {}", Values.show(new Ns("e", LDict.EMPTY)));
        assertEquals("[(1, [\"a\"]), #{:k ${nil}}, ()]", Values.show(LList.of(
            Tuple.of(1.0, LList.of("a")), LDict.of(kw("k"), LSet.of(Nil.NIL)), Tuple.EMPTY)));
        // large forms keep insertion order when shown
        LDict d = LDict.EMPTY;
        StringBuilder want = new StringBuilder("#{");
        for (int i = 20; i > 0; i--) {
            d = d.assoc(kw("x" + i), (double) i);
            want.append(i < 20 ? ", " : "").append(":x").append(i).append(' ').append(i);
        }
        assertEquals(want.append('}').toString(), Values.show(d));
        assertEquals(Values.show(d), d.toString());
        LSet s = LSet.EMPTY;
        for (int i = 20; i > 0; i--) s = s.add((double) i);
        assertTrue(Values.show(s).startsWith("${20, 19, 18"));
        assertEquals("[1, 2]", LList.of(1.0, 2.0).toString());
    }

    @Test
    void printForm() {
        assertEquals("hi \"x\"", Values.printForm("hi \"x\""));
        assertEquals(":k", Values.printForm(kw("k")));
        assertEquals("[\"a\"]", Values.printForm(LList.of("a")));
        assertEquals("1.5", Values.printForm(1.5));
        StringBuilder sb = new StringBuilder();
        Values.printTo(sb, "raw");
        sb.append(' ');
        Values.printTo(sb, "q" .equals("q") ? LList.of("q") : null);
        assertEquals("raw [\"q\"]", sb.toString());
    }
}
