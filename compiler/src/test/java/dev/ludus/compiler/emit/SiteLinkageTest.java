package dev.ludus.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.invoke.CallSite;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The shapes of the invokedynamic sites that every compiled program links at start-up: the
 * JDK's class-data archive has the linkage code for these shapes, so a program's first call
 * and first poll spin no LambdaForm class (a few ms of each compiled jar's start-up).
 */
class SiteLinkageTest {
    /** StringConcatFactory.makeConcatWithConstants's type: the JDK invokes such a bootstrap exactly. */
    private static final String EXACT_BSM = MethodType.methodType(CallSite.class, MethodHandles.Lookup.class,
            String.class, MethodType.class, String.class, Object[].class).toMethodDescriptorString();

    private record Site(String name, String desc, Handle bsm, Object[] args, int nextOpcode) {}

    private static List<Site> sites(String source) throws Exception {
        List<Site> sites = new ArrayList<>();
        Programs.eachMethod(source, method -> new MethodVisitor(Opcodes.ASM9) {
            Site pending;

            private void next(int opcode) {
                if (pending != null) sites.add(new Site(pending.name, pending.desc, pending.bsm, pending.args, opcode));
                pending = null;
            }

            @Override public void visitInvokeDynamicInsn(String n, String d, Handle bsm, Object... args) {
                next(-1);
                pending = new Site(n, d, bsm, args, -1);
            }

            @Override public void visitInsn(int opcode) { next(opcode); }
            @Override public void visitVarInsn(int opcode, int v) { next(opcode); }
            @Override public void visitFieldInsn(int opcode, String o, String n, String d) { next(opcode); }
            @Override public void visitMethodInsn(int opcode, String o, String n, String d, boolean i) { next(opcode); }
            @Override public void visitJumpInsn(int opcode, org.objectweb.asm.Label l) { next(opcode); }
            @Override public void visitTypeInsn(int opcode, String t) { next(opcode); }
            @Override public void visitLdcInsn(Object v) { next(Opcodes.LDC); }
            @Override public void visitEnd() { next(-1); }
        });
        return sites;
    }

    @Test
    void everySiteIsBootstrappedExactlyAndPollsAnswerAnObjectThatIsDropped() throws Exception {
        List<Site> sites = sites("""
                fn f (x) -> loop (x, 0) with {
                  (0, acc) -> acc
                  (n, acc) -> recur (dec (n), add (acc, n))
                }
                fn apply (h, x) -> h (x)
                fn getb (d) -> d :b
                fn seta (d) -> assoc (d, :a, 3)
                fn upd (d) -> update (d, :b, inc)
                fn geta (d) -> { let #{:a a} = d; a }
                print! (f (3), apply (inc, 1), getb (#{:b 2}), seta (#{:a 1}), upd (#{:b 1}), geta (#{:a 5}))
                """);
        int polls = 0, calls = 0;
        for (Site s : sites) {
            assertEquals(EXACT_BSM, s.bsm().getDesc(), s.name() + " " + s.bsm());
            assertEquals(1, s.args().length, s.name());
            assertTrue(s.args()[0] instanceof String, s.name());
            if (s.name().equals("poll")) {
                polls++;
                assertEquals("()Ljava/lang/Object;", s.desc());
                assertEquals(Opcodes.POP, s.nextOpcode(), "the poll's value is dropped");
            }
            if (s.name().equals("call") || s.name().equals("tail")) calls++;
        }
        assertTrue(polls > 0 && calls > 0, sites::toString);
    }
}
