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
 * unboxed. The stages run on a chunk of elements in a method of their own (see {@link #loop}),
 * inside a handler: a panic of a later stage puts back the tail-call depth the panic skipped
 * restoring and the loop's method drops what it did and returns null, so the caller runs the stages
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
    /** Where the element method finds the arguments: after its chunk of the source and the state. */
    private final int argBase;

    PipelineObjects(ModuleContext m, Gen x, Analysis.Pipeline p) {
        this.m = m;
        this.x = x;
        this.p = p;
        int n = p.stages().size();
        // the chunk: a range's two doubles, or a leaf and its two int bounds; then the state
        argBase = (p.range() != null ? 4 : 3) + 1;
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
     * the source a chunk at a time (a leaf of the list, or {@link #CHUNK} numbers of the range)
     * and calls the element method on each chunk with the state, the fold's accumulator or the
     * list being built. The element method runs the stages on each element of the chunk and
     * answers the new state, or {@code Pipes.FALLBACK} after a panic of a later stage, when
     * pipe$<n> returns null.
     *
     * <p>Why chunks: a pipeline is often entered once or twice per run of its caller, with
     * thousands of elements. A loop over them all is compiled by C2 only on the stack (OSR),
     * and each later call ran thousands of elements in C1's profiling code before it reached
     * that code, until the whole-method C2 compile, which came late or never. A method per
     * element (the previous form) was compiled at once, but C2 compiled the stages twice, in it
     * and again inlined in the loop's OSR compile. The element method is called thousands of
     * times per pass with at most 32 turns of its loop each, so HotSpot's call count usually
     * asks for its whole-method compile (after ~600 calls) before its loop count asks for an
     * OSR one (a fold's OSR compile still came first in one of two logged runs): the stages are
     * compiled once, early, and entered from every later call.
     * Records' iteration 8 over ten alternated runs: 2.3-6.5 ms, and once 29, per element
     * (median 3.8); 1.9-3.0 (median 2.4) in chunks. A slow spell remains possible: until the
     * chunk's C2 compile (~50 ms) lands, its stages run in C1's code (6-7 ms an iteration),
     * and it lands late when HotSpot asks for it after the first pass (4 of 23 runs).
     */
    void loop(MethodVisitor nm, String name, Frame caller) {
        boolean range = p.range() != null;
        Stage last = p.stages().get(p.stages().size() - 1);
        boolean fold = last.kind() == Stage.Kind.FOLD;
        for (int i = 0; i < p.stages().size() - 1; i++) {
            if (p.stages().get(i).kind() == Stage.Kind.FOLD) throw new IllegalStateException("a fold before the last stage");
        }
        String element = FrameNames.pipeElement(name);
        String elementDesc = "(" + (range ? "DD" : "[" + Rt.OBJ_D + "II") + Rt.OBJ_D + Rt.OBJ_D.repeat(arguments.size()) + ")" + Rt.OBJ_D;
        MethodVisitor em = m.methodIn(((LongStrings) nm).unit, element, elementDesc, p.node());
        walk(nm, element, elementDesc, fold, caller);
        element(em, fold, caller);
    }

    /**
     * How many numbers of a range one call of the element method takes (a list's: one leaf, up
     * to 32). Records' iteration 8 over ten alternated runs: 1.9-3.0 ms with 8, 2.0-3.4 with 32.
     */
    static final int CHUNK = 8;

    /**
     * pipe$<n>: the walk over the source, calling the element method on each leaf of the list
     * (or each {@link #CHUNK} numbers of the range) with the state: the fold's accumulator or
     * the list being built. It answers the new state, or FALLBACK.
     */
    private void walk(MethodVisitor mv, String element, String elementDesc, boolean fold, Frame caller) {
        mv.visitCode();
        boolean range = p.range() != null;
        int first = range ? 2 : 1;
        Frame f = new Frame(mv, caller.owner, caller.fn, caller.fnBinding, first + arguments.size(), false);
        Label fallback = new Label(), exit = new Label(), top = new Label();
        int state = f.newSlot(); // the list being built, or the fold's accumulator
        if (fold) {
            mv.visitVarInsn(ALOAD, first + initArg[p.stages().size() - 1]);
        } else {
            mv.visitTypeInsn(NEW, OUT);
            mv.visitInsn(DUP);
            mv.visitMethodInsn(INVOKESPECIAL, OUT, "<init>", "()V", false);
        }
        mv.visitVarInsn(ASTORE, state);
        RangeLoop loop = null;
        if (range) {
            mv.visitVarInsn(ALOAD, 0);
            mv.visitVarInsn(ALOAD, 1);
            mv.visitMethodInsn(INVOKESTATIC, PIPES, "rangeFusable", "(" + Rt.OBJ_D + Rt.OBJ_D + ")Z", false);
            mv.visitJumpInsn(IFEQ, fallback);
            loop = new RangeLoop(mv, f, 0, 1, exit);
            Rt.poll(mv); // cancellation (time limit, Ctrl-C), as in every loop
            mv.visitVarInsn(DLOAD, loop.i); // the chunk [i, min (i + CHUNK, hi))
            mv.visitVarInsn(DLOAD, loop.i);
            mv.visitLdcInsn((double) CHUNK);
            mv.visitInsn(DADD);
            mv.visitVarInsn(DLOAD, loop.hi);
            mv.visitMethodInsn(INVOKESTATIC, "java/lang/Math", "min", "(DD)D", false);
        } else {
            int cur = f.newSlot();
            mv.visitVarInsn(ALOAD, 0);
            mv.visitMethodInsn(INVOKESTATIC, PIPES, "numbers", "(" + Rt.OBJ_D + ")L" + CURSOR + ";", false);
            mv.visitInsn(DUP);
            mv.visitVarInsn(ASTORE, cur);
            mv.visitJumpInsn(IFNULL, fallback); // not a list: the unfused stages panic as they should
            mv.visitLabel(top);
            mv.visitVarInsn(ALOAD, cur);
            mv.visitMethodInsn(INVOKEVIRTUAL, CURSOR, "next", "()Z", false);
            mv.visitJumpInsn(IFEQ, exit);
            Rt.poll(mv);
            LeafLoop.leaf(mv, false, cur);
        }
        mv.visitVarInsn(ALOAD, state);
        for (int a = 0; a < arguments.size(); a++) mv.visitVarInsn(ALOAD, first + a);
        mv.visitMethodInsn(INVOKESTATIC, LongStrings.owner(mv), element, elementDesc, false);
        mv.visitInsn(DUP);
        mv.visitVarInsn(ASTORE, state);
        mv.visitFieldInsn(GETSTATIC, PIPES, "FALLBACK", Rt.OBJ_D);
        mv.visitJumpInsn(IF_ACMPEQ, fallback); // a later stage panicked: the caller runs the stages unfused
        if (range) loop.next(mv, CHUNK);
        else mv.visitJumpInsn(GOTO, top);
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
     * The element method: parameters a chunk of the source (a range's numbers [lo, hi) as
     * doubles, or a leaf and its range [from, to)), the state (the fold's accumulator or the
     * list being built), then the arguments. It runs the stages on each element inside a
     * handler (see the class) and answers the new state, or FALLBACK.
     */
    private void element(MethodVisitor mv, boolean fold, Frame caller) {
        mv.visitCode();
        boolean range = p.range() != null;
        int st = argBase - 1;
        Frame f = new Frame(mv, caller.owner, caller.fn, caller.fnBinding, argBase + arguments.size(), false);
        f.scope = caller.scope;
        f.method = caller.method;
        Label tryStart = new Label(), tryEnd = new Label(), handler = new Label(), next = new Label(), done = new Label();
        mv.visitTryCatchBlock(tryStart, tryEnd, handler, PANIC);
        int depth = f.newSlot();
        mv.visitMethodInsn(INVOKESTATIC, Rt.INVOKE, "tailDepth", "()I", false);
        mv.visitVarInsn(ISTORE, depth);
        stage = f.newSlot();
        mv.visitInsn(ICONST_0);
        mv.visitVarInsn(ISTORE, stage);
        int el = range ? f.newDoubleSlot() : f.newSlot();
        mv.visitLabel(tryStart);
        // one loop, one head (see LeafLoop): the element into el, or past the end to done
        mv.visitLabel(next);
        if (range) { // params: lo (0-1), hi (2-3)
            mv.visitVarInsn(DLOAD, 0);
            mv.visitVarInsn(DLOAD, 2);
            mv.visitInsn(DCMPG);
            mv.visitJumpInsn(IFGE, done);
            mv.visitVarInsn(DLOAD, 0);
            mv.visitVarInsn(DSTORE, el);
            mv.visitVarInsn(DLOAD, 0);
            mv.visitInsn(DCONST_1);
            mv.visitInsn(DADD);
            mv.visitVarInsn(DSTORE, 0);
        } else { // params: leaf (0), from (1), to (2)
            mv.visitVarInsn(ILOAD, 1);
            mv.visitVarInsn(ILOAD, 2);
            mv.visitJumpInsn(IF_ICMPGE, done);
            mv.visitVarInsn(ALOAD, 0);
            mv.visitVarInsn(ILOAD, 1);
            mv.visitInsn(AALOAD);
            mv.visitVarInsn(ASTORE, el);
            mv.visitIincInsn(1, 1);
        }
        if (p.stages().size() > 1) { // each element starts at the first stage
            mv.visitInsn(ICONST_0);
            mv.visitVarInsn(ISTORE, stage);
        }
        body(f, el, range, fold ? st : -1, fold ? -1 : st, next);
        mv.visitJumpInsn(GOTO, next);
        mv.visitLabel(done);
        mv.visitVarInsn(ALOAD, st);
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
        pastInlineLimit(mv);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** HotSpot C2's FreqInlineSize on Java 17 and 25: a hot callee of at most this many bytes of bytecode may be inlined. */
    static final int FREQ_INLINE_SIZE = 325;

    /**
     * Dead code (never run, never compiled: C2 parses only what can be reached) that takes the
     * element method past FREQ_INLINE_SIZE, so that C2 never inlines it into the walk. Left to
     * HotSpot's heuristics, whether it was inlined depended on the order in which the walk's
     * on-stack compile and the element method's own compile happened, a race that the machine's
     * load decided; inlined, the stages ran in the walk's large compile, 1.5-1.8x slower (records:
     * 1.9-2.2 ms in half of ten JVMs, 1.2-1.4 in the rest, under load; with C2 told not to inline
     * the element method, 0-2 slow JVMs of ten). ASM (COMPUTE_FRAMES) keeps the unreachable block
     * verifiable: NOPs, then ATHROW after a frame.
     */
    private static void pastInlineLimit(MethodVisitor mv) {
        Label dead = new Label();
        mv.visitLabel(dead);
        for (int i = 0; i <= FREQ_INLINE_SIZE; i++) mv.visitInsn(NOP);
        mv.visitInsn(ACONST_NULL);
        mv.visitInsn(ATHROW);
    }

    /**
     * Runs every stage on the element in slot el (a double slot while dbl, from a range, until a
     * stage makes it an object); a filter that rejects it jumps to next; the element that comes
     * out goes to the list being built (slot out), or the fold has taken it (slot acc).
     */
    private void body(Frame f, int el, boolean dbl, int acc, int out, Label next) {
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
            mv.visitTypeInsn(CHECKCAST, OUT);
            if (dbl) { // a number still unboxed goes into the list so (no box)
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
        return argBase + arg;
    }

    private static void settle(MethodVisitor mv) {
        mv.visitMethodInsn(INVOKESTATIC, Rt.INVOKE, "settle", "(" + Rt.OBJ_D + ")" + Rt.OBJ_D, false);
    }
}
