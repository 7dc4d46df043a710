package dev.ludus.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ludus.compiler.CompiledProgram;
import dev.ludus.compiler.LudusCompiler;
import dev.ludus.compiler.ProgramClassLoader;
import dev.ludus.compiler.diagnostic.CompileErrors;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Code generation: every class verifies; tail calls and deep recursion behave as spec §7 says. */
class EmitTest {
    static Path shared() {
        return dev.ludus.compiler.SharedCorpus.dir();
    }

    @TestFactory
    Stream<DynamicTest> everyConformanceProgramVerifies() throws Exception {
        List<Path> files;
        try (var s = Files.list(shared().resolve("conformance"))) {
            files = s.filter(p -> p.toString().endsWith(".ld")).sorted().toList();
        }
        return files.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            CompiledProgram program;
            try {
                program = LudusCompiler.compile(p, p.getFileName().toString());
            } catch (CompileErrors e) {
                return; // static errors are checked by the golden tests
            }
            Programs.verify(program, new ProgramClassLoader(program, getClass().getClassLoader()));
        }));
    }

    /** Process programs (spec §16) verify too: compiled without running, so on any JDK. */
    @TestFactory
    Stream<DynamicTest> everyProcessProgramVerifies() throws Exception {
        List<Path> files;
        try (var s = Files.list(shared().resolve("conformance").resolve("processes"))) {
            files = s.filter(p -> p.toString().endsWith(".ld")).sorted().toList();
        }
        Stream<DynamicTest> shared = files.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            CompiledProgram program = LudusCompiler.emit(LudusCompiler.analyse(p, p.getFileName().toString()));
            Programs.verify(program, new ProgramClassLoader(program, getClass().getClassLoader()));
        }));
        // receive in every kind of position: argument, collection, guard, loop/recur, nested, numeric fn
        String forms = """
            fn serve (n) -> receive { (:add, k) if gt? (k, 0) -> serve (add (n, k)); :stop -> n; else -> serve (n) }
            fn count (n) -> receive { :inc -> count (inc (n)); _ -> n }
            let xs = [receive { x -> x }, add (1, receive { y as :number -> y })]
            let t = loop (0) with (i) -> receive { :more -> recur (inc (i)); :done -> i }
            let z = receive { a -> receive { b if eq? (a, b) -> (a, b); c -> match c with { 1 -> :one; _ -> c } } }
            let f = fn (m) -> receive { x if eq? (x, m) -> { let q = receive { w -> w }; (x, q) } }
            """;
        Stream<DynamicTest> own = Stream.of(DynamicTest.dynamicTest("receive forms", () -> {
            CompiledProgram program = LudusCompiler.emit(LudusCompiler.analyse(
                    new dev.ludus.compiler.syntax.SourceText("forms.ld", null, forms)));
            Programs.verify(program, new ProgramClassLoader(program, getClass().getClassLoader()));
        }));
        return Stream.concat(shared, own);
    }

    private static void expect(String source, String expected) {
        assertEquals(expected, Programs.runSource(source));
    }

    @Test void selfTailCallsRunInConstantStack() {
        expect("""
            fn count_down (n, acc) -> if eq? (n, 0) then acc else count_down (dec (n), inc (acc))
            count_down (10_000_000, 0)
            """, "=> 10000000\n[exit 0]\n");
    }

    @Test void mutualTailCallsRunInConstantStack() {
        expect("""
            fn is_even? (n) -> if eq? (n, 0) then true else is_odd? (dec (n))
            fn is_odd? (n) -> if eq? (n, 0) then false else is_even? (dec (n))
            (is_even? (1_000_000), is_odd? (1_000_001))
            """, "=> (true, true)\n[exit 0]\n");
    }

    @Test void tailCallsThroughMatchWhenAndLambdas() {
        expect("""
            let step = fn (n) -> n
            fn a (n) -> match n with { 0 -> :done; _ -> b (dec (n)) }
            fn b (n) -> when { eq? (n, 0) -> :done; else -> c (n) }
            fn c (n) -> do n > a
            a (300_000)
            """, "=> :done\n[exit 0]\n");
    }

    @Test void nestedClosureSelfRecursionAndLocalMutualRecursion() {
        expect("""
            fn outer (n) -> {
              fn ev? (k) -> if eq? (k, 0) then true else od? (dec (k))
              fn od? (k) -> if eq? (k, 0) then false else ev? (dec (k))
              ev? (n)
            }
            outer (200_000)
            """, "=> true\n[exit 0]\n");
    }

    @Test void deepNonTailRecursion() {
        expect("""
            fn len { ([]) -> 0; ([_, ...xs]) -> inc (len (xs)) }
            fn sum_to (n) -> if eq? (n, 0) then 0 else add (n, sum_to (dec (n)))
            (len (range (100_000)), sum_to (100_000))
            """, "=> (100000, 5000050000)\n[exit 0]\n");
    }

    @Test void runawayRecursionIsALudusPanic() {
        expect("""
            fn forever (n) -> inc (forever (n))
            forever (1)
            """, "Ludus panicked!\nMaximum call stack size exceeded\n[exit 1]\n");
    }

    @Test void recurInLoopsAndFns() {
        expect("""
            let a = loop (0, 0) with { (10, acc) -> acc; (i, acc) -> recur (inc (i), add (acc, i)) }
            let b = loop ([1, 2, 3], 0) with {
              ([], acc) -> acc
              ([x, ...xs], acc) -> recur (xs, add (acc, x)) }
            fn f { (x) -> recur (x, 1); (x, y) -> add (x, y) }
            let c = loop (1) with { (1) -> recur (1, 2); (x, y) -> add (x, y) }
            fn h { (x, ...xs) -> if eq? (x, 0) then xs else recur (dec (x), x, x) }
            (a, b, f (41), c, h (2))
            """, "=> (45, 6, 42, 3, [1, 1])\n[exit 0]\n");
    }

    @Test void lateBoundCapturesAndCells() {
        expect("""
            let x = 1
            let r = { fn f () -> x; let x = 2; f () }
            fn later () -> z
            let z = :z
            let h = { fn p () -> q (); fn q () -> :q; p () }
            (r, later (), h)
            """, "=> (2, :z, :q)\n[exit 0]\n");
    }

    @Test void variadicAndLargeArities() {
        expect("""
            fn five (a, b, c, d, e) -> [a, b, c, d, e]
            fn rest (x, ...xs) -> (x, xs)
            let p = five (1, 2, _, 4, 5)
            (five (1, 2, 3, 4, 5), rest (1), rest (1, 2, 3), p (3))
            """, "=> ([1, 2, 3, 4, 5], (1, []), (1, [2, 3]), [1, 2, 3, 4, 5])\n[exit 0]\n");
    }

    @Test void numericLoopsKeepTheSemanticsOfBoxedOnes() {
        expect("""
            let a = loop (0, 0) with { (10, acc) -> acc; (i, acc) -> recur (inc (i), add (acc, i)) }
            let b = loop (0, 1.5, []) with {
              (3, x, xs) -> (x, xs)
              (i, x, xs) -> { let y = mult (x, 2); recur (inc (i), y, append (xs, y)) } }
            let c = loop (10) with { (0) -> :done; (n) if gt? (n, 5) -> recur (dec (n)); (n) -> recur (sub (n, 1)) }
            let d = loop (1, 0) with (i, s) -> if lte? (i, 4) then recur (inc (i), add (s, div (1, i))) else s
            let fs = loop (0, []) with (i, fs) -> if eq? (i, 3) then fs else recur (inc (i), append (fs, fn () -> i))
            let nan = loop (div (0, 0.5), 0) with (x, n) -> if lt? (x, 1) then recur (div (sqrt (-1), 1), inc (n)) else n
            print! (a, b, c, d, map (fn (f) -> f (), fs), nan)
            loop (0) with (i) -> if lt? (i, 3) then recur (inc (i)) else (i, mod (i, 0))
            """, "45 (12, [3, 6, 12]) :done 2.083333333333333 [0, 1, 2] 1\nLudus panicked!\nDivision by zero.\n[exit 1]\n");
    }

    @Test void integerLoopsGiveExactlyTheDoubleResults() {
        // IntLoops runs these on longs; each line crosses what a long may stand for
        expect("""
            fn note (n) -> { print! ("step", n); n }
            print! (loop (0, 0) with (i, acc) -> if lt? (i, 1000) then recur (inc (i), add (acc, i)) else acc)
            print! (loop (1, 0) with (x, n) -> if lt? (n, 60) then recur (mult (x, 2), inc (n)) else x)
            print! (loop (9_007_199_254_740_990, 0) with (x, n) -> if lt? (n, 5) then recur (inc (x), inc (n)) else x)
            print! (loop (5, 0) with (k, n) -> if lt? (n, 4) then recur (div (k, 2), inc (n)) else k)
            print! (loop (0, 0) with (x, n) -> if lt? (n, 1) then recur (mult (x, -1), inc (n)) else atan/2 (x, -1, :radians))
            print! (loop (0.5, 0) with (x, n) -> if lt? (n, 3) then recur (add (x, x), inc (n)) else x)
            print! (loop (:start, 0) with (x, n) -> if lt? (n, 3) then recur (x, inc (n)) else x)
            print! (loop (1, 0) with (x, n) -> if lt? (n, 2) then recur (mult (x, 1_000_000_000_000), note (inc (n))) else (x, n))
            print! (loop (0, 1) with (n, x) -> if lt? (n, 2) then recur (note (inc (n)), mult (x, 1_000_000_000_000)) else (x, n))
            print! (loop (-3, []) with (k, acc) -> if lt? (k, 2) then recur (inc (k), append (acc, (even? (k), odd? (k)))) else acc)
            loop (10, 0) with (x, n) -> if lt? (n, 3) then recur (div (x, sub (2, n)), inc (n)) else x
            """, "499500\n1152921504606847000\n9007199254740992\n0.3125\n-3.141592653589793\n4\n:start\n"
                + "step 1\nstep 2\n(1e+24, 2)\nstep 1\nstep 2\n(1e+24, 2)\n"
                + "[(false, true), (true, false), (false, true), (true, false), (false, true)]\n"
                + "Ludus panicked!\nDivision by zero.\n[exit 1]\n");
    }

    @Test void numericEntriesBehaveLikeTheUsualOnes() {
        // f, tak and count have entries taking doubles (analyse.NumericEntries); f's tail call passes
        // a non-number from g, which must leave the numeric entry for the usual one
        expect("""
            fn g (n) -> if eq? (n, 3) then "x" else dec (n)
            fn f {
              (0) -> :zero
              (n) -> if number? (n) then f (g (n)) else (:not_a_number, n)
            }
            fn tak {
              (x, y, z) if lt? (y, x) -> tak (tak (dec (x), y, z), tak (dec (y), z, x), tak (dec (z), x, y))
              (_, _, z) -> z
            }
            fn count {
              (0, acc) -> acc
              (n, acc) -> count (dec (n), inc (acc))
            }
            fn half (x as :number) -> div (x, 2)
            print! (f (5), f (2), tak (18, 12, 6), count (100_000, 0.5), half (7), half (-0))
            half (:seven)
            """, "(:not_a_number, \"x\") :zero 7 100000.5 3.5 0\n"
                + "Ludus panicked on line 14:\nfn half (x as :number) -> div (x, 2)\n"
                + "Match Error: No match found for (:seven) in function half\n[exit 1]\n");
    }

    @Test void dictLiteralsWithDistinctKeysMatchTheBuiltDicts() {
        // up to 8 distinct keys without splats are built as one pairs array (ExprGen.distinctPairs);
        // repeated keys, splats and larger literals go through the builder: all must agree
        expect("""
            fn note (x) -> { print! ("eval", x); x }
            let d = #{:b note (1), :a note (2), :c note (3)}
            print! (d, eq? (d, assoc (assoc (assoc (#{}, :b, 1), :a, 2), :c, 3)), keys (d))
            let seven = #{:a 1, :b 2, :c 3, :d 4, :e 5, :f 6, :g 7}
            print! (#{:x 1, :x 2}, eq? (#{:a 1, :b 2, :c 3, :d 4, :e 5, :f 6, :g 7, :h 8}, #{:h 8, ...seven}))
            let e = #{:q 0, ...d}
            print! (e, d :a, get (:c, d), assoc (d, :z, 26), dissoc (d, :b), count (d), assoc (d, :a, 5))
            """, "eval 1\neval 2\neval 3\n#{:b 1, :a 2, :c 3} true [:b, :a, :c]\n#{:x 2} true\n"
                + "#{:q 0, :b 1, :a 2, :c 3} 2 3 #{:b 1, :a 2, :c 3, :z 26} #{:a 2, :c 3} 3 #{:b 1, :a 5, :c 3}\n=> :ok\n[exit 0]\n");
    }

    @Test void listAccumulatorsBehaveLikeAppend() throws Exception {
        // loops whose list position only grows by append in its recur hold a builder
        // (ListAccumulators); reads (exits, closures, panics) must see exactly the lists
        expect("""
            & loops that accumulate lists with append
            let xs = loop (0, []) with (i, xs) -> if lt? (i, 100) then recur (inc (i), append (xs, i)) else xs
            print! (count (xs), fold (add, xs, 0), first (xs), last (xs))
            let ys = loop (0, []) with (i, acc) -> if gt? (count (acc), 3) then acc else recur (inc (i), append (acc, mult (i, i)))
            print! (ys)
            let f = loop (0, []) with (i, acc) -> if lt? (i, 3) then recur (inc (i), append (acc, i)) else fn () -> acc
            print! (f (), f ())
            let base = [:a, :b]
            let one = loop (0, base) with (i, acc) -> if lt? (i, 2) then recur (inc (i), append (acc, i)) else acc
            let two = loop (0, base) with (i, acc) -> if lt? (i, 40) then recur (inc (i), append (acc, :x)) else acc
            print! (base, one, count (two), base)
            print! (loop (0, ${}) with (i, s) -> if lt? (i, 5) then recur (inc (i), append (s, mod (i, 2))) else s)
            print! (loop (0, []) with (i, acc) -> when {
              gte? (i, 10) -> acc
              eq? (mod (i, 4), 3) -> recur (inc (i), [])
              eq? (mod (i, 4), 1) -> recur (inc (i), acc)
              true -> recur (inc (i), append (acc, i))
            })
            print! (loop (0, []) with (i, rows) -> if lt? (i, 3)
              then recur (inc (i), append (rows, loop (0, []) with (j, row) -> if lt? (j, i) then recur (inc (j), append (row, (i, j))) else row))
              else rows)
            print! (loop (1, []) with {
              (n, acc) if gt? (n, 1000000000000000000) -> (n, count (acc))
              (n, acc) -> recur (mult (n, 1000), append (acc, n))
            })
            print! (loop (0.5, [], :x) with {
              (n, acc, _) if lt? (n, 3) -> recur (inc (n), append (acc, n), nil)
              (_, acc, _) -> acc
            })
            let r = loop (0, []) with (i, acc) -> if lt? (i, 3) then recur (inc (i), append (acc, i)) else { let a = append (acc, 9); (a, acc) }
            print! (r)
            print! (loop (0, []) with {
              (0, acc) -> recur (1, append (acc, :zero))
              (1, _) -> recur (2, [:reset])
              (2, acc) -> acc
            })
            loop (0, [1]) with {
              (0, acc) -> recur (1, append (acc, 2))
              (5, acc) -> acc
            }
            """, EXPECTED_ACC);
        assertTrue(usesAccAppend("loop (0, []) with (i, xs) -> if lt? (i, 9) then recur (inc (i), append (xs, i)) else xs"));
        assertFalse(usesAccAppend("loop (0, []) with (i, xs) -> if lt? (count (xs), 9) then recur (inc (i), append (xs, i)) else xs"));
        assertFalse(usesAccAppend("loop (0, []) with (i, xs) -> if lt? (i, 9) then recur (inc (i), append (xs, count (xs))) else xs"));
        // a number the loop holds unboxed is appended without a box; other values as they are
        assertTrue(calls("loop (0, []) with (i, xs) -> if lt? (i, 9) then recur (inc (i), append (xs, i)) else xs",
                "accAppend", "(Ljava/lang/Object;D)Ljava/lang/Object;"));
        assertFalse(calls("loop (0, []) with (i, xs) -> if lt? (i, 9) then recur (inc (i), append (xs, :k)) else xs",
                "accAppend", "(Ljava/lang/Object;D)Ljava/lang/Object;"));
    }

    @Test void joinOfAListLiteralBehavesLikeJoin() throws Exception {
        // join ([a, b, ...]) (2 to 6 elements, no splat) joins the parts without building the
        // list (JoinGen); effects in order, results and panics as join of the list
        expect("""
            fn note (x) -> { print! ("eval", x); x }
            let n = 42
            print! (join ([note ("a"), show (n), note ("c")]), join (["x", "y"], note (", ")))
            print! (join (["1", "2", "3", "4", "5", "6"], "-"), join (["a", "b", "c", "d", "e"]), join (["p", "q", "r", "s"], ""))
            print! (join (["item ", show (n), ": ", show (mult (n, 3))]), join (["a", "b", "c", "d", "e", "f", "g"], "+"))
            let parts = ["m", "n"]
            print! (join (["l", ...parts], "/"), join ([show (1.5), "é"], " "))
            repeat 2100 { join (["h", "o", "t"], "") }
            print! (join (["h", "o", "t"], "."), join (["w", "a", "r", "m"]))
            join (["a", 1, note ("later")], ", ")
            """, "eval a\neval c\neval , \na42c x, y\n1-2-3-4-5-6 abcde pqrs\nitem 42: 126 a+b+c+d+e+f+g\n"
                + "l/m/n 1.5 é\nh.o.t warm\neval later\n"
                + "Ludus panicked!\n"
                + "Match Error: No match found for ([\"a\", 1, \"later\"], \", \") in function join\n[exit 1]\n");
        expect("join ([\"a\", \"b\"], :sep)\n", "Ludus panicked!\n"
                + "Match Error: No match found for ([\"a\", \"b\"], :sep) in function join\n[exit 1]\n");
        assertTrue(calls("fn f (x) -> join ([\"<\", x, \">\"])", "literal", null));
        assertTrue(calls("fn f (x) -> join ([\"<\", x], \",\")", "literalWith", null));
        assertFalse(calls("fn f (x) -> join ([\"<\", ...x])", "literal", null));
    }

    /** Whether the compiled source calls a method named name (with descriptor desc, unless null). */
    private static boolean calls(String source, String name, String desc) throws Exception {
        return anyMethod(source, (d, found) -> new org.objectweb.asm.MethodVisitor(org.objectweb.asm.Opcodes.ASM9) {
            @Override
            public void visitMethodInsn(int op, String owner, String n, String md, boolean itf) {
                if (n.equals(name) && (desc == null || md.equals(desc))) found[0] = true;
            }
        });
    }

    private static final String EXPECTED_ACC = """
            100 4950 0 99
            [0, 1, 4, 9]
            [0, 1, 2] [0, 1, 2]
            [:a, :b] [:a, :b, 0, 1] 42 [:a, :b]
            ${0, 1}
            [8]
            [[], [(1, 0)], [(2, 0), (2, 1)]]
            (1e+21, 7)
            [0.5, 1.5, 2.5]
            ([0, 1, 2, 9], [0, 1, 2])
            [:reset]
            Ludus panicked on line 37:
            loop (0, [1]) with {
            Match Error: No match found in loop for (1, [1, 2])
            [exit 1]
            """;

    /** Whether the compiled source calls Invoke.accAppend (a list accumulator). */
    private static boolean usesAccAppend(String source) throws Exception {
        return anyMethod(source, (desc, found) -> new org.objectweb.asm.MethodVisitor(org.objectweb.asm.Opcodes.ASM9) {
            @Override
            public void visitMethodInsn(int op, String owner, String name, String d, boolean itf) {
                if (name.equals("accAppend")) found[0] = true;
            }
        });
    }

    /** The program compiled from source, written to a fresh directory as fileName. */
    private static CompiledProgram compileSource(String source, String fileName) throws Exception {
        Path file = Files.createTempDirectory("ludus-test").resolve(fileName);
        Files.writeString(file, source);
        return LudusCompiler.compile(file, fileName);
    }

    /**
     * Whether some method of the compiled source shows what probe looks for: probe gets each
     * method's descriptor and a flag to set, and returns a visitor for its code (or null).
     */
    private static boolean anyMethod(String source,
            java.util.function.BiFunction<String, boolean[], org.objectweb.asm.MethodVisitor> probe) throws Exception {
        boolean[] found = new boolean[1];
        for (byte[] bytes : compileSource(source, "test.ld").classes().values()) {
            new org.objectweb.asm.ClassReader(bytes).accept(new org.objectweb.asm.ClassVisitor(org.objectweb.asm.Opcodes.ASM9) {
                @Override
                public org.objectweb.asm.MethodVisitor visitMethod(int acc, String n, String d, String sig, String[] ex) {
                    return probe.apply(d, found);
                }
            }, 0);
        }
        return found[0];
    }

    @Test void numericReturnsBehaveLikeTheUsualEntries() throws Exception {
        // fib, sq, pick and sgn return doubles from their numeric entries (NumReturns); ping/pong
        // do not (a tail call to another fn), so 100,000 of them must not grow the stack
        expect("""
            fn fib {
              (0) -> 0
              (1) -> 1
              (n) -> add (fib (sub (n, 1)), fib (sub (n, 2)))
            }
            fn sq (x) -> { let y = mult (x, x); y }
            fn pick (a, b) -> if gt? (a, b) then a else when { eq? (a, b) -> 0; true -> pick (b, a) }
            fn sgn {
              (0) -> 0
              (x) if neg? (x) -> -1
              (x) -> if pos? (x) then 1 else panic! ("NaN!")
            }
            fn ping (n) -> if zero? (n) then 0 else pong (dec (n))
            fn pong (n) -> if zero? (n) then 1 else ping (dec (n))
            fn twenty () -> fib (20)
            print! (fib (25), twenty (), sq (1.5), pick (1, 2), pick (3, 3), sgn (-4), sgn (0), ping (100_001))
            print! (add (fib (10), sq (fib (5))), fib ("x"))
            """, "75025 6765 2.25 2 0 -1 0 1\nLudus panicked!\n"
                + "Match Error: No match found for (\"x\", 1) in function sub\n[exit 1]\n");
        assertTrue(returnsDouble("fn fib { (0) -> 0; (1) -> 1; (n) -> add (fib (sub (n, 1)), fib (sub (n, 2))) }"));
        assertFalse(returnsDouble("fn f (n) -> if zero? (n) then 0 else :done"));
        assertFalse(returnsDouble("fn ping (n) -> if zero? (n) then 0 else pong (dec (n))\nfn pong (n) -> ping (n)"));
    }

    /** Whether some method of the compiled source returns a double (a NumReturns entry). */
    private static boolean returnsDouble(String source) throws Exception {
        return anyMethod(source, (desc, found) -> {
            if (desc.endsWith(")D")) found[0] = true;
            return null;
        });
    }

    @Test void countingLoopsRunOnLongsUnlessTheyHoldAFunction() throws Exception {
        assertTrue(addsLongs("loop (0, 0) with (i, acc) -> if lt? (i, 9) then recur (inc (i), add (acc, i)) else acc"));
        assertFalse(addsLongs("loop (0, []) with (i, fs) -> if lt? (i, 9) then recur (inc (i), append (fs, fn () -> i)) else fs"));
        assertFalse(addsLongs("loop (0) with (x) -> if lt? (x, 9) then recur (add (x, 0.5)) else x"));
    }

    /** Whether the compiled source adds longs (only a loop emitted on longs does). */
    private static boolean addsLongs(String source) throws Exception {
        return anyMethod(source, (desc, found) -> new org.objectweb.asm.MethodVisitor(org.objectweb.asm.Opcodes.ASM9) {
            @Override
            public void visitInsn(int op) {
                if (op == org.objectweb.asm.Opcodes.LADD) found[0] = true;
            }
        });
    }

    @Test void hotClosuresCalledFromThePreludeKeepTheirBehaviour() {
        // past FnCode.HOT calls, map/fold call the closure through a linked interface body
        expect("""
            fn f { (0) -> :zero; (x) -> inc (x); (x, y) -> add (x, y) }
            let xs = map (f, range (1000))
            let total = fold (fn (acc, x) -> if eq? (x, :zero) then acc else f (acc, x), xs, 0)
            print! (first (xs), last (xs), total)
            map (f, concat (range (1, 300), [:boom]))
            """, ":zero 1000 500499\nLudus panicked!\nMatch Error: No match found for (:boom) in function inc\n[exit 1]\n");
    }

    @Test void classInitializerComputesEveryConstant() throws Exception {
        // HotSpot skips compiling a method with an unresolved dynamic constant (an error clause
        // that never ran): constants are static final fields the class initializer computes,
        // this one included
        CompiledProgram program = compileSource("fn f { (0) -> :never_taken; (n) -> n }\nf (1)\n", "c.ld");
        byte[] bytes = program.classes().get(program.mainClass());
        java.util.List<String> computed = new java.util.ArrayList<>();
        int[] dynamicLdcs = new int[1];
        new org.objectweb.asm.ClassReader(bytes).accept(new org.objectweb.asm.ClassVisitor(org.objectweb.asm.Opcodes.ASM9) {
            @Override public org.objectweb.asm.MethodVisitor visitMethod(int a, String name, String d, String sig, String[] ex) {
                return new org.objectweb.asm.MethodVisitor(org.objectweb.asm.Opcodes.ASM9) {
                    @Override public void visitLdcInsn(Object value) {
                        if (value instanceof org.objectweb.asm.ConstantDynamic) dynamicLdcs[0]++;
                        if (name.startsWith("$constants")) computed.add(String.valueOf(value));
                    }
                };
            }
        }, 0);
        org.junit.jupiter.api.Assertions.assertTrue(computed.contains("never_taken"), computed.toString());
        assertEquals(0, dynamicLdcs[0], "no dynamic constants left in a small module");
        expect("fn f { (0) -> :never_taken; (n) -> n }\nf (1)\n", "=> 1\n[exit 0]\n");
    }

    @Test void modulesWithMoreConstantsThanFieldsKeepDynamicConstants() {
        // past Rt.FIELD_LIMIT the constants are dynamic constants resolved by the class initializer
        StringBuilder src = new StringBuilder("let ks = [");
        int n = Rt.FIELD_LIMIT + 50;
        for (int i = 0; i < n; i++) src.append(i == 0 ? "" : ", ").append(":k").append(i);
        src.append("]\nprint! (count (ks), first (ks), last (ks), at (ks, 4020))\n");
        expect(src.toString(), n + " :k0 :k" + (n - 1) + " :k4020\n=> :ok\n[exit 0]\n");
    }

    @Test void callSitesThatRunOnceCallDirectlyOthersUseInvokedynamic() throws Exception {
        // script code outside loops runs once: no inline cache to link (start-up time)
        String source = """
            let g = first ([fn (x) -> inc (x)])
            let a = g (1)
            repeat 2 { g (2) }
            let b = loop (0) with (i) -> if lt? (i, 2) then recur (g (i)) else i
            fn h (y) -> g (y)
            print! (a, b, h (5))
            """;
        CompiledProgram program = compileSource(source, "once.ld");
        byte[] bytes = program.classes().get(program.mainClass());
        int[] scriptStatic = new int[1];
        int[] scriptIndy = new int[1];
        int[] fnIndy = new int[1];
        new org.objectweb.asm.ClassReader(bytes).accept(new org.objectweb.asm.ClassVisitor(org.objectweb.asm.Opcodes.ASM9) {
            @Override public org.objectweb.asm.MethodVisitor visitMethod(int a, String name, String d, String sig, String[] ex) {
                boolean script = name.startsWith("$body");
                return new org.objectweb.asm.MethodVisitor(org.objectweb.asm.Opcodes.ASM9) {
                    @Override public void visitMethodInsn(int op, String owner, String m, String desc, boolean itf) {
                        if (script && owner.equals("dev/ludus/runtime/prelude/Calls") && m.startsWith("call")) scriptStatic[0]++;
                    }
                    @Override public void visitInvokeDynamicInsn(String m, String desc, org.objectweb.asm.Handle bsm, Object... args) {
                        if (m.equals("poll")) return; // cancellation polls (loop heads, fn entries), not calls
                        if (script) scriptIndy[0]++;
                        else if (name.startsWith("fn$")) fnIndy[0]++;
                    }
                };
            }
        }, 0);
        assertEquals(2, scriptStatic[0], "g (1) and print! at the top level");
        assertEquals(2, scriptIndy[0], "g in the repeat and in the loop");
        assertTrue(fnIndy[0] >= 1, "g in h's body");
        expect(source, "2 2 6\n=> :ok\n[exit 0]\n");
    }
}
