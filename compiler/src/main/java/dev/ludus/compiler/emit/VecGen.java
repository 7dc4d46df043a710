package dev.ludus.compiler.emit;

import dev.ludus.compiler.analyse.Analysis;
import dev.ludus.compiler.analyse.Shape;
import dev.ludus.compiler.analyse.VecBodies;
import dev.ludus.compiler.analyse.VecLoops;
import dev.ludus.compiler.resolve.Binding;
import dev.ludus.compiler.syntax.Ast.*;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Fast paths on doubles for tuples of numbers (analyse.VecBodies, analyse.VecLoops). A value of
 * a {@link Shape} lives in width() double locals; arithmetic is the prelude's on doubles
 * exactly (add, sub, mult, dist … on numbers and 2-vectors cannot panic), and a tuple is built
 * only where a value leaves the fast path.
 *
 * <ul>
 *   <li>{@link #fastPath}: in front of a fn's usual clause, checks that the arguments have the
 *       plan's shapes (else jumps to the usual code, which starts from the untouched arguments:
 *       nothing ran before, no effects to repeat) and returns the built result;</li>
 *   <li>{@link #flatEntry}: the same body as a method taking the numbers of the arguments and
 *       writing those of the result into an array, for vector loops;</li>
 *   <li>{@link #loop}: a copy of a loop on doubles, entered when the initial values have the
 *       plan's shapes (else the usual loop runs with them).</li>
 * </ul>
 */
final class VecGen implements Opcodes {
    private static final String DOUBLE = "java/lang/Double";

    private final Frame f;
    private final MethodVisitor mv;
    private final Function<Expr, Shape> typer;
    private final ModuleContext m;
    private final dev.ludus.compiler.resolve.Resolution res;
    /** Where the checks jump when a value does not have its shape. */
    private final Label generic = new Label();
    /** The double slots of each name on the fast path. */
    private final Map<Binding, int[]> slots = new HashMap<>();
    /** In a loop copy: the slot of the array flat entries write their results into. */
    private int out = -1;

    /* Classes and loops, not plan::type and streams: see LudusCompiler.PARSER. */
    private static Function<Expr, Shape> typer(VecBodies.Plan plan) {
        return new Function<>() {
            @Override
            public Shape apply(Expr e) {
                return plan.type(e);
            }
        };
    }

    private static Function<Expr, Shape> typer(VecLoops.Plan plan) {
        return new Function<>() {
            @Override
            public Shape apply(Expr e) {
                return plan.type(e);
            }
        };
    }

    private static int[] ints(List<Integer> xs) {
        int[] out = new int[xs.size()];
        for (int i = 0; i < out.length; i++) out[i] = xs.get(i);
        return out;
    }

    private VecGen(ModuleContext m, Frame f, Function<Expr, Shape> typer) {
        this.m = m;
        this.f = f;
        this.mv = f.mv;
        this.typer = typer;
        this.res = m.res;
    }

    // ---- the three forms

    /** Emits the fast path of a fn entry reading its arguments from argSlots; the usual code follows. */
    static void fastPath(ModuleContext m, VecBodies.Plan plan, int[] argSlots, Frame f, Gen x) {
        VecGen g = new VecGen(m, f, typer(plan));
        x.line(f, plan.clause().span());
        List<Pattern> params = ((PTuple) plan.clause().pattern()).items();
        for (int i = 0; i < params.size(); i++) g.param(params.get(i), argSlots[i], plan);
        g.callArray(plan.callWidth());
        g.body(plan);
        g.materialize(g.eval(plan.resultExpr()), plan.result(), new int[1]);
        g.mv.visitInsn(ARETURN);
        g.mv.visitLabel(g.generic);
    }

    /** The descriptor of a flat entry: the numbers of the arguments, then the result array. */
    static String flatDesc(VecBodies.Plan plan) {
        int w = 0;
        for (Shape s : plan.params()) w += s.width();
        return "(" + "D".repeat(w) + "[D)V";
    }

    static String flatName(FnCode code) {
        return code.baseName() + "$flat";
    }

    /** The body of a flat entry; its doubles start at slot 0 (no closure: a module-level fn captures nothing). */
    static void flatEntry(ModuleContext m, VecBodies.Plan plan, Frame f, Gen x) {
        VecGen g = new VecGen(m, f, typer(plan));
        x.line(f, plan.clause().span());
        int[] next = {0};
        for (Pattern p : ((PTuple) plan.clause().pattern()).items()) g.bindFlat(p, next, plan);
        int result = next[0];
        g.callArray(plan.callWidth());
        g.body(plan);
        int[] r = g.eval(plan.resultExpr());
        for (int i = 0; i < r.length; i++) {
            g.mv.visitVarInsn(ALOAD, result);
            Rt.integer(g.mv, i);
            g.mv.visitVarInsn(DLOAD, r[i]);
            g.mv.visitInsn(DASTORE);
        }
        g.mv.visitInsn(RETURN);
    }

    /**
     * A loop's copy on doubles, after the usual code stored the initial values in slots (dbl: those
     * held as doubles). Leaves the loop's value on the stack and jumps to end; when a value does not
     * have its shape, falls through to the usual loop.
     */
    static void loop(ModuleContext m, VecLoops.Plan plan, int[] slots, boolean[] dbl, Frame f, Gen x, Label end) {
        VecGen g = new VecGen(m, f, typer(plan));
        MethodVisitor mv = g.mv;
        int k = slots.length;
        List<int[]> state = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            Shape s = plan.positions().get(i);
            int[] d;
            if (dbl[i]) {
                d = new int[] {f.newDoubleSlot()};
                mv.visitVarInsn(DLOAD, slots[i]);
                mv.visitVarInsn(DSTORE, d[0]);
            } else {
                List<Integer> into = new ArrayList<>();
                g.check(s, slots[i], into);
                d = ints(into);
            }
            state.add(d);
            g.slots.put(plan.name(i), d);
        }
        int width = plan.callWidth();
        if (width > 0) {
            g.out = f.newSlot();
            Rt.integer(mv, width);
            mv.visitIntInsn(NEWARRAY, T_DOUBLE);
            mv.visitVarInsn(ASTORE, g.out);
        }
        Label head = new Label();
        mv.visitLabel(head);
        Rt.poll(mv); // cancellation (time limit, Ctrl-C): each entry and iteration
        Label toResult = new Label();
        g.test(plan.body().cond(), toResult, plan.recurWhenTrue());
        // the recur: every argument first, then the new state
        List<Expr> args = plan.recur().args().items();
        List<int[]> next = new ArrayList<>();
        for (Expr a : args) next.add(g.copyOf(g.eval(a)));
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < next.get(i).length; j++) {
                mv.visitVarInsn(DLOAD, next.get(i)[j]);
                mv.visitVarInsn(DSTORE, state.get(i)[j]);
            }
        }
        mv.visitJumpInsn(GOTO, head);
        mv.visitLabel(toResult);
        x.line(f, plan.result().span());
        g.materialize(g.eval(plan.result()), plan.type(plan.result()), new int[1]);
        mv.visitJumpInsn(GOTO, end);
        mv.visitLabel(g.generic);
    }

    /** The array the flat entries called write their results to, when there are calls (width > 0). */
    private void callArray(int width) {
        if (width == 0) return;
        out = f.newSlot();
        Rt.integer(mv, width);
        mv.visitIntInsn(NEWARRAY, T_DOUBLE);
        mv.visitVarInsn(ASTORE, out);
    }

    /** Whether the usual loop's slots suit the copy: doubles only where the plan has numbers, no list accumulators. */
    static boolean fits(VecLoops.Plan plan, boolean[] dbl, java.util.Set<Binding>[] accs) {
        if (accs != null) return false;
        for (int i = 0; i < dbl.length; i++) if (dbl[i] && !plan.positions().get(i).isNum()) return false;
        return true;
    }

    // ---- parameters and checks

    /** Matches a fn parameter pattern against the value in slot v, unboxing the names the plan types. */
    private void param(Pattern p, int v, VecBodies.Plan plan) {
        if (p instanceof PIgnore) return;
        if (p instanceof PTuple t) {
            int n = t.items().size();
            TupleForms.isOfSize(mv, v, n);
            mv.visitJumpInsn(IFEQ, generic);
            for (int i = 0; i < n; i++) {
                if (t.items().get(i) instanceof PIgnore) continue;
                TupleForms.field(mv, v, n, i);
                int tmp = f.newSlot();
                mv.visitVarInsn(ASTORE, tmp);
                param(t.items().get(i), tmp, plan);
            }
            return;
        }
        Binding b = plan.binding(p);
        Shape s = plan.types().get(b);
        if (s == null) return; // not read by the body: no check
        List<Integer> into = new ArrayList<>();
        check(s, v, into);
        slots.put(b, ints(into));
    }

    /** Checks that slot v holds a value of shape s (else to generic), unboxing its numbers into new slots. */
    private void check(Shape s, int v, List<Integer> into) {
        mv.visitVarInsn(ALOAD, v);
        if (s.isNum()) {
            mv.visitTypeInsn(INSTANCEOF, DOUBLE);
            mv.visitJumpInsn(IFEQ, generic);
            mv.visitVarInsn(ALOAD, v);
            Rt.unbox(mv);
            int d = f.newDoubleSlot();
            mv.visitVarInsn(DSTORE, d);
            into.add(d);
            return;
        }
        int n = s.items().size();
        mv.visitTypeInsn(INSTANCEOF, TupleForms.fixedClass(n));
        mv.visitJumpInsn(IFEQ, generic);
        for (int i = 0; i < n; i++) {
            TupleForms.field(mv, v, n, i);
            int tmp = f.newSlot();
            mv.visitVarInsn(ASTORE, tmp);
            check(s.items().get(i), tmp, into);
        }
    }

    /** Binds the names of a flat entry's parameter pattern to its double parameters, from next[0] on. */
    private void bindFlat(Pattern p, int[] next, VecBodies.Plan plan) {
        if (p instanceof PTuple t) {
            for (Pattern q : t.items()) bindFlat(q, next, plan);
            return;
        }
        Shape s = plan.types().get(plan.binding(p));
        int[] d = new int[s.width()];
        for (int i = 0; i < d.length; i++) {
            d[i] = next[0];
            next[0] += 2;
        }
        slots.put(plan.binding(p), d);
    }

    private void body(VecBodies.Plan plan) {
        for (Let l : plan.lets()) slots.put(plan.binding(l.pattern()), eval(l.value()));
    }

    // ---- expressions

    /** Builds the value of shape s from slots v[at[0]…], leaving it on the stack. */
    private void materialize(int[] v, Shape s, int[] at) {
        if (s.isNum()) {
            mv.visitVarInsn(DLOAD, v[at[0]++]);
            Rt.box(mv);
            return;
        }
        for (Shape item : s.items()) materialize(v, item, at);
        TupleForms.construct(mv, s.items().size());
    }

    /** Computes e; returns the double slots holding its numbers (a name's own slots for a name). */
    private int[] eval(Expr e) {
        if (e instanceof Word w) return slots.get(res.uses.get(w).binding());
        Shape t = typer.apply(e);
        if (t.isNum() && !(e instanceof Synthetic s && flatCall(s))) {
            num(e);
            int d = f.newDoubleSlot();
            mv.visitVarInsn(DSTORE, d);
            return new int[] {d};
        }
        if (e instanceof TupleLit lit) {
            List<Integer> all = new ArrayList<>();
            for (Expr item : lit.items()) for (int d : eval(item)) all.add(d);
            return ints(all);
        }
        Synthetic s = (Synthetic) e;
        List<Expr> args = Analysis.args(s);
        if (flatCall(s)) return call(s, args, t);
        String op = VecBodies.preludeOp(s, res);
        int[] r = {f.newDoubleSlot(), f.newDoubleSlot()};
        if (op.equals("mult")) {   // a vector scaled: each component times the number
            boolean vecFirst = !typer.apply(args.get(0)).isNum();
            int[] v = eval(args.get(vecFirst ? 0 : 1));
            int[] k = eval(args.get(vecFirst ? 1 : 0));
            for (int i = 0; i < 2; i++) {
                mv.visitVarInsn(DLOAD, v[i]);
                mv.visitVarInsn(DLOAD, k[0]);
                mv.visitInsn(DMUL);
                mv.visitVarInsn(DSTORE, r[i]);
            }
            return r;
        }
        int[] a = eval(args.get(0));
        int[] b = eval(args.get(1));
        for (int i = 0; i < 2; i++) {
            mv.visitVarInsn(DLOAD, a[i]);
            mv.visitVarInsn(DLOAD, b[i]);
            mv.visitInsn(op.equals("add") ? DADD : DSUB);
            mv.visitVarInsn(DSTORE, r[i]);
        }
        return r;
    }

    private boolean flatCall(Synthetic s) {
        return VecBodies.preludeOp(s, res) == null;
    }

    /** A call of a flat entry: the arguments' numbers in, the result's read back from the array. */
    private int[] call(Synthetic s, List<Expr> args, Shape result) {
        FnDef known = m.an.knownFn(res.uses.get((Word) s.root()).binding());
        FnCode code = m.code(known);
        List<int[]> values = new ArrayList<>();
        for (Expr a : args) values.add(eval(a));
        for (int[] v : values) for (int d : v) mv.visitVarInsn(DLOAD, d);
        mv.visitVarInsn(ALOAD, out);
        mv.visitMethodInsn(INVOKESTATIC, code.owner(), flatName(code), flatDesc(m.an.vecPlan(known)), false);
        int[] r = new int[result.width()];
        for (int i = 0; i < r.length; i++) {
            mv.visitVarInsn(ALOAD, out);
            Rt.integer(mv, i);
            mv.visitInsn(DALOAD);
            r[i] = f.newDoubleSlot();
            mv.visitVarInsn(DSTORE, r[i]);
        }
        return r;
    }

    /** The slots of v copied into fresh ones (a recur's arguments are all computed before any is stored). */
    private int[] copyOf(int[] v) {
        int[] c = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            mv.visitVarInsn(DLOAD, v[i]);
            c[i] = f.newDoubleSlot();
            mv.visitVarInsn(DSTORE, c[i]);
        }
        return c;
    }

    /** Pushes a number-typed expression as a double (the prelude's arithmetic on doubles, exactly). */
    private void num(Expr e) {
        if (e instanceof Num n) {
            mv.visitLdcInsn(n.value());
            return;
        }
        if (e instanceof Word || (e instanceof Synthetic s0 && flatCall(s0))) {
            mv.visitVarInsn(DLOAD, eval(e)[0]);
            return;
        }
        Synthetic s = (Synthetic) e;
        List<Expr> args = Analysis.args(s);
        String op = VecBodies.preludeOp(s, res);
        if (op.equals("dist")) {   // Arith.dist: sqrt (x * x + y * y)
            int[] v = args.size() == 1 ? eval(args.get(0)) : new int[] {eval(args.get(0))[0], eval(args.get(1))[0]};
            for (int c : v) {
                mv.visitVarInsn(DLOAD, c);
                mv.visitInsn(DUP2);
                mv.visitInsn(DMUL);
            }
            mv.visitInsn(DADD);
            mv.visitMethodInsn(INVOKESTATIC, "java/lang/StrictMath", "sqrt", "(D)D", false);
            return;
        }
        for (Expr a : args) num(a);
        switch (op) {
            case "add" -> mv.visitInsn(DADD);
            case "sub" -> mv.visitInsn(DSUB);
            case "mult" -> mv.visitInsn(DMUL);
            case "inc" -> { mv.visitInsn(DCONST_1); mv.visitInsn(DADD); }
            case "dec" -> { mv.visitInsn(DCONST_1); mv.visitInsn(DSUB); }
            case "neg" -> { mv.visitLdcInsn(-1.0); mv.visitInsn(DMUL); }
            case "square" -> { mv.visitInsn(DUP2); mv.visitInsn(DMUL); }
            case "sqrt" -> mv.visitMethodInsn(INVOKESTATIC, "java/lang/StrictMath", "sqrt", "(D)D", false);
            case "abs" -> mv.visitMethodInsn(INVOKESTATIC, "java/lang/Math", "abs", "(D)D", false);
            default -> throw new IllegalStateException("not numeric on the fast path: " + op);
        }
    }

    /**
     * A loop's test (VecLoops.test) on doubles, as NumGen compiles it: jumps to target when the
     * test is true (jumpWhenTrue false: when it is false). NaN compares false every way.
     */
    private void test(Expr cond, Label target, boolean recurWhenTrue) {
        Synthetic s = (Synthetic) cond;
        String op = VecBodies.preludeOp(s, res);
        List<Expr> args = Analysis.args(s);
        num(args.get(0));
        int cmp, jumpIfFalse;
        if (args.size() == 1) {
            mv.visitInsn(DCONST_0);
            cmp = op.equals("neg?") ? DCMPG : DCMPL;
            jumpIfFalse = switch (op) { case "zero?" -> IFNE; case "pos?" -> IFLE; default -> IFGE; };
        } else {
            num(args.get(1));
            switch (op) {
                case "lt?" -> { cmp = DCMPG; jumpIfFalse = IFGE; }
                case "lte?" -> { cmp = DCMPG; jumpIfFalse = IFGT; }
                case "gt?" -> { cmp = DCMPL; jumpIfFalse = IFLE; }
                case "gte?" -> { cmp = DCMPL; jumpIfFalse = IFLT; }
                default -> { cmp = DCMPL; jumpIfFalse = IFNE; }
            }
        }
        mv.visitInsn(cmp);
        // the result is taken when the test is false (recur when true), else when it is true
        if (recurWhenTrue) {
            mv.visitJumpInsn(jumpIfFalse, target);
        } else {
            Label recur = new Label();
            mv.visitJumpInsn(jumpIfFalse, recur);
            mv.visitJumpInsn(GOTO, target);
            mv.visitLabel(recur);
        }
    }
}
