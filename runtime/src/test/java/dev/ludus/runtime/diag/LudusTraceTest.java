package dev.ludus.runtime.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Trace folding and rendering, from synthetic stacks (innermost first, as the JVM gives them). */
class LudusTraceTest {
    private static final String CLS = "ludus.M0_a";

    private static StackTraceElement fn(String name, int arity, int line) {
        return new StackTraceElement(CLS, FrameNames.fnBase(7, name) + "$" + arity, "a.ld", line);
    }

    private static StackTraceElement top(int line) {
        return new StackTraceElement(CLS, "$body0", "a.ld", line);
    }

    private static StackTraceElement java(String cls, String method) {
        return new StackTraceElement(cls, method, "X.java", 1);
    }

    private static String render(List<StackTraceElement> stack) {
        return LudusTrace.of(stack.toArray(StackTraceElement[]::new)).render(false, 0);
    }

    @Test
    void javaFramesAreLeftOutAndRunsOfOneFunctionFold() {
        List<StackTraceElement> s = new ArrayList<>();
        s.add(java("dev.ludus.runtime.Panics", "panic"));
        s.add(fn("pair", 3, 1));
        s.add(java("dev.ludus.runtime.value.Closure", "raw3"));
        for (int i = 0; i < 10_000; i++) s.add(fn("count_down", 1, 3));
        s.add(top(5));
        s.add(java("dev.ludus.runtime.Launcher", "lambda$run$0"));
        assertEquals("""
                trace (innermost call first):
                  at pair (a.ld:1)
                  at count_down (a.ld:3)
                  ... 9999 more calls of count_down
                  at top level (a.ld:5)
                """, render(s));
    }

    /** A stack overflow strikes as a call enters a fn, where its line table has no line yet. */
    @Test
    void anOverflowAtAnEntryTakesTheLineOfTheRecursiveCallOutside() {
        List<StackTraceElement> s = new ArrayList<>();
        s.add(fn("forever", 1, -1));
        for (int i = 0; i < 100; i++) s.add(fn("forever", 1, 2));
        LudusTrace t = LudusTrace.of(s.toArray(StackTraceElement[]::new));
        assertEquals(2, t.innermostUser().line());
        assertTrue(render(s).startsWith("trace (innermost call first):\n  at forever (a.ld:2)\n"), render(s));
        // a known line is kept
        s.set(0, fn("forever", 1, 7));
        assertEquals(7, LudusTrace.of(s.toArray(StackTraceElement[]::new)).innermostUser().line());
    }

    @Test
    void directAndVariadicEntriesOfOneFunctionFoldTogether() {
        List<StackTraceElement> s = List.of(
                fn("f", 1, 2),
                new StackTraceElement(CLS, FrameNames.fnBase(7, "f") + "$v", "a.ld", 2),
                top(4));
        assertTrue(render(s).contains("  at f (a.ld:2)\n  ... 1 more call of f\n"), render(s));
    }

    private static StackTraceElement method(String method, int line) {
        return new StackTraceElement(CLS, method, "a.ld", line);
    }

    /**
     * A long fn body runs as a chain of methods split off its entry, and a numeric fn's usual
     * entry hands numbers to its entry on doubles: neither is a call of its own (the fuzzer's
     * output oracle found the numeric case as a phantom "1 more call").
     */
    @Test
    void splitPartsAndTheHandOverToTheNumericEntryAreNotCalls() {
        String f = FrameNames.fnBase(7, "f");
        List<StackTraceElement> s = new ArrayList<>();
        // the innermost call: deep in its chain of parts, entered on doubles through its usual entry
        s.add(method(f + "$1d_s5", 30));
        s.add(method(f + "$1d_s2", 20));
        s.add(method(f + "$1d", 10));
        s.add(method(f + "$1", -1));
        // the call that made it, from a part of its own body, itself entered on doubles
        s.add(method(f + "$1d_s3", 25));
        s.add(method(f + "$1d", 10));
        // and a third call, whose usual entry ran its own code (its line is known)
        s.add(method(f + "$1d", 12));
        s.add(method(f + "$1", 12));
        s.add(top(40));
        assertEquals("""
                trace (innermost call first):
                  at f (a.ld:30)
                  ... 3 more calls of f
                  at top level (a.ld:40)
                """, render(s));
    }

    @Test
    void mutualRecursionFoldsAsACycle() {
        List<StackTraceElement> s = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            s.add(fn("even?", 1, 1));
            s.add(fn("odd?", 1, 2));
        }
        s.add(top(3));
        assertEquals("""
                trace (innermost call first):
                  at even? (a.ld:1)
                  at odd? (a.ld:2)
                  ... 98 more calls, repeating even?, odd?
                  at top level (a.ld:3)
                """, render(s));
    }

    @Test
    void twoRepetitionsAreNotACycle() {
        List<StackTraceElement> s = List.of(fn("a", 0, 1), fn("b", 0, 2), fn("a", 0, 1), fn("b", 0, 2), top(3));
        assertEquals(5, render(s).lines().filter(l -> l.startsWith("  at ")).count(), render(s));
    }

    @Test
    void lambdasTestsAndSlashesInNamesReadBack() {
        List<StackTraceElement> s = List.of(
                new StackTraceElement(CLS, FrameNames.fnBase(3, null) + "$1", "a.ld", 2),
                fn("turn/deg", 1, 3),
                new StackTraceElement(CLS, "$test0", "a.ld", 9));
        String r = render(s);
        assertTrue(r.contains("  at an anonymous fn (a.ld:2)\n  at turn/deg (a.ld:3)\n  at a test (a.ld:9)\n"), r);
        assertFalse(r.contains("outer calls"), r);
    }

    @Test
    void aStackWithoutItsToplevelSaysItWasCut() {
        List<StackTraceElement> s = new ArrayList<>();
        for (int i = 0; i < 1024; i++) s.add(fn("forever", 1, 1));
        String r = render(s);
        assertTrue(r.endsWith("  ... more calls of forever\n  ... and outer calls (not recorded: the stack was too deep)\n"), r);
    }

    @Test
    void longTracesKeepTheirEndsAndCountTheMiddle() {
        List<StackTraceElement> s = new ArrayList<>();
        for (int i = 0; i < 1000; i++) s.add(fn("f" + i, 0, i + 1)); // 1000 different functions
        s.add(top(2000));
        String r = render(s);
        List<String> lines = r.lines().toList();
        assertTrue(lines.size() <= LudusTrace.MAX_LINES + 2, r);
        assertEquals("  at f0 (a.ld:1)", lines.get(1));
        assertEquals("  at top level (a.ld:2000)", lines.get(lines.size() - 1));
        long shown = lines.stream().filter(l -> l.startsWith("  at ")).count();
        String gap = lines.stream().filter(l -> l.startsWith("  ... ")).findFirst().orElseThrow();
        assertEquals("  ... " + (1001 - shown) + " more calls", gap);
    }

    @Test
    void preludeFramesShowNoLineAndTheUserFrameIsFound() {
        List<StackTraceElement> s = List.of(
                new StackTraceElement("dev.ludus.stdlib.LudusPrelude", FrameNames.fnBase(1, "unwrap!") + "$1",
                        "<prelude>/prelude.ld", 33),
                top(2));
        LudusTrace t = LudusTrace.of(s.toArray(StackTraceElement[]::new));
        assertTrue(t.render(false, 0).contains("  at unwrap! (prelude)\n"));
        assertEquals("unwrap!", t.calleeOfUser().name());
        assertEquals(2, t.innermostUser().line());
    }

    @Test
    void theInnermostLineCanBeReplaced() {
        String r = LudusTrace.of(new StackTraceElement[] {fn("g", 0, 9), top(12)}).render(false, 4);
        assertTrue(r.contains("  at g (a.ld:4)\n  at top level (a.ld:12)\n"), r);
    }

    /** A real capture on this thread: Java frames only (this test), so nothing Ludus. */
    @Test
    void captureOfAStackWithoutLudusFramesIsEmpty() {
        LudusTrace t = LudusTrace.capture();
        assertTrue(t.isEmpty());
        assertNull(t.innermostUser());
        assertEquals("", t.render(false, 0));
    }

    /** A real capture through methods named like generated ones (Java allows '$' in names). */
    @Test
    void captureReadsGeneratedLookingFrames() {
        LudusTrace t = fn$1$deep$1(5);
        String r = t.render(false, 0);
        assertTrue(r.contains("  at deep (LudusTraceTest.java:"), r);
        assertTrue(r.contains("  ... 5 more calls of deep\n"), r);
    }

    private static LudusTrace fn$1$deep$1(int n) {
        return n == 0 ? LudusTrace.capture() : fn$1$deep$1(n - 1);
    }

    @Test
    void colourOnlyWhenAsked() {
        String plain = LudusTrace.of(new StackTraceElement[] {fn("g", 0, 9)}).render(false, 0);
        String coloured = LudusTrace.of(new StackTraceElement[] {fn("g", 0, 9)}).render(true, 0);
        assertFalse(plain.contains("\u001b["));
        assertTrue(coloured.contains("\u001b[1m"));
    }
}
