package dev.ludus.compiler.emit;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The counted loop over {@code range (start, end)} that the fused forms share (PipelineGen,
 * PipelineObjects, RangeFoldGen), once {@code Pipes.rangeFusable} has said the bounds are
 * numbers it can count: a double counter from {@code Pipes.rangeStart} up to the end, exclusive.
 * {@link #head} opens it (the counter is in {@link #i}), {@link #next} steps and jumps back.
 */
final class RangeLoop implements Opcodes {
    private static final String PIPES = "dev/ludus/runtime/prelude/Pipes";

    /** The counter's double slot (the element of this turn). */
    final int i;
    /** The end's double slot (exclusive). */
    final int hi;
    private final Label top = new Label();

    /**
     * Allocates the counter and limit, sets them from the Object slots start and end (numbers),
     * and places the loop's test: past the end it jumps to exit.
     */
    RangeLoop(MethodVisitor mv, Frame f, int start, int end, Label exit) {
        i = f.newDoubleSlot();
        hi = f.newDoubleSlot();
        mv.visitVarInsn(ALOAD, start);
        mv.visitMethodInsn(INVOKESTATIC, PIPES, "rangeStart", "(" + Rt.OBJ_D + ")D", false);
        mv.visitVarInsn(DSTORE, i);
        mv.visitVarInsn(ALOAD, end);
        Rt.unbox(mv);
        mv.visitVarInsn(DSTORE, hi);
        mv.visitLabel(top);
        mv.visitVarInsn(DLOAD, i);
        mv.visitVarInsn(DLOAD, hi);
        mv.visitInsn(DCMPG);
        mv.visitJumpInsn(IFGE, exit);
    }

    /** The end of a turn: the next number, back to the test. */
    void next(MethodVisitor mv) {
        next(mv, 1);
    }

    /** The end of a turn that took {@code step} numbers: the counter moves on by step, back to the test. */
    void next(MethodVisitor mv, int step) {
        mv.visitVarInsn(DLOAD, i);
        if (step == 1) mv.visitInsn(DCONST_1);
        else mv.visitLdcInsn((double) step);
        mv.visitInsn(DADD);
        mv.visitVarInsn(DSTORE, i);
        mv.visitJumpInsn(GOTO, top);
    }
}
