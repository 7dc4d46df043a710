package dev.ludus.compiler.emit;

import dev.ludus.compiler.resolve.Binding;
import dev.ludus.compiler.resolve.NameUse;
import dev.ludus.compiler.syntax.Ast.*;
import dev.ludus.compiler.syntax.Span;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Expression code: every {@link #emit} leaves exactly one value on the operand stack (code after
 * a throw or a jump pushes a dead null to keep that invariant). {@code tail} is true when the
 * value is the result of a fn body method: calls there may return a pending TailCall, and self
 * calls and recur become jumps.
 */
final class ExprGen implements Gen, Opcodes {
    private final ModuleContext m;
    final PatternGen patterns;
    final CallGen calls;
    final NumGen nums;
    final IntLoopGen ints;
    final Splitter split;
    final CollectionGen colls;
    final FormGen forms;
    final ControlGen control;
    final LoopGen loops;
    private final ConstantLiterals constants = new ConstantLiterals();

    ExprGen(ModuleContext m) {
        this.m = m;
        this.patterns = new PatternGen(m, this);
        this.calls = new CallGen(m, this);
        this.nums = new NumGen(m, this);
        this.ints = new IntLoopGen(m, this);
        this.split = new Splitter(m, this);
        this.colls = new CollectionGen(m, this);
        this.forms = new FormGen(m, this);
        this.control = new ControlGen(m, this);
        this.loops = new LoopGen(m, this);
    }

    @Override
    public void line(Frame f, Span s) {
        if (s.line() != f.lastLine) {
            Label l = new Label();
            f.mv.visitLabel(l);
            f.mv.visitLineNumber(s.line(), l);
            f.lastLine = s.line();
        }
    }

    @Override
    public void sequence(List<Expr> body, Frame f, boolean tail) {
        sequence(body, f, tail, null);
    }

    /** As above; {@code starts}, if given, gets a label at the start of each statement's code (sizes). */
    void sequence(List<Expr> body, Frame f, boolean tail, Label[] starts) {
        makeCells(body, f);
        Gen.Suffix rest = f.splitting ? suffixWeights(body) : null;
        for (int i = 0; i < body.size(); i++) {
            boolean last = i == body.size() - 1;
            if (rest != null && split.sequenceRest(body, i, rest.at(i), f, tail)) {
                if (starts != null) {
                    Label here = new Label();
                    f.mv.visitLabel(here);
                    for (int j = i; j < body.size(); j++) starts[j] = here;
                }
                return;
            }
            if (starts != null) {
                starts[i] = new Label();
                f.mv.visitLabel(starts[i]);
                m.statement = body.get(i);
            }
            emit(body.get(i), f, tail && last);
            if (!last) f.mv.visitInsn(POP);
        }
    }

    @Override
    public Gen.Suffix suffixWeights(List<? extends Node> nodes) {
        return split.suffixWeights(nodes);
    }

    @Override
    public void makeCells(List<Expr> body, Frame f) {
        List<Binding> cells = new ArrayList<>();
        // Only the statements that declare cells are looked at, found once per outermost list:
        // a long body moved into a chain of methods would otherwise be scanned once per method.
        Splitter.Rest rest = split.rootOf(body);
        @SuppressWarnings("unchecked")
        List<Expr> root = rest == null ? body : (List<Expr>) rest.root();
        int from = rest == null ? 0 : rest.from();
        int[] at = cellStatements(root);
        int k = java.util.Arrays.binarySearch(at, from);
        for (k = k < 0 ? -k - 1 : k; k < at.length; k++) {
            for (Binding b : declaredBy(root.get(at[k]))) {
                if (b.kind == Binding.Kind.LOCAL && b.cell && !f.slots.containsKey(b) && !f.spilled.containsKey(b)) cells.add(b);
            }
        }
        if (Spills.cellArray(cells.size(), f)) {
            Spills.makeCells(cells, f);
            return;
        }
        for (Binding b : cells) {
            int slot = f.newSlot();
            f.mv.visitTypeInsn(NEW, Rt.CELL);
            f.mv.visitInsn(DUP);
            f.mv.visitMethodInsn(INVOKESPECIAL, Rt.CELL, "<init>", "()V", false);
            f.mv.visitVarInsn(ASTORE, slot);
            f.slots.put(b, slot);
        }
    }

    private final java.util.IdentityHashMap<List<Expr>, int[]> cellStatements = new java.util.IdentityHashMap<>();

    /** The indices of the statements of {@code body} that declare a local cell, ascending (kept per list). */
    private int[] cellStatements(List<Expr> body) {
        int[] known = cellStatements.get(body);
        if (known != null) return known;
        int[] at = new int[body.size()];
        int n = 0;
        for (int i = 0; i < body.size(); i++) {
            for (Binding b : declaredBy(body.get(i))) {
                if (b.kind == Binding.Kind.LOCAL && b.cell) {
                    at[n++] = i;
                    break;
                }
            }
        }
        at = java.util.Arrays.copyOf(at, n);
        cellStatements.put(body, at);
        return at;
    }

    /** Statements looked at for cells, over all modules compiled in this JVM (LongFormsTest: linear). */
    static long cellScans;

    private List<Binding> declaredBy(Expr e) {
        cellScans++;
        List<Binding> out = new ArrayList<>();
        if (e instanceof Let l) {
            patterns.binders(l.pattern(), out);
        } else if (e instanceof FnDef fd && (!fd.isLambda())) {
            add(out, fd);
        } else if (e instanceof FnDecl d) {
            add(out, d);
        } else if (e instanceof RefDecl r) {
            add(out, r);
        } else {
        }
        return out;
    }

    private void add(List<Binding> out, Node n) {
        Binding b = m.res.declared.get(n);
        if (b != null) out.add(b);
    }

    @Override
    public void emit(Expr e, Frame f, boolean tail) {
        if (f.splitting && split.expression(e, f, tail)) return;
        if (constants.emit(e, f)) return;
        MethodVisitor mv = f.mv;
        if (e instanceof Nil n) {
            Rt.nil(mv);
        } else if (e instanceof Bool b) {
            Rt.bool(mv, b.value());
        } else if (e instanceof Num n) {
            Rt.number(mv, n.value());
        } else if (e instanceof Str s) {
            mv.visitLdcInsn(s.value());
        } else if (e instanceof Kw k) {
            Rt.keyword(mv, k.name());
        } else if (e instanceof InterpStr s) {
            colls.interp(s, f);
        } else if (e instanceof Word w) {
            line(f, w.span()); loadWord(w, f);
        } else if (e instanceof TupleLit t) {
            colls.tuple(t.items(), f);
        } else if (e instanceof ListLit l) {
            colls.list(l, f);
        } else if (e instanceof SetLit s) {
            colls.set(s, f);
        } else if (e instanceof DictLit d) {
            colls.dict(d, f);
        } else if (e instanceof Synthetic s) {
            line(f, s.span());
            // a call of a fn returning a double stays a tail call in tail position (spec §7)
            if (nums.numeric(s, f) && !(tail && nums.numericCallee(s) != null)) {
                nums.emitNum(s, f);
                Rt.box(mv);
            } else {
                calls.synthetic(s, f, tail);
            }
        } else if (e instanceof Let l) {
            line(f, l.span()); forms.let(l, f);
        } else if (e instanceof RefDecl r) {
            forms.ref(r, f);
        } else if (e instanceof FnDef fd) {
            forms.fn(fd, f);
        } else if (e instanceof FnDecl d) {
            forms.fnDecl(d, f);
        } else if (e instanceof If i) {
            control.ifExpr(i, f, tail);
        } else if (e instanceof IfLet i) {
            control.ifLet(i, f, tail);
        } else if (e instanceof When w) {
            control.when(w, f, tail);
        } else if (e instanceof Match mt) {
            control.match(mt, f, tail);
        } else if (e instanceof Receive rv) {
            control.receive(rv, f, tail);
        } else if (e instanceof Loop l) {
            loops.loop(l, f, tail);
        } else if (e instanceof Recur r) {
            line(f, r.span()); calls.recur(r, f);
        } else if (e instanceof Repeat r) {
            loops.repeat(r, f);
        } else if (e instanceof Do d) {
            line(f, d.span()); calls.doPipeline(d, f, tail);
        } else if (e instanceof Block b) {
            sequence(b.body(), f, tail);
        } else if (e instanceof PanicForm p) {
                line(f, p.span());
                emit(p.value(), f, false);
                mv.visitMethodInsn(INVOKESTATIC, Rt.INVOKE, "panicForm", "(" + Rt.OBJ_D + ")L" + Rt.PANIC + ";", false);
                mv.visitInsn(ATHROW);
                mv.visitInsn(ACONST_NULL);
        } else if (e instanceof Import i) {
            forms.importForm(i, f);
        } else if (e instanceof Ns n) {
            forms.ns(n, f);
        } else if (e instanceof Use u) {
            forms.use(u, f);
        } else if (e instanceof Test t) {
            forms.testForm(t, f);
        } else if (e instanceof Splat s) {
            throw new IllegalStateException("splat outside a collection at " + s.span());
        } else if (e instanceof Placeholder p) {
            throw new IllegalStateException("placeholder outside arguments at " + p.span());
        } else {
            throw new IllegalStateException("unexpected node: " + e);
        }
    }

    // ---- names

    @Override
    public void loadWord(Word w, Frame f) {
        NameUse u = m.res.uses.get(w);
        if (u == null) throw new IllegalStateException("unresolved name " + w.name() + " at " + w.span());
        loadBinding(u.binding(), f, u.check(), w.span());
    }

    @Override
    public void checkCallee(Word w, Frame f) {
        NameUse u = m.res.uses.get(w);
        if (!u.check()) return;
        loadBinding(u.binding(), f, true, w.span());
        f.mv.visitInsn(POP);
    }

    @Override
    public void loadBinding(Binding b, Frame f, boolean check, Span site) {
        MethodVisitor mv = f.mv;
        switch (b.kind) {
            case PRELUDE -> Rt.prelude(mv, b.name);
            case SESSION -> Rt.session(mv, b.sessionSlot);
            case MODULE -> {
                ModuleContext.FieldRef ref = m.field(b);
                mv.visitFieldInsn(GETSTATIC, ref.owner(), ref.name(), Rt.OBJ_D);
                if (check) checkBound(b.name, site, f);
            }
            case LOCAL -> {
                if (b == f.fnBinding) {
                    mv.visitVarInsn(ALOAD, 0);
                } else if (f.isDouble(b)) {
                    f.loadNum(b);
                    Rt.box(mv);
                } else if (f.views.containsKey(b)) {
                    loadView(f.views.get(b), f);
                } else if (b.frame == f.owner) {
                    if (!Spills.load(b, f)) {
                        Integer slot = f.slots.get(b);
                        if (slot == null) throw new IllegalStateException("no slot for " + b + " at " + site);
                        mv.visitVarInsn(ALOAD, slot);
                    }
                    if (b.cell) {
                        mv.visitTypeInsn(CHECKCAST, Rt.CELL);
                        mv.visitFieldInsn(GETFIELD, Rt.CELL, "value", Rt.OBJ_D);
                    }
                    if (b.cell || check) checkBound(b.name, site, f);
                    if (f.accumulators.contains(b)) LoopGen.snapshot(mv);
                } else {
                    loadCapture(b, f);
                    if (b.cell) {
                        mv.visitTypeInsn(CHECKCAST, Rt.CELL);
                        mv.visitFieldInsn(GETFIELD, Rt.CELL, "value", Rt.OBJ_D);
                        checkBound(b.name, site, f);
                    }
                }
            }
        }
    }

    /** The captured slot itself (a value, or the Cell of a late-bound binding). */
    private void loadCapture(Binding b, Frame f) {
        Integer idx = f.captures.get(b);
        if (idx == null) throw new IllegalStateException("binding " + b + " not captured in " + f.owner.span());
        f.mv.visitVarInsn(ALOAD, 0);
        f.mv.visitFieldInsn(GETFIELD, Rt.CLOSURE, "caps", Rt.OBJS_D);
        Rt.integer(f.mv, idx);
        f.mv.visitInsn(AALOAD);
    }

    @Override
    public void loadForCapture(Binding b, Frame f) {
        if (b == f.fnBinding) f.mv.visitVarInsn(ALOAD, 0);
        else if (f.isDouble(b)) {
            f.loadNum(b);
            Rt.box(f.mv);
        } else if (f.views.containsKey(b)) {
            loadView(f.views.get(b), f);
        } else if (b.frame == f.owner) {
            if (!Spills.load(b, f)) {
                Integer slot = f.slots.get(b);
                if (slot == null) throw new IllegalStateException("no slot for captured " + b);
                f.mv.visitVarInsn(ALOAD, slot);
            }
            if (f.accumulators.contains(b)) LoopGen.snapshot(f.mv);
        } else loadCapture(b, f);
    }

    void checkBound(String name, Span site, Frame f) {
        MethodVisitor mv = f.mv;
        Label ok = new Label();
        mv.visitInsn(DUP);
        mv.visitJumpInsn(IFNONNULL, ok);
        mv.visitInsn(POP);
        mv.visitLdcInsn(name);
        site(mv, site);
        mv.visitMethodInsn(INVOKESTATIC, Rt.INVOKE, "unbound",
                "(Ljava/lang/String;Ljava/lang/String;II)L" + Rt.PANIC + ";", false);
        mv.visitInsn(ATHROW);
        mv.visitLabel(ok);
    }

    @Override
    public void site(MethodVisitor mv, Span s) {
        m.site(mv, s);
    }

    /** A list cursor's rest name read as a value: the list from its offset on (a new list unless 0). */
    private static void loadView(int[] view, Frame f) {
        f.mv.visitVarInsn(ALOAD, view[0]);
        f.mv.visitVarInsn(ILOAD, view[1]);
        if (view[2] > 0) {
            Rt.integer(f.mv, view[2]);
            f.mv.visitInsn(IADD);
        }
        f.mv.visitMethodInsn(INVOKESTATIC, Rt.PATTERNS, "view", "(" + Rt.OBJ_D + "I)" + Rt.OBJ_D, false);
    }

    @Override
    public void store(Binding b, Frame f) {
        MethodVisitor mv = f.mv;
        switch (b.kind) {
            case MODULE -> {
                ModuleContext.FieldRef ref = m.field(b);
                mv.visitFieldInsn(PUTSTATIC, ref.owner(), ref.name(), Rt.OBJ_D);
            }
            case LOCAL -> {
                if (b.cell) {
                    if (!Spills.load(b, f)) {
                        Integer slot = f.slots.get(b);
                        if (slot == null) throw new IllegalStateException("no cell for " + b);
                        mv.visitVarInsn(ALOAD, slot);
                    }
                    mv.visitTypeInsn(CHECKCAST, Rt.CELL);
                    mv.visitInsn(SWAP);
                    mv.visitFieldInsn(PUTFIELD, Rt.CELL, "value", Rt.OBJ_D);
                } else if (!Spills.store(b, f)) {
                    Integer slot = f.slots.get(b);
                    if (slot == null) {
                        slot = f.newSlot();
                        f.slots.put(b, slot);
                    }
                    mv.visitVarInsn(ASTORE, slot);
                }
            }
            case PRELUDE, SESSION -> throw new IllegalStateException("cannot bind a prelude or session name");
        }
    }

    // ---- the other concerns' entry points (Gen)

    @Override public void condition(Expr cond, Frame f, Label otherwise) { calls.condition(cond, f, otherwise); }
    @Override public void numericSelfJump(Synthetic s, Frame f) { calls.numericSelfJump(s, f); }
    @Override public boolean numeric(Expr e, Frame f) { return nums.numeric(e, f); }
    @Override public void emitNum(Expr e, Frame f) { nums.emitNum(e, f); }
    @Override public boolean callNumericEntry(FnDef known, List<Expr> args, Frame f) { return nums.callNumericEntry(known, args, f); }
    @Override public boolean numericCondition(Expr cond, Frame f, Label otherwise) { return nums.condition(cond, f, otherwise); }
    @Override public void pushLong(Expr e, Frame f) { nums.pushLong(e, f); }
    @Override public void array(List<Expr> items, Frame f) { colls.array(items, f); }
    @Override public void arrayOfSlots(MethodVisitor mv, int[] slots, boolean[] dbl, boolean[] lng) { colls.arrayOfSlots(mv, slots, dbl, lng); }
    @Override public void truthy(Frame f) { control.truthy(f); }
    @Override public void clauses(List<Clause> cs, ArgSource src, Frame f, boolean tail, Label end) { control.clauses(cs, src, f, tail, end); }
    @Override public void whenClauses(List<WhenClause> cs, Frame f, boolean tail, Label end) { control.whenClauses(cs, f, tail, end); }
    @Override public void loopArg(Frame.RecurTarget t, int j, Expr arg, Frame f) { loops.loopArg(t, j, arg, f); }

    @Override
    public void enterLongLoop(List<Expr> init, int[] slots, boolean[] dbl, int[] longSlots, boolean[] lng, Label fallback, Frame f) {
        ints.enter(init, slots, dbl, longSlots, lng, fallback, f);
    }

    @Override public void longRecur(Frame.RecurTarget t, List<Expr> args, Frame f) { ints.recur(t, args, f); }
    @Override public void match(Pattern p, int v, Label fail, Frame f) { patterns.match(p, v, fail, f); }
    @Override public void matchArgs(PTuple p, ArgSource src, Label fail, Frame f) { patterns.matchArgs(p, src, fail, f); }
    @Override public void matchClause(Pattern p, ArgSource src, Label fail, Frame f) { patterns.matchClause(p, src, fail, f); }
    @Override public boolean chunked(Frame f, List<? extends Node> items) { return split.chunked(f, items); }

    @Override
    public boolean clausesRest(List<Clause> cs, int i, int restWeight, ArgSource src, Frame f, boolean tail, Label end) {
        return split.clausesRest(cs, i, restWeight, src, f, tail, end);
    }

    @Override
    public boolean whenRest(List<WhenClause> cs, int i, int restWeight, Frame f, boolean tail, Label end) {
        return split.whenRest(cs, i, restWeight, f, tail, end);
    }

    @Override public void plan(Node root) { split.plan(root); }
    @Override public boolean watch(int weight) { return split.watch(weight); }
    @Override public int weight(Node n) { return split.weight(n); }
}
