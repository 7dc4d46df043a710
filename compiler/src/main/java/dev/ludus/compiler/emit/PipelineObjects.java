package dev.ludus.compiler.emit;

import dev.ludus.compiler.analyse.Analysis;
import dev.ludus.compiler.analyse.Analysis.Stage;
import dev.ludus.compiler.resolve.Binding;
import dev.ludus.compiler.resolve.NameUse;
import dev.ludus.compiler.syntax.Ast.*;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The loop of a fused object pipeline (analyse.Pipelines' object plans; PipelineGen makes the
 * call and the unfused fallback): the stages element by element over any values, with no list
 * between them. A named fn's stage is a direct invokestatic of its entry (the JIT can inline
 * the whole chain, and drop the records and boxes that only pass from one stage to the next);
 * a lambda's the same with its closure, passed in; a prelude function's its static method.
 *
 * <p>A range source is counted out, and a first stage with an entry on doubles gets the number
 * unboxed. The loop runs inside a handler: a panic of a later stage drops what the loop did,
 * puts back the tail-call depth the panic skipped restoring, and returns null, so the caller runs
 * the stages unfused from the start and reports their panic (the stages are pure: see
 * Pipelines); a panic of the first stage is the unfused one already and goes on as it is.
 */
final class PipelineObjects implements Opcodes {
    private static final String PIPES = "dev/ludus/runtime/prelude/Pipes";
    private static final String OUT = PIPES + "$AnyOut";
    private static final String CURSOR = "dev/ludus/runtime/collection/LeafCursor";
    private static final String PANIC = "dev/ludus/runtime/LudusPanic";
    private static final String CANCELLED = "dev/ludus/runtime/Cancellation$Cancelled";

    private final ModuleContext m;
    private final Gen x;
    private final Analysis.Pipeline p;
    /** What the loop method takes after its source: stage functions it calls as values, fold initial values. */
    private final List<Expr> arguments = new ArrayList<>();
    /** Per stage: the index among the arguments of its function (-1: called statically), and of its initial value. */
    private final int[] fnArg, initArg;
    /** The loop method's slot holding the index of the stage running (what its panic handler asks). */
    private int stage;

    PipelineObjects(ModuleContext m, Gen x, Analysis.Pipeline p) {
        this.m = m;
        this.x = x;
        this.p = p;
        int n = p.stages().size();
        fnArg = new int[n];
        initArg = new int[n];
        for (int i = 0; i < n; i++) {
            Stage s = p.stages().get(i);
            fnArg[i] = -1;
            if (s.fn() instanceof FnDef || staticTarget(s) == null && known(s) == null) {
                fnArg[i] = arguments.size();
                arguments.add(s.fn());
            }
            initArg[i] = -1;
            if (s.init() != null) {
                initArg[i] = arguments.size();
                arguments.add(s.init());
            }
        }
    }

    List<Expr> arguments() {
        return arguments;
    }

    private static int arity(Stage s) {
        return s.kind() == Stage.Kind.FOLD ? 2 : 1;
    }

    /** The prelude function's static method for the stage's argument count, or null. */
    private Intrinsics.Target staticTarget(Stage s) {
        if (!(s.fn() instanceof Word w)) return null;
        Binding b = m.res.uses.get(w).binding();
        return b.kind == Binding.Kind.PRELUDE ? Intrinsics.value(b.name, arity(s)) : null;
    }

    /** The module-level fn the stage names, when it has a direct entry for the stage's argument count, else null. */
    private FnDef known(Stage s) {
        if (!(s.fn() instanceof Word w)) return null;
        NameUse u = m.res.uses.get(w);
        FnDef fd = m.an.knownFn(u.binding());
        return fd != null && m.code(fd).hasDirect(arity(s)) ? fd : null;
    }

    /** The body of pipe$<n>: parameters the source (one, or range's two) then the arguments. */
    void loop(MethodVisitor nm, Frame caller) {
        nm.visitCode();
        boolean range = p.range() != null;
        int first = range ? 2 : 1;
        Frame f = new Frame(nm, caller.owner, caller.fn, caller.fnBinding, first + arguments.size(), false);
        f.scope = caller.scope;
        f.method = caller.method;
        MethodVisitor mv = nm;
        Label tryStart = new Label(), tryEnd = new Label(), handler = new Label(), fallback = new Label();
        mv.visitTryCatchBlock(tryStart, tryEnd, handler, PANIC);
        int depth = f.newSlot();
        mv.visitMethodInsn(INVOKESTATIC, Rt.INVOKE, "tailDepth", "()I", false);
        mv.visitVarInsn(ISTORE, depth);
        stage = f.newSlot();
        mv.visitInsn(ICONST_0);
        mv.visitVarInsn(ISTORE, stage);
        mv.visitLabel(tryStart);
        int out = -1, acc = -1;
        Stage last = p.stages().get(p.stages().size() - 1);
        if (last.kind() == Stage.Kind.FOLD) {
            acc = f.newSlot();
            mv.visitVarInsn(ALOAD, first + initArg[p.stages().size() - 1]);
            mv.visitVarInsn(ASTORE, acc);
        } else {
            out = f.newSlot();
            mv.visitTypeInsn(NEW, OUT);
            mv.visitInsn(DUP);
            mv.visitMethodInsn(INVOKESPECIAL, OUT, "<init>", "()V", false);
            mv.visitVarInsn(ASTORE, out);
        }
        for (int i = 0; i < p.stages().size() - 1; i++) {
            if (p.stages().get(i).kind() == Stage.Kind.FOLD) throw new IllegalStateException("a fold before the last stage");
        }
        Label exit = new Label();
        if (range) {
            mv.visitVarInsn(ALOAD, 0);
            mv.visitVarInsn(ALOAD, 1);
            mv.visitMethodInsn(INVOKESTATIC, PIPES, "rangeFusable", "(" + Rt.OBJ_D + Rt.OBJ_D + ")Z", false);
            mv.visitJumpInsn(IFEQ, fallback);
            RangeLoop loop = new RangeLoop(mv, f, 0, 1, exit);
            int e = f.newDoubleSlot();
            Label next = new Label();
            Rt.poll(mv); // cancellation (time limit, Ctrl-C), as in every loop
            // the element in a slot of its own: a map stage on doubles stores its result there
            mv.visitVarInsn(DLOAD, loop.i);
            mv.visitVarInsn(DSTORE, e);
            body(f, e, true, acc, out, first, next);
            mv.visitLabel(next);
            loop.next(mv);
        } else {
            int cur = f.newSlot(), leaf = f.newSlot(), k = f.newSlot(), to = f.newSlot(), el = f.newSlot();
            mv.visitVarInsn(ALOAD, 0);
            mv.visitMethodInsn(INVOKESTATIC, PIPES, "numbers", "(" + Rt.OBJ_D + ")L" + CURSOR + ";", false);
            mv.visitInsn(DUP);
            mv.visitVarInsn(ASTORE, cur);
            mv.visitJumpInsn(IFNULL, fallback); // not a list: the unfused stages panic as they should
            Label leaves = new Label(), inner = new Label();
            LeafLoop.head(mv, false, cur, leaf, k, to, el, leaves, inner, exit, null);
            body(f, el, false, acc, out, first, inner);
            mv.visitJumpInsn(GOTO, inner);
        }
        mv.visitLabel(exit);
        if (out >= 0) {
            mv.visitVarInsn(ALOAD, out);
            mv.visitMethodInsn(INVOKEVIRTUAL, OUT, "build", "()" + Rt.OBJ_D, false);
        } else {
            mv.visitVarInsn(ALOAD, acc);
        }
        mv.visitInsn(ARETURN);
        mv.visitLabel(tryEnd);
        mv.visitLabel(handler);
        // a panic: a cancel ends the program as always, and so does a panic of the first stage
        // (unfused, it too meets the elements first and in order: the same panic); any other
        // starts the stages over, unfused. (So a panic never reruns a first stage's nested
        // pipelines level after level: a later stage cannot recur, Purity.terminates.)
        Label rethrow = new Label();
        mv.visitInsn(DUP);
        mv.visitTypeInsn(INSTANCEOF, CANCELLED);
        mv.visitJumpInsn(IFNE, rethrow);
        mv.visitVarInsn(ILOAD, stage);
        mv.visitJumpInsn(IFEQ, rethrow);
        mv.visitInsn(POP);
        mv.visitVarInsn(ILOAD, depth);
        mv.visitMethodInsn(INVOKESTATIC, Rt.INVOKE, "setTailDepth", "(I)V", false);
        mv.visitJumpInsn(GOTO, fallback);
        mv.visitLabel(rethrow);
        mv.visitInsn(ATHROW);
        mv.visitLabel(fallback);
        mv.visitInsn(ACONST_NULL);
        mv.visitInsn(ARETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /**
     * Runs every stage on the element in slot el (a double slot while dbl, from a range, until a
     * stage makes it an object); a filter that rejects it jumps to next; the element that comes
     * out goes to the list being built, or the fold has taken it.
     */
    private void body(Frame f, int el, boolean dbl, int acc, int out, int first, Label next) {
        MethodVisitor mv = f.mv;
        int obj = dbl ? f.newSlot() : el;
        for (int i = 0; i < p.stages().size(); i++) {
            Stage s = p.stages().get(i);
            FnDef fd = s.fn() instanceof FnDef lambda ? lambda : known(s);
            if (p.stages().size() > 1) {
                Rt.integer(mv, i);
                mv.visitVarInsn(ISTORE, stage);
            }
            if (dbl && s.kind() != Stage.Kind.FOLD && fd != null && m.an.numericEntry(fd, 1)) {
                // a number to a fn with an entry on doubles (a range element to its first stage)
                boolean d = m.an.returnsNumber(fd, 1);
                closure(i, f);
                mv.visitVarInsn(DLOAD, el);
                FnCode code = m.code(fd);
                mv.visitMethodInsn(INVOKESTATIC, code.owner(), FnCode.numericName(code.baseName(), 1), FnCode.numericDesc(1, d), false);
                if (d) {
                    if (s.kind() == Stage.Kind.MAP) mv.visitVarInsn(DSTORE, el);
                    else mv.visitInsn(POP2); // a number is truthy
                    continue;
                }
                settle(mv);
            } else {
                if (dbl) {
                    box(el, obj, mv);
                    dbl = false;
                }
                if (s.kind() == Stage.Kind.FOLD) mv.visitVarInsn(ALOAD, acc);
                call(i, s, fd, obj, f);
            }
            switch (s.kind()) {
                case MAP -> {
                    mv.visitVarInsn(ASTORE, obj);
                    dbl = false;
                }
                case FILTER -> {
                    x.truthy(f);
                    mv.visitJumpInsn(IFEQ, next);
                }
                case FOLD -> mv.visitVarInsn(ASTORE, acc);
            }
        }
        if (out >= 0) {
            mv.visitVarInsn(ALOAD, out);
            if (dbl) {
                mv.visitVarInsn(DLOAD, el);
                mv.visitMethodInsn(INVOKEVIRTUAL, OUT, "add", "(D)V", false);
            } else {
                mv.visitVarInsn(ALOAD, obj);
                mv.visitMethodInsn(INVOKEVIRTUAL, OUT, "add", "(" + Rt.OBJ_D + ")V", false);
            }
        }
    }

    /** The number in double slot el as the box the prelude's map would pass (a shared one for small integers). */
    private static void box(int el, int obj, MethodVisitor mv) {
        mv.visitVarInsn(DLOAD, el);
        mv.visitMethodInsn(INVOKESTATIC, "dev/ludus/runtime/value/Boxes", "of", "(D)Ljava/lang/Double;", false);
        mv.visitVarInsn(ASTORE, obj);
    }

    /** Calls stage i's function on (the accumulator already on the stack and) the element in obj, leaving its settled result. */
    private void call(int i, Stage s, FnDef fd, int obj, Frame f) {
        MethodVisitor mv = f.mv;
        int n = arity(s);
        Intrinsics.Target t = staticTarget(s);
        if (t != null) {
            mv.visitVarInsn(ALOAD, obj);
            mv.visitMethodInsn(INVOKESTATIC, t.owner(), t.method(), t.desc(), false);
            return;
        }
        if (fd != null && m.code(fd).hasDirect(n)) {
            FnCode code = m.code(fd);
            if (n == 2) { // the accumulator is on the stack: the closure goes below it
                closure(i, f);
                mv.visitInsn(SWAP);
            } else {
                closure(i, f);
            }
            mv.visitVarInsn(ALOAD, obj);
            mv.visitMethodInsn(INVOKESTATIC, code.owner(), code.directName(n), FnCode.directDesc(n), false);
            settle(mv);
            return;
        }
        // any other pure function value: the generic call (it settles)
        if (n == 2) {
            int tmp = f.newSlot();
            mv.visitVarInsn(ASTORE, tmp);
            mv.visitVarInsn(ALOAD, argSlot(fnArg[i]));
            mv.visitVarInsn(ALOAD, tmp);
        } else {
            mv.visitVarInsn(ALOAD, argSlot(fnArg[i]));
        }
        mv.visitVarInsn(ALOAD, obj);
        mv.visitMethodInsn(INVOKESTATIC, Rt.CALLS, "call" + n, Rt.objDesc(n + 1), false);
    }

    /** Stage i's closure for a direct entry: its value passed in (a lambda), or null (a module-level fn names itself through its field). */
    private void closure(int i, Frame f) {
        if (fnArg[i] < 0) {
            f.mv.visitInsn(ACONST_NULL);
            return;
        }
        f.mv.visitVarInsn(ALOAD, argSlot(fnArg[i]));
        f.mv.visitTypeInsn(CHECKCAST, Rt.CLOSURE);
    }

    private int argSlot(int arg) {
        return (p.range() != null ? 2 : 1) + arg;
    }

    private static void settle(MethodVisitor mv) {
        mv.visitMethodInsn(INVOKESTATIC, Rt.INVOKE, "settle", "(" + Rt.OBJ_D + ")" + Rt.OBJ_D, false);
    }
}
