package dev.ludus.compiler.emit;

import dev.ludus.compiler.analyse.Analysis;
import dev.ludus.compiler.analyse.IntLoops;
import dev.ludus.compiler.resolve.Binding;
import dev.ludus.compiler.resolve.NameUse;
import dev.ludus.compiler.syntax.Ast.*;
import java.util.List;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Unboxed numbers. An expression is <em>numeric</em> when it certainly yields a number (or
 * panics): the analysis decides which (analyse.Numbers). Numeric expressions compile to double arithmetic (dadd, dcmpg, ...) and
 * are boxed only where a value leaves the numeric world. Behaviour is unchanged: the prelude
 * functions do exactly this arithmetic on two numbers, and div/mod keep their zero check.
 */
final class NumGen implements Opcodes {
    private final ModuleContext m;
    private final Gen x;

    NumGen(ModuleContext m, Gen x) {
        this.m = m;
        this.x = x;
    }

    /** The prelude function a plain call names, else null (the analysis's). */
    Binding preludeCallee(Synthetic s) {
        return m.an.preludeCallee(s);
    }

    /** The module-level fn a call names, if its numeric entry for this many arguments returns a double. */
    FnDef numericCallee(Synthetic s) {
        return m.an.numericCallee(s);
    }

    /** Whether e is numeric where f stands (its unboxed locals). */
    boolean numeric(Expr e, Frame f) {
        return m.an.numeric(e, f.scope);
    }

    /** Pushes the double value of a numeric expression. */
    void emitNum(Expr e, Frame f) {
        MethodVisitor mv = f.mv;
        if (e instanceof Num n) {
            mv.visitLdcInsn(n.value());
            return;
        }
        if (e instanceof Word w) {
            Binding b = m.res.uses.get(w).binding();
            if (f.isDouble(b)) {
                f.loadNum(b);
            } else if (f.scope.isDouble(b)) {
                throw new IllegalStateException("the analysis keeps " + b + " unboxed, the method holds it boxed");
            } else { // a typed number: unbox it
                x.loadWord(w, f);
                Rt.unbox(mv);
            }
            return;
        }
        Synthetic s = (Synthetic) e;
        x.line(f, s.span());
        List<Expr> args = Analysis.args(s);
        Binding prelude = preludeCallee(s);
        if (prelude == null) { // a fn whose numeric entry returns a double
            x.checkCallee((Word) s.root(), f);
            callNumericEntry(numericCallee(s), args, f);
            return;
        }
        String name = prelude.name;
        if (name.equals("count")) {
            x.emit(args.get(0), f, false);
            mv.visitMethodInsn(INVOKESTATIC, "dev/ludus/runtime/prelude/Colls", "countInt", "(" + Rt.OBJ_D + ")I", false);
            mv.visitInsn(I2D);
            return;
        }
        boolean first = args.size() == 2 && numeric(args.get(0), f);
        if (args.size() == 2 && !(first && numeric(args.get(1), f))) {
            // add/sub/div/mod of a number and a value of unknown kind (analyse.Numbers): in order
            if (first) {
                emitNum(args.get(0), f);
                x.emit(args.get(1), f, false);
            } else {
                x.emit(args.get(0), f, false);
                emitNum(args.get(1), f);
            }
            mv.visitMethodInsn(INVOKESTATIC, "dev/ludus/runtime/prelude/MixedArith", name + (first ? "DO" : "OD"),
                    first ? "(D" + Rt.OBJ_D + ")D" : "(" + Rt.OBJ_D + "D)D", false);
            return;
        }
        for (Expr a : args) emitNum(a, f);
        op(mv, name);
    }

    /** The prelude's arithmetic function name on its double operands on the stack (see analyse.Numbers). */
    static void op(MethodVisitor mv, String name) {
        switch (name) {
            case "add": mv.visitInsn(DADD); break;
            case "sub": mv.visitInsn(DSUB); break;
            case "mult": mv.visitInsn(DMUL); break;
            case "div": arith(mv, "divDD", "(DD)D"); break;
            case "mod": arith(mv, "modDD", "(DD)D"); break;
            case "inc": mv.visitInsn(DCONST_1); mv.visitInsn(DADD); break;
            case "dec": mv.visitInsn(DCONST_1); mv.visitInsn(DSUB); break;
            case "neg": mv.visitLdcInsn(-1.0); mv.visitInsn(DMUL); break;
            case "floor": mv.visitMethodInsn(INVOKESTATIC, "java/lang/Math", "floor", "(D)D", false); break;
            case "ceil": mv.visitMethodInsn(INVOKESTATIC, "java/lang/Math", "ceil", "(D)D", false); break;
            case "round": arith(mv, "roundD", "(D)D"); break;
            case "sqrt": mv.visitMethodInsn(INVOKESTATIC, "java/lang/StrictMath", "sqrt", "(D)D", false); break;
            case "abs": mv.visitMethodInsn(INVOKESTATIC, "java/lang/Math", "abs", "(D)D", false); break;   // abs (-0) is 0 too
            default: throw new IllegalStateException("not numeric: " + name);
        }
    }

    /**
     * Calls known's numeric entry with args as doubles (module-level fns capture nothing: a null
     * closure). Returns whether it left a double (analyse.NumReturns), else it left an Object.
     */
    boolean callNumericEntry(FnDef known, List<Expr> args, Frame f) {
        FnCode code = m.code(known);
        int n = args.size();
        boolean dbl = m.an.returnsNumber(known, n);
        f.mv.visitInsn(ACONST_NULL);
        for (Expr a : args) emitNum(a, f);
        f.mv.visitMethodInsn(INVOKESTATIC, code.owner(), FnCode.numericName(code.baseName(), n), FnCode.numericDesc(n, dbl), false);
        return dbl;
    }

    private static void arith(MethodVisitor mv, String method, String desc) {
        mv.visitMethodInsn(INVOKESTATIC, "dev/ludus/runtime/prelude/Arith", method, desc, false);
    }

    /** zero?/pos?/neg? of a numeric operand: a comparison with 0 (what those functions do on numbers). */
    private boolean signTest(String name, Expr arg, Frame f, Label otherwise) {
        int jumpIfFalse;
        switch (name) {
            case "zero?": jumpIfFalse = IFNE; break;
            case "pos?": jumpIfFalse = IFLE; break;
            case "neg?": jumpIfFalse = IFGE; break;
            default: return false;
        }
        if (!numeric(arg, f)) return false;
        emitNum(arg, f);
        f.mv.visitInsn(DCONST_0);
        f.mv.visitInsn(name.equals("neg?") ? DCMPG : DCMPL); // NaN: never zero, positive or negative
        f.mv.visitJumpInsn(jumpIfFalse, otherwise);
        return true;
    }

    /** A long loop variable, or an integer literal a long holds exactly. */
    private boolean longOperand(Expr e, Frame f) {
        if (e instanceof Num n) return IntLoops.exactInteger(n.value());
        if (!(e instanceof Word w)) return false;
        NameUse u = m.res.uses.get(w);
        return u != null && !u.check() && f.isLong(u.binding());
    }

    /** Pushes a long operand (see longOperand) as a long. */
    void pushLong(Expr e, Frame f) {
        if (e instanceof Num n) f.mv.visitLdcInsn((long) n.value());
        else f.mv.visitVarInsn(LLOAD, f.doubleSlots.get(m.res.uses.get((Word) e).binding()));
    }

    /** even?/odd? of a numeric operand: the low bit of an exact long, else the floored modulo. */
    private boolean parityTest(String name, Expr arg, Frame f, Label otherwise) {
        boolean even = name.equals("even?");
        if (!even && !name.equals("odd?")) return false;
        if (!numeric(arg, f)) return false;
        MethodVisitor mv = f.mv;
        if (arg instanceof Word && longOperand(arg, f)) {
            pushLong(arg, f);
            mv.visitInsn(LCONST_1);
            mv.visitInsn(LAND);
            mv.visitInsn(L2I);
            mv.visitJumpInsn(even ? IFNE : IFEQ, otherwise);
        } else {
            emitNum(arg, f);
            mv.visitMethodInsn(INVOKESTATIC, "dev/ludus/runtime/prelude/Arith", even ? "evenD" : "oddD", "(D)Z", false);
            mv.visitJumpInsn(IFEQ, otherwise);
        }
        return true;
    }

    /**
     * A comparison of two numeric operands used as a condition: jumps to otherwise when false.
     * Returns false (emitting nothing) when cond is not such a comparison.
     */
    /** Whether e is a name living unboxed here (reading it costs nothing; boxing it would cost a box). */
    private boolean unboxedName(Expr e, Frame f) {
        if (!(e instanceof Word w)) return false;
        NameUse u = m.res.uses.get(w);
        return u != null && !u.check() && f.isDouble(u.binding());
    }

    boolean condition(Expr cond, Frame f, Label otherwise) {
        if (!(cond instanceof Synthetic s)) return false;
        Binding b = preludeCallee(s);
        if (b != null && Analysis.args(s).size() == 1 && signTest(b.name, Analysis.args(s).get(0), f, otherwise)) return true;
        if (b != null && Analysis.args(s).size() == 1 && parityTest(b.name, Analysis.args(s).get(0), f, otherwise)) return true;
        if (b == null || Analysis.args(s).size() != 2) return false;
        int cmp;
        int jumpIfFalse;
        switch (b.name) {
            case "lt?": cmp = DCMPG; jumpIfFalse = IFGE; break;
            case "lte?": cmp = DCMPG; jumpIfFalse = IFGT; break;
            case "gt?": cmp = DCMPL; jumpIfFalse = IFLE; break;
            case "gte?": cmp = DCMPL; jumpIfFalse = IFLT; break;
            case "eq?": cmp = DCMPL; jumpIfFalse = IFNE; break;
            default: return false;
        }
        List<Expr> args = Analysis.args(s);
        boolean n0 = numeric(args.get(0), f), n1 = numeric(args.get(1), f);
        if (b.name.equals("eq?") && n0 != n1 && unboxedName(n0 ? args.get(0) : args.get(1), f)) {
            // a number held unboxed against any value: compared without boxing it again (operands in order)
            x.line(f, s.span());
            if (n0) {
                emitNum(args.get(0), f);
                x.emit(args.get(1), f, false);
            } else {
                x.emit(args.get(0), f, false);
                int tmp = f.newSlot();
                f.mv.visitVarInsn(ASTORE, tmp);
                emitNum(args.get(1), f);
                f.mv.visitVarInsn(ALOAD, tmp);
            }
            f.mv.visitMethodInsn(INVOKESTATIC, "dev/ludus/runtime/prelude/Arith", "eqZ", "(D" + Rt.OBJ_D + ")Z", false);
            f.mv.visitJumpInsn(IFEQ, otherwise);
            return true;
        }
        if (!n0 || !n1) return false;
        x.line(f, s.span());
        if (longOperand(args.get(0), f) && longOperand(args.get(1), f)) {
            // exact integers compare as longs exactly as they do as doubles (and are never NaN)
            pushLong(args.get(0), f);
            pushLong(args.get(1), f);
            f.mv.visitInsn(LCMP);
            f.mv.visitJumpInsn(jumpIfFalse, otherwise);
            return true;
        }
        emitNum(args.get(0), f);
        emitNum(args.get(1), f);
        f.mv.visitInsn(cmp); // NaN: dcmpg gives 1, dcmpl -1, so every comparison with NaN is false
        f.mv.visitJumpInsn(jumpIfFalse, otherwise);
        return true;
    }
}
