package dev.ludus.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ludus.compiler.CompiledProgram;
import dev.ludus.compiler.LudusCompiler;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** Where generated code polls for cancellation (time limits, Ctrl-C). */
class PollsTest {
    private static int polls(String source) throws Exception {
        Path file = Files.createTempDirectory("ludus-test").resolve("polls.ld");
        Files.writeString(file, source);
        CompiledProgram program = LudusCompiler.compile(file, "polls.ld");
        int[] n = new int[1];
        for (byte[] bytes : program.classes().values()) {
            new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override public MethodVisitor visitMethod(int a, String name, String d, String sig, String[] ex) {
                    return new MethodVisitor(Opcodes.ASM9) {
                        @Override public void visitInvokeDynamicInsn(String m, String desc, Handle bsm, Object... args) {
                            if (m.equals("poll")) n[0]++;
                        }
                    };
                }
            }, 0);
        }
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
