package dev.ludus.compiler.emit;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * A string constant is limited to 65,535 bytes of modified UTF-8 in a class file. Every
 * generated method goes through this visitor, which loads a longer string (a long literal,
 * name, keyword, pattern text) as constant pieces joined at run time, so no Ludus text is too
 * long to compile (issue 12).
 */
final class LongStrings extends MethodVisitor {
    /** Characters per piece: at most 3 bytes each in modified UTF-8, well under the limit. */
    static final int PIECE = 16_000;

    /** The class the method belongs to (its constants, its name for calls). */
    final ClassUnit unit;
    /** The largest pattern matched in this method (Spills), and its node count: blamed if the method is too large. */
    dev.ludus.compiler.syntax.Ast.Node blame;
    int blameWeight;

    LongStrings(MethodVisitor mv, ClassUnit unit) {
        super(Opcodes.ASM9, mv);
        this.unit = unit;
    }

    /** The class that a method made by ModuleEmitter belongs to. */
    static String owner(MethodVisitor mv) {
        return ((LongStrings) mv).unit.name;
    }

    @Override
    public void visitLdcInsn(Object value) {
        if (!(value instanceof String s) || !tooLong(s)) {
            super.visitLdcInsn(value);
            return;
        }
        super.visitLdcInsn(s.substring(0, PIECE));
        for (int i = PIECE; i < s.length(); i += PIECE) {
            super.visitLdcInsn(s.substring(i, Math.min(s.length(), i + PIECE)));
            super.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/String", "concat",
                    "(Ljava/lang/String;)Ljava/lang/String;", false);
        }
    }

    /** Whether {@code s} exceeds the class-file limit (modified UTF-8: 1 to 3 bytes per char). */
    static boolean tooLong(String s) {
        if (s.length() <= 65_535 / 3) return false;
        if (s.length() > 65_535) return true;
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            bytes += c != 0 && c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
        }
        return bytes > 65_535;
    }

    /** A name for use inside a JVM member name: long Ludus names are cut (traces show the start). */
    static String shortName(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200);
    }
}
