package dev.ludus.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** Where generated code polls for cancellation (time limits, Ctrl-C). */
class PollsTest {
    private static int polls(String source) throws Exception {
        int[] n = new int[1];
        Programs.eachMethod(source, method -> new MethodVisitor(Opcodes.ASM9) {
            @Override public void visitInvokeDynamicInsn(String m, String desc, Handle bsm, Object... args) {
                if (m.equals("poll")) n[0]++;
            }
        });
        return n[0];
    }

    private static String sum(String bound) {
        return "fn bench () -> loop (0, 0) with (i, acc) -> if lt? (i, " + bound + ")\n"
                + "  then recur (inc (i), add (acc, i))\n  else acc\nbench ()\n";
    }

    @Test
    void aShortCountingLoopsLongCopyDoesNotPoll() throws Exception {
        // the long copy of a loop of at most BoundedLoops.MAX_TRIPS simple iterations goes
        // without; the rest stays (fn entries, the loop's usual copy that the long one falls back to)
        int polled = polls(sum("1_000_000_000"));
        assertEquals(polled - 1, polls(sum("10_000_000")));
        assertEquals(polled - 1, polls(sum("100_000_000")));
        assertEquals(polled, polls(sum("100_000_001")));
        assertEquals("=> 49999995000000\n[exit 0]\n", Programs.runSource(sum("10_000_000")));
    }
}
