package dev.ludus.compiler.emit;

import dev.ludus.compiler.analyse.Analysis;
import dev.ludus.compiler.analyse.Clauses;
import dev.ludus.compiler.resolve.Binding;
import dev.ludus.compiler.syntax.Ast.*;
import dev.ludus.runtime.bootstrap.FnSpec;
import dev.ludus.runtime.diag.Arities;
import dev.ludus.runtime.diag.FrameNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Emits the static body methods of one Ludus function. Clauses are dispatched on argument
 * count first: a direct method per fixed arity (0..MAX_DIRECT) holds only the clauses that can
 * take that many arguments; a variadic method (Object[] args) holds the clauses for every other
 * count (splat clauses and larger fixed arities).
 */
final class FnGen implements Opcodes {
    static final int MAX_DIRECT = Clauses.MAX_DIRECT;

    private final ModuleContext m;
    private final Gen x;
    private final FnDef fd;
    private final String baseName;
    /** The class holding this fn's entries (ModuleContext.unit). */
    private ClassUnit unit;

    FnGen(ModuleContext m, Gen x, FnDef fd, int id) {
        this.m = m;
        this.x = x;
        this.fd = fd;
        // readable Ludus name in the method name: the runtime's call trace reads it back
        this.baseName = FrameNames.fnBase(id, fd.isLambda() ? null : LongStrings.shortName(fd.name()));
    }

    FnCode emit(Map<FnDef, FnCode> registry) {
        int mask = 0;
        for (Clause c : fd.clauses()) {
            PTuple p = (PTuple) c.pattern();
            if (!Clauses.hasSplat(p) && p.items().size() <= MAX_DIRECT) mask |= 1 << p.items().size();
        }
        // The constant's one argument describes the fn (FnSpec); Bootstraps.fnCode finds the
        // entries by name when they are first needed. (Several arguments with a varargs array
        // of method handles cost ~20 ms of method-handle spinning at start-up as a dynamic
        // constant, and making the handles up front costs even as a plain call.)
        List<String> pats = new ArrayList<>();
        for (Clause c : fd.clauses()) pats.add(PatternText.show(c.pattern()));
        String spec = FnSpec.encode(fd.isLambda() ? ":anon" : fd.name(), fd.doc() == null ? "" : fd.doc(),
                String.join("\n", pats), m.file, fd.span().line(), mask, baseName);
        boolean big = Analysis.large(m.an.weight(fd));
        if (big) for (Clause c : fd.clauses()) x.plan(c);
        this.unit = m.unit(big, fd);
        FnCode code = new FnCode(new ConstantDynamic("fn", Rt.FNCODE_D, Rt.FNCODE_BSM, spec), unit.name, baseName, mask);
        registry.put(fd, code);

        for (int n = 0; n <= MAX_DIRECT; n++) {
            if ((mask & (1 << n)) != 0) emitDirect(n, false);
            if (m.an.numericEntry(fd, n)) emitDirect(n, true);
        }
        emitVariadic();
        dev.ludus.compiler.analyse.VecBodies.Plan vec = m.an.vecPlan(fd);
        if (vec != null && vec.flat()) emitFlat(vec, code);
        return code;
    }

    private Frame newFrame(MethodVisitor mv, int firstFree, String method, boolean numeric) {
        Binding self = fd.isLambda() ? null : m.res.declared.get(fd);
        Frame f = new Frame(mv, fd, fd, self, firstFree, true);
        f.scope = numeric ? m.an.numericEntryScope(fd) : m.an.methodScope(fd);
        f.method = method;
        f.splitting = Analysis.large(m.an.weight(fd));
        List<Binding> caps = m.res.captures.getOrDefault(fd, List.of());
        for (int i = 0; i < caps.size(); i++) f.captures.put(caps.get(i), i);
        return f;
    }

    /**
     * The entry for n arguments: as Objects, or (numeric) as doubles, each in two slots, for the
     * clauses that can take n arguments (a numeric entry exists only when none has a splat).
     */
    private void emitDirect(int n, boolean numeric) {
        String name = numeric ? FnCode.numericName(baseName, n) : baseName + "$" + n;
        boolean returnsDouble = m.an.returnsNumber(fd, n);
        String desc = numeric ? FnCode.numericDesc(n, returnsDouble) : FnCode.directDesc(n);
        MethodVisitor mv = m.methodIn(unit, name, desc, fd);
        mv.visitCode();
        // (a lambda's numeric entry serves only fused pipelines: its usual entry stays as it was,
        // and a panic's trace shows one frame for the call, as before)
        if (!numeric && returnsDouble && !fd.isLambda()) toNumericEntry(mv, n);
        int width = numeric ? 2 : 1;
        Frame f = newFrame(mv, 1 + width * n, name, numeric);
        f.returnsDouble = numeric && returnsDouble;
        int[] slots = new int[n];
        boolean[] dbl = numeric ? new boolean[n] : null;
        for (int i = 0; i < n; i++) {
            slots[i] = 1 + width * i;
            if (numeric) dbl[i] = true;
        }
        List<Clause> applicable = Clauses.applicable(fd.clauses(), n);
        dev.ludus.compiler.analyse.VecBodies.Plan vec = numeric ? null : m.an.vecPlan(fd);
        int[] offs = numeric || vec != null ? null : cursors(n, applicable, f);
        boolean[] typed = numeric ? null : m.an.selfLoopTypes(fd, n);
        if (typed != null) typedCopy(n, slots, typed, offs, applicable, f);
        Label head = new Label();
        mv.visitLabel(head);
        Rt.poll(mv); // cancellation (time limit, Ctrl-C): each entry and iteration
        f.recur = new Frame.RecurTarget(head, slots, -1, false, dbl);
        f.recur.offs = offs;
        f.selfTarget = f.recur;
        if (vec != null && applicable.size() == 1 && applicable.get(0) == vec.clause()) VecGen.fastPath(m, vec, slots, f, x);
        x.clauses(applicable, offs != null ? ArgSource.cursors(slots, offs) : ArgSource.slots(slots, dbl), f, true, null);
        unview(mv, slots, offs);
        x.arrayOfSlots(mv, slots, dbl); // the arguments, for the no-match panic
        noMatch(mv);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** Before a no-match panic shows the arguments as given: each list cursor's list again. */
    private static void unview(MethodVisitor mv, int[] slots, int[] offs) {
        if (offs == null) return;
        for (int i = 0; i < slots.length; i++) {
            if (offs[i] < 0) continue;
            mv.visitVarInsn(ALOAD, slots[i]);
            mv.visitVarInsn(ILOAD, offs[i]);
            mv.visitMethodInsn(INVOKESTATIC, Rt.PATTERNS, "view", "(" + Rt.OBJ_D + "I)" + Rt.OBJ_D, false);
            mv.visitVarInsn(ASTORE, slots[i]);
        }
    }

    /**
     * The typed copy of an entry (analyse.SelfLoopTypes): when the arguments at the typed
     * positions are numbers, they are unboxed into double slots and the clauses run here, self
     * tail calls jumping back with doubles; otherwise (and never again) the usual copy after it.
     */
    private void typedCopy(int n, int[] slots, boolean[] typed, int[] offs, List<Clause> applicable, Frame f) {
        MethodVisitor mv = f.mv;
        Label usual = new Label();
        for (int i = 0; i < n; i++) {
            if (!typed[i]) continue;
            mv.visitVarInsn(ALOAD, slots[i]);
            mv.visitTypeInsn(INSTANCEOF, "java/lang/Double");
            mv.visitJumpInsn(IFEQ, usual);
        }
        int[] tslots = slots.clone();
        for (int i = 0; i < n; i++) {
            if (!typed[i]) continue;
            tslots[i] = f.newDoubleSlot();
            mv.visitVarInsn(ALOAD, slots[i]);
            Rt.unbox(mv);
            mv.visitVarInsn(DSTORE, tslots[i]);
        }
        Label head = new Label();
        mv.visitLabel(head);
        Rt.poll(mv); // cancellation (time limit, Ctrl-C): each entry and iteration
        f.recur = new Frame.RecurTarget(head, tslots, -1, false, typed);
        f.recur.offs = offs;
        f.selfTarget = f.recur;
        dev.ludus.compiler.analyse.Scope outer = f.scope;
        java.util.Set<Binding> numbersBefore = new java.util.HashSet<>(f.doubleSlots.keySet());
        f.scope = m.an.typedEntryScope(fd, n);
        x.clauses(applicable, new ArgSource(tslots, typed, null, offs, -1, -1), f, true, null);
        f.scope = outer;
        unview(mv, tslots, offs);
        x.arrayOfSlots(mv, tslots, typed);
        noMatch(mv);
        // the usual copy binds the same names afresh, boxed
        f.doubleSlots.keySet().retainAll(numbersBefore);
        mv.visitLabel(usual);
    }

    /**
     * The offset slots of the entry's list cursors (analyse.ListCursors), each set to 0 here,
     * before the loop head; null when there are none. Patterns matched by helper methods or into
     * arrays (large ones) keep lists.
     */
    private int[] cursors(int n, List<Clause> applicable, Frame f) {
        int[] offs = null;
        for (int k = 0; k < n; k++) {
            if (!m.an.listCursor(fd, n, k)) continue;
            if (offs == null) {
                for (Clause c : applicable) if (m.an.weight(c.pattern()) >= Math.min(PatternMethods.BIG, Spills.MIN_NAMES)) return null;
                offs = new int[n];
                java.util.Arrays.fill(offs, -1);
            }
            offs[k] = f.newSlot();
            f.mv.visitInsn(ICONST_0);
            f.mv.visitVarInsn(ISTORE, offs[k]);
        }
        return offs;
    }

    /** The flat entry of a vector body (VecGen.flatEntry): numbers in, the result's numbers into an array. */
    private void emitFlat(dev.ludus.compiler.analyse.VecBodies.Plan vec, FnCode code) {
        String name = VecGen.flatName(code);
        String desc = VecGen.flatDesc(vec);
        MethodVisitor mv = m.methodIn(unit, name, desc, fd);
        mv.visitCode();
        int width = (org.objectweb.asm.Type.getArgumentsAndReturnSizes(desc) >> 2) - 1;   // the argument slots (no this)
        Frame f = newFrame(mv, width, name, false);
        VecGen.flatEntry(m, vec, f, x);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /**
     * The usual entry of a fn whose numeric entry returns a double: when every argument is a
     * number, run the numeric entry (so a call from outside, e.g. `fib (30)` in a tail position,
     * recurses unboxed) and box its result once.
     */
    private void toNumericEntry(MethodVisitor mv, int n) {
        Label generic = new Label();
        for (int i = 0; i < n; i++) {
            mv.visitVarInsn(ALOAD, 1 + i);
            mv.visitTypeInsn(INSTANCEOF, "java/lang/Double");
            mv.visitJumpInsn(IFEQ, generic);
        }
        mv.visitVarInsn(ALOAD, 0);
        for (int i = 0; i < n; i++) {
            mv.visitVarInsn(ALOAD, 1 + i);
            Rt.unbox(mv);
        }
        mv.visitMethodInsn(INVOKESTATIC, unit.name, FnCode.numericName(baseName, n), FnCode.numericDesc(n, true), false);
        Rt.box(mv);
        mv.visitInsn(ARETURN);
        mv.visitLabel(generic);
    }

    private void emitVariadic() {
        String desc = "(" + Rt.CLOSURE_D + Rt.OBJS_D + ")" + Rt.OBJ_D;
        MethodVisitor mv = m.methodIn(unit, baseName + "$v", desc, fd);
        mv.visitCode();
        Frame f = newFrame(mv, 2, baseName + "$v", false);
        Label head = new Label();
        mv.visitLabel(head);
        Rt.poll(mv); // cancellation (time limit, Ctrl-C): each entry and iteration
        f.recur = new Frame.RecurTarget(head, null, 1, false);
        f.selfTarget = f.recur;
        f.variadicDirectMask = directMask();
        forwardToDirect(mv);
        List<Clause> applicable = new ArrayList<>();
        for (Clause c : fd.clauses()) {
            PTuple p = (PTuple) c.pattern();
            if (Clauses.hasSplat(p) || p.items().size() > MAX_DIRECT) applicable.add(c);
        }
        x.clauses(applicable, ArgSource.array(1), f, true, null);
        mv.visitVarInsn(ALOAD, 1); // the arguments, for the no-match panic
        noMatch(mv);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /**
     * Callers that hold the arguments in an array (Closure.rawN: unknown callees, apply-like
     * builtins) reach a count above Clauses.MAX_UNPACKED_CALL here: such a count with a direct
     * entry is passed on to it, whose clauses this method does not hold.
     */
    private void forwardToDirect(MethodVisitor mv) {
        int mask = directMask();
        for (int n = Clauses.MAX_UNPACKED_CALL + 1; n <= MAX_DIRECT; n++) {
            if ((mask & (1 << n)) == 0) continue;
            Label other = new Label();
            mv.visitVarInsn(ALOAD, 1);
            mv.visitInsn(ARRAYLENGTH);
            Rt.integer(mv, n);
            mv.visitJumpInsn(IF_ICMPNE, other);
            mv.visitVarInsn(ALOAD, 0);
            for (int i = 0; i < n; i++) {
                mv.visitVarInsn(ALOAD, 1);
                Rt.integer(mv, i);
                mv.visitInsn(AALOAD);
            }
            mv.visitMethodInsn(INVOKESTATIC, unit.name, baseName + "$" + n, FnCode.directDesc(n), false);
            mv.visitInsn(ARETURN);
            mv.visitLabel(other);
        }
    }

    private int directMask() {
        int mask = 0;
        for (Clause c : fd.clauses()) {
            PTuple p = (PTuple) c.pattern();
            if (!Clauses.hasSplat(p) && p.items().size() <= MAX_DIRECT) mask |= 1 << p.items().size();
        }
        return mask;
    }

    /**
     * Falls through from the last clause: panic "no match" at the fn token, the arguments' array
     * on the stack. The clauses' arities and patterns travel along for the stderr hint ("pair has
     * clauses for 2 arguments, you gave 3").
     */
    private void noMatch(MethodVisitor mv) {
        mv.visitLdcInsn(fd.isLambda() ? ":anon" : fd.name());
        List<Integer> fixed = new ArrayList<>(), splat = new ArrayList<>();
        List<String> pats = new ArrayList<>();
        for (Clause c : fd.clauses()) {
            PTuple p = (PTuple) c.pattern();
            (Clauses.hasSplat(p) ? splat : fixed).add(Clauses.fixedCount(p));
            pats.add(PatternText.show(p));
        }
        mv.visitLdcInsn(Arities.spec(fixed, splat));
        mv.visitLdcInsn(String.join("\n", pats));
        m.site(mv, fd.span());
        mv.visitMethodInsn(INVOKESTATIC, "dev/ludus/runtime/Panics", "noMatchInFunction",
                "(" + Rt.OBJS_D + "Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;II)"
                        + "Ldev/ludus/runtime/LudusPanic;", false);
        mv.visitInsn(ATHROW);
    }
}
