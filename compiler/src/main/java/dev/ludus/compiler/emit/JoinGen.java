package dev.ludus.compiler.emit;

import dev.ludus.compiler.syntax.Ast.*;
import java.util.List;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * {@code join ([a, b, ...])} and {@code join ([a, b, ...], sep)} with a list literal of 2 to
 * {@value #MAX} elements and no splat, the usual way to build a line of text: the elements go
 * straight to the runtime's concatenation (SmallJoins.parts) without a list being built. The
 * elements and the separator are evaluated in the same order as before; if one is not a string
 * the list is built after all and Colls.join panics with the usual message, at the same site.
 */
final class JoinGen implements Opcodes {
    private JoinGen() {}

    private static final String SMALL_JOINS = "dev/ludus/runtime/prelude/SmallJoins";
    private static final String COLLS = "dev/ludus/runtime/prelude/Colls";
    private static final String STRING = "java/lang/String";
    /** SmallJoins.MAX: the longest literal joined this way. */
    static final int MAX = 6;

    /** Whether a call of the prelude's join with these arguments is compiled by {@link #emit}. */
    static boolean applies(List<Expr> args) {
        if (args.size() != 1 && args.size() != 2) return false;
        if (!(args.get(0) instanceof ListLit l)) return false;
        int n = l.items().size();
        if (n < 2 || n > MAX) return false;
        for (Expr e : l.items()) if (e instanceof Splat) return false;
        return true;
    }

    static void emit(Gen x, List<Expr> args, Frame f) {
        MethodVisitor mv = f.mv;
        List<Expr> items = ((ListLit) args.get(0)).items();
        int n = items.size();
        int[] slots = new int[n];
        for (int i = 0; i < n; i++) {
            x.emit(items.get(i), f, false);
            slots[i] = f.newSlot();
            mv.visitVarInsn(ASTORE, slots[i]);
        }
        int sep = -1;
        if (args.size() == 2) {
            x.emit(args.get(1), f, false);
            sep = f.newSlot();
            mv.visitVarInsn(ASTORE, sep);
        }
        Label slow = new Label();
        Label end = new Label();
        if (sep >= 0) {
            mv.visitVarInsn(ALOAD, sep);
            mv.visitTypeInsn(INSTANCEOF, STRING);
            mv.visitJumpInsn(IFEQ, slow);
            mv.visitVarInsn(ALOAD, sep);
            mv.visitTypeInsn(CHECKCAST, STRING);
        } else {
            mv.visitLdcInsn("");
        }
        for (int s : slots) mv.visitVarInsn(ALOAD, s);
        mv.visitMethodInsn(INVOKESTATIC, SMALL_JOINS, "parts", "(L" + STRING + ";" + Rt.OBJ_D.repeat(n) + ")L" + STRING + ";", false);
        mv.visitInsn(DUP);
        mv.visitJumpInsn(IFNONNULL, end);
        mv.visitInsn(POP);
        mv.visitLabel(slow);
        // not all strings: the list after all, and join's own panic
        mv.visitMethodInsn(INVOKESTATIC, Rt.LLIST, "builder", "()L" + Rt.LLIST_B + ";", false);
        for (int s : slots) {
            mv.visitVarInsn(ALOAD, s);
            mv.visitMethodInsn(INVOKEVIRTUAL, Rt.LLIST_B, "add", "(" + Rt.OBJ_D + ")L" + Rt.LLIST_B + ";", false);
        }
        mv.visitMethodInsn(INVOKEVIRTUAL, Rt.LLIST_B, "build", "()L" + Rt.LLIST + ";", false);
        if (sep >= 0) {
            mv.visitVarInsn(ALOAD, sep);
            mv.visitMethodInsn(INVOKESTATIC, COLLS, "join", "(" + Rt.OBJ_D + Rt.OBJ_D + ")" + Rt.OBJ_D, false);
        } else {
            mv.visitMethodInsn(INVOKESTATIC, COLLS, "join", "(" + Rt.OBJ_D + ")" + Rt.OBJ_D, false);
        }
        mv.visitLabel(end);
    }
}
