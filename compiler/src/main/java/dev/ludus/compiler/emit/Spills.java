package dev.ludus.compiler.emit;

import dev.ludus.compiler.analyse.Analysis;
import dev.ludus.compiler.analyse.AstWalk;
import dev.ludus.compiler.resolve.Binding;
import dev.ludus.compiler.syntax.Ast.*;
import java.util.List;
import java.util.Map;
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
    static final int MIN_NAMES = Analysis.MANY_NAMES;
    /** Patterns of at least this many nodes are remembered by their method (LongStrings.blame). */
    static final int BLAME_NODES = 1_000;

    private Spills() {}

    /** Before matching p: if it binds many names, makes their array; returns what to pass to {@link #end}. */
    static int[] begin(Pattern p, Frame f) {
        int[] saved = f.spillTo;
        f.blame = p;
        int[] n = {0, 0};
        for (Node y : AstWalk.nodes(p)) { // a loop, not a lambda: see LudusCompiler.PARSER
            n[1]++;
            if (y instanceof PBind || y instanceof PTyped || y instanceof PSplat s && s.name() != null) n[0]++;
        }
        // a pattern's code cannot be split: if its method passes 64 KB, a large pattern is to blame
        if (n[1] >= BLAME_NODES && f.mv instanceof LongStrings ls && n[1] > ls.blameWeight) {
            ls.blame = p;
            ls.blameWeight = n[1];
        }
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

    /**
     * In a pattern of many names, a tuple of plain names (or a clause's arguments, args): the
     * names read a copy of the tuple's items (or of the arguments array), so they take no
     * code each. False (nothing emitted) when an item is anything else.
     */
    static boolean bindItems(List<Pattern> items, int fixed, int v, boolean args, Map<Node, Binding> declared, Frame f) {
        if (f.spillTo == null) return false;
        for (int i = 0; i < fixed; i++) {
            Pattern item = items.get(i);
            if (item instanceof PIgnore) continue;
            Binding b = item instanceof PBind ? declared.get(item) : null;
            if (b == null || b.kind != Binding.Kind.LOCAL || b.cell) return false;
        }
        MethodVisitor mv = f.mv;
        mv.visitVarInsn(ALOAD, v);
        if (args) {
            mv.visitMethodInsn(INVOKEVIRTUAL, Rt.OBJS_D, "clone", "()" + Rt.OBJ_D, false);
            mv.visitTypeInsn(CHECKCAST, Rt.OBJS_D);
        } else {
            mv.visitTypeInsn(CHECKCAST, Rt.TUPLE);
            mv.visitMethodInsn(INVOKEVIRTUAL, Rt.TUPLE, "toArray", "()" + Rt.OBJS_D, false);
        }
        int slot = f.newSlot();
        mv.visitVarInsn(ASTORE, slot);
        for (int i = 0; i < fixed; i++) {
            if (items.get(i) instanceof PBind) f.spilled.put(declared.get(items.get(i)), new int[] {slot, i});
        }
        return true;
    }

    /** The distinct arrays (slots in f) of the spilled names among env. */
    static List<Integer> arrays(List<Binding> env, Frame f) {
        java.util.LinkedHashSet<Integer> out = new java.util.LinkedHashSet<>();
        for (Binding b : env) {
            int[] at = f.spilled.get(b);
            if (at != null && !f.isDouble(b)) out.add(at[0]);
        }
        return new java.util.ArrayList<>(out);
    }

    /** env without its spilled names. */
    static List<Binding> unspilled(List<Binding> env, Frame f) {
        List<Binding> out = new java.util.ArrayList<>();
        for (Binding b : env) if (f.isDouble(b) || !f.spilled.containsKey(b)) out.add(b);
        return out;
    }

    /** In a moved method nf: the spilled names of env that lived in f's array slot a now live in nf's slot. */
    static void moved(List<Binding> env, Frame f, int a, int slot, Frame nf) {
        for (Binding b : env) {
            int[] at = f.spilled.get(b);
            if (at != null && at[0] == a && !f.isDouble(b)) nf.spilled.put(b, new int[] {slot, at[1]});
        }
    }

    /**
     * A slot for a sub-pattern's value: a new one, but in a pattern of many names one per nesting
     * depth, reused by its siblings (a sub-pattern's slot is dead once it has matched).
     */
    static int temp(Frame f) {
        if (f.spillTo == null && f.patterns == null) return f.newSlot();
        int depth = f.spillDepth++;
        if (depth == f.spillTemps.size()) f.spillTemps.add(f.newSlot());
        return f.spillTemps.get(depth);
    }

    static void release(Frame f) {
        if (f.spillTo != null || f.patterns != null) f.spillDepth--;
    }

    static void end(Frame f, int[] saved) {
        f.spillTo = saved;
        f.blame = null;
    }

    /**
     * Whether the Cells a sequence makes ahead (late-bound names, ExprGen.makeCells) go into one
     * Object[]: when they are many, or the method's locals run short. Ordinary code keeps a slot
     * per Cell.
     */
    static boolean cellArray(int cells, Frame f) {
        return cells >= MIN_NAMES || cells > 0 && f.slotCount() + cells > Frame.MAX_LOCALS / 2;
    }

    /**
     * Makes the Cells of these late-bound names in one Object[] (a loop: their code does not grow
     * with their number); each name lives at {array slot, index}, read as a Cell (Frame.spilled).
     */
    static void makeCells(List<Binding> cells, Frame f) {
        MethodVisitor mv = f.mv;
        int array = f.newSlot();
        int i = f.newSlot();
        Rt.integer(mv, cells.size());
        mv.visitTypeInsn(ANEWARRAY, Rt.OBJ);
        mv.visitVarInsn(ASTORE, array);
        mv.visitInsn(ICONST_0);
        mv.visitVarInsn(ISTORE, i);
        org.objectweb.asm.Label head = new org.objectweb.asm.Label(), done = new org.objectweb.asm.Label();
        mv.visitLabel(head);
        mv.visitVarInsn(ILOAD, i);
        Rt.integer(mv, cells.size());
        mv.visitJumpInsn(IF_ICMPGE, done);
        mv.visitVarInsn(ALOAD, array);
        mv.visitVarInsn(ILOAD, i);
        mv.visitTypeInsn(NEW, Rt.CELL);
        mv.visitInsn(DUP);
        mv.visitMethodInsn(INVOKESPECIAL, Rt.CELL, "<init>", "()V", false);
        mv.visitInsn(AASTORE);
        mv.visitIincInsn(i, 1);
        mv.visitJumpInsn(GOTO, head);
        mv.visitLabel(done);
        for (int j = 0; j < cells.size(); j++) f.spilled.put(cells.get(j), new int[] {array, j});
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
