package dev.ludus.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * A dict pattern's rest given back with the keys the pattern took (analyse.RestUpdates,
 * Patterns.restUpdate): each program prints, returns and panics as without the optimisations,
 * where the rest is made and splatted; entry order, records kept on their shape or not, other
 * dicts, and the shapes the analysis must leave alone.
 */
class RestUpdatesTest {
    private static String bothWays(String program) throws Exception {
        String optimised = UnoptimisedTest.run(program, true), plain = UnoptimisedTest.run(program, false);
        assertEquals(plain, optimised, "optimised and unoptimised differ for:\n" + program);
        return optimised;
    }

    /** How many times the compiled program calls Patterns.restUpdate and Patterns.dictRest. */
    private static int[] calls(String source) throws Exception {
        int[] n = new int[2];
        Programs.eachMethod(source, method -> new MethodVisitor(Opcodes.ASM9) {
            @Override public void visitMethodInsn(int op, String owner, String name, String desc, boolean itf) {
                if (owner.endsWith("/Patterns") && name.equals("restUpdate")) n[0]++;
                if (owner.endsWith("/Patterns") && name.equals("dictRest")) n[1]++;
            }
        });
        return n;
    }

    @Test void theRestComesBackWithTheKeysInOneStep() throws Exception {
        String program = """
                fn step (#{pos, vel, ...rest}) -> #{...rest, :pos add (pos, vel), :vel vel}
                fn swap (#{a, b, ...r}) -> #{...r, :b a, :a b}
                fn one (#{x, ...others}) -> #{...others, :x inc (x)}
                fn three (#{:a a, :b b, :c c, ...more}) -> #{...more, :c a, :a b, :b c}
                print! (step (#{:id 1, :pos 2, :vel 3}), step (#{:pos 2, :id 1, :vel 3}), step (#{:vel 3, :pos 2}))
                print! (swap (#{:a 1, :b 2, :c 3}), swap (#{:c 3, :a 1, :b 2}), swap (#{:a :x, :b "y"}), swap (#{:b 1, :a 2}))
                print! (one (#{:x 1}), one (#{:y 2, :x 1}), one (#{:x 1, :y 2}), three (#{:z 0, :a 1, :b 2, :c 3}))
                print! (loop (0, #{:id 1, :pos 0, :vel 2}) with { (5, p) -> p; (i, p) -> recur (inc (i), step (p)) })
                let big = #{:a 1, :b 2, :c 3, :d 4, :e 5, :f 6, :g 7, :h 8, :i 9, :j 10}
                print! (swap (big), one (assoc (big, :x, 0)), eq? (swap (swap (big)), big), keys (swap (big)))
                print! (swap (assoc (dissoc (big, :a), :a, 0)), one (assoc (#{:w 2}, :x, 1)))
                let s = step (#{:id :p, :pos 1.5, :vel -1})
                print! (s, s :pos, keys (s), eq? (s, #{:id :p, :pos 0.5, :vel -1}))
                print! (step (#{:id 1, :pos :oops, :vel 3}))
                """;
        String out = bothWays(program);
        assertTrue(out.startsWith("#{:id 1, :pos 5, :vel 3} #{:id 1, :pos 5, :vel 3} #{:pos 5, :vel 3}\n"
                + "#{:c 3, :b 1, :a 2} #{:c 3, :b 1, :a 2} #{:b :x, :a \"y\"} #{:b 2, :a 1}\n"), out);
        assertTrue(out.contains("panic"), out);
        int[] n = calls(program);
        assertEquals(4, n[0], "one restUpdate per literal");
        assertEquals(0, n[1], "no rest made");
    }

    @Test void otherUsesOfTheRestKeepIt() throws Exception {
        String program = """
                fn twice (#{a, ...r}) -> (r, #{...r, :a inc (a)})
                fn other (#{a, ...r}) -> #{...r, :b a}
                fn more (#{a, ...r}) -> #{...r, :a a, :z 0}
                fn later (#{a, ...r}) -> #{:first 0, ...r, :a a}
                fn inner (#{a, ...r}) -> fn () -> #{...r, :a a}
                print! (twice (#{:a 1, :b 2}), other (#{:a 1, :c 2}), more (#{:a 1}), later (#{:a 1, :q 2}), inner (#{:a 1, :c 2}) ())
                """;
        bothWays(program);
        int[] n = calls(program);
        assertEquals(0, n[0], "the analysis leaves them alone");
        assertEquals(5, n[1]);
        assertFalse(bothWays(program).contains("panic"));
    }
}
