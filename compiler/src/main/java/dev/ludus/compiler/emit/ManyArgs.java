package dev.ludus.compiler.emit;

import dev.ludus.compiler.syntax.Ast.Expr;
import dev.ludus.compiler.syntax.Ast.TupleLit;
import java.util.List;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Calls with many arguments (issue 12): an ordinary call keeps its arguments on the JVM stack
 * and in one local each, which a call of 100,000 arguments cannot. From {@link #MIN} arguments
 * on, they are built as one array (as a tuple literal is, in chunks moved into methods of their
 * own when long, or from constant data) and the callee is called through its array entry.
 */
final class ManyArgs implements Opcodes {
    /** Calls with fewer arguments compile as before (no JVM method takes more than 255 anyway). */
    static final int MIN = 256;

    private ManyArgs() {}

    static boolean applies(List<Expr> args) {
        return args.size() >= MIN;
    }

    /** Calls the callee on the stack with args (tail: in a tail position). */
    static void call(Gen x, List<Expr> args, Frame f, boolean tail) {
        MethodVisitor mv = f.mv;
        boolean tc = tail && f.mayReturnTailCall;
        array(x, args, f);
        mv.visitMethodInsn(INVOKESTATIC, tc ? Rt.INVOKE : Rt.CALLS, tc ? "tailN" : "callN",
                "(" + Rt.OBJ_D + Rt.OBJS_D + ")" + Rt.OBJ_D, false);
    }

    /** Pushes a fresh Object[] of the values of args (also a wide loop's initial values and recur values). */
    static void array(Gen x, List<Expr> args, Frame f) {
        MethodVisitor mv = f.mv;
        x.emit(new TupleLit(args.get(0).span(), args), f, false);
        mv.visitTypeInsn(CHECKCAST, Rt.TUPLE);
        // a fresh copy: a constant tuple is shared, and a callee may keep or reuse its arguments array
        mv.visitMethodInsn(INVOKEVIRTUAL, Rt.TUPLE, "toArray", "()" + Rt.OBJS_D, false);
    }
}
