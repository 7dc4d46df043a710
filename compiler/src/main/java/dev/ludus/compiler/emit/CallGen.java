package dev.ludus.compiler.emit;

import dev.ludus.compiler.analyse.Clauses;
import dev.ludus.compiler.analyse.Analysis;
import dev.ludus.compiler.resolve.Binding;
import dev.ludus.compiler.resolve.NameUse;
import dev.ludus.compiler.syntax.Ast.*;
import dev.ludus.runtime.diag.FrameNames;
import java.util.List;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Calls: synthetic chains, partial application, do pipelines, recur and self tail calls.
 * A call of a module-level named fn with a direct entry for its argument count links with
 * invokestatic; other calls go through an invokedynamic site (CallSites.bsm_call).
 */
final class CallGen implements Opcodes {
    private final ModuleContext m;
    private final Gen x;

    CallGen(ModuleContext m, Gen x) {
        this.m = m;
        this.x = x;
    }

    void synthetic(Synthetic s, Frame f, boolean tail) {
        Analysis.Pipeline p = m.an.pipeline(s);
        if (p != null) { // a fused map/filter/fold chain (analyse.Pipelines)
            PipelineGen pipes = new PipelineGen(m, x);
            pipes.fused(p, f, new Runnable() { // not a lambda: see LudusCompiler.PARSER
                @Override
                public void run() {
                    pipes.unfusedCalls(p, f);
                }
            });
            return;
        }
        if (m.an.rangeFold(s)) { // fold (fn ..., range (...), init) as a counted loop (analyse.RangeFolds)
            new RangeFoldGen(m, x).emit(s, f);
            return;
        }
        MethodVisitor mv = f.mv;
        List<Term> terms = s.terms();
        int i = 0;
        if (s.root() instanceof Kw k && !terms.isEmpty() && terms.get(0) instanceof Args a) {
            // :k (v) looks k up in v
            x.emit(a.args().get(0), f, false);
            lookup(k.name(), k.span(), f);
            i = 1;
        } else if (s.root() instanceof Word w && !terms.isEmpty() && terms.get(0) instanceof Args a && !hasHole(a)) {
            wordCall(w, a.args(), f, tail && terms.size() == 1);
            i = 1;
        } else {
            x.emit(s.root(), f, false);
        }
        for (; i < terms.size(); i++) {
            Term t = terms.get(i);
            boolean last = i == terms.size() - 1;
            if (t instanceof KwTerm k) {
                lookup(k.name(), k.span(), f);
            } else {
                Args a = (Args) t;
                if (hasHole(a)) partial(a, f);
                else if (ManyArgs.applies(a.args())) ManyArgs.call(x, a.args(), f, tail && last);
                else {
                    for (Expr arg : a.args()) x.emit(arg, f, false);
                    invokeOnStack(a.args().size(), f, tail && last);
                }
            }
        }
    }

    /** {@code v :k}: a DictSites lookup site (an inline cache on record shapes; Invoke.lookup semantics). */
    private void lookup(String key, dev.ludus.compiler.syntax.Span site, Frame f) {
        if (!cached(f)) {
            // a site that runs once gains nothing from a cache, and linking one costs start-up time
            Rt.keyword(f.mv, key);
            x.site(f.mv, site);
            f.mv.visitMethodInsn(INVOKESTATIC, Rt.INVOKE, "lookup",
                    "(" + Rt.OBJ_D + Rt.KEYWORD_D + "Ljava/lang/String;II)" + Rt.OBJ_D, false);
            return;
        }
        f.mv.visitInvokeDynamicInsn("lookup", "(" + Rt.OBJ_D + ")" + Rt.OBJ_D, Rt.DICT_LOOKUP_BSM, m.lookupSiteArg(key, site));
    }

    /**
     * Whether a call or dict site here gets an invokedynamic inline cache: not in code that runs
     * once, nor without the optional optimisations (the generic path, Analysis.optimised).
     */
    boolean cached(Frame f) {
        return !f.runsOnce() && m.an.optimised();
    }

    private static boolean hasHole(Args a) {
        for (Expr e : a.args()) if (e instanceof Placeholder) return true;
        return false;
    }

    private void partial(Args a, Frame f) {
        MethodVisitor mv = f.mv;
        List<Expr> args = a.args();
        int hole = -1;
        if (ManyArgs.applies(args)) {
            // many arguments: one array (the hole holds nil until the call fills it)
            List<Expr> values = new java.util.ArrayList<>(args);
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i) instanceof Placeholder p) {
                    values.set(i, new Nil(p.span()));
                    hole = i;
                }
            }
            ManyArgs.array(x, values, f);
            Rt.integer(mv, hole);
            mv.visitMethodInsn(INVOKESTATIC, Rt.INVOKE, "partial", "(" + Rt.OBJ_D + Rt.OBJS_D + "I)" + Rt.OBJ_D, false);
            return;
        }
        Rt.integer(mv, args.size());
        mv.visitTypeInsn(ANEWARRAY, Rt.OBJ);
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i) instanceof Placeholder) {
                hole = i;
                continue;
            }
            mv.visitInsn(DUP);
            Rt.integer(mv, i);
            x.emit(args.get(i), f, false);
            mv.visitInsn(AASTORE);
        }
        Rt.integer(mv, hole);
        mv.visitMethodInsn(INVOKESTATIC, Rt.INVOKE, "partial", "(" + Rt.OBJ_D + Rt.OBJS_D + "I)" + Rt.OBJ_D, false);
    }

    /** Calls the callee below n argument values on the stack. */
    void invokeOnStack(int n, Frame f, boolean tail) {
        MethodVisitor mv = f.mv;
        boolean tc = tail && f.mayReturnTailCall;
        if (n <= 3 && !cached(f)) {
            // a site that runs once gains nothing from an inline cache, and linking an
            // invokedynamic site costs start-up time: call the generic path directly
            mv.visitMethodInsn(INVOKESTATIC, tc ? Rt.INVOKE : Rt.CALLS, (tc ? "tail" : "call") + n, Rt.objDesc(n + 1), false);
        } else if (n <= 3) {
            mv.visitInvokeDynamicInsn(tc ? "tail" : "call", Rt.objDesc(n + 1), Rt.CALL_BSM, "");
        } else {
            // pack the n arguments into an array
            int[] tmp = new int[n];
            for (int i = n - 1; i >= 0; i--) {
                tmp[i] = f.newSlot();
                mv.visitVarInsn(ASTORE, tmp[i]);
            }
            x.arrayOfSlots(mv, tmp);
            mv.visitMethodInsn(INVOKESTATIC, tc ? Rt.INVOKE : Rt.CALLS, tc ? "tailN" : "callN",
                    "(" + Rt.OBJ_D + Rt.OBJS_D + ")" + Rt.OBJ_D, false);
        }
    }

    private void wordCall(Word w, List<Expr> args, Frame f, boolean tail) {
        MethodVisitor mv = f.mv;
        NameUse u = m.res.uses.get(w);
        Binding b = u.binding();
        int n = args.size();
        boolean tc = tail && f.mayReturnTailCall;
        if (ManyArgs.applies(args)) {
            x.loadWord(w, f);
            ManyArgs.call(x, args, f, tail);
            return;
        }
        if (tc && b == f.fnBinding && f.selfTarget != null && selfJump(args, f)) return;
        if (b.kind == Binding.Kind.PRELUDE) {
            boolean dictFold = m.an.dictFold(w);
            if (dictFold || m.an.accumulatorUpdate(w)) {
                // a fold building a dict or set in place, or an update/assoc/append of its accumulator (analyse.DictFolds)
                for (Expr a : args) x.emit(a, f, false);
                String op = dictFold ? "dictFold" : b.name.equals("update") ? "accUpdate" : b.name.equals("assoc") ? "accAssoc" : "foldAppend";
                mv.visitMethodInsn(INVOKESTATIC, Rt.INVOKE, op, Rt.objDesc(n), false);
                return;
            }
            if (m.an.refUpdate(w)) { // update! (r, f (..., _, ...)) in place (analyse.RefUpdates)
                new RefUpdateGen(m, x, this).emit(w, args, f);
                return;
            }
            if (b.name.equals("join") && JoinGen.applies(args)) {
                JoinGen.emit(x, args, f);
                return;
            }
            Kw k = dictSiteKey(b, args, f);
            if (k != null) {
                x.emit(args.get(0), f, false);
                x.emit(args.get(2), f, false);
                dictSite(mv, b.name, k);
                return;
            }
            if (b.name.equals("string") && JoinGen.stringApplies(args)) {
                JoinGen.emitString(x, args, f);
                return;
            }
            if (n == 1 && (b.name.equals("show") || b.name.equals("string")) && x.numeric(args.get(0), f)) {
                JoinGen.shownNumber(x, args.get(0), f); // no box, no dispatch on the kind
                return;
            }
            Intrinsics.Target t = Intrinsics.value(b.name, n);
            if (t != null) {
                for (Expr a : args) x.emit(a, f, false);
                mv.visitMethodInsn(INVOKESTATIC, t.owner(), t.method(), t.desc(), false);
                return;
            }
        }
        FnDef known = m.an.knownFn(b);
        if (known != null && tc && m.code(known).hasDirect(n)) {
            knownTailCall(w, u, m.code(known), args, f);
            return;
        }
        if (known != null && !tc) {
            FnCode code = m.code(known);
            if (code.hasDirect(n)) {
                x.checkCallee(w, f);
                if (allNumeric(args, f) && m.an.numericEntry(known, n)) {
                    if (x.callNumericEntry(known, args, f)) Rt.box(mv);
                } else {
                    mv.visitInsn(ACONST_NULL); // module-level fns capture nothing and name themselves through their field
                    for (Expr a : args) x.emit(a, f, false);
                    mv.visitMethodInsn(INVOKESTATIC, code.owner(), code.directName(n), FnCode.directDesc(n), false);
                }
                mv.visitMethodInsn(INVOKESTATIC, Rt.INVOKE, "settle", "(" + Rt.OBJ_D + ")" + Rt.OBJ_D, false);
                return;
            }
        }
        x.loadWord(w, f);
        for (Expr a : args) x.emit(a, f, false);
        invokeOnStack(n, f, tail);
    }

    /**
     * The key of {@code assoc (d, :k, v)} or {@code update (d, :k, f)} (prelude b, args as
     * written) when it gets a DictSites site here, else null.
     */
    Kw dictSiteKey(Binding b, List<Expr> args, Frame f) {
        boolean op = b.kind == Binding.Kind.PRELUDE && (b.name.equals("assoc") || b.name.equals("update"));
        return op && args.size() == 3 && args.get(1) instanceof Kw k && cached(f) ? k : null;
    }

    /** With d and v (or f) on the stack: assoc or update of key k through a DictSites site (an inline cache on record shapes; Colls semantics). */
    static void dictSite(MethodVisitor mv, String op, Kw k) {
        mv.visitInvokeDynamicInsn(op, Rt.objDesc(2), op.equals("assoc") ? Rt.DICT_ASSOC_BSM : Rt.DICT_UPDATE_BSM, k.name());
    }

    /**
     * A tail call of a module-level fn with a direct entry: a plain invokestatic while the runtime
     * allows another nested tail call (Invoke.enterTail), else a pending TailCall, so the stack
     * stays bounded (spec §7) without allocating on most calls.
     */
    private void knownTailCall(Word w, NameUse u, FnCode code, List<Expr> args, Frame f) {
        MethodVisitor mv = f.mv;
        int n = args.size();
        int[] tmp = new int[n];
        for (int i = 0; i < n; i++) {
            x.emit(args.get(i), f, false);
            tmp[i] = f.newSlot();
            mv.visitVarInsn(ASTORE, tmp[i]);
        }
        x.checkCallee(w, f);
        Label slow = new Label();
        Label end = new Label();
        mv.visitMethodInsn(INVOKESTATIC, Rt.INVOKE, "enterTail", "()Z", false);
        mv.visitJumpInsn(IFEQ, slow);
        mv.visitInsn(ACONST_NULL);
        for (int t : tmp) mv.visitVarInsn(ALOAD, t);
        mv.visitMethodInsn(INVOKESTATIC, code.owner(), code.directName(n), FnCode.directDesc(n), false);
        mv.visitMethodInsn(INVOKESTATIC, Rt.INVOKE, "exitTail", "(" + Rt.OBJ_D + ")" + Rt.OBJ_D, false);
        mv.visitJumpInsn(GOTO, end);
        mv.visitLabel(slow);
        x.loadBinding(u.binding(), f, false, w.span());
        for (int t : tmp) mv.visitVarInsn(ALOAD, t);
        invokeOnStack(n, f, true);
        mv.visitLabel(end);
    }

    /**
     * A self tail call or recur: store the new arguments where the dispatch reads them and jump.
     * Returns false when the target cannot take this many arguments here (the caller then
     * makes an ordinary tail call).
     */
    /** A self tail call in an entry returning a double (ControlGen.numericTail): always a jump there. */
    void numericSelfJump(Synthetic s, Frame f) {
        x.line(f, s.span());
        if (f.selfTarget == null || !selfJump(Analysis.args(s), f)) {
            throw new IllegalStateException("numeric self call cannot jump at " + s.span());
        }
    }

    private boolean selfJump(List<Expr> args, Frame f) {
        Frame.RecurTarget t = f.selfTarget;
        return jump(t, args, f, false);
    }

    private boolean jump(Frame.RecurTarget t, List<Expr> args, Frame f, boolean loop) {
        MethodVisitor mv = f.mv;
        int n = args.size();
        if (t.remote != null) return remoteJump(t.remote, args, f, loop);
        if (t.fixed()) {
            if (t.argSlots.length != n) return false;
            if (t.lng != null) {
                x.longRecur(t, args, f);
                return true;
            }
            if (!loop && t.dbl != null && !numericAt(t, args, f)) {
                // (a typed copy's positions are numeric by the analysis: SelfLoopTypes)
                if (!allTyped(t)) throw new IllegalStateException("a typed self call with a non-number at a typed position");
                unboxingSelfJump(t, args, f);
                return true;
            }
            boolean[] view = new boolean[n];
            for (int i = 0; i < n; i++) {
                int[] v = t.off(i) >= 0 ? viewOf(args.get(i), f) : null;
                if (v != null && v[0] == t.argSlots[i] && v[1] == t.off(i)) {
                    // the rest of this cursor's list: the same list, a larger offset (no new list)
                    view[i] = true;
                    mv.visitVarInsn(ILOAD, v[1]);
                    Rt.integer(mv, v[2]);
                    mv.visitInsn(IADD);
                } else if (t.dbl(i)) x.emitNum(args.get(i), f);
                else x.loopArg(t, i, args.get(i), f);
            }
            for (int i = n - 1; i >= 0; i--) {
                if (view[i]) {
                    mv.visitVarInsn(ISTORE, t.off(i));
                    continue;
                }
                mv.visitVarInsn(t.dbl(i) ? DSTORE : ASTORE, t.argSlots[i]);
                if (t.off(i) >= 0) {
                    mv.visitInsn(ICONST_0);
                    mv.visitVarInsn(ISTORE, t.off(i));
                }
            }
        } else {
            if (!loop && n <= Clauses.MAX_DIRECT && (f.variadicDirectMask & (1 << n)) != 0) return false;
            if (ManyArgs.applies(args)) ManyArgs.array(x, args, f);
            else x.array(args, f);
            mv.visitVarInsn(ASTORE, t.arraySlot);
        }
        mv.visitJumpInsn(GOTO, t.head);
        mv.visitInsn(ACONST_NULL); // dead: keeps the one-value invariant
        return true;
    }

    /**
     * A recur in moved code (Splitter) to target t of the method it was moved from: its values
     * are returned as a RecurArgs, for that method to jump with; false when it is no jump there
     * (a self call with another count: an ordinary tail call).
     */
    private boolean remoteJump(Frame.RecurTarget t, List<Expr> args, Frame f, boolean loop) {
        int n = args.size();
        if (t.fixed() ? t.argSlots.length != n
                : !loop && n <= Clauses.MAX_DIRECT && (f.variadicDirectMask & (1 << n)) != 0) return false;
        if (ManyArgs.applies(args)) ManyArgs.array(x, args, f);
        else x.array(args, f);
        f.mv.visitMethodInsn(INVOKESTATIC, Rt.RECUR_ARGS, "of", "(" + Rt.OBJS_D + ")L" + Rt.RECUR_ARGS + ";", false);
        f.mv.visitInsn(ARETURN);
        f.mv.visitInsn(ACONST_NULL); // dead: keeps the one-value invariant
        return true;
    }

    /** The list cursor view (Frame.views) a plain name argument reads, else null. */
    private int[] viewOf(Expr arg, Frame f) {
        if (!(arg instanceof Word w)) return null;
        NameUse u = m.res.uses.get(w);
        return u == null || u.check() ? null : f.views.get(u.binding());
    }

    /** Whether the arguments at t's unboxed positions are numeric here. */
    private boolean numericAt(Frame.RecurTarget t, List<Expr> args, Frame f) {
        for (int i = 0; i < args.size(); i++) if (t.dbl(i) && !x.numeric(args.get(i), f)) return false;
        return true;
    }

    private static boolean allTyped(Frame.RecurTarget t) {
        for (boolean d : t.dbl) if (!d) return false;
        return true;
    }

    private boolean allNumeric(List<Expr> args, Frame f) {
        for (Expr a : args) if (!x.numeric(a, f)) return false;
        return true;
    }

    /**
     * A self tail call in a numeric entry (analyse.NumericEntries) with arguments not known to be
     * numbers: jump with them unboxed when they are numbers; otherwise call the function through
     * its usual entry (a tail call), which accepts any values.
     */
    private void unboxingSelfJump(Frame.RecurTarget t, List<Expr> args, Frame f) {
        MethodVisitor mv = f.mv;
        int n = args.size();
        int[] tmp = new int[n];
        boolean[] num = new boolean[n];
        for (int i = 0; i < n; i++) {
            num[i] = x.numeric(args.get(i), f);
            if (num[i]) {
                x.emitNum(args.get(i), f);
                tmp[i] = f.newDoubleSlot();
                mv.visitVarInsn(DSTORE, tmp[i]);
            } else {
                x.emit(args.get(i), f, false);
                tmp[i] = f.newSlot();
                mv.visitVarInsn(ASTORE, tmp[i]);
            }
        }
        Label other = new Label();
        for (int i = 0; i < n; i++) {
            if (num[i]) continue;
            mv.visitVarInsn(ALOAD, tmp[i]);
            mv.visitTypeInsn(INSTANCEOF, "java/lang/Double");
            mv.visitJumpInsn(IFEQ, other);
        }
        for (int i = 0; i < n; i++) {
            if (num[i]) {
                mv.visitVarInsn(DLOAD, tmp[i]);
            } else {
                mv.visitVarInsn(ALOAD, tmp[i]);
                Rt.unbox(mv);
            }
            mv.visitVarInsn(DSTORE, t.argSlots[i]);
        }
        mv.visitJumpInsn(GOTO, t.head);
        mv.visitLabel(other);
        String[] bridge = f.fn == null ? null : selfTailBridge(f.fn, n);
        if (bridge != null) mv.visitVarInsn(ALOAD, 0); // this entry's closure (null for a module-level fn)
        else if (f.fnBinding != null) x.loadBinding(f.fnBinding, f, false, null);
        else mv.visitVarInsn(ALOAD, 0);
        for (int i = 0; i < n; i++) {
            if (num[i]) {
                mv.visitVarInsn(DLOAD, tmp[i]);
                Rt.box(mv);
            } else {
                mv.visitVarInsn(ALOAD, tmp[i]);
            }
        }
        if (bridge != null) mv.visitMethodInsn(INVOKESTATIC, bridge[0], bridge[1], FnCode.directDesc(n), false);
        else invokeOnStack(n, f, true);
    }

    /**
     * {owner, name} of the method through which a typed entry of fd (its numeric entry, or the
     * typed copy in its usual entry) calls fd's usual entry for n arguments when a self tail call
     * leaves the numbers behind: {@code <base>$<n>t}, which calls it and settles the result. In the
     * unoptimised build that call is a jump; its own name tells a call trace that the frames are
     * still the one call (FrameNames.partOfCall). Null if fd has no usual entry for n.
     */
    private String[] selfTailBridge(FnDef fd, int n) {
        FnCode code = m.code(fd);
        if (code == null || !code.hasDirect(n)) return null;
        String name = FrameNames.tailBridge(code.directName(n));
        String owner = m.tailBridges.get(name);
        if (owner == null) {
            String desc = FnCode.directDesc(n);
            MethodVisitor b = m.methodIn(m.unit(false, fd), name, desc, fd);
            b.visitCode();
            for (int i = 0; i <= n; i++) b.visitVarInsn(ALOAD, i);
            b.visitMethodInsn(INVOKESTATIC, code.owner(), code.directName(n), desc, false);
            b.visitMethodInsn(INVOKESTATIC, Rt.INVOKE, "settle", "(" + Rt.OBJ_D + ")" + Rt.OBJ_D, false);
            b.visitInsn(ARETURN);
            b.visitMaxs(0, 0);
            b.visitEnd();
            owner = LongStrings.owner(b);
            m.tailBridges.put(name, owner);
        }
        return new String[] {owner, name};
    }

    void recur(Recur r, Frame f) {
        Frame.RecurTarget t = f.recur;
        List<Expr> args = r.args().items();
        if (t == null) throw new IllegalStateException("recur outside loop/fn at " + r.span());
        if (jump(t, args, f, t.isLoop)) return;
        if (t.isLoop) {
            // a fixed-arity loop never sees a different count: the analysis chose array mode otherwise
            throw new IllegalStateException("recur arity mismatch at " + r.span());
        }
        // a self call with a count this body method does not handle: an ordinary tail call
        if (f.fnBinding != null) x.loadBinding(f.fnBinding, f, false, r.span());
        else f.mv.visitVarInsn(ALOAD, 0);
        for (Expr a : args) x.emit(a, f, false);
        invokeOnStack(args.size(), f, true);
    }

    void doPipeline(Do d, Frame f, boolean tail) {
        List<Expr> stages = d.stages();
        if (x.chunked(f, stages)) {
            // a long pipeline: pipelines of CHUNK_ITEMS stages, each fed by the one before (its first), planned
            // so that the Splitter moves the inner ones into methods of their own
            Expr inner = stages.get(0);
            for (int from = 1; from < stages.size(); from += Gen.CHUNK_ITEMS - 1) {
                List<Expr> part = new java.util.ArrayList<>();
                part.add(inner);
                part.addAll(stages.subList(from, Math.min(stages.size(), from + Gen.CHUNK_ITEMS - 1)));
                inner = new Do(stages.get(from).span(), part);
            }
            x.plan(inner);
            doPipeline((Do) inner, f, tail);
            return;
        }
        Analysis.Pipeline p = m.an.pipeline(d);
        int from = 1;
        if (p != null) {
            // the fused group (analyse.Pipelines), with its stages one by one as the fallback
            int end = 1 + p.stages().size();
            new PipelineGen(m, x).fused(p, f, new Runnable() { // not a lambda: see LudusCompiler.PARSER
                @Override
                public void run() {
                    stages(stages, 1, end, f, false);
                }
            });
            from = end;
        } else {
            x.emit(stages.get(0), f, false);
        }
        stages(stages, from, stages.size(), f, tail);
    }

    /** Calls stages [from, to) in turn on the value on the stack. */
    private void stages(List<Expr> stages, int from, int to, Frame f, boolean tail) {
        for (int i = from; i < to; i++) {
            x.emit(stages.get(i), f, false);
            f.mv.visitInsn(SWAP);
            invokeOnStack(1, f, tail && i == stages.size() - 1);
        }
    }

    /** Evaluates a condition and jumps to otherwise when it is falsy. */
    void condition(Expr cond, Frame f, Label otherwise) {
        if (x.numericCondition(cond, f, otherwise)) return;
        if (cond instanceof Synthetic s && s.root() instanceof Word w && s.terms().size() == 1
                && s.terms().get(0) instanceof Args a && !hasHole(a)) {
            Binding b = m.res.uses.get(w).binding();
            Intrinsics.Target t = b.kind == Binding.Kind.PRELUDE ? Intrinsics.test(b.name, a.args().size()) : null;
            if (t != null) {
                x.line(f, s.span());
                for (Expr arg : a.args()) x.emit(arg, f, false);
                f.mv.visitMethodInsn(INVOKESTATIC, t.owner(), t.method(), t.desc(), false);
                f.mv.visitJumpInsn(IFEQ, otherwise);
                return;
            }
        }
        x.emit(cond, f, false);
        x.truthy(f);
        f.mv.visitJumpInsn(IFEQ, otherwise);
    }
}
