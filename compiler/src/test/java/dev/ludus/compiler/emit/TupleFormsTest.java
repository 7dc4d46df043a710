package dev.ludus.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ludus.compiler.LudusCompiler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** Tuple literals and patterns of every arity: fixed-field forms up to five, arrays beyond. */
class TupleFormsTest {
    private static String items(int n, String prefix) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) b.append(i > 0 ? ", " : "").append(prefix).append(i + 1);
        return b.toString();
    }

    /** "1, 2, …, n" from from to n. */
    private static String numbers(int from, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i <= n; i++) b.append(i > from ? ", " : "").append(i);
        return b.toString();
    }

    @Test
    void patternsOfEveryArityMatchTuplesOfEveryArity() {
        StringBuilder src = new StringBuilder("fn shape {\n");
        for (int n = 0; n <= 6; n++) {
            String names = items(n, "x");
            String sum = n == 0 ? "0" : "add (" + names + ")";
            src.append("  ((").append(names).append(")) -> (:n").append(n).append(", ").append(sum).append(")\n");
        }
        src.append("  ((a, b, ...rest)) -> (:many, a, b, rest)\n  (x) -> (:other, x)\n}\n");
        StringBuilder exp = new StringBuilder();
        for (int n = 0; n <= 8; n++) {
            src.append("print! (shape ((").append(numbers(1, n)).append(")))\n");
            if (n <= 6) exp.append("(:n").append(n).append(", ").append(n * (n + 1) / 2).append(")\n");
            else exp.append("(:many, 1, 2, [").append(numbers(3, n)).append("])\n");
        }
        // a list never matches a tuple pattern; let patterns and ignored items; nested
        src.append("""
                print! (shape ([1, 2]))
                let (p, _, q) = (1, 2, 3)
                print! ((q, p))
                let ((a, b), (c, _, e), ()) = ((1, 2), (3, 4, 5), ())
                print! (a, b, c, e)
                let (v, w, ...more) = (1, 2, 3, 4, 5)
                print! (v, w, more)
                print! (match (1, 2, 3, 4) with { (1, 2, 3) -> :three; (_, _, _, 5) -> :five; (_, 2, _, z) -> z })
                print! (match (1, 2) with { (x as :number, y as :string) -> :no; (x, y) -> add (x, y) })
                print! (match (1, 2, 3, 4, 5, 6) with { (1, 2, 3, 4, 5) -> :no; (_, _, _, _, _, f) -> f })
                """);
        exp.append("(:other, [1, 2])\n(3, 1)\n1 2 3 5\n1 2 [3, 4, 5]\n4\n3\n6\n=> :ok\n[exit 0]\n");
        assertEquals(exp.toString(), Programs.runSource(src.toString()));
    }

    @Test
    void tuplesAreTheSameValueWhicheverWayTheyWereBuilt() {
        String src = """
                let lit = (4, 6)
                let built = add ((1, 2), (3, 4))
                print! (eq? (lit, built), eq? (built, lit), lit, built)
                print! (count (${lit, built, (4, 6), sub ((5, 7), (1, 1)), mult ((2, 3), 2)}))
                print! (eq? (#{:v lit}, #{:v built}), eq? ([lit], [built]))
                print! (contains? (built, ${lit}), contains? ((4, 6), [built]))
                print! (count (built), first (built), at (built, 1), rest (built), last (built))
                let long = (1, 2, 3, 4, 5, 6)
                print! (eq? (long, (1, 2, 3, 4, 5, 6)), eq? (long, (1, 2, 3, 4, 5)), count (long), rest (long))
                print! (eq? ((1, 2, 3, 4), (1, 2, 3, 4, 5)), eq? ((), ()), eq? ((1), (1)))
                print! (count (${(1, 2, 3, 4, 5, 6), long, (1, 2, 3, 4, 5, 6, 7)}))
                print! (eq? ((0, 1), (-0, 1)), count (${(0, 1), (-0, 1)}))
                print! ([...built, ...long])
                print! (type (()), type ((1)), type (long))
                """;
        assertEquals("""
                true true (4, 6) (4, 6)
                1
                true true
                true true
                2 4 6 [6] 6
                true false 6 [2, 3, 4, 5, 6]
                false true true
                2
                true 1
                [4, 6, 1, 2, 3, 4, 5, 6]
                :tuple :tuple :tuple
                => :ok
                [exit 0]
                """, Programs.runSource(src));
    }

    @Test
    void smallLiteralsAndPatternsUseTheFieldFormsLargeOnesTheArray() throws Exception {
        String src = """
                fn f ((x, y)) -> (y, x, x, y)
                fn g ((a, b, c, d, e, z, p, q, w)) -> (e, d, c, b, a, z, p, q, w)
                fn h ((:node, l, k, v, r)) -> (:node, r, k, v, l)
                fn k ((a, b, c, d, e, z)) -> (z, e, d, c, b, a)
                f ((1, 2))
                g ((1, 2, 3, 4, 5, 6, 7, 8, 9))
                h ((:node, 1, 2, 3, 4))
                k ((1, 2, 3, 4, 5, 6))
                """;
        Path file = Files.createTempDirectory("ludus-test").resolve("t.ld");
        Files.writeString(file, src);
        List<List<String>> methods = new ArrayList<>();
        for (byte[] bytes : LudusCompiler.compile(file, "t.ld").classes().values()) {
            new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override public MethodVisitor visitMethod(int acc, String name, String d, String sig, String[] ex) {
                    List<String> out = new ArrayList<>();
                    methods.add(out);
                    return new MethodVisitor(Opcodes.ASM9) {
                        @Override public void visitTypeInsn(int op, String type) {
                            if (op == Opcodes.ANEWARRAY) out.add("anewarray " + type);
                            if (op == Opcodes.INSTANCEOF) out.add("instanceof " + type);
                        }
                        @Override public void visitFieldInsn(int op, String owner, String n, String desc) {
                            if (op == Opcodes.GETFIELD) out.add("getfield " + owner + "." + n);
                        }
                        @Override public void visitMethodInsn(int op, String owner, String n, String desc, boolean itf) {
                            if (owner.endsWith("Tuple")) out.add("call " + n + desc);
                        }
                    };
                }
            }, 0);
        }
        String tuple = "dev/ludus/runtime/value/Tuple";
        // f's body: matches its pair by class and fields, builds its 4-tuple from four values
        List<String> f = methods.stream().filter(m -> m.contains("getfield " + tuple + "$T2.e1")).findFirst().orElseThrow();
        assertTrue(f.contains("instanceof " + tuple + "$T2"), f::toString);
        int built = f.indexOf("call of(Ljava/lang/Object;Ljava/lang/Object;Ljava/lang/Object;Ljava/lang/Object;)L" + tuple + ";");
        assertTrue(built > 0, f::toString);
        // (the only array is the no-match panic's argument list, emitted after the clause)
        assertFalse(f.subList(0, built).stream().anyMatch(s -> s.startsWith("anewarray")), f::toString);
        assertFalse(f.stream().anyMatch(s -> s.startsWith("call get")), f::toString);
        // h's body: a 5-tuple (a tree node) is matched and built by fields too
        List<String> h = methods.stream().filter(m -> m.contains("getfield " + tuple + "$T5.e4")).findFirst().orElseThrow();
        assertTrue(h.contains("instanceof " + tuple + "$T5"), h::toString);
        int node = h.indexOf("call of(" + "Ljava/lang/Object;".repeat(5) + ")L" + tuple + ";");
        assertTrue(node > 0, h::toString);
        assertFalse(h.subList(0, node).stream().anyMatch(s -> s.startsWith("anewarray")), h::toString);
        // k's body: so are six elements (up to Tuple.MAX_FIELDS, eight)
        List<String> k = methods.stream().filter(m -> m.contains("getfield " + tuple + "$T6.e5")).findFirst().orElseThrow();
        assertTrue(k.contains("instanceof " + tuple + "$T6"), k::toString);
        assertTrue(k.indexOf("call of(" + "Ljava/lang/Object;".repeat(6) + ")L" + tuple + ";") > 0, k::toString);
        // g's body: a 9-tuple pattern reads through get, the 9-tuple literal is an array
        List<String> g = methods.stream().filter(m -> m.contains("call get(I)Ljava/lang/Object;")).findFirst().orElseThrow();
        assertTrue(g.contains("anewarray java/lang/Object"), g::toString);
        assertTrue(g.contains("call of([Ljava/lang/Object;)L" + tuple + ";"), g::toString);
    }
}
