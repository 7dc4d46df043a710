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
final class ExprGen implements Opcodes {
    private final ModuleEmitter m;
    private final PatternGen patterns;
    private final CallGen calls;
    final NumGen nums;
    final IntLoops ints;
    final Splitter split;
    private final ConstantLiterals constants = new ConstantLiterals();

    ExprGen(ModuleEmitter m) {
        this.m = m;
        this.patterns = new PatternGen(m, this);
        this.calls = new CallGen(m, this);
        this.nums = new NumGen(m, this);
        this.ints = new IntLoops(m, nums, this);
        this.split = new Splitter(m, this);
    }

    void line(Frame f, Span s) {
        if (s.line() != f.lastLine) {
            Label l = new Label();
            f.mv.visitLabel(l);
            f.mv.visitLineNumber(s.line(), l);
            f.lastLine = s.line();
        }
    }

    /** Statements in one scope: values of all but the last are dropped. */
    void sequence(List<Expr> body, Frame f, boolean tail) {
        sequence(body, f, tail, null);
    }

    /** As above; {@code starts}, if given, gets a label at the start of each statement's code (sizes). */
    void sequence(List<Expr> body, Frame f, boolean tail, Label[] starts) {
        makeCells(body, f);
        int[] rest = f.splitting ? suffixWeights(body) : null;
        for (int i = 0; i < body.size(); i++) {
            boolean last = i == body.size() - 1;
            if (rest != null && split.sequenceRest(body, i, rest[i], f, tail)) {
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

    /** rest[i]: the weight of nodes i.. (Splitter). */
    private int[] suffixWeights(List<? extends Node> nodes) {
        return split.suffixWeights(nodes);
    }

    /** Cells for bindings of this scope that closures capture before they run (late binding). */
    private void makeCells(List<Expr> body, Frame f) {
        for (Expr e : body) {
            for (Binding b : declaredBy(e)) {
                if (b.kind == Binding.Kind.LOCAL && b.cell && !f.slots.containsKey(b)) {
                    int slot = f.newSlot();
                    f.mv.visitTypeInsn(NEW, Rt.CELL);
                    f.mv.visitInsn(DUP);
                    f.mv.visitMethodInsn(INVOKESPECIAL, Rt.CELL, "<init>", "()V", false);
                    f.mv.visitVarInsn(ASTORE, slot);
                    f.slots.put(b, slot);
                }
            }
        }
    }

    private List<Binding> declaredBy(Expr e) {
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

    void emit(Expr e, Frame f, boolean tail) {
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
            interp(s, f);
        } else if (e instanceof Word w) {
            line(f, w.span()); loadWord(w, f);
        } else if (e instanceof TupleLit t) {
            tuple(t.items(), f);
        } else if (e instanceof ListLit l) {
            list(l, f);
        } else if (e instanceof SetLit s) {
            set(s, f);
        } else if (e instanceof DictLit d) {
            dict(d, f);
        } else if (e instanceof Synthetic s) {
            line(f, s.span());
            // a call of a fn returning a double stays a tail call in tail position (spec §7)
            if (nums.numeric(s, f::isDouble) && !(tail && nums.numericCallee(s) != null)) {
                nums.emitNum(s, f);
                NumGen.box(mv);
            } else {
                calls.synthetic(s, f, tail);
            }
        } else if (e instanceof Let l) {
            line(f, l.span()); let(l, f);
        } else if (e instanceof RefDecl r) {
            ref(r, f);
        } else if (e instanceof FnDef fd) {
            fn(fd, f);
        } else if (e instanceof FnDecl d) {
            fnDecl(d, f);
        } else if (e instanceof If i) {
            ifExpr(i, f, tail);
        } else if (e instanceof IfLet i) {
            ifLet(i, f, tail);
        } else if (e instanceof When w) {
            when(w, f, tail);
        } else if (e instanceof Match mt) {
            match(mt, f, tail);
        } else if (e instanceof Receive rv) {
            receive(rv, f, tail);
        } else if (e instanceof Loop l) {
            loop(l, f, tail);
        } else if (e instanceof Recur r) {
            line(f, r.span()); calls.recur(r, f);
        } else if (e instanceof Repeat r) {
            repeat(r, f);
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
            importForm(i, f);
        } else if (e instanceof Ns n) {
            ns(n, f);
        } else if (e instanceof Use u) {
            use(u, f);
        } else if (e instanceof Test t) {
            testForm(t, f);
        } else if (e instanceof Splat s) {
            throw new IllegalStateException("splat outside a collection at " + s.span());
        } else if (e instanceof Placeholder p) {
            throw new IllegalStateException("placeholder outside arguments at " + p.span());
        } else {
            throw new IllegalStateException("unexpected node: " + e);
        }
    }

    // ---- names

    void loadWord(Word w, Frame f) {
        NameUse u = m.res.uses.get(w);
        if (u == null) throw new IllegalStateException("unresolved name " + w.name() + " at " + w.span());
        loadBinding(u.binding(), f, u.check(), w.span());
    }

    /** Before a direct call of a module-level fn: panics if its name is not bound yet (late binding). */
    void checkCallee(Word w, Frame f) {
        NameUse u = m.res.uses.get(w);
        if (!u.check()) return;
        loadBinding(u.binding(), f, true, w.span());
        f.mv.visitInsn(POP);
    }

    void loadBinding(Binding b, Frame f, boolean check, Span site) {
        MethodVisitor mv = f.mv;
        switch (b.kind) {
            case PRELUDE -> Rt.prelude(mv, b.name);
            case SESSION -> Rt.session(mv, b.sessionSlot);
            case MODULE -> {
                ModuleEmitter.FieldRef ref = m.field(b);
                mv.visitFieldInsn(GETSTATIC, ref.owner(), ref.name(), Rt.OBJ_D);
                if (check) checkBound(b.name, site, f);
            }
            case LOCAL -> {
                if (b == f.fnBinding) {
                    mv.visitVarInsn(ALOAD, 0);
                } else if (f.isDouble(b)) {
                    f.loadNum(b);
                    NumGen.box(mv);
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
                    if (f.accumulators.contains(b)) snapshot(mv);
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

    /** What a new closure captures for b: the value, or the Cell when b is late-bound. */
    private void loadForCapture(Binding b, Frame f) {
        if (b == f.fnBinding) f.mv.visitVarInsn(ALOAD, 0);
        else if (f.isDouble(b)) {
            f.loadNum(b);
            NumGen.box(f.mv);
        } else if (b.frame == f.owner) {
            if (!Spills.load(b, f)) {
                Integer slot = f.slots.get(b);
                if (slot == null) throw new IllegalStateException("no slot for captured " + b);
                f.mv.visitVarInsn(ALOAD, slot);
            }
            if (f.accumulators.contains(b)) snapshot(f.mv);
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

    /** Pushes file, line, column of a site (for located panics). */
    void site(MethodVisitor mv, Span s) {
        m.site(mv, s);
    }

    /** Stores the value on the stack into a binding (consumes it). */
    void store(Binding b, Frame f) {
        MethodVisitor mv = f.mv;
        switch (b.kind) {
            case MODULE -> {
                ModuleEmitter.FieldRef ref = m.field(b);
                mv.visitFieldInsn(PUTSTATIC, ref.owner(), ref.name(), Rt.OBJ_D);
            }
            case LOCAL -> {
                if (b.cell) {
                    Integer slot = f.slots.get(b);
                    if (slot == null) throw new IllegalStateException("no cell for " + b);
                    mv.visitVarInsn(ALOAD, slot);
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

    // ---- literals and collections

    private void interp(InterpStr s, Frame f) {
        MethodVisitor mv = f.mv;
        mv.visitTypeInsn(NEW, "java/lang/StringBuilder");
        mv.visitInsn(DUP);
        mv.visitMethodInsn(INVOKESPECIAL, "java/lang/StringBuilder", "<init>", "()V", false);
        for (int i = 0; i < s.texts().size(); i++) {
            if (!s.texts().get(i).isEmpty()) {
                mv.visitLdcInsn(s.texts().get(i));
                appendString(mv);
            }
            if (i < s.names().size()) {
                loadWord(s.names().get(i), f);
                mv.visitMethodInsn(INVOKESTATIC, Rt.VALUES, "printForm", "(" + Rt.OBJ_D + ")Ljava/lang/String;", false);
                appendString(mv);
            }
        }
        mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/StringBuilder", "toString", "()Ljava/lang/String;", false);
    }

    private static void appendString(MethodVisitor mv) {
        mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/StringBuilder", "append",
                "(Ljava/lang/String;)Ljava/lang/StringBuilder;", false);
    }

    void tuple(List<Expr> items, Frame f) {
        MethodVisitor mv = f.mv;
        if (items.isEmpty()) {
            mv.visitFieldInsn(GETSTATIC, Rt.TUPLE, "EMPTY", "L" + Rt.TUPLE + ";");
            return;
        }
        if (split.chunked(f, items)) {
            // a long tuple: its chunks are tuples of their own (moved if large), copied in order
            int all = f.newSlot();
            Rt.integer(mv, items.size());
            mv.visitTypeInsn(ANEWARRAY, Rt.OBJ);
            mv.visitVarInsn(ASTORE, all);
            int at = 0;
            for (List<Expr> chunk : Splitter.chunks(items)) {
                emit(new TupleLit(chunk.get(0).span(), chunk), f, false);
                mv.visitTypeInsn(CHECKCAST, Rt.TUPLE);
                mv.visitMethodInsn(INVOKEVIRTUAL, Rt.TUPLE, "items", "()" + Rt.OBJS_D, false);
                mv.visitInsn(ICONST_0);
                mv.visitVarInsn(ALOAD, all);
                Rt.integer(mv, at);
                Rt.integer(mv, chunk.size());
                mv.visitMethodInsn(INVOKESTATIC, "java/lang/System", "arraycopy", "(" + Rt.OBJ_D + "I" + Rt.OBJ_D + "II)V", false);
                at += chunk.size();
            }
            mv.visitTypeInsn(NEW, Rt.TUPLE);
            mv.visitInsn(DUP);
            mv.visitVarInsn(ALOAD, all);
            mv.visitMethodInsn(INVOKESPECIAL, Rt.TUPLE, "<init>", "(" + Rt.OBJS_D + ")V", false);
            return;
        }
        mv.visitTypeInsn(NEW, Rt.TUPLE);
        mv.visitInsn(DUP);
        array(items, f);
        mv.visitMethodInsn(INVOKESPECIAL, Rt.TUPLE, "<init>", "(" + Rt.OBJS_D + ")V", false);
    }

    /** A fresh Object[] holding the values of items, evaluated left to right. */
    void array(List<Expr> items, Frame f) {
        MethodVisitor mv = f.mv;
        Rt.integer(mv, items.size());
        mv.visitTypeInsn(ANEWARRAY, Rt.OBJ);
        for (int i = 0; i < items.size(); i++) {
            mv.visitInsn(DUP);
            Rt.integer(mv, i);
            emit(items.get(i), f, false);
            mv.visitInsn(AASTORE);
        }
    }

    void arrayOfSlots(MethodVisitor mv, int[] slots) {
        arrayOfSlots(mv, slots, null);
    }

    /** An Object[] of the slots' values; dbl marks slots holding unboxed doubles (boxed here). */
    void arrayOfSlots(MethodVisitor mv, int[] slots, boolean[] dbl) {
        arrayOfSlots(mv, slots, dbl, null);
    }

    /** As above; lng marks slots holding exact longs (see IntLoops). */
    void arrayOfSlots(MethodVisitor mv, int[] slots, boolean[] dbl, boolean[] lng) {
        Rt.integer(mv, slots.length);
        mv.visitTypeInsn(ANEWARRAY, Rt.OBJ);
        for (int i = 0; i < slots.length; i++) {
            mv.visitInsn(DUP);
            Rt.integer(mv, i);
            if (lng != null && lng[i]) {
                mv.visitVarInsn(LLOAD, slots[i]);
                mv.visitInsn(L2D);
                NumGen.box(mv);
            } else if (dbl != null && dbl[i]) {
                mv.visitVarInsn(DLOAD, slots[i]);
                NumGen.box(mv);
            } else {
                mv.visitVarInsn(ALOAD, slots[i]);
            }
            mv.visitInsn(AASTORE);
        }
    }

    private void list(ListLit l, Frame f) {
        List<Expr> items = l.items();
        if (items.size() == 2 && !(items.get(0) instanceof Splat) && items.get(1) instanceof Splat s) {
            emit(items.get(0), f, false);
            line(f, s.span());
            loadWord(s.name(), f);
            f.mv.visitMethodInsn(INVOKESTATIC, Rt.INVOKE, "cons", "(" + Rt.OBJ_D + Rt.OBJ_D + ")L" + Rt.LLIST + ";", false);
            return;
        }
        collection(l.items(), f, Rt.LLIST, Rt.LLIST_B, "splatList");
    }

    private void set(SetLit s, Frame f) {
        collection(s.items(), f, Rt.LSET, Rt.LSET_B, "splatSet");
    }

    private void collection(List<Expr> items, Frame f, String coll, String builder, String splat) {
        MethodVisitor mv = f.mv;
        if (items.isEmpty()) {
            mv.visitFieldInsn(GETSTATIC, coll, "EMPTY", "L" + coll + ";");
            return;
        }
        mv.visitMethodInsn(INVOKESTATIC, coll, "builder", "()L" + builder + ";", false);
        if (split.chunked(f, items)) {
            // a long literal: chunks of it, each a literal of its own, added in order
            for (List<Expr> chunk : Splitter.chunks(items)) {
                emit(coll.equals(Rt.LSET) ? new SetLit(chunk.get(0).span(), chunk) : new ListLit(chunk.get(0).span(), chunk), f, false);
                mv.visitMethodInsn(INVOKESTATIC, Rt.INVOKE, splat, "(L" + builder + ";" + Rt.OBJ_D + ")L" + builder + ";", false);
            }
            mv.visitMethodInsn(INVOKEVIRTUAL, builder, "build", "()L" + coll + ";", false);
            return;
        }
        for (Expr item : items) {
            if (item instanceof Splat s) {
                line(f, s.span());
                loadWord(s.name(), f);
                mv.visitMethodInsn(INVOKESTATIC, Rt.INVOKE, splat, "(L" + builder + ";" + Rt.OBJ_D + ")L" + builder + ";", false);
            } else {
                emit(item, f, false);
                mv.visitMethodInsn(INVOKEVIRTUAL, builder, "add", "(" + Rt.OBJ_D + ")L" + builder + ";", false);
            }
        }
        mv.visitMethodInsn(INVOKEVIRTUAL, builder, "build", "()L" + coll + ";", false);
    }

    /** A dict literal of at most LDict.SMALL pairs with distinct keys and no splats. */
    private static boolean distinctPairs(DictLit d) {
        if (d.items().size() > dev.ludus.runtime.collection.LDict.SMALL) return false;
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (Node item : d.items()) if (!(item instanceof DictPair p) || !keys.add(p.key())) return false;
        return true;
    }

    private void dict(DictLit d, Frame f) {
        MethodVisitor mv = f.mv;
        if (d.items().isEmpty()) {
            mv.visitFieldInsn(GETSTATIC, Rt.LDICT, "EMPTY", "L" + Rt.LDICT + ";");
            return;
        }
        if (distinctPairs(d)) {
            // distinct keys, no splats: the pairs array the builder would make, made directly
            Rt.integer(mv, 2 * d.items().size());
            mv.visitTypeInsn(ANEWARRAY, Rt.OBJ);
            int i = 0;
            for (Node item : d.items()) {
                DictPair p = (DictPair) item;
                mv.visitInsn(DUP);
                Rt.integer(mv, i++);
                Rt.keyword(mv, p.key());
                mv.visitInsn(AASTORE);
                mv.visitInsn(DUP);
                Rt.integer(mv, i++);
                emit(p.value(), f, false);
                mv.visitInsn(AASTORE);
            }
            mv.visitMethodInsn(INVOKESTATIC, Rt.LDICT, "ofDistinct", "(" + Rt.OBJS_D + ")L" + Rt.LDICT + ";", false);
            return;
        }
        mv.visitMethodInsn(INVOKESTATIC, Rt.LDICT, "builder", "()L" + Rt.LDICT_B + ";", false);
        if (split.chunked(f, d.items())) {
            for (List<Node> chunk : Splitter.chunks(d.items())) {
                emit(new DictLit(chunk.get(0).span(), chunk), f, false);
                mv.visitMethodInsn(INVOKESTATIC, Rt.INVOKE, "splatDict", "(L" + Rt.LDICT_B + ";" + Rt.OBJ_D + ")L" + Rt.LDICT_B + ";", false);
            }
            mv.visitMethodInsn(INVOKEVIRTUAL, Rt.LDICT_B, "build", "()L" + Rt.LDICT + ";", false);
            return;
        }
        for (Node item : d.items()) {
            if (item instanceof Splat s) {
                loadWord(s.name(), f);
                mv.visitMethodInsn(INVOKESTATIC, Rt.INVOKE, "splatDict", "(L" + Rt.LDICT_B + ";" + Rt.OBJ_D + ")L" + Rt.LDICT_B + ";", false);
            } else {
                DictPair p = (DictPair) item;
                Rt.keyword(mv, p.key());
                emit(p.value(), f, false);
                mv.visitMethodInsn(INVOKEVIRTUAL, Rt.LDICT_B, "put", "(" + Rt.KEYWORD_D + Rt.OBJ_D + ")L" + Rt.LDICT_B + ";", false);
            }
        }
        mv.visitMethodInsn(INVOKEVIRTUAL, Rt.LDICT_B, "build", "()L" + Rt.LDICT + ";", false);
    }

    // ---- binding forms

    private void let(Let l, Frame f) {
        MethodVisitor mv = f.mv;
        if (l.pattern() instanceof PBind pb && numericLocal(m.res.declared.get(pb), l.value(), f)) {
            nums.emitNum(l.value(), f);
            mv.visitInsn(DUP2);
            int slot = f.newDoubleSlot();
            mv.visitVarInsn(DSTORE, slot);
            f.bindNumber(m.res.declared.get(pb), slot, false);
            NumGen.box(mv);
            return;
        }
        emit(l.value(), f, false);
        mv.visitInsn(DUP);
        if (l.pattern() instanceof PBind b) {
            store(m.res.declared.get(b), f);
            return;
        }
        int tmp = f.newSlot();
        mv.visitVarInsn(ASTORE, tmp);
        Label fail = new Label();
        Label ok = new Label();
        int[] spill = Spills.begin(l.pattern(), f);
        patterns.match(l.pattern(), tmp, fail, f);
        Spills.end(f, spill);
        mv.visitJumpInsn(GOTO, ok);
        mv.visitLabel(fail);
        mv.visitLdcInsn(PatternText.encode(l.pattern()));
        mv.visitVarInsn(ALOAD, tmp);
        site(mv, l.span());
        mv.visitMethodInsn(INVOKESTATIC, Rt.PATTERNS, "letFailed",
                "(Ljava/lang/String;" + Rt.OBJ_D + "Ljava/lang/String;II)L" + Rt.PANIC + ";", false);
        mv.visitInsn(ATHROW);
        mv.visitLabel(ok);
    }

    /** A local binding that can live unboxed: a plain local (no cell) bound to a numeric value. */
    boolean numericLocal(Binding b, Expr value, Frame f) {
        return b != null && b.kind == Binding.Kind.LOCAL && !b.cell && b.frame == f.owner
                && nums.numeric(value, f::isDouble);
    }

    private void ref(RefDecl r, Frame f) {
        MethodVisitor mv = f.mv;
        mv.visitTypeInsn(NEW, Rt.REF);
        mv.visitInsn(DUP);
        mv.visitLdcInsn(r.name());
        emit(r.value(), f, false);
        mv.visitMethodInsn(INVOKESPECIAL, Rt.REF, "<init>", "(Ljava/lang/String;" + Rt.OBJ_D + ")V", false);
        mv.visitInsn(DUP);
        store(m.res.declared.get(r), f);
    }

    private void fn(FnDef fd, Frame f) {
        MethodVisitor mv = f.mv;
        FnGen.Code code = m.code(fd);
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
            loadForCapture(caps.get(i), f);
            mv.visitInsn(AASTORE);
        }
        mv.visitMethodInsn(INVOKESPECIAL, Rt.CLOSURE, "<init>", "(" + Rt.FNCODE_D + Rt.OBJS_D + ")V", false);
        if (!fd.isLambda()) {
            mv.visitInsn(DUP);
            store(m.res.declared.get(fd), f);
        }
    }

    private void fnDecl(FnDecl d, Frame f) {
        Binding b = m.res.declared.get(d);
        // A local slot must be assigned before any read: "not yet defined" is null.
        if (b != null && b.kind == Binding.Kind.LOCAL && !b.cell && !f.slots.containsKey(b)) {
            f.mv.visitInsn(ACONST_NULL);
            store(b, f);
        }
        Rt.nil(f.mv);
    }

    // ---- control

    void truthy(Frame f) {
        f.mv.visitMethodInsn(INVOKESTATIC, Rt.VALUES, "truthy", "(" + Rt.OBJ_D + ")Z", false);
    }

    private void ifExpr(If i, Frame f, boolean tail) {
        line(f, i.span());
        branches(otherwise -> calls.condition(i.cond(), f, otherwise), i.then(), i.otherwise(), f, tail);
    }

    private void ifLet(IfLet i, Frame f, boolean tail) {
        line(f, i.span());
        branches(otherwise -> {
            emit(i.value(), f, false);
            int tmp = f.newSlot();
            f.mv.visitVarInsn(ASTORE, tmp);
            int[] spill = Spills.begin(i.pattern(), f);
            patterns.match(i.pattern(), tmp, otherwise, f);
            Spills.end(f, spill);
        }, i.then(), i.otherwise(), f, tail);
    }

    /** {@code test} jumps to its label when the then-branch must not run. */
    private void branches(java.util.function.Consumer<Label> test, Expr then, Expr otherwise, Frame f, boolean tail) {
        MethodVisitor mv = f.mv;
        Label elseLabel = new Label();
        Label end = new Label();
        test.accept(elseLabel);
        emit(then, f, tail);
        mv.visitJumpInsn(GOTO, end);
        mv.visitLabel(elseLabel);
        emit(otherwise, f, tail);
        mv.visitLabel(end);
    }

    private void when(When w, Frame f, boolean tail) {
        MethodVisitor mv = f.mv;
        Label end = new Label();
        line(f, w.span());
        whenClauses(w.clauses(), f, tail, end);
        panicAt(mv, "Cond Error: No match found", w.span());
        mv.visitInsn(ACONST_NULL);
        mv.visitLabel(end);
    }

    /** A when's clauses: the first whose test holds gives the value (to end; returned if end == null); else falls through. */
    void whenClauses(List<WhenClause> clauses, Frame f, boolean tail, Label end) {
        MethodVisitor mv = f.mv;
        int[] rest = f.splitting ? suffixWeights(clauses) : null;
        for (int i = 0; i < clauses.size(); i++) {
            if (rest != null && split.whenRest(clauses, i, rest[i], f, tail, end)) return;
            WhenClause c = clauses.get(i);
            Label next = new Label();
            if (c.test() != null) calls.condition(c.test(), f, next);
            emit(c.body(), f, tail);
            if (end == null) mv.visitInsn(ARETURN);
            else mv.visitJumpInsn(GOTO, end);
            mv.visitLabel(next);
        }
    }

    void panicAt(MethodVisitor mv, String message, Span site) {
        mv.visitLdcInsn(message);
        site(mv, site);
        mv.visitMethodInsn(INVOKESTATIC, Rt.INVOKE, "noMatch",
                "(Ljava/lang/String;Ljava/lang/String;II)L" + Rt.PANIC + ";", false);
        mv.visitInsn(ATHROW);
    }

    private void match(Match mt, Frame f, boolean tail) {
        MethodVisitor mv = f.mv;
        line(f, mt.span());
        emit(mt.scrutinee(), f, false);
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
    private void receive(Receive r, Frame f, boolean tail) {
        MethodVisitor mv = f.mv;
        line(f, r.span());
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
            site(mv, r.span());
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
        int[] rest = f.splitting && onMatch == null && !(end == null && f.returnsDouble) ? suffixWeights(clauses) : null;
        for (int i = 0; i < clauses.size(); i++) {
            Clause c = clauses.get(i);
            if (rest != null && split.clausesRest(clauses, i, rest[i], src, f, tail, end)) return;
            Label next = new Label();
            int[] spill = Spills.begin(c.pattern(), f);
            if (src.isValue()) patterns.match(c.pattern(), src.valueSlot(), next, f);
            else patterns.matchArgs((PTuple) c.pattern(), src, next, f);
            Spills.end(f, spill);
            if (c.guard() != null) calls.condition(c.guard(), f, next);
            if (onMatch != null) onMatch.run();
            if (end == null && f.returnsDouble) {
                numericTail(c.body(), f);
            } else {
                emit(c.body(), f, tail);
                if (end == null) mv.visitInsn(ARETURN);
                else mv.visitJumpInsn(GOTO, end);
            }
            mv.visitLabel(next);
        }
    }

    /**
     * A clause body of an entry returning a double (NumReturns decided every path ends in a
     * number, a panic or a numeric self tail call): each path returns its double or jumps.
     */
    private void numericTail(Expr e, Frame f) {
        MethodVisitor mv = f.mv;
        if (e instanceof Block b) {
            List<Expr> body = b.body();
            makeCells(body, f);
            for (int i = 0; i < body.size() - 1; i++) {
                emit(body.get(i), f, false);
                mv.visitInsn(POP);
            }
            numericTail(body.get(body.size() - 1), f);
        } else if (e instanceof If i) {
            line(f, i.span());
            Label otherwise = new Label();
            calls.condition(i.cond(), f, otherwise);
            numericTail(i.then(), f);
            mv.visitLabel(otherwise);
            numericTail(i.otherwise(), f);
        } else if (e instanceof When w) {
            line(f, w.span());
            for (WhenClause c : w.clauses()) {
                Label next = new Label();
                if (c.test() != null) calls.condition(c.test(), f, next);
                numericTail(c.body(), f);
                mv.visitLabel(next);
            }
            panicAt(mv, "Cond Error: No match found", w.span());
        } else if (e instanceof PanicForm) {
            emit(e, f, false); // throws
        } else if (e instanceof Synthetic s && m.numReturns.selfCall(s, f.fn, f.selfTarget.argSlots.length)) {
            calls.numericSelfJump(s, f);
        } else if (nums.numeric(e, f::isDouble)) {
            line(f, e.span());
            nums.emitNum(e, f);
            mv.visitInsn(DRETURN);
        } else {
            throw new IllegalStateException("not numeric in a double-returning entry at " + e.span());
        }
    }

    /** Loops with more names than this get neither unboxed numbers nor an integer copy (IntLoops). */
    static final int WIDE_LOOP = 64;

    private void loop(Loop l, Frame f, boolean tail) {
        f.repeating++;
        try {
            loopBody(l, f, tail);
        } finally {
            f.repeating--;
        }
    }

    private void loopBody(Loop l, Frame f, boolean tail) {
        MethodVisitor mv = f.mv;
        line(f, l.span());
        int k = l.init().items().size();
        // a loop of many names passes them in one array (its clauses' names go to arrays too: Spills)
        boolean fixed = RecurScan.allRecursHaveArity(l, k) && k < Spills.MIN_NAMES;
        Frame.RecurTarget saved = f.recur;
        Label head = new Label();
        Label end = new Label();
        if (fixed) {
            List<Clause> applicable = new ArrayList<>();
            for (Clause c : l.clauses()) {
                PTuple p = (PTuple) c.pattern();
                if (FnGen.hasSplat(p) ? FnGen.fixedCount(p) <= k : p.items().size() == k) applicable.add(c);
            }
            // a loop of many names keeps them boxed, in one copy: its locals stay within Frame.MAX_LOCALS
            boolean wide = k > WIDE_LOOP;
            boolean[] dbl = wide ? new boolean[k] : new LoopTypes(nums, m.res).numericPositions(l, applicable, f);
            java.util.Set<Binding>[] accs = m.accumulators.find(applicable, k, dbl);
            int[] slots = new int[k];
            for (int i = 0; i < k; i++) {
                if (dbl[i]) {
                    nums.emitNum(l.init().items().get(i), f);
                    slots[i] = f.newDoubleSlot();
                    mv.visitVarInsn(DSTORE, slots[i]);
                } else {
                    emit(l.init().items().get(i), f, false);
                    if (accs != null && accs[i] != null) accumulator(mv);
                    slots[i] = f.newSlot();
                    mv.visitVarInsn(ASTORE, slots[i]);
                }
            }
            Frame.RecurTarget usual = new Frame.RecurTarget(head, slots, -1, true, dbl);
            usual.accs = accs;
            if (accs != null) for (java.util.Set<Binding> a : accs) if (a != null) f.accumulators.addAll(a);
            boolean[] lng = wide ? new boolean[k] : ints.longPositions(l, applicable, f);
            if (IntLoops.any(lng)) longLoop(l.span(), l.init().items(), applicable, slots, dbl, lng, usual, f, tail, end);
            mv.visitLabel(head);
            Rt.poll(mv); // cancellation (time limit, Ctrl-C): each entry and iteration
            f.recur = usual;
            clauses(applicable, ArgSource.slots(slots, dbl), f, tail, end);
            snapshotAll(mv, slots, accs);
            arrayOfSlots(mv, slots, dbl);
        } else {
            int arr = f.newSlot();
            if (ManyArgs.applies(l.init().items())) ManyArgs.array(this, l.init().items(), f);
            else array(l.init().items(), f);
            mv.visitVarInsn(ASTORE, arr);
            mv.visitLabel(head);
            Rt.poll(mv); // cancellation (time limit, Ctrl-C): each entry and iteration
            f.recur = new Frame.RecurTarget(head, null, arr, true);
            clauses(l.clauses(), ArgSource.array(arr), f, tail, end);
            mv.visitVarInsn(ALOAD, arr);
        }
        f.recur = saved;
        loopNoMatch(mv, l.span());
        mv.visitInsn(ACONST_NULL);
        mv.visitLabel(end);
    }

    /**
     * The first copy of a loop with integer positions (see IntLoops): entered when the initial
     * values are exact integers, it falls back to the usual copy (whose head is usual.head).
     */
    private void longLoop(Span span, List<Expr> init, List<Clause> applicable, int[] slots, boolean[] dbl, boolean[] lng,
                          Frame.RecurTarget usual, Frame f, boolean tail, Label end) {
        MethodVisitor mv = f.mv;
        int k = slots.length;
        int[] lslots = slots.clone();
        boolean[] ldbl = dbl.clone();
        for (int i = 0; i < k; i++) {
            if (lng[i]) {
                lslots[i] = f.newDoubleSlot();
                ldbl[i] = true;
            }
        }
        ints.enter(init, slots, dbl, lslots, lng, usual.head, f);
        Label longHead = new Label();
        mv.visitLabel(longHead);
        Rt.poll(mv); // cancellation (time limit, Ctrl-C): each entry and iteration
        java.util.Set<Binding> numbersBefore = new java.util.HashSet<>(f.doubleSlots.keySet());
        java.util.Set<Binding> longsBefore = new java.util.HashSet<>(f.longVars);
        f.recur = new Frame.RecurTarget(longHead, lslots, -1, true, ldbl, lng, usual);
        f.recur.accs = usual.accs;
        clauses(applicable, ArgSource.slots(lslots, ldbl, lng), f, tail, end);
        snapshotAll(mv, lslots, usual.accs);
        arrayOfSlots(mv, lslots, ldbl, lng);
        loopNoMatch(mv, span);
        // the usual copy binds the same names afresh, boxed or as doubles
        f.doubleSlots.keySet().retainAll(numbersBefore);
        f.longVars.retainAll(longsBefore);
    }

    private static void accumulator(MethodVisitor mv) {
        mv.visitMethodInsn(INVOKESTATIC, Rt.INVOKE, "accumulator", "(" + Rt.OBJ_D + ")" + Rt.OBJ_D, false);
    }

    private static void snapshot(MethodVisitor mv) {
        mv.visitMethodInsn(INVOKESTATIC, Rt.INVOKE, "snapshot", "(" + Rt.OBJ_D + ")" + Rt.OBJ_D, false);
    }

    /** Before a loop's no-match panic shows the values: accumulator slots back to lists. */
    private static void snapshotAll(MethodVisitor mv, int[] slots, java.util.Set<Binding>[] accs) {
        if (accs == null) return;
        for (int i = 0; i < slots.length; i++) {
            if (accs[i] == null) continue;
            mv.visitVarInsn(ALOAD, slots[i]);
            snapshot(mv);
            mv.visitVarInsn(ASTORE, slots[i]);
        }
    }

    /**
     * Argument j of a recur to target t. At a list accumulator position (ListAccumulators):
     * {@code append (xs, x)} of the clause's own name adds to the builder in place, the name
     * alone passes the builder along, anything else becomes a new accumulator.
     */
    void loopArg(Frame.RecurTarget t, int j, Expr arg, Frame f) {
        java.util.Set<Binding> acc = t.acc(j);
        if (acc == null) {
            emit(arg, f, false);
            return;
        }
        MethodVisitor mv = f.mv;
        for (Binding b : acc) {
            if (m.accumulators.appendTo(arg, b)) {
                line(f, arg.span());
                mv.visitVarInsn(ALOAD, f.slots.get(b));
                emit(NumGen.args((Synthetic) arg).get(1), f, false);
                mv.visitMethodInsn(INVOKESTATIC, Rt.INVOKE, "accAppend", "(" + Rt.OBJ_D + Rt.OBJ_D + ")" + Rt.OBJ_D, false);
                return;
            }
            if (m.accumulators.isName(arg, b)) {
                mv.visitVarInsn(ALOAD, f.slots.get(b));
                return;
            }
        }
        emit(arg, f, false);
        accumulator(mv);
    }

    /** No clause of a loop matched the values (an Object[] on the stack): panic at the loop. */
    private void loopNoMatch(MethodVisitor mv, Span span) {
        site(mv, span);
        mv.visitMethodInsn(INVOKESTATIC, Rt.INVOKE, "loopNoMatch",
                "(" + Rt.OBJS_D + "Ljava/lang/String;II)L" + Rt.PANIC + ";", false);
        mv.visitInsn(ATHROW);
    }

    private void repeat(Repeat r, Frame f) {
        f.repeating++;
        try {
            repeatBody(r, f);
        } finally {
            f.repeating--;
        }
    }

    private void repeatBody(Repeat r, Frame f) {
        MethodVisitor mv = f.mv;
        line(f, r.span());
        emit(r.count(), f, false);
        mv.visitMethodInsn(INVOKESTATIC, Rt.INVOKE, "repeatCount", "(" + Rt.OBJ_D + ")J", false);
        int n = f.newSlot();
        f.newSlot(); // a long takes two slots
        mv.visitVarInsn(LSTORE, n);
        Label head = new Label();
        Label end = new Label();
        mv.visitLabel(head);
        Rt.poll(mv); // cancellation (time limit, Ctrl-C): each entry and iteration
        mv.visitVarInsn(LLOAD, n);
        mv.visitInsn(LCONST_0);
        mv.visitInsn(LCMP);
        mv.visitJumpInsn(IFLE, end);
        Frame.RecurTarget saved = f.recur;
        sequence(r.body().body(), f, false);
        f.recur = saved;
        mv.visitInsn(POP);
        mv.visitVarInsn(LLOAD, n);
        mv.visitInsn(LCONST_1);
        mv.visitInsn(LSUB);
        mv.visitVarInsn(LSTORE, n);
        mv.visitJumpInsn(GOTO, head);
        mv.visitLabel(end);
        Rt.nil(mv);
    }

    // ---- toplevel forms

    private int nextTest;

    /** A test body becomes its own method; Tests.reached runs it only under `ludus test`. */
    private void testForm(Test t, Frame f) {
        String name = "$test" + nextTest++;
        boolean big = split.watch(split.walk.weight(t.body()));
        if (big) split.plan(t.body());
        MethodVisitor body = m.methodIn(m.unit(big, t), name, "()" + Rt.OBJ_D, t);
        body.visitCode();
        Frame tf = new Frame(body, f.owner, null, null, 0, false);
        tf.method = name;
        tf.splitting = big;
        if (!testedCall(t.body(), tf)) sequence(List.of(t.body()), tf, false);
        body.visitInsn(ARETURN);
        body.visitMaxs(0, 0);
        body.visitEnd();
        MethodVisitor mv = f.mv;
        line(f, t.span());
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
        emit(w, f, false);
        Rt.integer(mv, a.args().size());
        mv.visitTypeInsn(ANEWARRAY, "java/lang/Object");
        for (int i = 0; i < a.args().size(); i++) {
            mv.visitInsn(DUP);
            Rt.integer(mv, i);
            emit(a.args().get(i), f, false);
            mv.visitInsn(AASTORE);
        }
        line(f, s.span());
        mv.visitLdcInsn(w.name());
        mv.visitMethodInsn(INVOKESTATIC, "dev/ludus/runtime/Tests", "call",
                "(" + Rt.OBJ_D + "[" + Rt.OBJ_D + "Ljava/lang/String;)" + Rt.OBJ_D, false);
        return true;
    }

    private void importForm(Import i, Frame f) {
        MethodVisitor mv = f.mv;
        line(f, i.span());
        String cls = m.classOf.apply(m.res.imports.get(i));
        mv.visitMethodInsn(INVOKESTATIC, cls, "$run", "()" + Rt.OBJ_D, false);
        mv.visitInsn(DUP);
        store(m.res.declared.get(i), f);
    }

    private void ns(Ns n, Frame f) {
        MethodVisitor mv = f.mv;
        line(f, n.span());
        mv.visitTypeInsn(NEW, Rt.NS);
        mv.visitInsn(DUP);
        mv.visitLdcInsn(n.name());
        mv.visitMethodInsn(INVOKESTATIC, Rt.LDICT, "builder", "()L" + Rt.LDICT_B + ";", false);
        for (DictPair p : n.entries()) {
            Rt.keyword(mv, p.key());
            emit(p.value(), f, false);
            mv.visitMethodInsn(INVOKEVIRTUAL, Rt.LDICT_B, "put", "(" + Rt.KEYWORD_D + Rt.OBJ_D + ")L" + Rt.LDICT_B + ";", false);
        }
        mv.visitMethodInsn(INVOKEVIRTUAL, Rt.LDICT_B, "build", "()L" + Rt.LDICT + ";", false);
        mv.visitMethodInsn(INVOKESPECIAL, Rt.NS, "<init>", "(Ljava/lang/String;L" + Rt.LDICT + ";)V", false);
        mv.visitInsn(DUP);
        store(m.res.declared.get(n), f);
    }

    private void use(Use u, Frame f) {
        MethodVisitor mv = f.mv;
        line(f, u.span());
        loadWord(u.name(), f);
        for (Binding b : m.res.useMembers.getOrDefault(u, List.of())) {
            mv.visitInsn(DUP);
            Rt.keyword(mv, b.name);
            mv.visitMethodInsn(INVOKESTATIC, Rt.INVOKE, "member", "(" + Rt.OBJ_D + Rt.KEYWORD_D + ")" + Rt.OBJ_D, false);
            store(b, f);
        }
    }
}
