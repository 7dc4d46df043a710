package dev.ludus.compiler.emit;

import dev.ludus.compiler.resolve.Binding;
import dev.ludus.compiler.syntax.Ast.*;
import java.util.List;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * {@code update! (r, f (a, _, b))} in place (analyse.RefUpdates): the values are evaluated as
 * the call would (r, then f, then the partial's arguments, left to right); when r is a ref, f is
 * called on its value in the hole, as an ordinary call of f would be made (a record site for
 * assoc/update of a keyword, a prelude intrinsic, a module-level fn's direct entry, else the
 * generic call), and the ref is set to the result, which is the value. Otherwise the partial is
 * made from the same values and the prelude's update! called, for its panic.
 */
final class RefUpdateGen implements Opcodes {
    private final ModuleContext m;
    private final Gen x;
    private final CallGen calls;

    RefUpdateGen(ModuleContext m, Gen x, CallGen calls) {
        this.m = m;
        this.x = x;
        this.calls = calls;
    }

    /** Emits update! (args.get(0), args.get(1)) called through the word update, leaving its value. */
    void emit(Word update, List<Expr> args, Frame f) {
        MethodVisitor mv = f.mv;
        Synthetic partial = (Synthetic) args.get(1);
        Word fw = (Word) partial.root();
        List<Expr> items = ((Args) partial.terms().get(0)).args();
        int n = items.size();
        x.emit(args.get(0), f, false);
        int ref = f.newSlot();
        mv.visitVarInsn(ASTORE, ref);
        x.line(f, partial.span()); // where the call would make the partial, and then call update!
        x.loadWord(fw, f);
        int fn = f.newSlot();
        mv.visitVarInsn(ASTORE, fn);
        int[] slot = new int[n];
        int hole = -1;
        for (int i = 0; i < n; i++) {
            slot[i] = f.newSlot();
            if (items.get(i) instanceof Placeholder) {
                hole = i;
                continue;
            }
            x.emit(items.get(i), f, false);
            mv.visitVarInsn(ASTORE, slot[i]);
        }
        Label other = new Label();
        Label done = new Label();
        mv.visitVarInsn(ALOAD, ref);
        mv.visitTypeInsn(INSTANCEOF, Rt.REF);
        mv.visitJumpInsn(IFEQ, other);
        mv.visitVarInsn(ALOAD, ref);
        mv.visitTypeInsn(CHECKCAST, Rt.REF);
        mv.visitInsn(DUP);
        mv.visitMethodInsn(INVOKEVIRTUAL, Rt.REF, "get", "()" + Rt.OBJ_D, false);
        mv.visitVarInsn(ASTORE, slot[hole]);
        call(fw, items, fn, slot, f);
        mv.visitMethodInsn(INVOKEVIRTUAL, Rt.REF, "set", "(" + Rt.OBJ_D + ")" + Rt.OBJ_D, false);
        mv.visitJumpInsn(GOTO, done);
        mv.visitLabel(other);
        // not a ref: the partial as written, and the prelude's update! with it (its panic)
        x.loadWord(update, f);
        mv.visitVarInsn(ALOAD, ref);
        mv.visitVarInsn(ALOAD, fn);
        Rt.integer(mv, n);
        mv.visitTypeInsn(ANEWARRAY, Rt.OBJ);
        for (int i = 0; i < n; i++) {
            if (i == hole) continue;
            mv.visitInsn(DUP);
            Rt.integer(mv, i);
            mv.visitVarInsn(ALOAD, slot[i]);
            mv.visitInsn(AASTORE);
        }
        Rt.integer(mv, hole);
        mv.visitMethodInsn(INVOKESTATIC, Rt.INVOKE, "partial", "(" + Rt.OBJ_D + Rt.OBJS_D + "I)" + Rt.OBJ_D, false);
        calls.invokeOnStack(2, f, false);
        mv.visitLabel(done);
    }

    /** Calls fw (its value in slot fn) with the values in slots, leaving the result. */
    private void call(Word fw, List<Expr> items, int fn, int[] slot, Frame f) {
        MethodVisitor mv = f.mv;
        int n = slot.length;
        Binding b = m.res.uses.get(fw).binding();
        if (b.kind == Binding.Kind.PRELUDE) {
            Kw k = calls.dictSiteKey(b, items, f);
            if (k != null) { // a DictSites site, as CallGen makes for assoc (d, :k, v) and update (d, :k, f)
                mv.visitVarInsn(ALOAD, slot[0]);
                mv.visitVarInsn(ALOAD, slot[2]);
                CallGen.dictSite(mv, b.name, k);
                return;
            }
            Intrinsics.Target t = Intrinsics.value(b.name, n);
            if (t != null) {
                for (int s : slot) mv.visitVarInsn(ALOAD, s);
                mv.visitMethodInsn(INVOKESTATIC, t.owner(), t.method(), t.desc(), false);
                return;
            }
        }
        FnDef known = m.an.knownFn(b);
        if (known != null && m.code(known).hasDirect(n)) {
            // (its name is bound: loading it above checked)
            FnCode code = m.code(known);
            mv.visitInsn(ACONST_NULL); // module-level fns capture nothing
            for (int s : slot) mv.visitVarInsn(ALOAD, s);
            mv.visitMethodInsn(INVOKESTATIC, code.owner(), code.directName(n), FnCode.directDesc(n), false);
            mv.visitMethodInsn(INVOKESTATIC, Rt.INVOKE, "settle", "(" + Rt.OBJ_D + ")" + Rt.OBJ_D, false);
            return;
        }
        mv.visitVarInsn(ALOAD, fn);
        for (int s : slot) mv.visitVarInsn(ALOAD, s);
        calls.invokeOnStack(n, f, false);
    }
}
