package dev.ludus.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ludus.compiler.LudusCompiler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Vector bodies and vector loops (analyse.VecBodies, VecLoops; emit.VecGen): tuple arithmetic on
 * doubles behind shape checks. The expected outputs are those of the compiler before these paths
 * existed (every call through the prelude): the fast paths must not change a value, a printed
 * number, a panic or its place, whichever shapes the arguments have.
 */
class VecPathsTest {
    /** Fns whose fast path applies, and calls that miss it (numbers for vectors, other tuples, strings). */
    @Test
    void vectorBodiesGiveWhatThePreludeGives() {
        assertEquals("""
                ((99.99, 0.5), (-0.1, 5), 0.5000999900019996)
                ((1.2999, 2.3998), (2.999, 3.998), 5.499780001600704)
                5 0 (2, 1) ("b", :a)
                (3, 6) 6 (1, 2) 2
                25 (2, 6, 4, 7, 1.4142135623730951) (0, 1, -1, 0, 0) (1, 2, 3)
                (0, 1, -1, 0, 0)
                ((1.2999, 2.3998), (2.999, 3.998), NaN)
                ((99.45049482843005, 4.991753959142101), (-0.9983507918284201, 4.977516495380644), 5.030031706469353) ((100, 0), (0, 5), 0) ((100, 0), (0, 5), 0)
                (0, ((0.999400049999, 0.999400049999), (-0.0029996000100000002, -0.0029996000100000002), 0.000848457428159943))
                Ludus panicked on line 1:
                fn step ((pos, vel, path)) -> {
                Match Error: No match found for (((1, 1), (0, 0), 0, 4)) in function step
                [exit 1]
                """, Programs.runSource(STEP + """
                fn len ((x, y)) -> dist (x, y)
                fn swap ((a, b)) -> (b, a)
                fn scale (v, k) -> mult (k, v)
                fn mid (p, q) -> mult (add (p, q), 0.5)
                fn norm2 (v) -> { let d = dist (v); square (d) }
                fn mixed ((a, _), n) -> (neg (a), inc (n), dec (n), abs (sub (a, n)), sqrt (abs (a)))
                fn tri ((x, y)) -> (x, y, add (x, y))
                print! (step (((100, 0), (0, 5), 0)))
                print! (step (((1, 2), (3, 4), 5)))
                print! (len ((3, 4)), len ((-0, -0)), swap ((1, 2)), swap ((:a, "b")))
                print! (scale ((1, 2), 3), scale (3, 2), mid ((0, 0), (2, 4)), mid (1, 3))
                print! (norm2 ((3, 4)), mixed ((-2, :x), 5), mixed ((-0, 1), -0), tri ((1, 2)))
                print! (mixed ((0, 0), 0))
                let nan = sqrt (-1)
                print! (step (((1, 2), (3, 4), nan)))
                fn sim (n) -> loop (n, ((100, 0), (0, 5), 0)) with (k, state) -> if zero? (k) then state else recur (dec (k), step (state))
                print! (sim (10), sim (0), sim (-0))
                fn sim2 (n, s) -> loop (s, n) with (state, k) -> if gt? (k, 0) then recur (step (state), dec (k)) else (k, state)
                print! (sim2 (3, ((1, 1), (0, 0), 0)))
                print! (sim2 (2, ((1, 1), (0, 0), 0, 4)))
                fn walk (n) -> loop (0, (0, 0), (1, 2)) with (i, p, v) -> if lt? (i, n) then recur (inc (i), add (p, v), swap (v)) else (i, p, v)
                print! (walk (5))
                fn rot (n) -> loop (n, (1, 2), (3, 4)) with (k, a, b) -> if lte? (k, 0) then (a, b) else recur (dec (k), b, a)
                print! (rot (3), rot (4))

                print! (sim2 (2, ((1, 1), (0, "x"), 0)))
                """));
    }

    /** Loops on tuple state: recur in either branch, swapped positions, a state of the wrong shape. */
    @Test
    void vectorLoopsGiveWhatTheUsualLoopGives() {
        assertEquals("""
                (5, (7, 8), (2, 1)) (0, (0, 0), (1, 2))
                ((3, 4), (1, 2)) ((1, 2), (3, 4))
                Ludus panicked!
                Match Error: No match found for ((2, 2), 0) in function gt?
                [exit 1]
                """, Programs.runSource(STEP + """
                fn swap ((a, b)) -> (b, a)
                fn walk (n) -> loop (0, (0, 0), (1, 2)) with (i, p, v) -> if lt? (i, n) then recur (inc (i), add (p, v), swap (v)) else (i, p, v)
                print! (walk (5), walk (-1))
                fn rot (n) -> loop (n, (1, 2), (3, 4)) with (k, a, b) -> if lte? (k, 0) then (a, b) else recur (dec (k), b, a)
                print! (rot (3), rot (4))
                fn sim2 (n, s) -> loop (s, n) with (state, k) -> if gt? (k, 0) then recur (step (state), dec (k)) else (k, state)
                print! (sim2 (1, ((1, 1), (0, 0), 0)), sim2 ((2, 2), ((1, 1), (0, 0), 0)))
                """));
        // a state that is not all numbers: the usual loop, the usual panic in step
        assertEquals("""
                Ludus panicked!
                Match Error: No match found for ("x", -0.001) in function add
                [exit 1]
                """, Programs.runSource(STEP + """
                fn sim2 (n, s) -> loop (s, n) with (state, k) -> if gt? (k, 0) then recur (step (state), dec (k)) else (k, state)
                print! (sim2 (2, ((1, 1), (0, "x"), 0)))
                """));
    }

    @Test
    void absIsTheStdlibAbsInJava() throws Exception {
        assertEquals("""
                3 3 0 0 x :k 3 2.5 NaN
                => 0
                [exit 0]
                """, Programs.runSource("""
                fn f (x) -> abs (sub (x, 1))
                print! (abs (-3), abs (3), abs (0), abs (-0), abs ("x"), abs (:k), abs (sub (1, 4)), f (-1.5), abs (sqrt (-1)))
                f (1)
                """));
        Map<String, List<String>> m = methods("fn f (x) -> abs (first (x))\nf ([1])\n");
        assertTrue(m.values().stream().anyMatch(c -> c.contains("call dev/ludus/runtime/prelude/Arith.abs")), m::toString);
    }

    private static final String STEP = dev.ludus.compiler.SamplePrograms.VECMATH_STEP;

    private static final String VECMATH = STEP + """
            fn simulate (n) -> loop (n, ((100, 0), (0, 5), 0)) with (k, state) -> if zero? (k)
              then state
              else recur (dec (k), step (state))
            simulate (10)
            """;

    @Test
    void vecmathsStepAndLoopRunOnDoubles() throws Exception {
        Map<String, List<String>> m = methods(VECMATH);
        // step's flat entry: numbers in, numbers out, no tuple and no prelude call
        String flat = m.keySet().stream().filter(k -> k.contains("step$flat")).findFirst().orElseThrow(() -> new AssertionError(m.toString()));
        assertEquals("(DDDDD[D)V", flat.substring(flat.indexOf('(')));
        assertFalse(m.get(flat).stream().anyMatch(s -> s.contains("Arith") || s.contains("Tuple")), m.get(flat)::toString);
        // the loop calls it; step's usual entry has the fast path first: fields, doubles, no prelude call
        assertTrue(m.entrySet().stream().anyMatch(e -> e.getKey().contains("simulate")
                && e.getValue().contains("call ludus/M0_t.fn$0$step$flat")), m::toString);
        List<String> step = m.entrySet().stream().filter(e -> e.getKey().contains("step$1")).findFirst().orElseThrow().getValue();
        int firstArith = step.indexOf(step.stream().filter(s -> s.contains("Arith")).findFirst().orElseThrow());
        assertTrue(step.subList(0, firstArith).contains("call java/lang/StrictMath.sqrt"), step::toString);
        assertEquals("""
                => ((99.45049482843005, 4.991753959142101), (-0.9983507918284201, 4.977516495380644), 5.030031706469353)
                [exit 0]
                """, Programs.runSource(VECMATH));
    }

    /** vecmath's step written with vector helpers of the program's own. */
    private static final String HELPERS = """
            fn vadd ((a, b), (c, d)) -> (add (a, c), add (b, d))
            fn vsub ((a, b), (c, d)) -> (sub (a, c), sub (b, d))
            fn vscale ((a, b), k) -> (mult (a, k), mult (b, k))
            fn vlen ((a, b)) -> sqrt (add (mult (a, a), mult (b, b)))
            fn step ((pos, vel, path)) -> {
              let acc = vscale (pos, -0.01)
              let vel2 = vadd (vel, vscale (acc, 0.1))
              let pos2 = vadd (pos, vscale (vel2, 0.1))
              (pos2, vel2, add (path, vlen (vsub (pos2, pos))))
            }
            fn simulate (n) -> loop (n, ((100, 0), (0, 5), 0)) with (k, state) -> if zero? (k)
              then state
              else recur (dec (k), step (state))
            """;

    @Test
    void vectorBodiesCallTheFlatEntriesOfHelpersDefinedBefore() throws Exception {
        Map<String, List<String>> m = methods(HELPERS + "simulate (10)\n");
        // step calls the helpers' flat entries (numbers in and out) and has one of its own, which the loop calls
        String flat = m.keySet().stream().filter(k -> k.contains("step$flat")).findFirst().orElseThrow(() -> new AssertionError(m.toString()));
        assertTrue(m.get(flat).containsAll(List.of("call ludus/M0_t.fn$0$vadd$flat", "call ludus/M0_t.fn$2$vscale$flat",
                "call ludus/M0_t.fn$3$vlen$flat")), m.get(flat)::toString);
        assertFalse(m.get(flat).stream().anyMatch(c -> c.contains("Arith") || c.contains("Tuple")), m.get(flat)::toString);
        assertTrue(m.entrySet().stream().anyMatch(e -> e.getKey().contains("simulate") && e.getValue().contains("call ludus/M0_t.fn$4$step$flat")),
                m::toString);
        // the same values as the prelude's vector arithmetic (vecmath), and as the usual code on other values
        String prelude = Programs.runSource(VECMATH);
        assertEquals(prelude, Programs.runSource(HELPERS + "simulate (10)\n"));
        String usual = HELPERS + """
                print! (step (((1, 2), (3, 4), 0)), step (((1, 2), (3, :x), 0)))
                step (((1, 2), (3, 4), :p))
                """;
        assertEquals(UnoptimisedTest.run(usual, false), UnoptimisedTest.run(usual, true));
    }

    @Test
    void loopsWhoseStateLeavesTheArithmeticStayUsual() throws Exception {
        // the state is also printed in the loop: no copy on doubles (and no flat call)
        String src = VECMATH.replace("else recur (dec (k), step (state))", "else recur (dec (k), step (shown (state)))")
                .replace("simulate (10)", "fn shown (s) -> { print! (s); s }\nsimulate (1)");
        Map<String, List<String>> m = methods(src);
        assertFalse(m.values().stream().anyMatch(c -> c.stream().anyMatch(s -> s.contains("$flat") && s.startsWith("call"))), m::toString);
        assertEquals("""
                ((100, 0), (0, 5), 0)
                => ((99.99, 0.5), (-0.1, 5), 0.5000999900019996)
                [exit 0]
                """, Programs.runSource(src));
    }

    /** Per method (name + descriptor) of the compiled source, its calls ("call owner.name") and field reads. */
    private static Map<String, List<String>> methods(String src) throws Exception {
        Path file = Files.createTempDirectory("ludus-test").resolve("t.ld");
        Files.writeString(file, src);
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (byte[] bytes : LudusCompiler.compile(file, "t.ld").classes().values()) {
            new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override public MethodVisitor visitMethod(int acc, String name, String d, String sig, String[] ex) {
                    List<String> code = new ArrayList<>();
                    out.put(name + d, code);
                    return new MethodVisitor(Opcodes.ASM9) {
                        @Override public void visitFieldInsn(int op, String owner, String n, String desc) {
                            if (op == Opcodes.GETFIELD) code.add("getfield " + owner + "." + n);
                        }
                        @Override public void visitMethodInsn(int op, String owner, String n, String desc, boolean itf) {
                            code.add("call " + owner + "." + n);
                        }
                        @Override public void visitTypeInsn(int op, String type) {
                            if (op == Opcodes.INSTANCEOF) code.add("instanceof " + type);
                        }
                    };
                }
            }, 0);
        }
        return out;
    }
}
