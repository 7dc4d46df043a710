package dev.ludus.compiler.emit;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The walk over a list's leaves that the fused forms share: PipelineGen over a list of numbers
 * ({@code double[]} leaves), PipelineObjects over any list (Object leaves). A
 * {@code LeafCursor} in slot cur hands out one leaf and its range [from, to) per turn.
 */
final class LeafLoop implements Opcodes {
    private static final String PIPES = "dev/ludus/runtime/prelude/Pipes";
    private static final String CURSOR = "dev/ludus/runtime/collection/LeafCursor";

    private LeafLoop() {}

    /**
     * Opens the walk: one loop with one head, {@code inner}, so that HotSpot compiles one OSR
     * entry for it. A walk with an inner loop over the leaf and an outer one over the leaves
     * got two OSR compiles, one per loop head (each call starts in the profiled code and asks
     * for the OSR code of whichever head its back-edge counter overflowed at), a C2 compile
     * of 10-20 ms more before records' folds ran at full speed. The slots start empty, so the
     * first turn refills. At {@code inner}: past the leaf's end, to {@code refill}; else the
     * element k into el (a double slot for doubles) and k + 1. The caller's body follows and
     * jumps back to {@code inner}, then places {@link #refill}.
     */
    static void head(MethodVisitor mv, boolean doubles, int leaf, int k, int to, int el, Label refill, Label inner) {
        mv.visitInsn(ACONST_NULL);
        mv.visitVarInsn(ASTORE, leaf);
        mv.visitInsn(ICONST_0);
        mv.visitVarInsn(ISTORE, k);
        mv.visitInsn(ICONST_0);
        mv.visitVarInsn(ISTORE, to);
        mv.visitLabel(inner);
        mv.visitVarInsn(ILOAD, k);
        mv.visitVarInsn(ILOAD, to);
        mv.visitJumpInsn(IF_ICMPGE, refill);
        mv.visitVarInsn(ALOAD, leaf);
        mv.visitVarInsn(ILOAD, k);
        mv.visitInsn(doubles ? DALOAD : AALOAD);
        mv.visitVarInsn(doubles ? DSTORE : ASTORE, el);
        mv.visitIincInsn(k, 1);
    }

    /**
     * At {@code refill}, after the body: the cursor's next leaf (none left: jump to exit), a
     * cancellation poll, the leaf into slot leaf (doubles: a leaf not all numbers is null and
     * jumps to notNumbers) and its range into the int slots k and to; back to {@code inner}.
     */
    static void refill(MethodVisitor mv, boolean doubles, int cur, int leaf, int k, int to,
                       Label refill, Label inner, Label exit, Label notNumbers) {
        mv.visitLabel(refill);
        mv.visitVarInsn(ALOAD, cur);
        mv.visitMethodInsn(INVOKEVIRTUAL, CURSOR, "next", "()Z", false);
        mv.visitJumpInsn(IFEQ, exit);
        Rt.poll(mv);
        leaf(mv, doubles, cur);
        mv.visitVarInsn(ISTORE, to);
        mv.visitVarInsn(ISTORE, k);
        mv.visitInsn(DUP);
        mv.visitVarInsn(ASTORE, leaf);
        if (doubles) mv.visitJumpInsn(IFNULL, notNumbers);
        else mv.visitInsn(POP);
        mv.visitJumpInsn(GOTO, inner);
    }

    /**
     * Pushes the cursor's leaf (doubles: null when it is not all numbers), then its range's
     * from and to (ints): what {@link #refill} keeps, and what PipelineObjects' walk passes
     * its element method.
     */
    static void leaf(MethodVisitor mv, boolean doubles, int cur) {
        mv.visitVarInsn(ALOAD, cur);
        if (doubles) mv.visitMethodInsn(INVOKESTATIC, PIPES, "doubles", "(L" + CURSOR + ";)[D", false);
        else mv.visitMethodInsn(INVOKESTATIC, PIPES, "objects", "(L" + CURSOR + ";)[" + Rt.OBJ_D, false);
        mv.visitVarInsn(ALOAD, cur);
        mv.visitFieldInsn(GETFIELD, CURSOR, "from", "I");
        mv.visitVarInsn(ALOAD, cur);
        mv.visitFieldInsn(GETFIELD, CURSOR, "to", "I");
    }
}
