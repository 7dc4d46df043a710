package dev.ludus.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ludus.compiler.analyse.Clauses;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** Direct entries for every fixed argument count up to Clauses.MAX_DIRECT, and the variadic entry beyond. */
class ArityEntriesTest {
    @Test
    void clausesAreTriedInOrderWhateverTheCallPath() {
        String src = """
                fn f {
                  (a, b, c, d) -> (:four, a)
                  (a, b, c, d, ...r) -> (:splat, r)
                  (a, b, c, d, e) -> :never
                  (a, b, c, d, e, g, h) -> :never
                  (a, b, c, d, e, g) -> :six
                  (...all) -> (:any, all)
                }
                fn g {
                  (a, b, c, d, e) -> (:five, add (a, b, c, d, e))
                  (a, b, c, d, e, f2) -> (:six, f2)
                  (a, b, c, d, e, f2, h, i) -> (:eight, i)
                }
                let h = g
                let k = f
                print! (f (1, 2, 3, 4), f (1, 2, 3, 4, 5), f (1), f ())
                print! (k (1, 2, 3, 4), k (1, 2, 3, 4, 5, 6, 7), k (1, 2))
                print! (g (1, 2, 3, 4, 5), g (1, 2, 3, 4, 5, 6), g (1, 2, 3, 4, 5, 6, 7, 8))
                print! (h (1, 2, 3, 4, 5), h (1, 2, 3, 4, 5, 6), h (1, 2, 3, 4, 5, 6, 7, 8))
                print! (map (fn (fun) -> fun (1, 2, 3, 4, 5), [g, h, f, k]))
                let p = g (1, 2, _, 4, 5)
                print! (p (10))
                """;
        assertEquals("""
                (:four, 1) (:splat, [5]) (:any, [1]) (:any, [])
                (:four, 1) (:splat, [5, 6, 7]) (:any, [1, 2])
                (:five, 15) (:six, 6) (:eight, 8)
                (:five, 15) (:six, 6) (:eight, 8)
                [(:five, 15), (:five, 15), (:splat, [5]), (:splat, [5])]
                (:five, 22)
                => :ok
                [exit 0]
                """, Programs.runSource(src));
    }

    @Test
    void tailCallsWithManyArgumentsKeepTheStackBounded() {
        String src = """
                fn count5 {
                  (0, a, b, c, d) -> add (a, b, c, d)
                  (n, a, b, c, d) -> count5 (dec (n), inc (a), b, c, d)
                }
                fn ping (n, a, b, c, d, e) -> if eq? (n, 0) then add (a, e) else pong (dec (n), a, b, c, d, inc (e))
                fn pong (n, a, b, c, d, e) -> ping (n, a, b, c, d, e)
                print! (count5 (1_000_000, 0, 1, 2, 3), ping (300_000, 1, 2, 3, 4, 0))
                """;
        assertEquals("1000006 300001\n=> :ok\n[exit 0]\n", Programs.runSource(src));
    }

    @Test
    void aPanicShowsTheArgumentsOfEveryCount() {
        String out = Programs.runSource("""
                fn five (a, b, c, d, e) -> a
                let six = five
                six (1, 2, 3, 4, 5, 6)
                """, true);
        assertTrue(out.contains("No match found for (1, 2, 3, 4, 5, 6) in function five"), out);
        assertTrue(out.endsWith("[exit 1]\n"), out);
    }

    @Test
    void knownCallsOfUpToMaxDirectArgumentsCallTheirDirectEntry() throws Exception {
        assertTrue(Clauses.MAX_DIRECT >= 6);
        List<String> entries = new ArrayList<>(), calls = new ArrayList<>();
        Programs.eachMethod("""
                fn five (a, b, c, d, e) -> add (a, e)
                fn seven (a, b, c, d, e, f, g) -> add (a, g)
                fn caller (x) -> add (five (x, 2, 3, 4, 5), seven (x, 2, 3, 4, 5, 6, 7))
                caller (1)
                """, name -> {
            entries.add(name);
            if (!name.contains("caller")) return null;
            return new MethodVisitor(Opcodes.ASM9) {
                @Override public void visitMethodInsn(int op, String owner, String n, String d, boolean itf) {
                    if (n.contains("five") || n.contains("seven")) calls.add(n);
                }
            };
        });
        assertTrue(entries.stream().anyMatch(n -> n.endsWith("five$5")), entries.toString());
        assertTrue(entries.stream().noneMatch(n -> n.endsWith("seven$7")), entries.toString());
        assertTrue(calls.stream().anyMatch(n -> n.endsWith("five$5")), calls.toString());
        assertTrue(calls.stream().noneMatch(n -> n.endsWith("five$v")), calls.toString());
    }
}
