package dev.ludus.compiler.emit;

import dev.ludus.compiler.analyse.Analysis;
import dev.ludus.compiler.syntax.Ast.*;
import java.util.List;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * {@code fold (fn (acc, x) -> ..., range (...), init)} and {@code each! (fn (x) -> ..., range
 * (...))} as counted loops (analyse.RangeFolds): the arguments are evaluated as the call
 * evaluates them (the closure, range's arguments, then fold's init); when the range's bounds are
 * numbers the loop calls the lambda's direct method with each number (boxed as a list element
 * would be), else the prelude's range and fold (or each!) run as usual (range's panic included,
 * before init is evaluated, as in the call).
 */
final class RangeFoldGen implements Opcodes {
    private static final String PIPES = "dev/ludus/runtime/prelude/Pipes";

    private final ModuleContext m;
    private final Gen x;

    RangeFoldGen(ModuleContext m, Gen x) {
        this.m = m;
        this.x = x;
    }

    void emit(Synthetic s, Frame f) {
        MethodVisitor mv = f.mv;
        List<Expr> args = Analysis.args(s);
        FnDef lambda = (FnDef) args.get(0);
        Synthetic src = (Synthetic) args.get(1);
        List<Expr> bounds = Analysis.args(src);
        x.line(f, s.span());
        x.emit(lambda, f, false);
        int fn = f.newSlot();
        mv.visitVarInsn(ASTORE, fn);
        x.line(f, src.span());
        int[] a = new int[bounds.size()];
        for (int i = 0; i < a.length; i++) {
            x.emit(bounds.get(i), f, false);
            a[i] = f.newSlot();
            mv.visitVarInsn(ASTORE, a[i]);
        }
        int start = a.length == 2 ? a[0] : f.newSlot();
        if (a.length == 1) {
            mv.visitLdcInsn(0.0);
            Rt.box(mv);
            mv.visitVarInsn(ASTORE, start);
        }
        int end = a[a.length - 1];
        int list = f.newSlot();
        Label counted = new Label(), listed = new Label();
        mv.visitVarInsn(ALOAD, start);
        mv.visitVarInsn(ALOAD, end);
        mv.visitMethodInsn(INVOKESTATIC, PIPES, "rangeFusable", "(" + Rt.OBJ_D + Rt.OBJ_D + ")Z", false);
        int fusable = f.newSlot();
        mv.visitInsn(DUP);
        mv.visitVarInsn(ISTORE, fusable);
        mv.visitJumpInsn(IFNE, counted);
        // range as the prelude makes it: its panic, or (past the counted loop's limits) its list
        for (int s2 : a) mv.visitVarInsn(ALOAD, s2);
        mv.visitMethodInsn(INVOKESTATIC, PIPES, "range", "(" + Rt.OBJ_D.repeat(a.length) + ")" + Rt.OBJ_D, false);
        mv.visitVarInsn(ASTORE, list);
        mv.visitJumpInsn(GOTO, listed);
        mv.visitLabel(counted);
        mv.visitInsn(ACONST_NULL);
        mv.visitVarInsn(ASTORE, list);
        mv.visitLabel(listed);
        int acc = -1; // fold's accumulator slot; each! has none
        if (args.size() == 3) {
            x.emit(args.get(2), f, false);
            acc = f.newSlot();
            mv.visitVarInsn(ASTORE, acc);
        }
        // (no line of its own: the call is at the line its last argument left, as the call is)
        Label loop = new Label(), done = new Label();
        // a fold that only updates its dict (analyse.DictFolds) builds it in place
        boolean inPlace = acc >= 0 && m.an.dictFold((Word) s.root());
        mv.visitVarInsn(ILOAD, fusable);
        mv.visitJumpInsn(IFNE, loop);
        mv.visitVarInsn(ALOAD, fn);
        mv.visitVarInsn(ALOAD, list);
        if (acc >= 0) {
            mv.visitVarInsn(ALOAD, acc);
            if (inPlace) mv.visitMethodInsn(INVOKESTATIC, Rt.INVOKE, "dictFold", Rt.objDesc(3), false);
            else mv.visitMethodInsn(INVOKESTATIC, "dev/ludus/runtime/prelude/Colls", "fold", "(" + Rt.OBJ_D.repeat(3) + ")" + Rt.OBJ_D, false);
            mv.visitVarInsn(ASTORE, acc);
        } else {
            mv.visitMethodInsn(INVOKESTATIC, "dev/ludus/runtime/prelude/Colls", "each", "(" + Rt.OBJ_D.repeat(2) + ")" + Rt.OBJ_D, false);
            mv.visitInsn(POP);
        }
        mv.visitJumpInsn(GOTO, done);
        mv.visitLabel(loop);
        Label exit = inPlace ? new Label() : done;
        if (inPlace) {
            mv.visitVarInsn(ALOAD, acc);
            mv.visitMethodInsn(INVOKESTATIC, Rt.INVOKE, "dictAccumulator", "(" + Rt.OBJ_D + ")" + Rt.OBJ_D, false);
            mv.visitVarInsn(ASTORE, acc);
        }
        RangeLoop range = new RangeLoop(mv, f, start, end, exit);
        FnCode code = m.code(lambda);
        int n = acc >= 0 ? 2 : 1;
        mv.visitVarInsn(ALOAD, fn);
        mv.visitTypeInsn(CHECKCAST, Rt.CLOSURE);
        if (acc >= 0) mv.visitVarInsn(ALOAD, acc);
        mv.visitVarInsn(DLOAD, range.i);
        boolean numeric = acc < 0 && m.an.numericEntry(lambda, 1); // each! of a lambda taking its number unboxed
        boolean returnsDouble = numeric && m.an.returnsNumber(lambda, 1);
        if (numeric) {
            mv.visitMethodInsn(INVOKESTATIC, code.owner(), FnCode.numericName(code.baseName(), 1), FnCode.numericDesc(1, returnsDouble), false);
        } else {
            mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "valueOf", "(D)Ljava/lang/Double;", false);
            mv.visitMethodInsn(INVOKESTATIC, code.owner(), code.directName(n), FnCode.directDesc(n), false);
        }
        if (returnsDouble) mv.visitInsn(POP2);
        else mv.visitMethodInsn(INVOKESTATIC, Rt.INVOKE, "settle", "(" + Rt.OBJ_D + ")" + Rt.OBJ_D, false);
        if (acc >= 0) mv.visitVarInsn(ASTORE, acc);
        else if (!returnsDouble) mv.visitInsn(POP);
        range.next(mv);
        if (inPlace) {
            mv.visitLabel(exit);
            mv.visitVarInsn(ALOAD, acc);
            mv.visitMethodInsn(INVOKESTATIC, Rt.INVOKE, "dictSnapshot", "(" + Rt.OBJ_D + ")" + Rt.OBJ_D, false);
            mv.visitVarInsn(ASTORE, acc);
        }
        mv.visitLabel(done);
        if (acc >= 0) mv.visitVarInsn(ALOAD, acc);
        else Rt.nil(mv);
    }
}
