package dev.ludus.compiler.emit;

import dev.ludus.compiler.analyse.Analysis;
import dev.ludus.compiler.analyse.Analysis.Stage;
import dev.ludus.compiler.resolve.NameUse;
import dev.ludus.compiler.syntax.Ast.*;
import dev.ludus.runtime.diag.FrameNames;
import java.util.List;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * A fused do pipeline (analyse.Pipelines): the source and the fused stages as one loop over
 * unboxed numbers, leaving the group's value (a fold's number, or the list of a map or filter).
 * A range source is counted out without a list; a list source is walked leaf by leaf. Lambda
 * stages run through their numeric entry (invokestatic), prelude stages as double arithmetic.
 *
 * <p>When the source cannot be walked as numbers (a range of non-numbers, a list holding
 * something else), the stages run one by one exactly as an unfused pipeline does: the same
 * partials called through the same prelude functions, with the same results and panics. A
 * list is checked leaf by leaf as the loop goes: at a leaf holding something else, what the loop
 * did is dropped and the stages run unfused on the whole list. That cannot be seen: the stage
 * functions are pure, and a panic of the first stage on an earlier element is the one the
 * unfused stages would report too (they also run the first stage on the elements in order).
 */
final class PipelineGen implements Opcodes {
    private static final String PIPES = "dev/ludus/runtime/prelude/Pipes";
    private static final String OUT = PIPES + "$Out";
    private static final String CURSOR = "dev/ludus/runtime/collection/LeafCursor";

    private final ModuleContext m;
    private final Gen x;

    PipelineGen(ModuleContext m, Gen x) {
        this.m = m;
        this.x = x;
    }

    /**
     * Emits p's source and fused stages, leaving their value; {@code unfused} emits the stages
     * one by one onto the list on the stack (the fallback: {@link #unfusedCalls} for a nested
     * call chain).
     *
     * <p>The loop is a static method of its own ({@code pipe$<n>}), called with the source and
     * returning null when it cannot run (the caller then runs the stages unfused): the JIT
     * compiles a loop in a method on the stack (OSR) only from an empty operand stack, and the
     * pipeline may be an argument with other values waiting below it. A call trace reads the
     * method as its first stage's prelude function (FrameNames.pipe), as unfused; the caller
     * marks the line an unfused pipeline calls its first stage at, the only stage that may panic
     * there.
     */
    void fused(Analysis.Pipeline p, Frame f, Runnable unfused) {
        MethodVisitor mv = f.mv;
        Expr src = p.source();
        // a nested call chain calls every stage at the line its source leaves marked
        if (!p.piped()) x.line(f, p.stages().get(0).call().span());
        Label done = new Label();
        boolean range = p.range() != null;
        PipelineObjects objects = p.objects() ? new PipelineObjects(m, x, p) : null;
        int extras = objects == null ? 0 : objects.arguments().size();
        String name = FrameNames.pipe(m.nextPipe++,
                p.stages().get(0).kind().name().toLowerCase(java.util.Locale.ROOT));
        String desc = "(" + (range ? Rt.OBJ_D + Rt.OBJ_D : Rt.OBJ_D) + Rt.OBJ_D.repeat(extras) + ")" + Rt.OBJ_D;
        MethodVisitor nm = m.methodIn(m.unit(false, p.node()), name, desc, p.node());
        int[] a = null;
        int list = -1;
        if (range) {
            List<Expr> args = p.range();
            x.line(f, src.span());
            a = new int[args.size()];
            for (int i = 0; i < a.length; i++) {
                x.emit(args.get(i), f, false);
                a[i] = f.newSlot();
                mv.visitVarInsn(ASTORE, a[i]);
            }
            if (a.length == 2) mv.visitVarInsn(ALOAD, a[0]);
            else {
                mv.visitLdcInsn(0.0);
                Rt.box(mv);
            }
            mv.visitVarInsn(ALOAD, a[a.length - 1]);
        } else {
            x.emit(src, f, false);
            list = f.newSlot();
            mv.visitVarInsn(ASTORE, list);
            mv.visitVarInsn(ALOAD, list);
        }
        int sourceLine = f.lastLine; // where the unfused code calls range, or the stages of a call chain
        if (p.piped()) x.line(f, p.stages().get(0).call().span());
        if (objects != null) for (Expr e : objects.arguments()) x.emit(e, f, false); // no effects (Pipelines)
        mv.visitMethodInsn(INVOKESTATIC, LongStrings.owner(nm), name, desc, false);
        mv.visitInsn(DUP);
        mv.visitJumpInsn(IFNONNULL, done);
        mv.visitInsn(POP);
        if (range) {
            // range as the prelude makes it (its panic, or a list the stages then go through one by one)
            mark(f, sourceLine);
            for (int s : a) mv.visitVarInsn(ALOAD, s);
            mv.visitMethodInsn(INVOKESTATIC, PIPES, "range", "(" + Rt.OBJ_D.repeat(a.length) + ")" + Rt.OBJ_D, false);
        } else {
            if (!p.piped()) mark(f, sourceLine);
            mv.visitVarInsn(ALOAD, list);
        }
        unfused.run();
        mv.visitLabel(done);
        if (objects != null) objects.loop(nm, name, f);
        else loop(p, nm, f);
    }

    /** Marks line n from here on (the line a value-emitting path left, after code at another line). */
    private static void mark(Frame f, int n) {
        if (n < 0 || n == f.lastLine) return;
        Label l = new Label();
        f.mv.visitLabel(l);
        f.mv.visitLineNumber(n, l);
        f.lastLine = n;
    }

    /** The body of pipe$<n>: the fused loop over its argument(s), returning its value, or null. */
    private void loop(Analysis.Pipeline p, MethodVisitor nm, Frame caller) {
        nm.visitCode();
        boolean range = p.range() != null;
        Frame f = new Frame(nm, caller.owner, caller.fn, caller.fnBinding, range ? 2 : 1, false);
        f.scope = caller.scope;
        f.method = caller.method;
        MethodVisitor mv = nm;
        Label fallback = new Label();
        int el = f.newDoubleSlot();
        if (range) {
            int start = 0, end = 1;
            mv.visitVarInsn(ALOAD, start);
            mv.visitVarInsn(ALOAD, end);
            mv.visitMethodInsn(INVOKESTATIC, PIPES, "rangeFusable", "(" + Rt.OBJ_D + Rt.OBJ_D + ")Z", false);
            mv.visitJumpInsn(IFEQ, fallback);
            State st = start(p, f);
            Label next = new Label(), exit = new Label();
            RangeLoop loop = new RangeLoop(mv, f, start, end, exit);
            Rt.poll(mv); // cancellation (time limit, Ctrl-C), as in every loop
            mv.visitVarInsn(DLOAD, loop.i);
            mv.visitVarInsn(DSTORE, el);
            body(p, st, el, next, f);
            mv.visitLabel(next);
            loop.next(mv);
            mv.visitLabel(exit);
            finish(p, st, f);
            mv.visitInsn(ARETURN);
        } else {
            int cur = f.newSlot(), leaf = f.newSlot(), k = f.newSlot(), to = f.newSlot();
            mv.visitVarInsn(ALOAD, 0);
            mv.visitMethodInsn(INVOKESTATIC, PIPES, "numbers", "(" + Rt.OBJ_D + ")L" + CURSOR + ";", false);
            mv.visitInsn(DUP);
            mv.visitVarInsn(ASTORE, cur);
            mv.visitJumpInsn(IFNULL, fallback);
            State st = start(p, f);
            Label refill = new Label(), inner = new Label(), exit = new Label();
            LeafLoop.head(mv, true, leaf, k, to, el, refill, inner);
            body(p, st, el, inner, f);
            mv.visitJumpInsn(GOTO, inner);
            LeafLoop.refill(mv, true, cur, leaf, k, to, refill, inner, exit, fallback);
            mv.visitLabel(exit);
            finish(p, st, f);
            mv.visitInsn(ARETURN);
        }
        mv.visitLabel(fallback);
        mv.visitInsn(ACONST_NULL);
        mv.visitInsn(ARETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /**
     * The stages of a nested call chain one by one on the list on the stack, through the static
     * methods the prelude's map, filter and fold run (emit.Intrinsics: the same results and
     * panics). Evaluating the stage functions after the list is unobservable: they are names
     * and lambdas, and a fold's initial value a literal or a name (Pipelines).
     */
    void unfusedCalls(Analysis.Pipeline p, Frame f) {
        MethodVisitor mv = f.mv;
        for (Stage s : p.stages()) {
            x.emit(s.fn(), f, false);
            mv.visitInsn(SWAP);
            String name = s.kind() == Stage.Kind.MAP ? "map" : s.kind() == Stage.Kind.FILTER ? "filter" : "fold";
            if (s.init() != null) x.emit(s.init(), f, false);
            Intrinsics.Target t = Intrinsics.value(name, s.init() != null ? 3 : 2);
            mv.visitMethodInsn(INVOKESTATIC, t.owner(), t.method(), t.desc(), false);
        }
    }

    /** The loop's state: the fold's accumulator (a double slot) or the list being built. */
    private record State(int acc, int out) {}

    private State start(Analysis.Pipeline p, Frame f) {
        MethodVisitor mv = f.mv;
        Stage last = p.stages().get(p.stages().size() - 1);
        if (last.kind() == Stage.Kind.FOLD) {
            int acc = f.newDoubleSlot();
            mv.visitLdcInsn(((Num) last.init()).value());
            mv.visitVarInsn(DSTORE, acc);
            return new State(acc, -1);
        }
        int out = f.newSlot();
        mv.visitTypeInsn(NEW, OUT);
        mv.visitInsn(DUP);
        mv.visitMethodInsn(INVOKESPECIAL, OUT, "<init>", "()V", false);
        mv.visitVarInsn(ASTORE, out);
        return new State(-1, out);
    }

    /** Runs every stage on the number in slot el; a filter that rejects it jumps to next. */
    private void body(Analysis.Pipeline p, State st, int el, Label next, Frame f) {
        MethodVisitor mv = f.mv;
        for (Stage s : p.stages()) {
            switch (s.kind()) {
                case MAP -> {
                    if (s.fn() instanceof FnDef fd) callEntry(fd, 1, true, -1, el, f);
                    else {
                        mv.visitVarInsn(DLOAD, el);
                        NumGen.op(mv, prelude(s.fn()));
                    }
                    mv.visitVarInsn(DSTORE, el);
                }
                case FILTER -> {
                    if (s.fn() instanceof FnDef fd) {
                        boolean dbl = m.an.returnsNumber(fd, 1);
                        callEntry(fd, 1, dbl, -1, el, f);
                        if (dbl) mv.visitInsn(POP2); // a number is truthy
                        else {
                            mv.visitMethodInsn(INVOKESTATIC, Rt.INVOKE, "settle", "(" + Rt.OBJ_D + ")" + Rt.OBJ_D, false);
                            x.truthy(f);
                            mv.visitJumpInsn(IFEQ, next);
                        }
                    } else {
                        test(prelude(s.fn()), el, next, mv);
                    }
                }
                case FOLD -> {
                    if (s.fn() instanceof FnDef fd) callEntry(fd, 2, true, st.acc(), el, f);
                    else {
                        mv.visitVarInsn(DLOAD, st.acc());
                        mv.visitVarInsn(DLOAD, el);
                        NumGen.op(mv, prelude(s.fn()));
                    }
                    mv.visitVarInsn(DSTORE, st.acc());
                }
            }
        }
        if (st.out() >= 0) {
            mv.visitVarInsn(ALOAD, st.out());
            mv.visitVarInsn(DLOAD, el);
            mv.visitMethodInsn(INVOKEVIRTUAL, OUT, "add", "(D)V", false);
        }
    }

    /** Calls fd's numeric entry on (acc,) el: a lambda stage captures nothing (a null closure). */
    private void callEntry(FnDef fd, int n, boolean dbl, int acc, int el, Frame f) {
        FnCode code = m.code(fd);
        f.mv.visitInsn(ACONST_NULL);
        if (acc >= 0) f.mv.visitVarInsn(DLOAD, acc);
        f.mv.visitVarInsn(DLOAD, el);
        f.mv.visitMethodInsn(INVOKESTATIC, code.owner(), FnCode.numericName(code.baseName(), n), FnCode.numericDesc(n, dbl), false);
    }

    /** A prelude test of the number in el (what even?, odd?, zero?, pos?, neg? answer on numbers); false jumps to next. */
    private static void test(String name, int el, Label next, MethodVisitor mv) {
        mv.visitVarInsn(DLOAD, el);
        switch (name) {
            case "even?", "odd?" -> {
                mv.visitMethodInsn(INVOKESTATIC, "dev/ludus/runtime/prelude/Arith", name.equals("even?") ? "evenD" : "oddD", "(D)Z", false);
                mv.visitJumpInsn(IFEQ, next);
            }
            case "zero?", "pos?", "neg?" -> {
                mv.visitInsn(DCONST_0);
                mv.visitInsn(name.equals("neg?") ? DCMPG : DCMPL); // NaN: never zero, positive or negative
                mv.visitJumpInsn(name.equals("zero?") ? IFNE : name.equals("pos?") ? IFLE : IFGE, next);
            }
            default -> throw new IllegalStateException("not a fused test: " + name);
        }
    }

    private void finish(Analysis.Pipeline p, State st, Frame f) {
        if (st.out() >= 0) {
            f.mv.visitVarInsn(ALOAD, st.out());
            f.mv.visitMethodInsn(INVOKEVIRTUAL, OUT, "build", "()" + Rt.OBJ_D, false);
        } else {
            f.mv.visitVarInsn(DLOAD, st.acc());
            Rt.box(f.mv);
        }
    }

    private String prelude(Expr fn) {
        NameUse u = m.res.uses.get((Word) fn);
        return u.binding().name;
    }
}
