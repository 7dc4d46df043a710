package dev.ludus.compiler.emit;

import dev.ludus.compiler.resolve.Binding;
import dev.ludus.compiler.resolve.NameUse;
import dev.ludus.compiler.syntax.Ast.*;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Loops on exact integers. Numbers are doubles, and a loop-carried double addition costs three
 * to four cycles of latency where a long one costs one, so a loop variable that every recur
 * passes an integer expression (inc, dec, add, sub, mult, div of such variables and integer
 * literals) runs as a long. The loop is emitted twice: on longs, then as usual. Entering with a
 * value that is not an exact integer, or a recur whose result would not be one (beyond 2^53, a
 * fraction, -0: {@code IntArith} says BAIL), continues in the usual version with the same
 * values as doubles, so results are exactly those of double arithmetic. Only loops whose
 * bodies contain no function definitions are doubled (a fn body must be emitted once).
 */
final class IntLoops implements Opcodes {
    private static final String INT_ARITH = "dev/ludus/runtime/prelude/IntArith";

    private final ModuleEmitter m;
    private final NumGen nums;
    private final ExprGen x;

    IntLoops(ModuleEmitter m, NumGen nums, ExprGen x) {
        this.m = m;
        this.nums = nums;
        this.x = x;
    }

    // ---------------------------------------------------------------- analysis

    /** Which positions of a fixed-arity loop (its applicable clauses given) can run as longs. */
    boolean[] longPositions(Loop l, List<Clause> applicable, Frame f) {
        int k = l.init().items().size();
        boolean[] pos = new boolean[k];
        for (Clause c : applicable) {
            if (FnGen.hasSplat((PTuple) c.pattern()) || !simple(c)) return pos;
        }
        java.util.Arrays.fill(pos, true);
        for (Clause c : applicable) {
            List<Pattern> items = ((PTuple) c.pattern()).items();
            for (int j = 0; j < k; j++) if (!LoopTypes.numericPattern(items.get(j))) pos[j] = false;
        }
        List<Recur> recurs = RecurScan.recurs(applicable);
        if (recurs.isEmpty()) return new boolean[k];
        boolean changed = true;
        while (changed && any(pos)) {
            changed = false;
            Set<Binding> assumed = new HashSet<>(f.longVars);
            for (Clause c : applicable) {
                List<Pattern> items = ((PTuple) c.pattern()).items();
                for (int j = 0; j < k; j++) {
                    Binding b = pos[j] ? m.res.declared.get(items.get(j)) : null;
                    if (b != null && !b.cell) assumed.add(b);
                }
            }
            // demote the positions some recur passes a non-integer
            for (Recur r : recurs) {
                List<Expr> args = r.args().items();
                for (int j = 0; j < k && j < args.size(); j++) {
                    if (pos[j] && !integral(args.get(j), assumed)) {
                        pos[j] = false;
                        changed = true;
                    }
                }
            }
        }
        return pos;
    }

    static boolean any(boolean[] a) {
        for (boolean b : a) if (b) return true;
        return false;
    }

    /** An expression whose value, computed on longs, is the double result whenever IntArith does not bail. */
    boolean integral(Expr e, Set<Binding> ints) {
        if (e instanceof Num n) return exactInteger(n.value());
        if (e instanceof Word w) {
            NameUse u = m.res.uses.get(w);
            return u != null && !u.check() && ints.contains(u.binding());
        }
        if (!(e instanceof Synthetic s)) return false;
        Binding b = nums.preludeCallee(s);
        if (b == null) return false;
        List<Expr> args = NumGen.args(s);
        switch (b.name) {
            case "inc": case "dec":
                return args.size() == 1 && integral(args.get(0), ints);
            case "add": case "sub": case "mult": case "div":
                return args.size() == 2 && integral(args.get(0), ints) && integral(args.get(1), ints);
            default:
                return false;
        }
    }

    /** An integer a long holds and the long copy may start from: |v| <= 2^53, not -0. */
    static boolean exactInteger(double v) {
        return v == Math.rint(v) && Math.abs(v) <= 0x1p53 && !(v == 0.0 && 1 / v < 0);
    }

    /** Whether a clause holds only forms that can be emitted twice (no fn definitions, no declarations). */
    static boolean simple(Clause c) {
        return (c.guard() == null || simple(c.guard())) && simple(c.body());
    }

    private static boolean simple(Expr e) {
        if (e == null || e instanceof Nil || e instanceof Bool || e instanceof Num || e instanceof Str
                || e instanceof InterpStr || e instanceof Kw || e instanceof Word || e instanceof Placeholder) {
            return true;
        }
        if (e instanceof TupleLit t) return all(t.items());
        if (e instanceof ListLit t) return all(t.items());
        if (e instanceof SetLit t) return all(t.items());
        if (e instanceof Splat) return true;
        if (e instanceof DictLit d) {
            for (Node n : d.items()) {
                if (n instanceof DictPair p) {
                    if (!simple(p.value())) return false;
                } else if (!(n instanceof Expr ex) || !simple(ex)) {
                    return false;
                }
            }
            return true;
        }
        if (e instanceof Synthetic s) {
            if (!simple(s.root())) return false;
            for (Term t : s.terms()) if (t instanceof Args a && !all(a.args())) return false;
            return true;
        }
        if (e instanceof Let l) return simple(l.value());
        if (e instanceof If i) return simple(i.cond()) && simple(i.then()) && simple(i.otherwise());
        if (e instanceof IfLet i) return simple(i.value()) && simple(i.then()) && simple(i.otherwise());
        if (e instanceof When w) {
            for (WhenClause c : w.clauses()) if (!simple(c.test()) || !simple(c.body())) return false;
            return true;
        }
        if (e instanceof Match mt) {
            if (!simple(mt.scrutinee())) return false;
            for (Clause c : mt.clauses()) if (!simple(c)) return false;
            return true;
        }
        if (e instanceof Loop l) {
            if (!simple(l.init())) return false;
            for (Clause c : l.clauses()) if (!simple(c)) return false;
            return true;
        }
        if (e instanceof Recur r) return simple(r.args());
        if (e instanceof Block b) return all(b.body());
        if (e instanceof PanicForm p) return simple(p.value());
        if (e instanceof Do d) return all(d.stages());
        return false; // fn definitions and declarations, refs, repeat, imports, ns, use, tests
    }

    private static boolean all(List<? extends Expr> es) {
        for (Expr e : es) if (!simple(e)) return false;
        return true;
    }

    // ---------------------------------------------------------------- emission

    /**
     * Entry into the long version: each long position's initial value (already in the usual
     * version's slot) as an exact long, or on to {@code fallback} with the values as they are.
     */
    void enter(List<Expr> init, int[] slots, boolean[] dbl, int[] longSlots, boolean[] lng, Label fallback, Frame f) {
        MethodVisitor mv = f.mv;
        for (int i = 0; i < slots.length; i++) {
            if (!lng[i]) continue;
            if (init.get(i) instanceof Num n && exactInteger(n.value())) {
                // a known start lets the JIT treat the loop as counted (measured: 6.6 -> 4.0 ms on sumloop's shape)
                mv.visitLdcInsn((long) n.value());
                mv.visitVarInsn(LSTORE, longSlots[i]);
                continue;
            }
            mv.visitVarInsn(dbl[i] ? DLOAD : ALOAD, slots[i]);
            mv.visitMethodInsn(INVOKESTATIC, INT_ARITH, "exact", dbl[i] ? "(D)J" : "(" + Rt.OBJ_D + ")J", false);
            storeChecked(mv, longSlots[i], fallback);
        }
    }

    /** Stores the long on the stack in slot; jumps to bail (stack as before the value) if it is BAIL. */
    private static void storeChecked(MethodVisitor mv, int slot, Label bail) {
        mv.visitInsn(DUP2);
        mv.visitVarInsn(LSTORE, slot);
        mv.visitLdcInsn(Long.MIN_VALUE);
        mv.visitInsn(LCMP);
        mv.visitJumpInsn(IFEQ, bail);
    }

    /**
     * A recur into the long version: every argument into a temporary (longs checked as they are
     * computed, so a bail leaves nothing on the stack), then into the loop slots. A bail at
     * argument i keeps the arguments before it, computes i (again, on doubles: integer
     * expressions have no effects) and the rest for the usual version, and jumps there.
     */
    void recur(Frame.RecurTarget t, List<Expr> args, Frame f) {
        MethodVisitor mv = f.mv;
        int k = args.size();
        int[] temps = new int[k];
        Label[] bail = new Label[k];
        for (int i = 0; i < k; i++) {
            Expr a = args.get(i);
            if (t.lng(i)) {
                bail[i] = new Label();
                temps[i] = longInto(a, f, bail[i]);
            } else if (t.dbl(i)) {
                nums.emitNum(a, f);
                temps[i] = f.newDoubleSlot();
                mv.visitVarInsn(DSTORE, temps[i]);
            } else {
                x.loopArg(t, i, a, f);
                temps[i] = f.newSlot();
                mv.visitVarInsn(ASTORE, temps[i]);
            }
        }
        for (int i = 0; i < k; i++) {
            int op = t.lng(i) ? LLOAD : t.dbl(i) ? DLOAD : ALOAD;
            mv.visitVarInsn(op, temps[i]);
            mv.visitVarInsn(op + (ISTORE - ILOAD), t.argSlots[i]);
        }
        mv.visitJumpInsn(GOTO, t.head);
        Frame.RecurTarget g = t.fallback;
        for (int i = 0; i < k; i++) {
            if (bail[i] == null) continue;
            mv.visitLabel(bail[i]);
            int[] rest = new int[k];
            for (int j = i; j < k; j++) {
                if (g.dbl(j)) {
                    nums.emitNum(args.get(j), f);
                    rest[j] = f.newDoubleSlot();
                    mv.visitVarInsn(DSTORE, rest[j]);
                } else {
                    x.loopArg(g, j, args.get(j), f);
                    rest[j] = f.newSlot();
                    mv.visitVarInsn(ASTORE, rest[j]);
                }
            }
            for (int j = 0; j < k; j++) {
                if (j < i && t.lng(j)) {
                    mv.visitVarInsn(LLOAD, temps[j]);
                    mv.visitInsn(L2D);
                    if (!g.dbl(j)) NumGen.box(mv);
                } else {
                    mv.visitVarInsn(g.dbl(j) ? DLOAD : ALOAD, j < i ? temps[j] : rest[j]);
                }
                mv.visitVarInsn(g.dbl(j) ? DSTORE : ASTORE, g.argSlots[j]);
            }
            mv.visitJumpInsn(GOTO, g.head);
        }
        mv.visitInsn(ACONST_NULL); // dead: keeps the one-value invariant
    }

    /** Computes an integral expression on longs into a fresh slot; jumps to bail when inexact. */
    private int longInto(Expr e, Frame f, Label bail) {
        MethodVisitor mv = f.mv;
        if (e instanceof Num || e instanceof Word) {
            nums.pushLong(e, f);
            int slot = f.newDoubleSlot();
            mv.visitVarInsn(LSTORE, slot);
            return slot;
        }
        Synthetic s = (Synthetic) e;
        String name = nums.preludeCallee(s).name;
        List<Expr> args = NumGen.args(s);
        boolean unary = args.size() == 1; // inc, dec
        int a = operandSlot(args.get(0), f, bail);
        int b = unary ? -1 : operandSlot(args.get(1), f, bail);
        load(a, args.get(0), f);
        if (unary) mv.visitInsn(LCONST_1);
        else load(b, args.get(1), f);
        int slot = f.newDoubleSlot();
        switch (name) {
            case "inc", "add", "dec", "sub" -> {
                // inline: a sentinel test after a call kept a counting loop 40% slower
                mv.visitInsn(name.equals("inc") || name.equals("add") ? LADD : LSUB);
                mv.visitVarInsn(LSTORE, slot);
                jumpUnlessExact(mv, slot, bail);
            }
            case "mult", "div" -> {
                mv.visitMethodInsn(INVOKESTATIC, INT_ARITH, name, "(JJ)J", false);
                storeChecked(mv, slot, bail);
            }
            default -> throw new IllegalStateException("not integral: " + name);
        }
        return slot;
    }

    /**
     * Jumps to bail unless -2^53 <= the long in slot < 2^53 (2^53 itself is left to the double
     * copy). Two signed compares, not one unsigned test of a shifted value: C2 schedules them
     * better (a Java model of sumloop: 3.06 against 4.08 ms).
     */
    private static void jumpUnlessExact(MethodVisitor mv, int slot, Label bail) {
        mv.visitVarInsn(LLOAD, slot);
        mv.visitLdcInsn(1L << 53);
        mv.visitInsn(LCMP);
        mv.visitJumpInsn(IFGE, bail);
        mv.visitVarInsn(LLOAD, slot);
        mv.visitLdcInsn(-(1L << 53));
        mv.visitInsn(LCMP);
        mv.visitJumpInsn(IFLT, bail);
    }

    /** -1 for an operand pushed directly (literal, long variable); else the slot of its computed value. */
    private int operandSlot(Expr e, Frame f, Label bail) {
        return e instanceof Num || e instanceof Word ? -1 : longInto(e, f, bail);
    }

    private void load(int slot, Expr e, Frame f) {
        if (slot >= 0) f.mv.visitVarInsn(LLOAD, slot);
        else nums.pushLong(e, f);
    }
}
