package dev.ludus.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ludus.compiler.CompiledProgram;
import dev.ludus.compiler.LudusCompiler;
import dev.ludus.compiler.ProgramClassLoader;
import dev.ludus.runtime.Launcher;
import dev.ludus.runtime.RunOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.util.CheckClassAdapter;

/**
 * The compiler without its optional optimisations (Analyser.analyse(Program, false), {@code ludus
 * run --no-opt}): the twin the fuzzer's differential oracle compares every program with. Each
 * program here targets one optimisation; both builds must print, return and panic alike, and the
 * unoptimised build must hold none of the optimised shapes (unboxed arithmetic, typed entries,
 * fused pipelines, list cursors, vector paths, inline caches at call and dict sites).
 */
class UnoptimisedTest {
    /** One program per optimisation the analysis records (the comment names it). */
    static final List<String> PROGRAMS = List.of(
            // Pipelines on numbers: fused map/filter/fold over a range, do pipeline, a numeric map over a range's counter
            """
            print! (fold (add, map (inc, range (1, 10)), 0))
            print! (do range (20) > map (fn (x) -> mod (mult (x, 7), 10), _) > filter (even?, _) > map (inc, _) > fold (add, _, 0))
            fn factorial { (0) -> 1; (n) -> mult (n, factorial (dec (n))) }
            print! (map (factorial, range (1, 8)))
            let k = 3
            print! (map (fn (x) -> add (x, k), range (5)), filter (fn (x) -> gt? (x, k), [1, 5, 2, 7]))
            """,
            // object pipelines: elements of any type, a panic part way
            """
            print! (map (show, [1, :a, "b", [2]]), filter (string?, [1, "x", :y, "z"]))
            print! (do [1, 2, 3] > map (fn (x) -> (x, x), _) > map (first, _))
            print! (map (inc, [1, 2, :three]))
            """,
            // object pipelines over many elements (a method per element, PipelineObjects.loop), then a panic of
            // the first stage far into a list, which goes on as it is
            """
            fn crec (i) -> #{:i i, :odd odd? (i)}
            fn cbump (r) -> update (r, :i, inc)
            let crs = do range (1000) > map (crec, _) > map (cbump, _)
            print! (count (crs), fold (fn (a, r) -> add (a, r :i), crs, 0), do crs > filter (fn (r) -> r :odd, _) > fold (fn (a, r) -> inc (a), _, 0))
            print! (do range (2.5, 700) > map (crec, _) > fold (fn (a, r) -> add (a, r :i), _, 0))
            fn picky (r) -> if eq? (r :i, 601) then add (r, 1) else r
            print! (do crs > map (picky, _) > map (cbump, _))
            """,
            // a panic of a later stage far into a range: the stages start over unfused
            """
            fn lrec (i) -> #{:i i}
            fn late (r) -> if eq? (r :i, 700) then div (r :i, :zero) else r
            print! (do range (1000) > map (lrec, _) > map (late, _) > fold (fn (a, r) -> add (a, r :i), _, 0))
            """,
            // range folds with a lambda, and fold over a list with a named fn
            """
            print! (fold (fn (acc, x) -> add (acc, mult (x, x)), range (1, 100), 0))
            fn plus (a, b) -> add (a, b)
            print! (fold (plus, [1, 2, 3.5], 10), fold (fn (acc, x) -> append (acc, x), range (3), []))
            """,
            // list cursors ([x, ...xs] walks with tail calls), numeric entries and returns, self-loop types
            """
            fn sum { ([], acc) -> acc; ([x, ...xs], acc) -> sum (xs, add (acc, x)) }
            fn len { ([]) -> 0; ([_, ...xs]) -> inc (len (xs)) }
            print! (sum ([1, 2, 3, 4.5], 0), len ([:a, :b, :c]), sum (range (100), 0))
            fn sq (x) -> mult (x, x)
            fn down (n, acc) -> if eq? (n, 0) then acc else down (dec (n), add (acc, sq (n)))
            print! (sq (3), sq (1.5), down (100, 0), down (3, 0.5))
            print! (sum ([1, :x], 0))
            """,
            // int loops, numeric loop positions, list accumulators, numeric lets
            """
            print! (loop (0, 0) with { (10, acc) -> acc; (i, acc) -> recur (inc (i), add (acc, i)) })
            print! (loop (0, []) with { (5, xs) -> xs; (i, xs) -> recur (inc (i), append (xs, mult (i, i))) })
            let a = add (1, 2)
            let b = div (a, 4)
            print! (a, b, loop (1, 1.5) with { (6, x) -> x; (i, x) -> recur (inc (i), mult (x, i)) })
            print! (loop (0) with { (10) -> :done; (i) -> recur (add (i, 0.5)) })
            """,
            // vector bodies and loops: tuple arithmetic
            """
            fn step ((pos, vel)) -> (add (pos, vel), mult (vel, 0.5))
            fn vlen ((x, y)) -> dist (x, y)
            print! (step (((1, 2), (3, 4))), vlen ((3, 4)), add ((1, 2), (3, 4)), sub ((1, 2), (0.5, 1)))
            print! (loop (5, ((0, 0), (1, 2))) with (k, s) -> if zero? (k) then s else recur (dec (k), step (s)))
            print! (step (((1, 2), :x)))
            """,
            // dict literals with keyword keys, access, assoc, update, dict patterns
            """
            let d = #{:a 1, :b 2}
            let e = assoc (d, :c, 3)
            print! (d :a, e :c, get (e, :b), update (e, :a, inc), e)
            let #{:a x, :b y} = e
            print! (add (x, y), match d with { #{:z z} -> z; #{:a q} -> q; _ -> :none })
            fn area (#{:w w, :h h}) -> mult (w, h)
            print! (area (#{:w 3, :h 4}), loop (0, #{:n 0}) with { (3, s) -> s; (i, s) -> recur (inc (i), update (s, :n, inc)) })
            """);

    @Test
    void everyProgramGivesTheSameOutputBothWays() throws Exception {
        for (String program : PROGRAMS) {
            String optimised = run(program, true), plain = run(program, false);
            assertEquals(optimised, plain, "optimised and unoptimised differ for:\n" + program);
            assertTrue(optimised.contains("[exit"), optimised);
        }
    }

    @Test
    void theUnoptimisedBuildHasNoneOfTheOptimisedShapes() throws Exception {
        String all = String.join("\n", PROGRAMS);
        Shapes fast = shapes(all, true), plain = shapes(all, false);
        // each shape is there with the optimisations (so this test can fail) ...
        assertTrue(fast.arithmetic > 0, "unboxed arithmetic (numeric lets, loops, entries)");
        assertTrue(fast.typedMethods > 0, "methods taking or returning doubles or longs (numeric entries, typed copies)");
        assertTrue(fast.calls.contains("Pipes.rangeFusable"), "fused pipelines: " + fast.calls);
        assertTrue(fast.cachedSites > 0, "inline caches at call and dict sites");
        // ... and gone without them
        assertEquals(0, plain.arithmetic, "unboxed arithmetic without optimisations");
        assertEquals(0, plain.cachedSites, "inline caches without optimisations");
        assertEquals(0, plain.typedMethods, "typed methods without optimisations: " + plain.descs);
        for (String c : plain.calls) assertFalse(c.startsWith("Pipes."), "a fused pipeline without optimisations: " + c);
        assertTrue(plain.methods < fast.methods, "fewer methods without optimisations: " + plain.methods + " vs " + fast.methods);
    }

    /** What one build of a program holds. */
    private static final class Shapes {
        int arithmetic, typedMethods, methods, cachedSites;
        final TreeSet<String> calls = new TreeSet<>(), descs = new TreeSet<>();
    }

    private static Shapes shapes(String source, boolean optimise) throws Exception {
        Shapes s = new Shapes();
        for (byte[] bytes : compile(source, optimise).classes().values()) {
            new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override public MethodVisitor visitMethod(int acc, String name, String desc, String sig, String[] ex) {
                    s.methods++;
                    if (desc.matches(".*\\(.*[DJ].*\\).*|.*\\)[DJ]")) {
                        s.typedMethods++;
                        s.descs.add(name + desc);
                    }
                    return new MethodVisitor(Opcodes.ASM9) {
                        @Override public void visitInsn(int op) {
                            switch (op) {
                                case Opcodes.DADD, Opcodes.DSUB, Opcodes.DMUL, Opcodes.DDIV, Opcodes.LADD, Opcodes.LSUB,
                                     Opcodes.LMUL, Opcodes.LCMP, Opcodes.DCMPL, Opcodes.DCMPG -> s.arithmetic++;
                                default -> { }
                            }
                        }

                        @Override public void visitInvokeDynamicInsn(String n, String d, org.objectweb.asm.Handle bsm, Object... args) {
                            if (!n.equals("poll")) s.cachedSites++; // call, lookup, get, assoc, update: inline caches
                        }

                        @Override public void visitMethodInsn(int op, String owner, String n, String d, boolean itf) {
                            s.calls.add(owner.substring(owner.lastIndexOf('/') + 1) + "." + n);
                        }
                    };
                }
            }, 0);
        }
        return s;
    }

    private static CompiledProgram compile(String source, boolean optimise) throws Exception {
        Path file = Files.createTempDirectory("ludus-test").resolve("test.ld");
        Files.writeString(file, source);
        return LudusCompiler.compile(file, "test.ld", optimise);
    }

    /** stdout, stderr and exit status of one build of the program; every class must verify. */
    static String run(String source, boolean optimise) throws Exception {
        CompiledProgram program = compile(source, optimise);
        ProgramClassLoader loader = new ProgramClassLoader(program, UnoptimisedTest.class.getClassLoader());
        for (Map.Entry<String, byte[]> e : program.classes().entrySet()) {
            StringWriter sw = new StringWriter();
            CheckClassAdapter.verify(new ClassReader(e.getValue()), loader, false, new PrintWriter(sw));
            assertEquals("", sw.toString(), "class " + e.getKey() + " (optimise " + optimise + ")");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Launcher.run(loader.load(program.mainClass()), RunOptions.defaults().withSeed(1L),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8) + "[stderr]\n" + err.toString(StandardCharsets.UTF_8) + "[exit " + code + "]\n";
    }
}
