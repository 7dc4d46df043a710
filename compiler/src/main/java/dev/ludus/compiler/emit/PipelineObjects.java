package dev.ludus.compiler.emit;

import dev.ludus.compiler.analyse.Analysis;
import dev.ludus.compiler.analyse.Analysis.Stage;
import dev.ludus.compiler.resolve.Binding;
import dev.ludus.compiler.resolve.NameUse;
import dev.ludus.compiler.syntax.Ast.*;
import dev.ludus.runtime.diag.FrameNames;
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
 * unboxed. The stages run on each element in a method of their own (see {@link #loop}), inside
 * a handler: a panic of a later stage puts back the tail-call depth the panic skipped restoring
 * and the loop's method drops what it did and returns null, so the caller runs the stages
 * unfused from the start and reports their panic (the stages are pure: see Pipelines); a panic
 * of the first stage is the unfused one already and goes on as it is.
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
    /** Where the element method finds the arguments: after the element (a range's: a double) and a fold's accumulator. */
    private final int argBase;

    PipelineObjects(ModuleContext m, Gen x, Analysis.Pipeline p) {
        this.m = m;
        this.x = x;
        this.p = p;
        int n = p.stages().size();
        argBase = (p.range() != null ? 2 : 1) + (p.stages().get(n - 1).kind() == Stage.Kind.FOLD ? 1 : 0);
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


    /**
     * The body of pipe$<n> (parameters: the source, one or range's two, then the arguments) and
     * of its element method ({@link FrameNames#pipeElement}), emitted next to it: pipe$<n> walks
     * the source and calls the element method on each element (with the fold's accumulator),
     * which runs the stages and returns what comes out: the element for the list being built,
     * {@code Pipes.SKIP} when a filter rejected it, or the fold's accumulator (as it was, if a
     * filter rejected the element); or
     * {@code Pipes.FALLBACK} after a panic of a later stage, when pipe$<n> returns null.
     *
     * <p>Why a method of its own: a pipeline is often entered once or twice per run of its
     * caller, with thousands of elements. HotSpot then compiles its loop with C2 only on the
     * stack (OSR), and each call ran thousands of elements in C1's profiling code and the
     * interpreter before it reached that code, until the loop's whole-method C2 compile, which
     * came late or never (records' steady state: 3 or 4-8 ms by luck). Called per element, the
     * stages get their own C2 compile within the first call, and the slow start of each later
     * call is only the loop around them. (Cutting the loop into chunks of elements, each a call,
     * was measured and dropped: the chunks' C2 compile waits for hundreds of calls, and behind
     * an OSR compile of the chunk.)
     */
    void loop(MethodVisitor nm, String name, Frame caller) {
        boolean range = p.range() != null;
        Stage last = p.stages().get(p.stages().size() - 1);
        boolean fold = last.kind() == Stage.Kind.FOLD;
        for (int i = 0; i < p.stages().size() - 1; i++) {
            if (p.stages().get(i).kind() == Stage.Kind.FOLD) throw new IllegalStateException("a fold before the last stage");
        }
        String element = FrameNames.pipeElement(name);
        String elementDesc = "(" + (range ? "D" : Rt.OBJ_D) + (fold ? Rt.OBJ_D : "") + Rt.OBJ_D.repeat(arguments.size()) + ")" + Rt.OBJ_D;
        MethodVisitor em = m.methodIn(((LongStrings) nm).unit, element, elementDesc, p.node());
        walk(nm, element, elementDesc, fold, caller);
        element(em, fold, caller);
    }

    /** pipe$<n>: the walk over the source, calling the element method on each element. */
    private void walk(MethodVisitor mv, String element, String elementDesc, boolean fold, Frame caller) {
        mv.visitCode();
        boolean range = p.range() != null;
        int first = range ? 2 : 1;
        Frame f = new Frame(mv, caller.owner, caller.fn, caller.fnBinding, first + arguments.size(), false);
        Label fallback = new Label(), exit = new Label();
        int state = f.newSlot(); // the list being built, or the fold's accumulator
        if (fold) {
            mv.visitVarInsn(ALOAD, first + initArg[p.stages().size() - 1]);
        } else {
            mv.visitTypeInsn(NEW, OUT);
            mv.visitInsn(DUP);
            mv.visitMethodInsn(INVOKESPECIAL, OUT, "<init>", "()V", false);
        }
        mv.visitVarInsn(ASTORE, state);
        Label next = new Label();
        RangeLoop loop = null;
        if (range) {
            mv.visitVarInsn(ALOAD, 0);
            mv.visitVarInsn(ALOAD, 1);
            mv.visitMethodInsn(INVOKESTATIC, PIPES, "rangeFusable", "(" + Rt.OBJ_D + Rt.OBJ_D + ")Z", false);
            mv.visitJumpInsn(IFEQ, fallback);
            loop = new RangeLoop(mv, f, 0, 1, exit);
            Rt.poll(mv); // cancellation (time limit, Ctrl-C), as in every loop
            mv.visitVarInsn(DLOAD, loop.i);
        } else {
            int cur = f.newSlot(), leaf = f.newSlot(), k = f.newSlot(), to = f.newSlot(), el = f.newSlot();
            mv.visitVarInsn(ALOAD, 0);
            mv.visitMethodInsn(INVOKESTATIC, PIPES, "numbers", "(" + Rt.OBJ_D + ")L" + CURSOR + ";", false);
            mv.visitInsn(DUP);
            mv.visitVarInsn(ASTORE, cur);
            mv.visitJumpInsn(IFNULL, fallback); // not a list: the unfused stages panic as they should
            LeafLoop.head(mv, false, cur, leaf, k, to, el, new Label(), next, exit, null);
            mv.visitVarInsn(ALOAD, el);
        }
        if (fold) mv.visitVarInsn(ALOAD, state);
        for (int a = 0; a < arguments.size(); a++) mv.visitVarInsn(ALOAD, first + a);
        mv.visitMethodInsn(INVOKESTATIC, LongStrings.owner(mv), element, elementDesc, false);
        int r = f.newSlot();
        mv.visitVarInsn(ASTORE, r);
        mv.visitVarInsn(ALOAD, r);
        mv.visitFieldInsn(GETSTATIC, PIPES, "FALLBACK", Rt.OBJ_D);
        mv.visitJumpInsn(IF_ACMPEQ, fallback); // a later stage panicked: the caller runs the stages unfused
        if (fold) {
            mv.visitVarInsn(ALOAD, r);
            mv.visitVarInsn(ASTORE, state);
        } else {
            mv.visitVarInsn(ALOAD, r);
            mv.visitFieldInsn(GETSTATIC, PIPES, "SKIP", Rt.OBJ_D);
            mv.visitJumpInsn(IF_ACMPEQ, next); // a filter rejected it
            mv.visitVarInsn(ALOAD, state);
            mv.visitTypeInsn(CHECKCAST, OUT);
            mv.visitVarInsn(ALOAD, r);
            mv.visitMethodInsn(INVOKEVIRTUAL, OUT, "add", "(" + Rt.OBJ_D + ")V", false);
        }
        if (range) {
            mv.visitLabel(next);
            loop.next(mv);
        } else {
            mv.visitJumpInsn(GOTO, next);
        }
        mv.visitLabel(exit);
        mv.visitVarInsn(ALOAD, state);
        if (!fold) {
            mv.visitTypeInsn(CHECKCAST, OUT);
            mv.visitMethodInsn(INVOKEVIRTUAL, OUT, "build", "()" + Rt.OBJ_D, false);
        }
        mv.visitInsn(ARETURN);
        mv.visitLabel(fallback);
        mv.visitInsn(ACONST_NULL);
        mv.visitInsn(ARETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /**
     * The element method: parameters the element (a range's number as a double), the fold's
     * accumulator, then the arguments; it runs the stages inside a handler (see the class).
     */
    private void element(MethodVisitor mv, boolean fold, Frame caller) {
        mv.visitCode();
        boolean range = p.range() != null;
        int el = 0, acc = fold ? (range ? 2 : 1) : -1;
        Frame f = new Frame(mv, caller.owner, caller.fn, caller.fnBinding, argBase + arguments.size(), false);
        f.scope = caller.scope;
        f.method = caller.method;
        Label tryStart = new Label(), tryEnd = new Label(), handler = new Label(), skip = new Label();
        mv.visitTryCatchBlock(tryStart, tryEnd, handler, PANIC);
        int depth = f.newSlot();
        mv.visitMethodInsn(INVOKESTATIC, Rt.INVOKE, "tailDepth", "()I", false);
        mv.visitVarInsn(ISTORE, depth);
        stage = f.newSlot();
        mv.visitInsn(ICONST_0);
        mv.visitVarInsn(ISTORE, stage);
        mv.visitLabel(tryStart);
        int result = body(f, el, range, acc, skip);
        mv.visitVarInsn(ALOAD, result);
        mv.visitInsn(ARETURN);
        mv.visitLabel(skip); // a filter rejected the element: a fold's accumulator stays as it was
        if (fold) mv.visitVarInsn(ALOAD, acc);
        else mv.visitFieldInsn(GETSTATIC, PIPES, "SKIP", Rt.OBJ_D);
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
        mv.visitFieldInsn(GETSTATIC, PIPES, "FALLBACK", Rt.OBJ_D);
        mv.visitInsn(ARETURN);
        mv.visitLabel(rethrow);
        mv.visitInsn(ATHROW);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /**
     * Runs every stage on the element in slot el (a double slot while dbl, from a range, until a
     * stage makes it an object); a filter that rejects it jumps to next. Returns the slot holding
     * what comes out: the element, or the fold's accumulator (slot acc).
     */
    private int body(Frame f, int el, boolean dbl, int acc, Label next) {
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
        if (acc >= 0) return acc;
        if (dbl) box(el, obj, mv); // numbers go into the list unboxed all the same (LeafOut.add)
        return obj;
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
        return argBase + arg;
    }

    private static void settle(MethodVisitor mv) {
        mv.visitMethodInsn(INVOKESTATIC, Rt.INVOKE, "settle", "(" + Rt.OBJ_D + ")" + Rt.OBJ_D, false);
    }
}
