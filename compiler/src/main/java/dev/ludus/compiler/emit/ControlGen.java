package dev.ludus.compiler.emit;

import dev.ludus.compiler.syntax.Ast.*;
import dev.ludus.compiler.syntax.Span;
import java.util.List;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Control code: if, if-let, when, match, receive, and the clause lists they share with fn
 * bodies and loops (including the clause bodies of entries that return a double).
 */
final class ControlGen implements Opcodes {
    private final ModuleContext m;
    private final Gen x;

    ControlGen(ModuleContext m, Gen x) {
        this.m = m;
        this.x = x;
    }

    void truthy(Frame f) {
        f.mv.visitMethodInsn(INVOKESTATIC, Rt.VALUES, "truthy", "(" + Rt.OBJ_D + ")Z", false);
    }

    void ifExpr(If i, Frame f, boolean tail) {
        x.line(f, i.span());
        Label otherwise = new Label();
        x.condition(i.cond(), f, otherwise);
        branches(otherwise, i.then(), i.otherwise(), f, tail);
    }

    void ifLet(IfLet i, Frame f, boolean tail) {
        x.line(f, i.span());
        Label otherwise = new Label();
        x.emit(i.value(), f, false);
        int tmp = f.newSlot();
        f.mv.visitVarInsn(ASTORE, tmp);
        x.matchClause(i.pattern(), ArgSource.value(tmp), otherwise, f);
        branches(otherwise, i.then(), i.otherwise(), f, tail);
    }

    /**
     * The two branches, after the test that jumps to {@code elseLabel} when the then-branch must
     * not run (emitted by the caller: a lambda here cost start-up time, see LudusCompiler.PARSER).
     */
    private void branches(Label elseLabel, Expr then, Expr otherwise, Frame f, boolean tail) {
        MethodVisitor mv = f.mv;
        Label end = new Label();
        x.emit(then, f, tail);
        mv.visitJumpInsn(GOTO, end);
        mv.visitLabel(elseLabel);
        x.emit(otherwise, f, tail);
        mv.visitLabel(end);
    }

    void when(When w, Frame f, boolean tail) {
        MethodVisitor mv = f.mv;
        Label end = new Label();
        x.line(f, w.span());
        whenClauses(w.clauses(), f, tail, end);
        panicAt(mv, "Cond Error: No match found", w.span());
        mv.visitInsn(ACONST_NULL);
        mv.visitLabel(end);
    }

    /** A when's clauses: the first whose test holds gives the value (to end; returned if end == null); else falls through. */
    void whenClauses(List<WhenClause> clauses, Frame f, boolean tail, Label end) {
        MethodVisitor mv = f.mv;
        Gen.Suffix rest = f.splitting ? x.suffixWeights(clauses) : null;
        for (int i = 0; i < clauses.size(); i++) {
            if (rest != null && x.whenRest(clauses, i, rest.at(i), f, tail, end)) return;
            WhenClause c = clauses.get(i);
            Label next = new Label();
            if (c.test() != null) x.condition(c.test(), f, next);
            x.emit(c.body(), f, tail);
            if (end == null) mv.visitInsn(ARETURN);
            else mv.visitJumpInsn(GOTO, end);
            mv.visitLabel(next);
        }
    }

    void panicAt(MethodVisitor mv, String message, Span site) {
        mv.visitLdcInsn(message);
        x.site(mv, site);
        mv.visitMethodInsn(INVOKESTATIC, Rt.INVOKE, "noMatch",
                "(Ljava/lang/String;Ljava/lang/String;II)L" + Rt.PANIC + ";", false);
        mv.visitInsn(ATHROW);
    }

    void match(Match mt, Frame f, boolean tail) {
        MethodVisitor mv = f.mv;
        x.line(f, mt.span());
        x.emit(mt.scrutinee(), f, false);
        int tmp = f.newSlot();
        mv.visitVarInsn(ASTORE, tmp);
        Label end = new Label();
        clauses(mt.clauses(), ArgSource.value(tmp), f, tail, end);
        panicAt(mv, "Match Error: No match found", mt.span());
        mv.visitInsn(ACONST_NULL);
        mv.visitLabel(end);
    }

    /**
     * {@code receive} (spec §16): a scan over the running process's mailbox, oldest message
     * first; for each message the clauses are tried in order. The matching message is taken out
     * of the mailbox before its clause body runs (so the body sees a mailbox without it); a clause
     * body in tail position is a tail position. {@code Processes.next} blocks the process when
     * the scan reaches the end of the mailbox; with guards (which may read refs that other
     * processes change), the scan starts again from the oldest message after a wait, as §16
     * says; without guards the messages already tried cannot match on a rescan, so it goes on.
     */
    void receive(Receive r, Frame f, boolean tail) {
        MethodVisitor mv = f.mv;
        x.line(f, r.span());
        boolean guarded = false;
        for (Clause c : r.clauses()) guarded |= c.guard() != null;
        int node = f.newSlot();
        int msg = f.newSlot();
        mv.visitInsn(ACONST_NULL);
        mv.visitVarInsn(ASTORE, node);
        Label scan = new Label();
        Label end = new Label();
        f.repeating++;
        try {
            mv.visitLabel(scan);
            mv.visitVarInsn(ALOAD, node);
            mv.visitInsn(guarded ? ICONST_1 : ICONST_0);
            x.site(mv, r.span());
            mv.visitMethodInsn(INVOKESTATIC, Rt.PROCESSES, "next",
                    "(" + Rt.OBJ_D + "ZLjava/lang/String;II)" + Rt.OBJ_D, false);
            mv.visitInsn(DUP);
            mv.visitVarInsn(ASTORE, node);
            mv.visitMethodInsn(INVOKESTATIC, Rt.PROCESSES, "message", "(" + Rt.OBJ_D + ")" + Rt.OBJ_D, false);
            mv.visitVarInsn(ASTORE, msg);
            clauses(r.clauses(), ArgSource.value(msg), f, tail, end, () -> {
                mv.visitVarInsn(ALOAD, node);
                mv.visitMethodInsn(INVOKESTATIC, Rt.PROCESSES, "take", "(" + Rt.OBJ_D + ")V", false);
            });
            mv.visitJumpInsn(GOTO, scan);
        } finally {
            f.repeating--;
        }
        mv.visitLabel(end);
    }

    /**
     * Tries clauses in order against src; each matching clause's body value is returned
     * (end == null, fn bodies) or left on the stack with a jump to end. Falls through when none
     * matches.
     */
    void clauses(List<Clause> clauses, ArgSource src, Frame f, boolean tail, Label end) {
        clauses(clauses, src, f, tail, end, null);
    }

    /** As above; {@code onMatch} (if not null) runs once a clause's pattern and guard have matched, before its body. */
    private void clauses(List<Clause> clauses, ArgSource src, Frame f, boolean tail, Label end, Runnable onMatch) {
        MethodVisitor mv = f.mv;
        Gen.Suffix rest = f.splitting && onMatch == null && !(end == null && f.returnsDouble) ? x.suffixWeights(clauses) : null;
        for (int i = 0; i < clauses.size(); i++) {
            Clause c = clauses.get(i);
            if (rest != null && x.clausesRest(clauses, i, rest.at(i), src, f, tail, end)) return;
            Label next = new Label();
            x.matchClause(c.pattern(), src, next, f);
            if (c.guard() != null) x.condition(c.guard(), f, next);
            if (onMatch != null) onMatch.run();
            if (end == null && f.returnsDouble) {
                numericTail(c.body(), f);
            } else {
                x.emit(c.body(), f, tail);
                if (end == null) mv.visitInsn(ARETURN);
                else mv.visitJumpInsn(GOTO, end);
            }
            mv.visitLabel(next);
        }
    }

    /**
     * A clause body of an entry returning a double (the analysis decided every path ends in a
     * number, a panic or a numeric self tail call): each path returns its double or jumps.
     */
    private void numericTail(Expr e, Frame f) {
        MethodVisitor mv = f.mv;
        if (e instanceof Block b) {
            List<Expr> body = b.body();
            x.makeCells(body, f);
            for (int i = 0; i < body.size() - 1; i++) {
                x.emit(body.get(i), f, false);
                mv.visitInsn(POP);
            }
            numericTail(body.get(body.size() - 1), f);
        } else if (e instanceof If i) {
            x.line(f, i.span());
            Label otherwise = new Label();
            x.condition(i.cond(), f, otherwise);
            numericTail(i.then(), f);
            mv.visitLabel(otherwise);
            numericTail(i.otherwise(), f);
        } else if (e instanceof When w) {
            x.line(f, w.span());
            for (WhenClause c : w.clauses()) {
                Label next = new Label();
                if (c.test() != null) x.condition(c.test(), f, next);
                numericTail(c.body(), f);
                mv.visitLabel(next);
            }
            panicAt(mv, "Cond Error: No match found", w.span());
        } else if (e instanceof PanicForm) {
            x.emit(e, f, false); // throws
        } else if (e instanceof Synthetic s && m.an.selfCall(s, f.fn, f.selfTarget.argSlots.length)) {
            x.numericSelfJump(s, f);
        } else if (x.numeric(e, f)) {
            x.line(f, e.span());
            x.emitNum(e, f);
            mv.visitInsn(DRETURN);
        } else {
            throw new IllegalStateException("not numeric in a double-returning entry at " + e.span());
        }
    }

}
