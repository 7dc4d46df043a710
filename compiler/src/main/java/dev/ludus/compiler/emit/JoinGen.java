package dev.ludus.compiler.emit;

import dev.ludus.compiler.syntax.Ast.*;
import java.util.List;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * {@code join ([a, b, ...])} and {@code join ([a, b, ...], sep)} with a list literal of 2 to
 * {@value #MAX} elements and no splat, the usual way to build a line of text: the elements, then
 * the separator, are evaluated in order as before and passed to SmallJoins.literal/literalWith,
 * which concatenates them without building the list; only if one is not a string does it build
 * the list and let join panic as usual (the same report, at this call's site).
 */
final class JoinGen implements Opcodes {
    private JoinGen() {}

    private static final String SMALL_JOINS = "dev/ludus/runtime/prelude/SmallJoins";
    /** SmallJoins.MAX: the longest literal joined this way. */
    static final int MAX = 6;

    /** Whether a call of the prelude's join with these arguments is compiled by {@link #emit}. */
    static boolean applies(List<Expr> args) {
        if (args.size() != 1 && args.size() != 2) return false;
        if (!(args.get(0) instanceof ListLit l)) return false;
        int n = l.items().size();
        if (n < 2 || n > MAX) return false;
        for (Expr e : l.items()) if (e instanceof Splat) return false;
        return true;
    }

    static void emit(Gen x, List<Expr> args, Frame f) {
        MethodVisitor mv = f.mv;
        List<Expr> items = ((ListLit) args.get(0)).items();
        for (Expr e : items) x.emit(e, f, false);
        boolean sep = args.size() == 2;
        if (sep) x.emit(args.get(1), f, false);
        int k = items.size() + (sep ? 1 : 0);
        mv.visitMethodInsn(INVOKESTATIC, SMALL_JOINS, sep ? "literalWith" : "literal", Rt.objDesc(k), false);
    }

    /**
     * {@code string (a, b, ...)} of 2 to MAX arguments (the prelude's concatenation of print
     * forms): each argument becomes its print form where it is evaluated (a string literal as it
     * is, a proven number formatted from its double, anything else through Values.printForm),
     * then the strings are concatenated as a join literal's are. The prelude function boxes the
     * arguments into an array and appends each print form to a StringBuilder.
     */
    static boolean stringApplies(List<Expr> args) {
        return args.size() >= 2 && args.size() <= MAX;
    }

    static void emitString(Gen x, List<Expr> args, Frame f) {
        MethodVisitor mv = f.mv;
        for (Expr e : args) {
            if (e instanceof Str) {
                x.emit(e, f, false);
            } else if (x.numeric(e, f)) {
                shownNumber(x, e, f);
            } else {
                x.emit(e, f, false);
                mv.visitMethodInsn(INVOKESTATIC, Rt.VALUES, "printForm", "(" + Rt.OBJ_D + ")Ljava/lang/String;", false);
            }
        }
        mv.visitMethodInsn(INVOKESTATIC, SMALL_JOINS, "literal", Rt.objDesc(args.size()), false);
    }

    /** Pushes the shown form of a numeric expression (what show and string give): formatted from its double, no box. */
    static void shownNumber(Gen x, Expr e, Frame f) {
        x.emitNum(e, f);
        f.mv.visitMethodInsn(INVOKESTATIC, Rt.NUMBER_FORMAT, "format", "(D)Ljava/lang/String;", false);
    }
}
