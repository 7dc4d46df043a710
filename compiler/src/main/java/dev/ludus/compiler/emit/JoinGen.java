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
}
