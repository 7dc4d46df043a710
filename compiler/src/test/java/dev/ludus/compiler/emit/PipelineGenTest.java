package dev.ludus.compiler.emit;

import static org.junit.jupiter.api.Assertions.*;

import dev.ludus.compiler.LudusCompiler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * Fused do pipelines (analyse.Pipelines, PipelineGen): the code takes the fused path, and every
 * program prints, returns and panics exactly as the same program run stage by stage. The
 * unfused twin of a program first rebinds map, filter and fold to themselves (a line of the same
 * length as the fused one's), so they are no longer the prelude's bindings and never fused.
 */
class PipelineGenTest {
    private static final String HEADER = "let (mAp, fIlter, fOld) = (map, filter, fold)\n";
    /** The unfused twin's first line: map, filter and fold rebound (no longer the prelude's: never fused). */
    private static final String SHADOW = "let (map, filter, fold) = (map, filter, fold)\n";

    /** The program with map, filter and fold called through names the analysis does not fuse. */
    private static String unfused(String body) {
        return SHADOW + body;
    }

    /** Runs body fused and unfused (stdout, stderr, exit) and checks they agree; returns the fused output. */
    private static String same(String body) {
        return Programs.sameAsTwin(HEADER + body, unfused(body));
    }

    /** The names of the methods the compiled source calls (owner.name). */
    private static List<String> calls(String source) throws Exception {
        List<String> out = new ArrayList<>();
        Programs.eachMethod(source, method -> new MethodVisitor(Opcodes.ASM9) {
            @Override public void visitMethodInsn(int op, String owner, String name, String desc, boolean itf) {
                out.add(owner.substring(owner.lastIndexOf('/') + 1) + "." + name + desc);
            }
        });
        return out;
    }

    private static final String BENCH = """
            fn bench (n) -> do range (n)
              > map (fn (x) -> mod (mult (x, 7), 1000), _)
              > filter (even?, _)
              > map (inc, _)
              > fold (add, _, 0)
            bench (100_000)
            """;

    @Test void theBenchmarkRunsFusedOnDoubles() throws Exception {
        List<String> calls = calls(BENCH);
        assertTrue(calls.contains("Pipes.rangeFusable(Ljava/lang/Object;Ljava/lang/Object;)Z"), calls.toString());
        // the lambda through its entry on doubles, even? on a double: no box per element
        assertTrue(calls.stream().anyMatch(c -> c.matches(".*\\$1d\\(Ldev/ludus/runtime/value/Closure;D\\)D")), calls.toString());
        assertTrue(calls.contains("Arith.evenD(D)Z"), calls.toString());
        assertEquals("=> 25000000\n[exit 0]\n", Programs.runSource(BENCH));
        assertEquals("=> 25000000\n[stderr]\n[exit 0]\n", same(BENCH));
    }

    @Test void aListSourceIsWalkedLeafByLeaf() throws Exception {
        String src = "fn f (xs) -> do xs > map (inc, _) > filter (odd?, _)\nf ([1, 2, 3])\n";
        List<String> calls = calls(src);
        assertTrue(calls.contains("Pipes.numbers(Ljava/lang/Object;)Ldev/ludus/runtime/collection/LeafCursor;"), calls.toString());
        assertTrue(calls.contains("Pipes$Out.add(D)V"), calls.toString());
    }

    @Test void aNumericMapOverARangeKeepsTheCounter() {
        // a named fn with an entry on doubles as the only stage: its result once overwrote the
        // range's counter ([1, 2, 6, 5040] for the factorials of 1..7)
        String src = """
                fn factorial {
                  (0) -> 1
                  (n) -> mult (n, factorial (dec (n)))
                }
                fn sq (x) -> mult (x, x)
                print! (map (factorial, range (1, 8)))
                print! (map (sq, range (1, 8)))
                print! (do range (5) > map (sq, _) > map (sq, _))
                print! (do range (1, 6) > map (factorial, _) > filter (even?, _))
                """;
        assertEquals("[1, 2, 6, 24, 120, 720, 5040]\n[1, 4, 9, 16, 25, 36, 49]\n[0, 1, 16, 81, 256]\n[2, 6, 24, 120]\n=> :ok\n[exit 0]\n",
                Programs.runSource(src));
    }

    @Test void unfusablePipelinesKeepTheUsualCalls() throws Exception {
        List<String> calls = calls("fn f (xs) -> do xs > map (fn (x) -> { print! (x); x }, _) > filter (odd?, _)\nf ([1])\n");
        assertTrue(calls.stream().noneMatch(c -> c.startsWith("Pipes")), calls.toString());
    }

    @Test void resultsMatchUnfused() {
        same("""
                print! (do range (10) > map (fn (x) -> mod (mult (x, 7), 10), _) > filter (even?, _))
                print! (do range (2.5, 8) > map (neg, _) > filter (neg?, _) > map (floor, _))
                print! (do range (-3) > map (inc, _))
                print! (do range (0.5, 0.7) > fold (add, _, 0))
                print! (do range (5) > fold (sub, _, 100) > inc)
                print! (do range (3, 1) > map (inc, _))
                print! (do [] > map (inc, _) > fold (mult, _, 1))
                print! (do [1, 2, 3, 4] > map (inc, _) > filter (fn (x) -> lt? (x, 4), _) > fold (fn (a, x) -> add (a, mult (x, 10)), _, 0.5))
                print! (do [0, -0, 1.5, -2.5] > map (neg, _) > map (round, _) > filter (zero?, _))
                print! (do [0, -0, 1.5, -2.5] > filter (pos?, _) > map (ceil, _))
                print! (do [1, 2, 3] > filter (fn (x) -> if eq? (x, 2) then nil else x, _))
                print! (do [1, 2, 3] > filter (fn (x) -> x, _))
                print! (do [1, 2, 3] > filter (fn (x) -> gte? (x, 2), _) > map (fn (x) -> div (x, 4), _))
                print! (do rest ([:a, 1, 2, 3]) > map (dec, _))
                print! (do slice (range (100), 7, 77) > map (fn (x) -> mult (x, x), _) > fold (add, _, 0))
                print! (do append (range (40), 40) > filter (odd?, _) > fold (add, _, 0))
                print! (do [1, :two, "three", 4] > filter (odd?, _))
                print! (do [1, :two, "three", 4, nil] > filter (even?, _) > map (inc, _))
                print! (do (1, 2) > filter (even?, _))
                print! (do range (4) > map (inc, _) > fold (add, _, 0) > inc)
                print! (do range (4) > fold (add, _, 0) > inc)
                """);
    }

    @Test void aPanicInTheFirstStageIsTheSame() {
        String out = same("""
                fn f (n) -> do range (n)
                  > map (fn (x) -> mod (mult (x, 7), sub (x, 5)), _)
                  > filter (even?, _)
                  > map (inc, _)
                  > fold (add, _, 0)
                print! (f (5))
                print! (f (10))
                """);
        assertTrue(out.contains("Division by zero."), out);
        assertTrue(out.contains("at an anonymous fn (test.ld:3)"), out);
    }

    @Test void aNonNumberMidListRunsTheStagesUnfused() {
        String out = same("print! (do [1, 2, :a, 4] > map (fn (x) -> mult (x, x), _) > filter (odd?, _))\n");
        assertTrue(out.contains("No match found for (:a, :a) in function mult"), out);
        out = same("print! (do [1, 2, :a, 4] > map (inc, _))\n");
        assertTrue(out.contains("in function inc"), out);
        out = same("print! (do range (40) > map (fn (x) -> if eq? (x, 35) then :a else x, _) > map (inc, _))\n");
        assertTrue(out.contains("in function inc"), out);
    }

    @Test void aLambdaPanicsWithTheSameTraceAsBefore() {
        // unfused (a keyword in the leaf), the lambda runs through its usual entry: one frame
        String out = same("print! (do [1, 2, :a] > map (fn (x) -> div (1, sub (x, 1)), _))\n");
        assertTrue(out.contains("  at an anonymous fn (test.ld:2)\n  at top level (test.ld:2)\n"), out);
    }

    @Test void aBadSourcePanicsAsTheStageWould() {
        assertTrue(same("print! (do range (:x) > filter (zero?, _))\n").contains("in function range"));
        assertTrue(same("print! (do range (1, :x) > filter (zero?, _))\n").contains("in function range"));
        assertTrue(same("print! (do :x > filter (zero?, _))\n").contains("in function filter"));
        assertTrue(same("print! (do 3 > fold (add, _, 0))\n").contains("in function fold"));
    }

    @Test void nestedCallsMatchUnfused() throws Exception {
        String src = "fn f (xs) -> fold (add, filter (even?, map (fn (x) -> mult (x, 3), xs)), 0)\nf ([1, 2, 3, 4])\n";
        assertTrue(calls(src).contains("Pipes.numbers(Ljava/lang/Object;)Ldev/ludus/runtime/collection/LeafCursor;"));
        assertEquals("=> 18\n[stderr]\n[exit 0]\n", same(src));
        same("""
                print! (fold (add, map (fn (x) -> mult (x, x), range (10)), 0))
                print! (fold (add, filter (even?, map (inc, [1, 2, 3, 4])), 0.5))
                print! (map (fn (x) -> add (x, 1), [1, 2, 3]))
                print! (filter (fn (x) -> lt? (x, 3), [1, 2, 3, :a]))
                print! (fold (fn (a, x) -> add (a, x), range (5), 0))
                print! (filter (odd?, range (3, 9)))
                """);
        assertTrue(same("print! (map (inc, [1, 2, :a]))\n").contains("in function inc"));
        assertTrue(same("print! (fold (add, map (inc, :x), 0))\n").contains("in function map"));
        assertTrue(same("print! (\n  fold (add,\n    map (fn (x) -> div (1, x),\n      range (-2, 3)), 0))\n").contains("Division by zero"));
        assertTrue(same("print! (\n  fold (add,\n    map (inc,\n      [1, :a]), 0))\n").contains("in function inc"));
    }

    @Test void namedFnsMatchUnfused() {
        String src = """
                fn sq (x) -> mult (x, x)
                fn small? (x) -> lt? (x, 10)
                fn inv (x) -> div (1, x)
                fn later
                fn f (xs) -> fold (add, filter (small?, map (sq, xs)), 0)
                fn g (xs) -> do xs > map (inv, _) > map (later, _)
                fn later (x) -> inc (x)
                print! (f ([1, 2, 3, 4]), f (range (10)))
                print! (g ([1, 2, 4]))
                print! (f ([1, 2, :x]))
                """;
        // named fns are not fused stages (a panic's trace through them would differ): the same output
        String out = same(src);
        assertTrue(out.contains("14 14 \n") || out.contains("14 14\n"), out);
    }

    @Test void randomChainsMatchUnfused() {
        Random r = new Random(16);
        String[] sources = {"range (%d)", "range (%d, 50)", "[%d, 1.5, -0, 7, 2, 1000]", "slice (range (90), 3, %d)",
                "[1, :k, %d, \"s\", 3]", "concat (range (%d), [nil, 2])"};
        String[] stages = {"map (inc, _)", "map (neg, _)", "map (round, _)", "filter (even?, _)", "filter (odd?, _)",
                "filter (pos?, _)", "filter (zero?, _)", "map (fn (x) -> mod (mult (x, 7), 13), _)",
                "filter (fn (x) -> lt? (x, 20), _)", "map (fn (x) -> add (mult (x, 2), 1), _)"};
        String[] folds = {"fold (add, _, 0)", "fold (mult, _, 1)", "fold (sub, _, 0.5)",
                "fold (fn (a, x) -> add (a, mult (x, x)), _, 0)"};
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            StringBuilder p = new StringBuilder("print! (do ").append(String.format(sources[r.nextInt(sources.length)], r.nextInt(60)));
            int n = 1 + r.nextInt(4);
            for (int j = 0; j < n; j++) p.append(" > ").append(stages[r.nextInt(stages.length)]);
            if (r.nextBoolean()) p.append(" > ").append(folds[r.nextInt(folds.length)]);
            body.append(p).append(")\n");
        }
        // mixed lists meet map (inc, _) and the like: each line on its own, so a panic stops only that program
        for (String line : body.toString().split("\n")) same(line + "\n");
    }

    // ---- object pipelines (any values: records, strings, lists)

    private static final String RECORDS = """
            fn make (i) -> #{
              :id i,
              :kind if even? (i) then :checking else :savings,
              :balance mod (mult (i, 37), 1000)
            }
            fn interest {
              (#{:kind :savings, :balance b}) -> floor (div (b, 20))
              (_) -> 0
            }
            fn credit (acct) -> assoc (acct, :balance, add (acct :balance, interest (acct)))
            fn total (accts, kind) -> fold (
              fn (acc, a) -> if eq? (a :kind, kind) then add (acc, a :balance) else acc,
              accts,
              0
            )
            fn bench (n) -> {
              let accts = do range (n) > map (make, _) > map (credit, _) > map (credit, _) > map (credit, _)
              add (total (accts, :savings), mult (2, total (accts, :checking)))
            }
            """;

    @Test void recordPipelinesRunFusedAsObjects() throws Exception {
        List<String> calls = calls(RECORDS + "bench (1000)\n");
        // one loop: make through its entry on doubles, credit by a direct call, no list between stages
        assertTrue(calls.stream().anyMatch(c -> c.matches(".*make\\$1d\\(Ldev/ludus/runtime/value/Closure;D\\)Ljava/lang/Object;")), calls.toString());
        assertTrue(calls.stream().anyMatch(c -> c.matches(".*credit\\$1\\(Ldev/ludus/runtime/value/Closure;Ljava/lang/Object;\\)Ljava/lang/Object;")), calls.toString());
        assertTrue(calls.contains("Pipes$AnyOut.add(Ljava/lang/Object;)V"), calls.toString());
        assertTrue(calls.contains("Pipes.objects(Ldev/ludus/runtime/collection/LeafCursor;)[Ljava/lang/Object;"), "the fold walks the list: " + calls);
        // Colls.map appears nowhere (the maps run fused or, after a panic, through their partials); Colls.fold only as the fallback
        assertTrue(calls.stream().noneMatch(c -> c.startsWith("Colls.map")), calls.toString());
        assertEquals("=> 787641\n[stderr]\n[exit 0]\n", same(RECORDS + "bench (1000)\n"));
        same(RECORDS + "print! (do range (5) > map (make, _) > map (credit, _))\nprint! (total ([], :savings))\n");
    }

    @Test void objectPipelinesRunTheirStagesInAMethodPerChunk() throws Exception {
        // pipe$<n>$<stage> walks the source and calls pipe$<n>$<stage>$e for each chunk (a leaf, or
        // PipelineObjects.CHUNK numbers of a range), which runs the stages on its elements: called
        // thousands of times per pass, it gets its whole-method C2 compile early (PipelineObjects.loop)
        Path file = Files.createTempDirectory("ludus-test").resolve("test.ld");
        Files.writeString(file, RECORDS + "bench (1000)\n");
        Map<String, MethodNode> pipes = new TreeMap<>();
        for (byte[] bytes : LudusCompiler.compile(file, "test.ld").classes().values()) {
            ClassNode c = new ClassNode();
            new ClassReader(bytes).accept(c, 0);
            for (MethodNode mn : c.methods) if (mn.name.startsWith("pipe$")) pipes.put(mn.name, mn);
        }
        List<String> drivers = pipes.keySet().stream().filter(n -> !n.endsWith("$e")).toList();
        assertTrue(drivers.containsAll(List.of("pipe$0$fold", "pipe$1$map")), pipes.keySet().toString());
        assertEquals(2 * drivers.size(), pipes.size(), "an element method for each pipeline: " + pipes.keySet());
        for (String driver : drivers) {
            List<String> called = new ArrayList<>(), elementCalls = new ArrayList<>();
            for (AbstractInsnNode i : pipes.get(driver).instructions) if (i instanceof MethodInsnNode mi) called.add(mi.name);
            for (AbstractInsnNode i : pipes.get(driver + "$e").instructions) if (i instanceof MethodInsnNode mi) elementCalls.add(mi.name);
            assertTrue(called.contains(driver + "$e"), driver + " calls its element method: " + called);
            assertTrue(called.stream().noneMatch(n -> n.startsWith("fn$")), "no stage runs outside the element method: " + called);
            assertTrue(elementCalls.stream().anyMatch(n -> n.startsWith("fn$")), "the element method runs the stages: " + elementCalls);
            // never inlined into the walk, whatever the order of compiles: past C2's FreqInlineSize (dead code, one byte per NOP)
            long nops = java.util.stream.StreamSupport.stream(pipes.get(driver + "$e").instructions.spliterator(), false)
                    .filter(i -> i.getOpcode() == Opcodes.NOP).count();
            assertTrue(nops > PipelineObjects.FREQ_INLINE_SIZE, driver + "$e has " + nops + " bytes of padding");
        }
        // over ranges and lists of one leaf, more, and a part of one more: the same as unfused
        int n = 32;
        assertEquals("=> 78764100\n[stderr]\n[exit 0]\n", same(RECORDS + "bench (100_000)\n"));
        same(RECORDS + "print! (count (do range (2.5, " + (3 * n + 0.5) + ") > map (make, _) > map (credit, _)))\n"
                + "print! (total (do range (" + (n + 1) + ") > map (make, _), :savings), total (do range (" + n + ") > map (make, _), :checking))\n"
                + "print! (total (do range (" + (n - 1) + ") > map (make, _), :savings), total ([], :checking))\n");
    }

    @Test void rangesAreWalkedInChunks() {
        // around the chunk's size: empty, a part, one, one and a part, several; a filter and a
        // later stage's panic inside the second chunk and at its first element
        int c = PipelineObjects.CHUNK;
        StringBuilder src = new StringBuilder("fn wrap (x) -> [x]\n");
        for (int n : new int[] {0, 1, c - 1, c, c + 1, 2 * c, 2 * c + 1, 5 * c + 3}) {
            src.append("print! (do range (").append(n).append(") > map (wrap, _) > filter (fn (l) -> odd? (first (l)), _))\n");
            src.append("print! (do range (1, ").append(n).append(".5) > map (wrap, _) > fold (fn (a, l) -> add (a, first (l)), _, 0))\n");
        }
        String out0 = same(src.toString());
        assertTrue(out0.startsWith("[]\n0\n[]\n1\n"), out0);
        for (int at : new int[] {c, c + 1, 2 * c - 1}) {
            String out = same("fn b (l) -> if eq? (l, [" + at + "]) then add (l, :k) else l\n"
                    + "print! (do range (" + (3 * c) + ") > map (fn (x) -> [x], _) > map (b, _))\n");
            assertTrue(out.contains("in function add"), out);
        }
    }

    @Test void aFilterBeforeAFoldLeavesTheAccumulator() {
        // the element method of a fold returns the accumulator as it was for a rejected element (not Pipes.SKIP)
        String out = same("""
                fn wrap (x) -> [x]
                fn keep (l) -> eq? (mod (first (l), 3), 0)
                print! (do range (100) > map (wrap, _) > filter (keep, _) > fold (fn (a, l) -> add (a, first (l)), _, 0))
                print! (do [1, 2, 3, 4, 5, 6] > map (wrap, _) > filter (keep, _) > fold (fn (a, l) -> append (a, l), _, []))
                print! (do range (10) > map (wrap, _) > filter (fn (l) -> false, _) > fold (fn (a, l) -> inc (a), _, 0))
                """);
        assertEquals("1683\n[[3], [6]]\n0\n[stderr]\n[exit 0]\n", out.replaceFirst("=> .*\n", ""), out);
    }

    @Test void aPanicFarIntoALongPipelineIsTheUnfusedOne() {
        // the first stage panics at the 900th element of a list: as unfused (the same element first); a later
        // stage at the 600th of a range: the stages start over unfused and the first stage's panic wins
        String out = same("""
                fn a (x) -> if eq? (x, 900) then div (1, 0) else [x]
                let xs = range (1000)
                print! (do xs > map (a, _) > map (fn (y) -> y, _))
                """);
        assertTrue(out.contains("Division by zero."), out);
        assertTrue(out.contains("at a (test.ld:"), out);
        out = same("""
                fn a (x) -> if eq? (x, 900) then div (1, 0) else [x]
                fn b (x) -> if eq? (x, [600]) then add (x, :k) else x
                print! (do range (1000) > map (a, _) > map (b, _))
                """);
        assertTrue(out.contains("Division by zero."), out);
        out = same("""
                fn b (x) -> if eq? (x, [600]) then add (x, :k) else x
                print! (do range (1000) > map (fn (x) -> [x], _) > map (b, _) > fold (fn (a, y) -> a, _, 0))
                """);
        assertTrue(out.contains("in function add"), out);
        // a prelude function as the first stage, panicking far into the list: its report names it
        // (read from the element method's frame too, FrameNames.pipeElement) as unfused
        out = same("""
                let xs = do range (1000) > map (fn (x) -> if eq? (x, 600) then :a else x, _) > map (fn (x) -> [x], _) > map (first, _)
                print! (do xs > map (inc, _) > map (fn (x) -> [x], _))
                """);
        assertTrue(out.contains("in function inc"), out);
    }

    @Test void aPanicInALaterObjectStageReportsTheUnfusedOne() {
        // fused, b (1) would panic before a (4); unfused, a runs on every element first
        String out = same("""
                fn a (x) -> if eq? (x, 4) then div (1, 0) else [x]
                fn b (x) -> if eq? (x, [1]) then add (x, :k) else x
                print! (do range (6) > map (a, _) > map (b, _))
                """);
        assertTrue(out.contains("Division by zero."), out);
        out = same("""
                fn a (x) -> [x]
                fn b (x) -> if eq? (x, [1]) then add (x, :k) else x
                print! (do range (6) > map (a, _) > map (b, _) > filter (fn (y) -> y, _))
                print! (:after)
                """);
        assertTrue(out.contains("in function add"), out);
        assertFalse(out.contains(":after"), out);
    }

    @Test void objectStagesMatchUnfused() {
        same("""
                fn tag (x) -> (x, show (x))
                fn big? (t) -> gt? (first (t), 2)
                let k = 3
                print! (do [1, 2, 3, 4, :x, "s"] > map (fn (x) -> [x, k], _) > filter (fn (p) -> not (eq? (first (p), 2)), _))
                print! (do range (6) > map (tag, _) > filter (big?, _) > map (last, _))
                print! (do range (6) > map (tag, _) > fold (fn (acc, t) -> append (acc, first (t)), _, nil))
                print! (fold (fn (acc, x) -> concat (acc, show (x)), map (tag, [1, :a, "b"]), ""))
                print! (map (fn (x) -> x :a, [#{:a 1}, #{:a 2, :b 3}, #{}, 4]))
                print! (filter (fn (d) -> d :a, [#{:a 1}, #{:b 2}, #{:a false}]))
                print! (do range (3) > map (string, _) > map (fn (s) -> concat (s, "!"), _))
                print! (fold (fn (a, x) -> add (a, k), range (4), k))
                print! (do range (2.5, 6) > map (fn (x) -> #{:x x}, _) > map (fn (d) -> update (d, :x, inc), _))
                print! (do range (:no) > map (tag, _))
                """);
        assertTrue(same("print! (do [1, 2] > map (fn (x) -> #{:a x}, _) > map (fn (d) -> assoc (d, :a, :b), _) > fold (fn (a, d) -> add (a, d :a), _, 0))\n")
                .contains("in function add"));
        assertTrue(same("print! (do 7 > map (fn (x) -> [x], _))\n").contains("in function map"));
    }

    @Test void aFirstStagePanicGoesOnAsItIsAndALaterOneStartsOver() throws Exception {
        // the handler asks which stage panicked: the first one's panic is rethrown (no second run of
        // the loop, whose first stage may itself run fused pipelines, level after level in a recursion)
        String src = """
                fn a (x) -> if eq? (x, 4) then div (1, 0) else [x]
                fn b (x) -> x
                fn run (n) -> do range (n) > map (a, _) > map (b, _)
                print! (run (3))
                print! (run (6))
                """;
        List<String> handler = new ArrayList<>();
        Programs.eachMethod(src, method -> !method.startsWith("pipe$") ? null : new MethodVisitor(Opcodes.ASM9) {
            boolean afterCancel;
            @Override public void visitTypeInsn(int op, String type) {
                if (type.endsWith("Cancellation$Cancelled")) afterCancel = true;
            }
            @Override public void visitVarInsn(int op, int slot) {
                if (afterCancel) handler.add(op == Opcodes.ILOAD ? "iload" : "var");
            }
            @Override public void visitJumpInsn(int op, org.objectweb.asm.Label l) {
                if (afterCancel) handler.add(op == Opcodes.IFEQ ? "ifeq" : op == Opcodes.IFNE ? "ifne" : "jump");
            }
            @Override public void visitMethodInsn(int op, String owner, String name, String desc, boolean itf) {
                if (afterCancel) handler.add(name);
            }
        });
        // a cancel goes on; then the stage index decides: 0 goes on too, else the depth is restored
        assertEquals(List.of("ifne", "iload", "ifeq", "iload", "setTailDepth"), handler.subList(0, 5), handler.toString());
        String out = same(src);
        assertTrue(out.contains("Division by zero."), out);
        assertTrue(out.contains("at a (test.ld:"), out);
        // a capturing lambda, a single stage, deep recursion through the stage: the same panic and trace
        out = same("""
                fn place (n, row) -> if eq? (row, n)
                  then div (1, 0)
                  else fold (fn (acc, q) -> add (acc, place (n, inc (row))), range (n), 0)
                print! (place (6, 0))
                """);
        assertTrue(out.contains("Division by zero."), out);
    }
}
