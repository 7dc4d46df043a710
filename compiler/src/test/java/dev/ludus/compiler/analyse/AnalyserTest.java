package dev.ludus.compiler.analyse;

import static dev.ludus.compiler.analyse.Analysed.analyse;
import static org.junit.jupiter.api.Assertions.*;

import dev.ludus.compiler.resolve.Binding;
import dev.ludus.compiler.syntax.Ast.*;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The facts the analysis stage records for small programs. */
class AnalyserTest {
    /** The unboxed locals of an emitter that holds exactly these bindings as doubles (none as longs). */
    private static NumEnv doubles(Binding... bs) {
        Set<Binding> set = new HashSet<>(List.of(bs));
        return new NumEnv() {
            @Override public boolean isDouble(Binding b) { return set.contains(b); }
            @Override public boolean isLong(Binding b) { return false; }
        };
    }

    @Test
    void knownFnsAreModuleLevelNamedFns() {
        Analysed a = analyse("fn f (x) -> x\nlet g = fn (y) -> y\nfn outer () -> { fn inner () -> 1\n inner () }\n");
        FnDef f = a.fn("f");
        assertSame(f, a.an().knownFn(a.declared(f)));
        assertNull(a.an().knownFn(a.declared(a.fn("inner"))), "a local fn is no known fn");
        Let g = a.all(Let.class).get(0);
        assertNull(a.an().knownFn(a.declared(g.pattern())), "a name bound to a lambda is no known fn");
    }

    @Test
    void numericEntriesNeedNumberPatternsAndNoCaptures() {
        Analysed a = analyse("""
                fn sq (x) -> mult (x, x)
                fn two { (x) -> x; (x, y as :number) -> add (x, y) }
                fn first ((a, b)) -> a
                fn mk (n) -> { fn add_n (x) -> add (x, n)
                  add_n }
                """);
        assertTrue(a.an().numericEntry(a.fn("sq"), 1));
        assertFalse(a.an().numericEntry(a.fn("sq"), 2), "no clause for two arguments");
        assertTrue(a.an().numericEntry(a.fn("two"), 1));
        assertTrue(a.an().numericEntry(a.fn("two"), 2));
        assertFalse(a.an().numericEntry(a.fn("first"), 1), "a tuple pattern does not test a double");
        assertFalse(a.an().numericEntry(a.fn("mk"), 1), "its body defines a fn: it cannot be emitted twice");
        assertFalse(a.an().numericEntry(a.fn("add_n"), 1), "add_n captures n");
    }

    @Test
    void numericReturnsFollowEveryPath() {
        Analysed a = analyse("""
                fn fib (n) -> if lt? (n, 2) then n else add (fib (sub (n, 1)), fib (sub (n, 2)))
                fn mixed (x) -> if zero? (x) then :zero else add (x, 1)
                fn handoff (n) -> fib (n)
                fn sumto (n, acc) -> if zero? (n) then acc else sumto (dec (n), add (acc, n))
                fn sq (x) -> { let y = mult (x, x)
                  add (y, 1) }
                fn bad (x) -> if zero? (x) then panic! "zero" else div (1, x)
                """);
        assertTrue(a.an().returnsNumber(a.fn("fib"), 1), "numbers and numeric self calls on every path");
        assertFalse(a.an().returnsNumber(a.fn("mixed"), 1), "one path yields a keyword");
        assertFalse(a.an().returnsNumber(a.fn("handoff"), 1), "a tail call to another fn stays a tail call");
        assertTrue(a.an().returnsNumber(a.fn("sumto"), 2), "a self tail call with numeric arguments is a jump");
        assertTrue(a.an().returnsNumber(a.fn("sq"), 1), "a numeric let keeps its name a number");
        assertTrue(a.an().returnsNumber(a.fn("bad"), 1), "a panic yields nothing");
        Synthetic call = a.all(Synthetic.class).stream().filter(s -> s.root() instanceof Word w && w.name().equals("fib"))
                .findFirst().orElseThrow();
        assertSame(a.fn("fib"), a.an().numericCallee(call));
        assertTrue(a.an().selfCall(call, a.fn("fib"), 1));
    }

    @Test
    void numericExpressionsDependOnTheUnboxedLocals() {
        Analysed a = analyse("fn f (x, y) -> add (mult (x, 2), count (y))\nfn g (z as :number) -> inc (z)\n");
        FnDef f = a.fn("f");
        PTuple params = (PTuple) f.clauses().get(0).pattern();
        Binding x = a.declared(params.items().get(0));
        Expr body = f.clauses().get(0).body();
        Expr scaled = Analysis.args((Synthetic) body).get(0);
        assertFalse(a.an().numeric(scaled, NumEnv.NONE), "x is a boxed value of unknown type: mult (x, 2) may scale a vector");
        assertTrue(a.an().numeric(scaled, doubles(x)), "x unboxed");
        assertTrue(a.an().numeric(body, NumEnv.NONE), "count yields a number whatever y is, and add of a number and anything yields a number or panics");
        Analysed mixed = analyse("fn h (p, q) -> [add (p, 1), sub (2, p), div (p, 3), mod (4, p), mult (p, 5), add (p, q)]\n");
        List<Expr> items = ((ListLit) mixed.fn("h").clauses().get(0).body()).items();
        boolean[] expected = {true, true, true, true, false, false};
        for (int i = 0; i < expected.length; i++) assertEquals(expected[i], mixed.an().numeric(items.get(i), NumEnv.NONE), "item " + i);
        assertTrue(a.an().numeric(a.fn("g").clauses().get(0).body(), NumEnv.NONE), "a name typed :number");
        Analysed top = analyse("let q = add (1, 2)\nq\n");
        assertTrue(top.an().numeric(top.all(Let.class).get(0).value(), NumEnv.NONE));
    }

    @Test
    void aCountingLoopIsNumericLongAndAccumulates() {
        Analysed a = analyse("loop (0, [], 0.5) with (i, xs, t) -> if lt? (i, 3) then recur (inc (i), append (xs, i), add (t, 1)) else (xs, t)\n");
        Loop l = a.all(Loop.class).get(0);
        Analysis.LoopFacts facts = a.an().loop(l);
        assertTrue(facts.fixed());
        assertEquals(1, facts.applicable().size());
        boolean[] dbl = a.an().numericPositions(l, NumEnv.NONE);
        assertArrayEquals(new boolean[] {true, false, true}, dbl);
        // t starts at 0.5, but every recur passes it an integer sum: the long copy is tried, and
        // its entry falls back to the usual copy at run time when a start value is no integer
        assertArrayEquals(new boolean[] {true, false, true}, a.an().longPositions(l, NumEnv.NONE));
        Set<Binding>[] accs = a.an().accumulators(l, dbl);
        assertNotNull(accs);
        assertNull(accs[0]);
        assertEquals(Set.of(a.loopName(l, 1)), accs[1]);
        assertNull(accs[2]);
    }

    @Test
    void aLoopVariableIsNumericOnlyIfEveryRecurPassesANumber() {
        Analysed a = analyse("fn f (ys) -> loop (0, 1) with (i, acc) -> if gt? (i, 3) then acc else recur (inc (i), first (ys))\n");
        Loop l = a.all(Loop.class).get(0);
        assertArrayEquals(new boolean[] {true, false}, a.an().numericPositions(l, NumEnv.NONE));
        assertArrayEquals(new boolean[] {true, false}, a.an().longPositions(l, NumEnv.NONE));
        assertNull(a.an().accumulators(l, new boolean[2]), "no append: no accumulator");
    }

    @Test
    void aLoopStartingFromAnUnboxedLocalDependsOnIt() {
        Analysed a = analyse("fn f (n) -> loop (n) with (i) -> if zero? (i) then :done else recur (dec (i))\n");
        Loop l = a.all(Loop.class).get(0);
        Binding n = a.declared(((PTuple) a.fn("f").clauses().get(0).pattern()).items().get(0));
        assertArrayEquals(new boolean[] {false}, a.an().numericPositions(l, NumEnv.NONE), "n boxed: i starts as any value");
        assertArrayEquals(new boolean[] {true}, a.an().numericPositions(l, doubles(n)), "n unboxed: so is i");
    }

    @Test
    void scopesKnowWhichLocalsAreUnboxedWhereTheCodeIsEmitted() {
        Analysed a = analyse("""
                fn f (n) -> { let m = mult (n, 1)
                  loop (m, 0) with (i, s) -> if zero? (i) then s else { let t = mult (i, 2)
                    recur (dec (i), mult (s, t)) } }
                """);
        FnDef f = a.fn("f");
        Binding n = a.declared(((PTuple) f.clauses().get(0).pattern()).items().get(0));
        Binding m = a.declared(a.all(Let.class).get(0).pattern());
        Binding t = a.declared(a.all(Let.class).get(1).pattern());
        Loop l = a.all(Loop.class).get(0);
        Binding i = a.loopName(l, 0), s = a.loopName(l, 1);

        Scope boxed = a.an().methodScope(f);
        assertFalse(boxed.isDouble(n), "the usual entry takes its argument boxed");
        assertFalse(boxed.isDouble(m), "so mult (n, 1) is no known number (it scales a vector)");
        // i starts from a boxed m; s gets mult (s, t) with t = mult (i, 2): no number either
        assertArrayEquals(new boolean[] {false, false}, a.an().numericPositions(l, boxed));
        // but every recur passes i an integer expression: the long copy is tried
        assertArrayEquals(new boolean[] {true, false}, a.an().longPositions(l, boxed));
        assertFalse(boxed.isDouble(i));
        assertFalse(boxed.isDouble(s));
        Scope longCopy = a.an().longCopy(l, boxed);
        assertTrue(longCopy.isLong(i), "the long copy holds i as a long");
        assertFalse(longCopy.isDouble(s));
        assertTrue(longCopy.isDouble(t), "mult (i, 2) of a long is a number");
        assertFalse(boxed.isDouble(t), "in the usual copy i is boxed");

        Scope numeric = a.an().numericEntryScope(f);
        assertTrue(numeric.isDouble(n), "the numeric entry takes n as a double");
        assertTrue(numeric.isDouble(m));
        assertArrayEquals(new boolean[] {true, true}, a.an().numericPositions(l, numeric));
        assertTrue(numeric.isDouble(i) && numeric.isDouble(t));

        Scope moved = a.an().fresh(f, List.of(l));
        assertFalse(moved.isDouble(m), "code moved to a method of its own sees the enclosing locals boxed");
        assertArrayEquals(new boolean[] {false, false}, a.an().numericPositions(l, moved));
    }

    @Test
    void aListReadBeforeTheTailIsNoAccumulator() {
        Analysed a = analyse("loop (0, []) with (i, xs) -> { print! (xs)\n if lt? (i, 3) then recur (inc (i), append (xs, i)) else xs }\n");
        Loop l = a.all(Loop.class).get(0);
        assertNull(a.an().accumulators(l, new boolean[2]), "xs is seen before the recur");
    }

    @Test
    void recursOfAnotherArityMakeAnArrayLoop() {
        Analysed a = analyse("loop (1) with { (x) -> recur (x, 2); (x, y) -> add (x, y) }\n");
        Loop l = a.all(Loop.class).get(0);
        assertFalse(a.an().loop(l).fixed());
        assertEquals(List.of(), a.an().loop(l).applicable());
    }

    /** A loop of k names v0.. that counts each up until v0 passes 3. */
    private static String loopOf(int k) {
        StringBuilder init = new StringBuilder(), names = new StringBuilder(), args = new StringBuilder();
        for (int i = 0; i < k; i++) {
            String sep = i == 0 ? "" : ", ";
            init.append(sep).append(i);
            names.append(sep).append("v").append(i);
            args.append(sep).append("inc (v").append(i).append(")");
        }
        return "loop (" + init + ") with (" + names + ") -> if gt? (v0, 3) then v0 else recur (" + args + ")\n";
    }

    @Test
    void wideLoopsStayBoxed() {
        int k = Analysis.WIDE_LOOP + 1;
        Analysed a = analyse(loopOf(k));
        Loop l = a.all(Loop.class).get(0);
        assertArrayEquals(new boolean[k], a.an().numericPositions(l, NumEnv.NONE));
        assertArrayEquals(new boolean[k], a.an().longPositions(l, NumEnv.NONE));
    }

    @Test
    void loopsOfManyNamesAreArrayLoops() {
        for (int k : new int[] {Analysis.MANY_NAMES - 1, Analysis.MANY_NAMES}) {
            Analysed a = analyse(loopOf(k));
            Loop l = a.all(Loop.class).get(0);
            boolean few = k < Analysis.MANY_NAMES;
            assertEquals(few, a.an().loop(l).fixed(), k + " names");
            assertEquals(few ? 1 : 0, a.an().loop(l).applicable().size(), k + " names");
        }
    }

    @Test
    void weightsCountNodesAndFreeRecursAreFound() {
        Analysed a = analyse("let t = (1, 2, 3)\nloop (0) with (i) -> if lt? (i, 2) then recur (inc (i)) else i\n");
        TupleLit t = a.all(TupleLit.class).get(0);
        assertEquals(4, a.an().weight(t));
        Loop l = a.all(Loop.class).get(0);
        If body = (If) l.clauses().get(0).body();
        assertTrue(RecurScan.hasFreeRecur(body), "the if's then-branch recurs to the loop around it");
        assertFalse(RecurScan.hasFreeRecur(l), "a loop's own recurs are not free outside it");
        assertEquals(1, RecurScan.recurs(l.clauses()).size());
    }

    @Test
    void theAnalysisIsTheSameWhateverIsAskedFirst() {
        String src = "fn a (n) -> if zero? (n) then 0 else add (1, b (dec (n)))\nfn b (n) -> if zero? (n) then 1 else add (2, a (dec (n)))\n";
        Analysed one = analyse(src), two = analyse(src);
        assertTrue(one.an().returnsNumber(one.fn("b"), 1));
        assertTrue(two.an().returnsNumber(two.fn("a"), 1));
        assertEquals(one.an().returnsNumber(one.fn("a"), 1), two.an().returnsNumber(two.fn("a"), 1));
        assertEquals(one.an().returnsNumber(one.fn("b"), 1), two.an().returnsNumber(two.fn("b"), 1));
    }
}
