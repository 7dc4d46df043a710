package dev.ludus.compiler.emit;

import dev.ludus.compiler.resolve.Binding;
import dev.ludus.compiler.syntax.Ast.*;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Patterns that bind many names (issue 12): a JVM method holds at most 65,535 locals and the
 * compiler allows it {@link Frame#MAX_LOCALS}, so a pattern binding {@link #MIN_NAMES} names or
 * more ({@code let (a1, …, a3000) = t} in a fn, a fn or loop clause of as many) binds them in
 * one Object[] of its own, made where the pattern is matched (which comes before every use of
 * its names: Ludus scopes are lexical). A name lives at {array slot, index} (Frame.spilled).
 * Code moved into another method (Splitter) that names many of them reads them in the env array
 * it is given. Patterns of fewer names compile as before, a slot per name.
 */
final class Spills implements Opcodes {
    static final int MIN_NAMES = 256;

    private Spills() {}

    /** Before matching p: if it binds many names, makes their array; returns what to pass to {@link #end}. */
    static int[] begin(Pattern p, Frame f) {
        int[] saved = f.spillTo;
        f.blame = p;
        int[] n = {0};
        AstWalk.each(p, y -> {
            if (y instanceof PBind || y instanceof PTyped || y instanceof PSplat s && s.name() != null) n[0]++;
        });
        if (n[0] >= MIN_NAMES) {
            int slot = f.newSlot();
            Rt.integer(f.mv, n[0]);
            f.mv.visitTypeInsn(ANEWARRAY, Rt.OBJ);
            f.mv.visitVarInsn(ASTORE, slot);
            f.spillTo = new int[] {slot, 0};
        } else {
            f.spillTo = null;
        }
        return saved;
    }

    static void end(Frame f, int[] saved) {
        f.spillTo = saved;
        f.blame = null;
    }

    /** Pushes b if it is spilled; false if it is not (the caller loads its slot). */
    static boolean load(Binding b, Frame f) {
        int[] at = f.spilled.get(b);
        if (at == null) return false;
        f.mv.visitVarInsn(ALOAD, at[0]);
        Rt.integer(f.mv, at[1]);
        f.mv.visitInsn(AALOAD);
        return true;
    }

    /** Stores the value on the stack into b's place in the current pattern's array; false outside such a pattern. */
    static boolean store(Binding b, Frame f) {
        if (f.spillTo == null) {
            f.spilled.remove(b); // bound again outside a pattern of many names (another copy of the code): a slot
            return false;
        }
        MethodVisitor mv = f.mv;
        int[] at = {f.spillTo[0], f.spillTo[1]++};
        f.spilled.put(b, at);
        mv.visitVarInsn(ALOAD, at[0]);
        mv.visitInsn(SWAP);
        Rt.integer(mv, at[1]);
        mv.visitInsn(SWAP);
        mv.visitInsn(AASTORE);
        return true;
    }
}
