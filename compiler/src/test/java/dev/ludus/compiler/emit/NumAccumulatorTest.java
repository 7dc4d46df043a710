package dev.ludus.compiler.emit;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** A loop's list accumulator appends a number the code holds unboxed without boxing it (LoopGen.loopArg). */
class NumAccumulatorTest {
    private static List<String> accAppends(String source) throws Exception {
        List<String> out = new ArrayList<>();
        Programs.eachMethod(source, method -> new MethodVisitor(Opcodes.ASM9) {
            @Override public void visitMethodInsn(int op, String owner, String name, String desc, boolean itf) {
                if (name.equals("accAppend")) out.add(desc);
            }
        });
        return out;
    }

    private static final String NUMBERS = """
            fn build (n) -> loop (0, []) with (i, xs) -> if lt? (i, n)
              then recur (inc (i), append (xs, mult (i, 1.5)))
              else xs
            let xs = build (100)
            print! (count (xs), fold (add, xs, 0), at (xs, 99))
            """;

    @Test void aNumberGoesInUnboxed() throws Exception {
        assertEquals(java.util.Set.of("(Ljava/lang/Object;D)Ljava/lang/Object;"), java.util.Set.copyOf(accAppends(NUMBERS)));
        assertEquals("100 7425 148.5\n=> :ok\n[exit 0]\n", Programs.runSource(NUMBERS));
    }

    @Test void anyOtherValueGoesInAsItIs() throws Exception {
        String src = """
                fn build (n) -> loop (0, []) with (i, xs) -> if lt? (i, n)
                  then recur (inc (i), append (xs, if eq? (i, 3) then :three else i))
                  else xs
                print! (build (5))
                """;
        assertEquals(java.util.Set.of("(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;"), java.util.Set.copyOf(accAppends(src)));
        assertEquals("[0, 1, 2, :three, 4]\n=> :ok\n[exit 0]\n", Programs.runSource(src));
    }

    @Test void aNumberAfterOtherValuesJoinsThem() {
        // the accumulator starts as a list holding a keyword: numbers then go in boxed, same list
        String src = """
                let xs = loop (0, [:a]) with (i, xs) -> if lt? (i, 3) then recur (inc (i), append (xs, i)) else xs
                print! (xs, count (xs))
                let ys = loop (0, []) with (i, ys) -> if lt? (i, 3) then recur (inc (i), append (ys, i)) else ys
                print! (eq? (ys, [0, 1, 2]), eq? (append (ys, :b), [0, 1, 2, :b]))
                """;
        assertEquals("[:a, 0, 1, 2] 4\ntrue true\n=> :ok\n[exit 0]\n", Programs.runSource(src));
    }
}
