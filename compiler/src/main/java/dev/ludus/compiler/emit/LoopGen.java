package dev.ludus.compiler.emit;

import dev.ludus.compiler.analyse.Analysis;
import dev.ludus.compiler.analyse.IntLoops;
import dev.ludus.compiler.resolve.Binding;
import dev.ludus.compiler.syntax.Ast.*;
import dev.ludus.compiler.syntax.Span;
import java.util.List;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Loops and repeat: a fixed-arity loop keeps its values in slots (unboxed where the analysis says
 * so, with a long copy first when it has integer positions, and list accumulators as builders);
 * other loops keep them in an Object[].
 */
final class LoopGen implements Opcodes {
    private final ModuleContext m;
    private final Gen x;

    LoopGen(ModuleContext m, Gen x) {
        this.m = m;
        this.x = x;
    }

    void loop(Loop l, Frame f, boolean tail) {
        f.repeating++;
        try {
            loopBody(l, f, tail);
        } finally {
            f.repeating--;
        }
    }

    private void loopBody(Loop l, Frame f, boolean tail) {
        MethodVisitor mv = f.mv;
        x.line(f, l.span());
        int k = l.init().items().size();
        Analysis.LoopFacts facts = m.an.loop(l);
        boolean fixed = facts.fixed();
        Frame.RecurTarget saved = f.recur;
        Label head = new Label();
        Label end = new Label();
        if (fixed) {
            List<Clause> applicable = facts.applicable();
            // (a loop of many names keeps them boxed, in one copy: its locals stay within Frame.MAX_LOCALS)
            boolean[] dbl = m.an.numericPositions(l, f.scope);
            java.util.Set<Binding>[] accs = m.an.accumulators(l, dbl);
            int[] slots = new int[k];
            for (int i = 0; i < k; i++) {
                if (dbl[i]) {
                    x.emitNum(l.init().items().get(i), f);
                    slots[i] = f.newDoubleSlot();
                    mv.visitVarInsn(DSTORE, slots[i]);
                } else {
                    x.emit(l.init().items().get(i), f, false);
                    if (accs != null && accs[i] != null) accumulator(mv);
                    slots[i] = f.newSlot();
                    mv.visitVarInsn(ASTORE, slots[i]);
                }
            }
            Frame.RecurTarget usual = new Frame.RecurTarget(head, slots, -1, true, dbl);
            usual.accs = accs;
            if (accs != null) for (java.util.Set<Binding> a : accs) if (a != null) f.accumulators.addAll(a);
            dev.ludus.compiler.analyse.VecLoops.Plan vec = m.an.vecLoop(l);
            if (vec != null && VecGen.fits(vec, dbl, accs)) VecGen.loop(m, vec, slots, dbl, f, x, end);
            boolean[] lng = m.an.longPositions(l, f.scope);
            if (IntLoops.any(lng)) longLoop(l, l.init().items(), applicable, slots, dbl, lng, usual, f, tail, end);
            mv.visitLabel(head);
            Rt.poll(mv); // cancellation (time limit, Ctrl-C): each entry and iteration
            f.recur = usual;
            x.clauses(applicable, ArgSource.slots(slots, dbl), f, tail, end);
            snapshotAll(mv, slots, accs);
            x.arrayOfSlots(mv, slots, dbl);
        } else {
            int arr = f.newSlot();
            if (ManyArgs.applies(l.init().items())) ManyArgs.array(x, l.init().items(), f);
            else x.array(l.init().items(), f);
            mv.visitVarInsn(ASTORE, arr);
            mv.visitLabel(head);
            Rt.poll(mv); // cancellation (time limit, Ctrl-C): each entry and iteration
            f.recur = new Frame.RecurTarget(head, null, arr, true);
            x.clauses(l.clauses(), ArgSource.array(arr), f, tail, end);
            mv.visitVarInsn(ALOAD, arr);
        }
        f.recur = saved;
        loopNoMatch(mv, l.span());
        mv.visitInsn(ACONST_NULL);
        mv.visitLabel(end);
    }

    /**
     * The first copy of a loop with integer positions (see IntLoops): entered when the initial
     * values are exact integers, it falls back to the usual copy (whose head is usual.head).
     */
    private void longLoop(Loop l, List<Expr> init, List<Clause> applicable, int[] slots, boolean[] dbl, boolean[] lng,
                          Frame.RecurTarget usual, Frame f, boolean tail, Label end) {
        MethodVisitor mv = f.mv;
        int k = slots.length;
        int[] lslots = slots.clone();
        boolean[] ldbl = dbl.clone();
        for (int i = 0; i < k; i++) {
            if (lng[i]) {
                lslots[i] = f.newDoubleSlot();
                ldbl[i] = true;
            }
        }
        x.enterLongLoop(init, slots, dbl, lslots, lng, usual.head, f);
        Label longHead = new Label();
        mv.visitLabel(longHead);
        dev.ludus.compiler.analyse.Scope outer = f.scope;
        dev.ludus.compiler.analyse.Scope longScope = m.an.longCopy(l, outer);
        // cancellation (time limit, Ctrl-C): each entry and iteration, unless a short counting loop
        if (!m.an.pollFreeLongCopy(l, lng, longScope)) Rt.poll(mv);
        java.util.Set<Binding> numbersBefore = new java.util.HashSet<>(f.doubleSlots.keySet());
        java.util.Set<Binding> longsBefore = new java.util.HashSet<>(f.longVars);
        f.recur = new Frame.RecurTarget(longHead, lslots, -1, true, ldbl, lng, usual);
        f.recur.accs = usual.accs;
        f.scope = longScope;
        x.clauses(applicable, ArgSource.slots(lslots, ldbl, lng), f, tail, end);
        f.scope = outer;
        snapshotAll(mv, lslots, usual.accs);
        x.arrayOfSlots(mv, lslots, ldbl, lng);
        loopNoMatch(mv, l.span());
        // the usual copy binds the same names afresh, boxed or as doubles
        f.doubleSlots.keySet().retainAll(numbersBefore);
        f.longVars.retainAll(longsBefore);
    }

    private static void accumulator(MethodVisitor mv) {
        mv.visitMethodInsn(INVOKESTATIC, Rt.INVOKE, "accumulator", "(" + Rt.OBJ_D + ")" + Rt.OBJ_D, false);
    }

    static void snapshot(MethodVisitor mv) {
        mv.visitMethodInsn(INVOKESTATIC, Rt.INVOKE, "snapshot", "(" + Rt.OBJ_D + ")" + Rt.OBJ_D, false);
    }

    /** Before a loop's no-match panic shows the values: accumulator slots back to lists. */
    private static void snapshotAll(MethodVisitor mv, int[] slots, java.util.Set<Binding>[] accs) {
        if (accs == null) return;
        for (int i = 0; i < slots.length; i++) {
            if (accs[i] == null) continue;
            mv.visitVarInsn(ALOAD, slots[i]);
            snapshot(mv);
            mv.visitVarInsn(ASTORE, slots[i]);
        }
    }

    /**
     * Argument j of a recur to target t. At a list accumulator position (analyse.ListAccumulators):
     * {@code append (xs, x)} of the clause's own name adds to the builder in place (x unboxed when
     * it is a numeric expression), the name
     * alone passes the builder along, anything else becomes a new accumulator.
     */
    void loopArg(Frame.RecurTarget t, int j, Expr arg, Frame f) {
        java.util.Set<Binding> acc = t.acc(j);
        if (acc == null) {
            x.emit(arg, f, false);
            return;
        }
        MethodVisitor mv = f.mv;
        for (Binding b : acc) {
            if (m.an.appendTo(arg, b)) {
                x.line(f, arg.span());
                mv.visitVarInsn(ALOAD, f.slots.get(b));
                Expr elem = Analysis.args((Synthetic) arg).get(1);
                if (x.numeric(elem, f)) {
                    // a number the loop holds unboxed goes into the list's double leaf without a box
                    x.emitNum(elem, f);
                    mv.visitMethodInsn(INVOKESTATIC, Rt.INVOKE, "accAppend", "(" + Rt.OBJ_D + "D)" + Rt.OBJ_D, false);
                    return;
                }
                x.emit(elem, f, false);
                mv.visitMethodInsn(INVOKESTATIC, Rt.INVOKE, "accAppend", "(" + Rt.OBJ_D + Rt.OBJ_D + ")" + Rt.OBJ_D, false);
                return;
            }
            if (m.an.isName(arg, b)) {
                mv.visitVarInsn(ALOAD, f.slots.get(b));
                return;
            }
        }
        x.emit(arg, f, false);
        accumulator(mv);
    }

    /** No clause of a loop matched the values (an Object[] on the stack): panic at the loop. */
    private void loopNoMatch(MethodVisitor mv, Span span) {
        x.site(mv, span);
        mv.visitMethodInsn(INVOKESTATIC, Rt.INVOKE, "loopNoMatch",
                "(" + Rt.OBJS_D + "Ljava/lang/String;II)L" + Rt.PANIC + ";", false);
        mv.visitInsn(ATHROW);
    }

    void repeat(Repeat r, Frame f) {
        f.repeating++;
        try {
            repeatBody(r, f);
        } finally {
            f.repeating--;
        }
    }

    private void repeatBody(Repeat r, Frame f) {
        MethodVisitor mv = f.mv;
        x.line(f, r.span());
        x.emit(r.count(), f, false);
        mv.visitMethodInsn(INVOKESTATIC, Rt.INVOKE, "repeatCount", "(" + Rt.OBJ_D + ")J", false);
        int n = f.newSlot();
        f.newSlot(); // a long takes two slots
        mv.visitVarInsn(LSTORE, n);
        Label head = new Label();
        Label end = new Label();
        mv.visitLabel(head);
        Rt.poll(mv); // cancellation (time limit, Ctrl-C): each entry and iteration
        mv.visitVarInsn(LLOAD, n);
        mv.visitInsn(LCONST_0);
        mv.visitInsn(LCMP);
        mv.visitJumpInsn(IFLE, end);
        Frame.RecurTarget saved = f.recur;
        x.sequence(r.body().body(), f, false);
        f.recur = saved;
        mv.visitInsn(POP);
        mv.visitVarInsn(LLOAD, n);
        mv.visitInsn(LCONST_1);
        mv.visitInsn(LSUB);
        mv.visitVarInsn(LSTORE, n);
        mv.visitJumpInsn(GOTO, head);
        mv.visitLabel(end);
        Rt.nil(mv);
    }

}
