package dev.ludus.compiler.emit;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The runtime's tuple representations as the emitters see them: tuples of up to
 * {@code Tuple.MAX_FIELDS} elements are fixed-field classes ({@code Tuple$T0} … {@code Tuple$T8}),
 * one class per arity, so a literal is built by a static factory taking its elements (no array)
 * and a pattern of fixed arity tests the class and reads the fields directly.
 */
final class TupleForms implements Opcodes {
    private TupleForms() {}

    static final int MAX_FIELDS = dev.ludus.runtime.value.Tuple.MAX_FIELDS;

    /** The class of every tuple of n elements, n <= MAX_FIELDS. */
    static String fixedClass(int n) {
        return Rt.TUPLE + "$T" + n;
    }

    /** With n values on the stack (n <= MAX_FIELDS), leaves the tuple of them. */
    static void construct(MethodVisitor mv, int n) {
        mv.visitMethodInsn(INVOKESTATIC, Rt.TUPLE, "of", "(" + Rt.OBJ_D.repeat(n) + ")L" + Rt.TUPLE + ";", false);
    }

    /** With an Object[] on the stack (the tuple takes it over), leaves the tuple of its elements. */
    static void ofArray(MethodVisitor mv) {
        mv.visitMethodInsn(INVOKESTATIC, Rt.TUPLE, "of", "(" + Rt.OBJS_D + ")L" + Rt.TUPLE + ";", false);
    }

    /** Tuple, Object[], index on the stack: copies the tuple's elements into the array from index on. */
    static void copyTo(MethodVisitor mv) {
        mv.visitMethodInsn(INVOKEVIRTUAL, Rt.TUPLE, "copyTo", "(" + Rt.OBJS_D + "I)V", false);
    }

    /** Pushes 1 if the value in slot v is a tuple of exactly n elements (n <= MAX_FIELDS), else 0. */
    static void isOfSize(MethodVisitor mv, int v, int n) {
        mv.visitVarInsn(ALOAD, v);
        mv.visitTypeInsn(INSTANCEOF, fixedClass(n));
    }

    /** Pushes element i of the n-tuple in slot v (already known to be one). */
    static void field(MethodVisitor mv, int v, int n, int i) {
        String cls = fixedClass(n);
        mv.visitVarInsn(ALOAD, v);
        mv.visitTypeInsn(CHECKCAST, cls);
        mv.visitFieldInsn(GETFIELD, cls, "e" + i, Rt.OBJ_D);
    }
}
