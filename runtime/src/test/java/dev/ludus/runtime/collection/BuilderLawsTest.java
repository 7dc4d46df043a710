package dev.ludus.runtime.collection;

import static dev.ludus.runtime.collection.RecLawsTest.POOL;
import static dev.ludus.runtime.collection.RecLawsTest.assertSameValue;
import static dev.ludus.runtime.collection.RecLawsTest.value;
import static org.junit.jupiter.api.Assertions.*;

import dev.ludus.runtime.Values;
import dev.ludus.runtime.value.Keyword;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * LDict.Builder on random sequences of splats and puts (what dict literals with splats
 * compile to): what it builds is the dict of the same entries in the same order as a plain
 * insertion-ordered map gives (a later put of a key replaces its value in place), at every
 * build along the way; and a record splatted first and followed by new keys only, four keys
 * in all, builds a record (NumRec.extend), keeping its numbers unboxed.
 */
class BuilderLawsTest {
    /** A dict of 1-3 keys (often) or up to 8, as a record (numbers unboxed where any) or as the general form. */
    static LDict randomDict(Random rnd) {
        if (rnd.nextBoolean()) {
            RecLawsTest.Pair p = RecLawsTest.randomPair(rnd, 1);
            return rnd.nextInt(4) == 0 ? p.dict() : p.rec();
        }
        return smallRecord(rnd);
    }

    /** A record of 1-3 keys, numbers among its values often (unboxed then). */
    static LDict smallRecord(Random rnd) {
        int n = 1 + rnd.nextInt(3);
        Keyword[] ks = new Keyword[n];
        Object[] vs = new Object[n];
        for (int i = 0; i < n; i++) {
            Keyword k;
            do k = POOL[rnd.nextInt(POOL.length)]; while (java.util.Arrays.asList(ks).contains(k));
            ks[i] = k;
            vs[i] = rnd.nextBoolean() ? (double) rnd.nextInt(5) : value(rnd, 1);
        }
        return Rec.of(Shape.of(ks), vs);
    }

    /** The model's entries as a general dict, made by assoc from the empty dict (no builder). */
    static LDict reference(Map<Keyword, Object> model) {
        LDict d = LDict.EMPTY;
        for (Map.Entry<Keyword, Object> e : model.entrySet()) d = d.assoc(e.getKey(), e.getValue());
        return d;
    }

    @Test void aBuilderMakesTheDictOfItsEntriesInInsertionOrder() {
        Random rnd = new Random(2718);
        int extended = 0, numbersKept = 0;
        for (int round = 0; round < 5000; round++) {
            LDict.Builder b = LDict.builder();
            Map<Keyword, Object> model = new LinkedHashMap<>();
            StringBuilder ops = new StringBuilder("round " + round + ":");
            boolean spreadOnly = true; // a record splatted first, then only keys it lacks
            Rec first = null;
            int steps = 1 + rnd.nextInt(6);
            boolean spreadRound = rnd.nextInt(3) == 0; // a small record first, then mostly puts
            for (int s = 0; s < steps; s++) {
                if (spreadRound ? s == 0 || rnd.nextInt(8) == 0 : rnd.nextInt(3) == 0) {
                    LDict d = spreadRound && s == 0 ? smallRecord(rnd) : randomDict(rnd);
                    if (s == 0 && d instanceof Rec r) first = r;
                    else spreadOnly = false;
                    b.putAll(d);
                    d.forEach(model::put);
                    ops.append(" ...").append(Values.show(d));
                } else {
                    Keyword k = POOL[rnd.nextInt(POOL.length)];
                    Object v = rnd.nextBoolean() ? (double) rnd.nextInt(5) : value(rnd, 1);
                    if (model.containsKey(k)) spreadOnly = false;
                    if (s == 0) spreadOnly = false;
                    b.put(k, v);
                    model.put(k, v);
                    ops.append(" ").append(k).append(" ").append(Values.show(v));
                }
                assertEquals(model.size(), b.size(), ops.toString());
                if (rnd.nextInt(4) == 0) assertSameValue(b.build(), reference(model), ops + " (built midway)");
            }
            LDict built = b.build();
            assertSameValue(built, reference(model), ops.toString());
            assertSameValue(b.build(), reference(model), ops + " (built again)");
            // (unless other tests have filled the table of shapes: then the general form, rightly)
            boolean shaped = model.size() <= LDict.SMALL && Shape.find(model.keySet().toArray(new Keyword[0])) != null;
            if (spreadOnly && first != null && shaped && model.size() > first.size() && model.size() <= Rec.MAX_FIELDS) {
                extended++;
                Rec r = assertInstanceOf(Rec.class, built, ops + ": a record and new keys make a record");
                for (int i = 0; i < r.size(); i++) {
                    boolean number = r.at(i) instanceof Double;
                    assertEquals(number, r instanceof NumRec && r.shape.isNumber(i), ops + ": key " + i + " kept unboxed iff a number");
                    if (number) numbersKept++;
                }
            }
        }
        assertTrue(extended > 300, "records extended by the builder: " + extended);
        assertTrue(numbersKept > 300, "numbers kept unboxed by extension: " + numbersKept);
    }

    @Test void aSplatOfARecordAloneIsThatRecord() {
        LDict r = Rec.of(Shape.of(new Keyword[] {POOL[0], POOL[1]}), new Object[] {1.0, "a"});
        assertSame(r, LDict.builder().putAll(r).build());
    }
}
