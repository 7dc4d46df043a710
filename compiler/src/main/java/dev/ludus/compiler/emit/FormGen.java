package dev.ludus.compiler.emit;

import dev.ludus.compiler.resolve.Binding;
import dev.ludus.compiler.syntax.Ast.*;
import java.util.List;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** Binding forms (let, ref, fn, fn declarations) and toplevel forms (test, import, ns, use). */
final class FormGen implements Opcodes {
    private final ModuleContext m;
    private final Gen x;

    FormGen(ModuleContext m, Gen x) {
        this.m = m;
        this.x = x;
    }

    void let(Let l, Frame f) {
        MethodVisitor mv = f.mv;
        if (l.pattern() instanceof PBind pb && m.an.numericLocal(m.res.declared.get(pb), l.value(), f.owner, f.scope)) {
            x.emitNum(l.value(), f);
            mv.visitInsn(DUP2);
            int slot = f.newDoubleSlot();
            mv.visitVarInsn(DSTORE, slot);
            f.bindNumber(m.res.declared.get(pb), slot, false);
            Rt.box(mv);
            return;
        }
        x.emit(l.value(), f, false);
        mv.visitInsn(DUP);
        if (l.pattern() instanceof PBind b) {
            x.store(m.res.declared.get(b), f);
            return;
        }
        int tmp = f.newSlot();
        mv.visitVarInsn(ASTORE, tmp);
        Label fail = new Label();
        Label ok = new Label();
        x.matchClause(l.pattern(), ArgSource.value(tmp), fail, f);
        mv.visitJumpInsn(GOTO, ok);
        mv.visitLabel(fail);
        mv.visitLdcInsn(PatternText.encode(l.pattern()));
        mv.visitVarInsn(ALOAD, tmp);
        x.site(mv, l.span());
        mv.visitMethodInsn(INVOKESTATIC, Rt.PATTERNS, "letFailed",
                "(Ljava/lang/String;" + Rt.OBJ_D + "Ljava/lang/String;II)L" + Rt.PANIC + ";", false);
        mv.visitInsn(ATHROW);
        mv.visitLabel(ok);
    }

    void ref(RefDecl r, Frame f) {
        MethodVisitor mv = f.mv;
        mv.visitTypeInsn(NEW, Rt.REF);
        mv.visitInsn(DUP);
        mv.visitLdcInsn(r.name());
        x.emit(r.value(), f, false);
        mv.visitMethodInsn(INVOKESPECIAL, Rt.REF, "<init>", "(Ljava/lang/String;" + Rt.OBJ_D + ")V", false);
        mv.visitInsn(DUP);
        x.store(m.res.declared.get(r), f);
    }

    void fn(FnDef fd, Frame f) {
        MethodVisitor mv = f.mv;
        FnCode code = m.code(fd);
        mv.visitTypeInsn(NEW, Rt.CLOSURE);
        mv.visitInsn(DUP);
        if (LongStrings.owner(mv).equals(code.owner())) Rt.ldc(mv, code.constant());
        else mv.visitMethodInsn(INVOKESTATIC, code.owner(), m.codeAccessor(code), "()" + Rt.FNCODE_D, false);
        List<Binding> caps = m.res.captures.getOrDefault(fd, List.of());
        Rt.integer(mv, caps.size());
        mv.visitTypeInsn(ANEWARRAY, Rt.OBJ);
        for (int i = 0; i < caps.size(); i++) {
            mv.visitInsn(DUP);
            Rt.integer(mv, i);
            x.loadForCapture(caps.get(i), f);
            mv.visitInsn(AASTORE);
        }
        mv.visitMethodInsn(INVOKESPECIAL, Rt.CLOSURE, "<init>", "(" + Rt.FNCODE_D + Rt.OBJS_D + ")V", false);
        if (!fd.isLambda()) {
            mv.visitInsn(DUP);
            x.store(m.res.declared.get(fd), f);
        }
    }

    void fnDecl(FnDecl d, Frame f) {
        Binding b = m.res.declared.get(d);
        // A local slot must be assigned before any read: "not yet defined" is null.
        if (b != null && b.kind == Binding.Kind.LOCAL && !b.cell && !f.slots.containsKey(b)) {
            f.mv.visitInsn(ACONST_NULL);
            x.store(b, f);
        }
        Rt.nil(f.mv);
    }

    private int nextTest;

    /** A test body becomes its own method; Tests.reached runs it only under `ludus test`. */
    void testForm(Test t, Frame f) {
        String name = "$test" + nextTest++;
        boolean big = x.watch(x.weight(t.body()));
        if (big) x.plan(t.body());
        MethodVisitor body = m.methodIn(m.unit(big, t), name, "()" + Rt.OBJ_D, t);
        body.visitCode();
        Frame tf = new Frame(body, f.owner, null, null, 0, false);
        tf.scope = m.an.fresh(f.owner, List.of(t.body()));
        tf.method = name;
        tf.splitting = big;
        if (!testedCall(t.body(), tf)) x.sequence(List.of(t.body()), tf, false);
        body.visitInsn(ARETURN);
        body.visitMaxs(0, 0);
        body.visitEnd();
        MethodVisitor mv = f.mv;
        x.line(f, t.span());
        mv.visitLdcInsn(t.name());
        Rt.integer(mv, t.span().line());
        Rt.integer(mv, m.isMain ? 1 : 0);
        mv.visitLdcInsn(new org.objectweb.asm.Handle(H_INVOKESTATIC, LongStrings.owner(body), name, "()" + Rt.OBJ_D, false));
        mv.visitMethodInsn(INVOKESTATIC, "dev/ludus/runtime/Tests", "reached",
                "(Ljava/lang/String;IZLjava/lang/invoke/MethodHandle;)" + Rt.OBJ_D, false);
    }

    /**
     * A test whose body is a plain call, {@code eq? (sum (xs), 6)}: the arguments are evaluated
     * into an array and the call made through Tests.call, which keeps them, so that a failing
     * test can say what was compared ({@code eq? (6, 7) is false}). Same evaluation order and
     * result as the direct call. False (nothing emitted) for any other body.
     */
    private boolean testedCall(Expr body, Frame f) {
        if (!(body instanceof Synthetic s) || !(s.root() instanceof Word w) || s.terms().size() != 1
                || !(s.terms().get(0) instanceof Args a)) {
            return false;
        }
        for (Expr arg : a.args()) if (arg instanceof Placeholder || arg instanceof Splat) return false;
        MethodVisitor mv = f.mv;
        x.emit(w, f, false);
        Rt.integer(mv, a.args().size());
        mv.visitTypeInsn(ANEWARRAY, "java/lang/Object");
        for (int i = 0; i < a.args().size(); i++) {
            mv.visitInsn(DUP);
            Rt.integer(mv, i);
            x.emit(a.args().get(i), f, false);
            mv.visitInsn(AASTORE);
        }
        x.line(f, s.span());
        mv.visitLdcInsn(w.name());
        mv.visitMethodInsn(INVOKESTATIC, "dev/ludus/runtime/Tests", "call",
                "(" + Rt.OBJ_D + "[" + Rt.OBJ_D + "Ljava/lang/String;)" + Rt.OBJ_D, false);
        return true;
    }

    void importForm(Import i, Frame f) {
        MethodVisitor mv = f.mv;
        x.line(f, i.span());
        String cls = m.classOf.apply(m.res.imports.get(i));
        mv.visitMethodInsn(INVOKESTATIC, cls, "$run", "()" + Rt.OBJ_D, false);
        mv.visitInsn(DUP);
        x.store(m.res.declared.get(i), f);
    }

    void ns(Ns n, Frame f) {
        MethodVisitor mv = f.mv;
        x.line(f, n.span());
        mv.visitTypeInsn(NEW, Rt.NS);
        mv.visitInsn(DUP);
        mv.visitLdcInsn(n.name());
        mv.visitMethodInsn(INVOKESTATIC, Rt.LDICT, "builder", "()L" + Rt.LDICT_B + ";", false);
        for (DictPair p : n.entries()) {
            Rt.keyword(mv, p.key());
            x.emit(p.value(), f, false);
            mv.visitMethodInsn(INVOKEVIRTUAL, Rt.LDICT_B, "put", "(" + Rt.KEYWORD_D + Rt.OBJ_D + ")L" + Rt.LDICT_B + ";", false);
        }
        mv.visitMethodInsn(INVOKEVIRTUAL, Rt.LDICT_B, "build", "()L" + Rt.LDICT + ";", false);
        mv.visitMethodInsn(INVOKESPECIAL, Rt.NS, "<init>", "(Ljava/lang/String;L" + Rt.LDICT + ";)V", false);
        mv.visitInsn(DUP);
        x.store(m.res.declared.get(n), f);
    }

    void use(Use u, Frame f) {
        MethodVisitor mv = f.mv;
        x.line(f, u.span());
        x.loadWord(u.name(), f);
        for (Binding b : m.res.useMembers.getOrDefault(u, List.of())) {
            mv.visitInsn(DUP);
            Rt.keyword(mv, b.name);
            mv.visitMethodInsn(INVOKESTATIC, Rt.INVOKE, "member", "(" + Rt.OBJ_D + Rt.KEYWORD_D + ")" + Rt.OBJ_D, false);
            x.store(b, f);
        }
    }
}
