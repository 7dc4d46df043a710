package dev.ludus.compiler.emit;

import dev.ludus.compiler.syntax.Ast.*;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * A large collection literal whose items are all constants (numbers, strings, keywords, true,
 * false, nil) is built at run time from compact text (runtime's ConstantData), once, on first
 * use, and kept in a static field of the class that uses it (issue 12): code per item made a
 * 100,000-number list cost 100,000 class constants, a chain of split methods and 18-40 s of
 * compile time. Smaller literals are compiled as before.
 */
final class ConstantLiterals implements Opcodes {
    /** Literals with fewer items are compiled as code (as the chunks of a long mixed literal are at most this long). */
    static final int MIN_ITEMS = Gen.CHUNK_ITEMS;
    /** Bytes of modified UTF-8 per string constant (the class file allows 65,535). */
    static final int PIECE_BYTES = 60_000;
    private static final String DATA = "dev/ludus/runtime/bootstrap/ConstantData";

    private int nextField;

    /** Emits e when it is a large all-constant collection literal; false when the caller emits it. */
    boolean emit(Expr e, Frame f) {
        if (!(e instanceof ListLit l0 && l0.items().size() >= MIN_ITEMS || e instanceof SetLit s0 && s0.items().size() >= MIN_ITEMS
                || e instanceof TupleLit t0 && t0.items().size() >= MIN_ITEMS || e instanceof DictLit d0 && d0.items().size() >= MIN_ITEMS)) {
            return false;
        }
        String kind;
        String type;
        StringBuilder data = new StringBuilder();
        if (e instanceof ListLit l && l.items().size() >= MIN_ITEMS && encode(l.items(), data)) {
            kind = "list";
            type = Rt.LLIST;
        } else if (e instanceof SetLit s && s.items().size() >= MIN_ITEMS && encode(s.items(), data)) {
            kind = "set";
            type = Rt.LSET;
        } else if (e instanceof TupleLit t && t.items().size() >= MIN_ITEMS && encode(t.items(), data)) {
            kind = "tuple";
            type = Rt.TUPLE;
        } else if (e instanceof DictLit d && d.items().size() >= MIN_ITEMS && encodeDict(d.items(), data)) {
            kind = "dict";
            type = Rt.LDICT;
        } else {
            return false;
        }
        MethodVisitor mv = f.mv;
        String desc = "L" + type + ";";
        // cached in a volatile field of this method's class (processes are threads): built on first use (a race builds equal values)
        String owner = mv instanceof LongStrings ls ? ls.unit.name : null;
        String field = "data$" + nextField++;
        Label done = new Label();
        if (owner != null) {
            ((LongStrings) mv).unit.cw.visitField(ACC_PRIVATE | ACC_STATIC | ACC_VOLATILE, field, desc, null, null).visitEnd();
            mv.visitFieldInsn(GETSTATIC, owner, field, desc);
            mv.visitInsn(DUP);
            mv.visitJumpInsn(IFNONNULL, done);
            mv.visitInsn(POP);
        }
        List<String> pieces = pieces(data);
        Rt.integer(mv, pieces.size());
        mv.visitTypeInsn(ANEWARRAY, "java/lang/String");
        for (int i = 0; i < pieces.size(); i++) {
            mv.visitInsn(DUP);
            Rt.integer(mv, i);
            mv.visitLdcInsn(pieces.get(i));
            mv.visitInsn(AASTORE);
        }
        mv.visitMethodInsn(INVOKESTATIC, DATA, kind, "([Ljava/lang/String;)" + desc, false);
        if (owner != null) {
            mv.visitInsn(DUP);
            mv.visitFieldInsn(PUTSTATIC, owner, field, desc);
            mv.visitLabel(done);
        }
        return true;
    }

    private static boolean encode(List<? extends Node> items, StringBuilder out) {
        for (Node n : items) if (!constant(n, out)) return false;
        return true;
    }

    private static boolean encodeDict(List<Node> items, StringBuilder out) {
        for (Node n : items) {
            if (!(n instanceof DictPair p)) return false;
            string('k', p.key(), out);
            if (!constant(p.value(), out)) return false;
        }
        return true;
    }

    private static boolean constant(Node n, StringBuilder out) {
        if (n instanceof Num num) {
            double v = num.value();
            if (v == Math.rint(v) && Math.abs(v) < 1e15 && !(v == 0 && 1 / v < 0)) out.append('i').append((long) v).append(',');
            else out.append('d').append(v).append(',');
        } else if (n instanceof Str s) {
            string('s', s.value(), out);
        } else if (n instanceof Kw k) {
            string('k', k.name(), out);
        } else if (n instanceof Bool b) {
            out.append(b.value() ? 't' : 'f');
        } else if (n instanceof Nil) {
            out.append('n');
        } else {
            return false;
        }
        return true;
    }

    private static void string(char tag, String s, StringBuilder out) {
        out.append(tag).append(s.length()).append(':').append(s);
    }

    /** The text cut into string constants of at most PIECE_BYTES of modified UTF-8. */
    static List<String> pieces(CharSequence s) {
        List<String> out = new ArrayList<>();
        int start = 0, bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int b = c != 0 && c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            if (bytes + b > PIECE_BYTES) {
                out.add(s.subSequence(start, i).toString());
                start = i;
                bytes = 0;
            }
            bytes += b;
        }
        out.add(s.subSequence(start, s.length()).toString());
        return out;
    }
}
