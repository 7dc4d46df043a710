package dev.ludus.runtime.prelude;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.ludus.runtime.collection.LList;
import dev.ludus.runtime.value.LFn;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * range, map, filter and fold build their results leaf by leaf and take a prelude function's
 * handler out of the loop: compared here with the one-element-at-a-time result, for sizes on
 * both sides of the 32 and 1024 trie boundaries, with prelude functions, a partial (any other
 * function) and keywords.
 */
class ListLoopsTest extends PreludeTestSupport {
    private static final int[] SIZES = {0, 1, 2, 31, 32, 33, 63, 64, 65, 1023, 1024, 1025, 1057, 32 * 32 * 32 + 5};

    private static LList numbers(int n) {
        LList l = LList.EMPTY;
        for (int i = 0; i < n; i++) l = l.append((double) i);
        return l;
    }

    private static LList listOf(List<Object> xs) {
        LList l = LList.EMPTY;
        for (Object x : xs) l = l.append(x);
        return l;
    }

    @Test void rangeIsTheCountingList() {
        for (int n : SIZES) {
            assertEquals(numbers(n), MathFns.range(0.0, (double) n), "range " + n);
            assertEquals(numbers(n), call("range", (double) n));
        }
        assertEquals(list(1, 2, 3), MathFns.range(0.5, 3.5));
        assertEquals(list(-2, -1), MathFns.range(-2.0, 0.0));
        assertSame(LList.EMPTY, MathFns.range(5.0, 1.0));
    }

    @Test void mapFilterFoldWithPreludeFunctionsAndOthers() {
        LFn inc = (LFn) fn("inc");
        LFn evenQ = (LFn) fn("even?");
        LFn add = (LFn) fn("add");
        LFn lt = (LFn) fn("lt?");
        // a partial is an LFn that is not a prelude Fn: the general path
        LFn below40 = Partial.of(lt, new Object[] {null, 40.0}, 0);
        LFn plus10 = Partial.of(add, new Object[] {10.0, null}, 1);
        for (int n : SIZES) {
            LList xs = numbers(n);
            List<Object> incd = new ArrayList<>(), evens = new ArrayList<>(), small = new ArrayList<>(), plus = new ArrayList<>();
            double sum = 0;
            for (int i = 0; i < n; i++) {
                incd.add(i + 1.0);
                if (i % 2 == 0) evens.add((double) i);
                if (i < 40) small.add((double) i);
                plus.add(i + 10.0);
                sum += i;
            }
            assertEquals(listOf(incd), Colls.map(inc, xs), "map inc " + n);
            assertEquals(listOf(plus), Colls.map(plus10, xs), "map partial " + n);
            assertEquals(listOf(evens), Colls.filter(evenQ, xs), "filter even? " + n);
            assertEquals(listOf(small), Colls.filter(below40, xs), "filter partial " + n);
            assertEquals(sum, Colls.fold(add, xs, 0.0), "fold add " + n);
            assertEquals(sum + 10 * n, Colls.fold(new FoldAdapter(plus10), xs, 0.0), "fold other " + n);
            // results stay put when appended to (their last leaf has free slots)
            LList mapped = (LList) Colls.map(inc, xs);
            LList more = mapped.append("x");
            assertEquals(listOf(incd), mapped);
            assertEquals(n + 1, more.size());
        }
    }

    @Test void mapWithAKeyword() {
        for (int n : new int[] {0, 1, 33, 1025}) {
            List<Object> dicts = new ArrayList<>(), values = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                dicts.add(dict("a", i));
                values.add(i % 3 == 0 ? NIL : (Object) (double) i);
            }
            List<Object> mixed = new ArrayList<>();
            for (int i = 0; i < n; i++) mixed.add(i % 3 == 0 ? (Object) "not a dict" : dicts.get(i));
            assertEquals(listOf(values), Colls.map(kw("a"), listOf(mixed)));
        }
    }

    /** A two-argument function that is neither a prelude Fn nor a closure: (acc, x) -> acc + 10 + x. */
    private static final class FoldAdapter extends LFn {
        private final LFn plus10;
        FoldAdapter(LFn plus10) { this.plus10 = plus10; }
        @Override public String name() { return "adapter"; }
        @Override public Object call2(Object acc, Object x) { return Arith.add(plus10.call1(acc), x); }
        @Override public Object callN(Object[] args) { return call2(args[0], args[1]); }
    }
}
