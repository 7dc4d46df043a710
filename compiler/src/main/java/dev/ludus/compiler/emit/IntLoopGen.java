package dev.ludus.compiler.emit;

import dev.ludus.compiler.analyse.Analysis;
import dev.ludus.compiler.analyse.IntLoops;
import dev.ludus.compiler.syntax.Ast.*;
import java.util.List;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Loops on exact integers, the code: the positions that run as longs are the analysis's
 * (analyse.IntLoops). The loop is emitted twice: on longs, then as usual. Entering with a
 * value that is not an exact integer, or a recur whose result would not be one (beyond 2^53, a
 * fraction, -0: {@code IntArith} says BAIL), continues in the usual version with the same
 * values as doubles, so results are exactly those of double arithmetic. Only loops whose
 * bodies contain no function definitions are doubled (a fn body must be emitted once).
 */
final class IntLoopGen implements Opcodes {
    private static final String INT_ARITH = "dev/ludus/runtime/prelude/IntArith";

    private final ModuleContext m;
    private final Gen x;

    IntLoopGen(ModuleContext m, Gen x) {
        this.m = m;
        this.x = x;
    }

    /**
     * Entry into the long version: each long position's initial value (already in the usual
     * version's slot) as an exact long, or on to {@code fallback} with the values as they are.
     */
    void enter(List<Expr> init, int[] slots, boolean[] dbl, int[] longSlots, boolean[] lng, Label fallback, Frame f) {
        MethodVisitor mv = f.mv;
        for (int i = 0; i < slots.length; i++) {
            if (!lng[i]) continue;
            if (init.get(i) instanceof Num n && IntLoops.exactInteger(n.value())) {
                // a known start lets the JIT treat the loop as counted (measured: 6.6 -> 4.0 ms on sumloop's shape)
                mv.visitLdcInsn((long) n.value());
                mv.visitVarInsn(LSTORE, longSlots[i]);
                continue;
            }
            mv.visitVarInsn(dbl[i] ? DLOAD : ALOAD, slots[i]);
            mv.visitMethodInsn(INVOKESTATIC, INT_ARITH, "exact", dbl[i] ? "(D)J" : "(" + Rt.OBJ_D + ")J", false);
            storeChecked(mv, longSlots[i], fallback);
        }
    }

    /** Stores the long on the stack in slot; jumps to bail (stack as before the value) if it is BAIL. */
    private static void storeChecked(MethodVisitor mv, int slot, Label bail) {
        mv.visitInsn(DUP2);
        mv.visitVarInsn(LSTORE, slot);
        mv.visitLdcInsn(Long.MIN_VALUE);
        mv.visitInsn(LCMP);
        mv.visitJumpInsn(IFEQ, bail);
    }

    /**
     * A recur into the long version: every argument into a temporary (longs checked as they are
     * computed, so a bail leaves nothing on the stack), then into the loop slots. A bail at
     * argument i keeps the arguments before it, computes i (again, on doubles: integer
     * expressions have no effects) and the rest for the usual version, and jumps there.
     */
    void recur(Frame.RecurTarget t, List<Expr> args, Frame f) {
        MethodVisitor mv = f.mv;
        int k = args.size();
        int[] temps = new int[k];
        Label[] bail = new Label[k];
        for (int i = 0; i < k; i++) {
            Expr a = args.get(i);
            if (t.lng(i)) {
                bail[i] = new Label();
                temps[i] = longInto(a, f, bail[i]);
            } else if (t.dbl(i)) {
                x.emitNum(a, f);
                temps[i] = f.newDoubleSlot();
                mv.visitVarInsn(DSTORE, temps[i]);
            } else {
                x.loopArg(t, i, a, f);
                temps[i] = f.newSlot();
                mv.visitVarInsn(ASTORE, temps[i]);
            }
        }
        for (int i = 0; i < k; i++) {
            int op = t.lng(i) ? LLOAD : t.dbl(i) ? DLOAD : ALOAD;
            mv.visitVarInsn(op, temps[i]);
            mv.visitVarInsn(op + (ISTORE - ILOAD), t.argSlots[i]);
        }
        mv.visitJumpInsn(GOTO, t.head);
        Frame.RecurTarget g = t.fallback;
        for (int i = 0; i < k; i++) {
            if (bail[i] == null) continue;
            mv.visitLabel(bail[i]);
            int[] rest = new int[k];
            for (int j = i; j < k; j++) {
                if (g.dbl(j)) {
                    x.emitNum(args.get(j), f);
                    rest[j] = f.newDoubleSlot();
                    mv.visitVarInsn(DSTORE, rest[j]);
                } else {
                    x.loopArg(g, j, args.get(j), f);
                    rest[j] = f.newSlot();
                    mv.visitVarInsn(ASTORE, rest[j]);
                }
            }
            for (int j = 0; j < k; j++) {
                if (j < i && t.lng(j)) {
                    mv.visitVarInsn(LLOAD, temps[j]);
                    mv.visitInsn(L2D);
                    if (!g.dbl(j)) Rt.box(mv);
                } else {
                    mv.visitVarInsn(g.dbl(j) ? DLOAD : ALOAD, j < i ? temps[j] : rest[j]);
                }
                mv.visitVarInsn(g.dbl(j) ? DSTORE : ASTORE, g.argSlots[j]);
            }
            mv.visitJumpInsn(GOTO, g.head);
        }
        mv.visitInsn(ACONST_NULL); // dead: keeps the one-value invariant
    }

    /** Computes an integral expression on longs into a fresh slot; jumps to bail when inexact. */
    private int longInto(Expr e, Frame f, Label bail) {
        MethodVisitor mv = f.mv;
        if (e instanceof Num || e instanceof Word) {
            x.pushLong(e, f);
            int slot = f.newDoubleSlot();
            mv.visitVarInsn(LSTORE, slot);
            return slot;
        }
        Synthetic s = (Synthetic) e;
        String name = m.an.preludeCallee(s).name;
        List<Expr> args = Analysis.args(s);
        boolean unary = args.size() == 1; // inc, dec
        int a = operandSlot(args.get(0), f, bail);
        int b = unary ? -1 : operandSlot(args.get(1), f, bail);
        load(a, args.get(0), f);
        if (unary) mv.visitInsn(LCONST_1);
        else load(b, args.get(1), f);
        int slot = f.newDoubleSlot();
        switch (name) {
            case "inc", "add", "dec", "sub" -> {
                // inline: a sentinel test after a call kept a counting loop 40% slower
                mv.visitInsn(name.equals("inc") || name.equals("add") ? LADD : LSUB);
                mv.visitVarInsn(LSTORE, slot);
                jumpUnlessExact(mv, slot, bail);
            }
            case "mult", "div" -> {
                mv.visitMethodInsn(INVOKESTATIC, INT_ARITH, name, "(JJ)J", false);
                storeChecked(mv, slot, bail);
            }
            default -> throw new IllegalStateException("not integral: " + name);
        }
        return slot;
    }

    /**
     * Jumps to bail unless -2^53 <= the long in slot < 2^53 (2^53 itself is left to the double
     * copy). Two signed compares, not one unsigned test of a shifted value: C2 schedules them
     * better (a Java model of sumloop: 3.06 against 4.08 ms).
     */
    private static void jumpUnlessExact(MethodVisitor mv, int slot, Label bail) {
        mv.visitVarInsn(LLOAD, slot);
        mv.visitLdcInsn(1L << 53);
        mv.visitInsn(LCMP);
        mv.visitJumpInsn(IFGE, bail);
        mv.visitVarInsn(LLOAD, slot);
        mv.visitLdcInsn(-(1L << 53));
        mv.visitInsn(LCMP);
        mv.visitJumpInsn(IFLT, bail);
    }

    /** -1 for an operand pushed directly (literal, long variable); else the slot of its computed value. */
    private int operandSlot(Expr e, Frame f, Label bail) {
        return e instanceof Num || e instanceof Word ? -1 : longInto(e, f, bail);
    }

    private void load(int slot, Expr e, Frame f) {
        if (slot >= 0) f.mv.visitVarInsn(LLOAD, slot);
        else x.pushLong(e, f);
    }
}
