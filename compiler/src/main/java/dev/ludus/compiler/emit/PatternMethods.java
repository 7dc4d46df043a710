package dev.ludus.compiler.emit;

import dev.ludus.compiler.analyse.Clauses;
import dev.ludus.compiler.resolve.Binding;
import dev.ludus.compiler.syntax.Ast.*;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Large patterns (issue 12): a pattern's code cannot be cut by the Splitter, and its
 * sub-values each take a local, so a pattern of {@link #BIG} nodes or more (nested tuples,
 * lists and dicts of thousands of names, 3,000 levels deep, 20,000 typed names) is matched by
 * static helper methods {@code boolean $pat<n>(Object v, Object[] out)}: each matches a part of
 * the pattern against v and stores every name it binds into out, at the name's index in the
 * pattern (its place in {@link PatternGen#binders} order), returning false on a mismatch. The
 * code that matches keeps out in one local and reads the names there, as Spills' names of a
 * pattern of many names; late-bound names (Cells) and module names are copied from it.
 *
 * <p>A helper keeps at most {@link #PER_METHOD} nodes of the pattern (well under the JIT's
 * 8,000-byte method limit): larger sub-patterns are matched by helpers of their own, and a
 * tuple, list or dict of more items than that is matched a range of items per helper. Planned
 * bottom-up, as the Splitter plans code: deep chains are cut every PER_METHOD levels.
 * Patterns under BIG nodes, and tuples of plain names (which Spills reads in place), compile as
 * before.
 */
final class PatternMethods implements Opcodes {
    /** Patterns of at least this many nodes are matched by helper methods. */
    static final int BIG = Spills.BLAME_NODES;
    /** Nodes of a pattern one helper keeps. */
    static final int PER_METHOD = 250;
    /** Smaller sub-patterns are not worth a helper of their own. */
    private static final int MIN_OUTLINE = 8;
    /** Module names copied from out per method. */
    private static final int STORES_PER_METHOD = 1000;
    static final String DESC = "(" + Rt.OBJ_D + Rt.OBJS_D + ")Z";

    /** What the helpers of one large pattern share: the index of each name, the parts moved out. */
    static final class Plan {
        final Map<Node, Integer> index = new IdentityHashMap<>();
        final List<Pattern> names = new ArrayList<>();
        final Set<Node> outlined = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        /** Sequences and dicts matched a range of items per helper: node -> {from, to} ranges. */
        final Map<Node, List<int[]>> chunks = new IdentityHashMap<>();

        int index(Pattern p) {
            Integer i = index.get(p);
            if (i == null) throw new IllegalStateException("no index for a name of a large pattern at " + p.span());
            return i;
        }
    }

    private final ModuleContext m;
    private final Gen x;
    private final PatternGen pg;
    private int next;

    PatternMethods(ModuleContext m, Gen x, PatternGen pg) {
        this.m = m;
        this.x = x;
        this.pg = pg;
    }

    /** Whether p is matched by helper methods. */
    boolean applies(Pattern p, Frame f) {
        return f.patterns == null && m.an.weight(p) >= BIG && !plainNames(p);
    }

    /** A tuple of plain local names (and _, and a last splat): Spills.bindItems reads them in place. */
    private boolean plainNames(Pattern p) {
        if (!(p instanceof PTuple t)) return false;
        int fixed = Clauses.fixedCount(t);
        for (int i = 0; i < fixed; i++) {
            Pattern item = t.items().get(i);
            if (item instanceof PIgnore) continue;
            Binding b = item instanceof PBind ? m.res.declared.get(item) : null;
            if (b == null || b.kind != Binding.Kind.LOCAL || b.cell) return false;
        }
        return true;
    }

    // ---- the code that matches

    /** Matches root against src (a value, an arguments array or argument slots), binding its names; jumps to fail otherwise. */
    void match(Pattern root, ArgSource src, Label fail, Frame f) {
        MethodVisitor mv = f.mv;
        Plan plan = new Plan();
        List<Binding> binders = new ArrayList<>();
        pg.binders(root, binders);
        indexNames(root, plan);
        boolean fixed = !src.isValue() && src.isFixed();
        if (fixed) for (Pattern item : ((PTuple) root).items()) kept(item, plan);
        else kept(root, plan);
        int out = f.newSlot();
        Rt.integer(mv, plan.names.size());
        mv.visitTypeInsn(ANEWARRAY, Rt.OBJ);
        mv.visitVarInsn(ASTORE, out);
        Set<Pattern> unboxed = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        if (src.isValue()) {
            call(mv, helper(root, plan, Kind.VALUE, 0, 0, f), src.valueSlot(), out, fail);
        } else if (!fixed) {
            call(mv, helper(root, plan, Kind.ARGS, 0, 0, f), src.arraySlot(), out, fail);
        } else {
            List<Pattern> items = ((PTuple) root).items();
            int n = Clauses.fixedCount((PTuple) root);
            for (int i = 0; i < n; i++) {
                Pattern item = items.get(i);
                if (item instanceof PIgnore) continue;
                if (src.dbl(i)) {
                    pg.matchDouble(item, src.slots()[i], src.lng(i), fail, f);
                    unboxed.add(item);
                } else if (item instanceof PBind) {
                    mv.visitVarInsn(ALOAD, src.slots()[i]);
                    storeOut(mv, out, plan.index(item));
                } else {
                    call(mv, helper(item, plan, Kind.VALUE, 0, 0, f), src.slots()[i], out, fail);
                }
            }
            if (n < items.size() && ((PSplat) items.get(n)).name() != null) {
                x.arrayOfSlots(mv, java.util.Arrays.copyOfRange(src.slots(), n, src.slots().length), src.dbl(), src.lng());
                Rt.integer(mv, 0);
                mv.visitMethodInsn(INVOKESTATIC, Rt.PATTERNS, "argsRest", "(" + Rt.OBJS_D + "I)L" + Rt.LLIST + ";", false);
                storeOut(mv, out, plan.index(items.get(n)));
            }
        }
        bindNames(plan, out, unboxed, f);
    }

    /** After a match: the names live in out (locals), or are copied from it (Cells, module names). */
    private void bindNames(Plan plan, int out, Set<Pattern> unboxed, Frame f) {
        MethodVisitor mv = f.mv;
        List<Binding> module = new ArrayList<>();
        List<Integer> moduleIndex = new ArrayList<>();
        for (int i = 0; i < plan.names.size(); i++) {
            Pattern p = plan.names.get(i);
            if (unboxed.contains(p)) continue;
            Binding b = m.res.declared.get(p);
            if (b == null) throw new IllegalStateException("pattern binding not resolved at " + p.span());
            if (b.kind == Binding.Kind.LOCAL && !b.cell) {
                f.spilled.put(b, new int[] {out, i});
            } else if (b.kind == Binding.Kind.MODULE) {
                module.add(b);
                moduleIndex.add(i);
            } else {
                mv.visitVarInsn(ALOAD, out);
                Rt.integer(mv, i);
                mv.visitInsn(AALOAD);
                x.store(b, f);
            }
        }
        // module names (a toplevel let): copied by methods of their own, STORES_PER_METHOD each
        for (int from = 0; from < module.size(); from += STORES_PER_METHOD) {
            int to = Math.min(module.size(), from + STORES_PER_METHOD);
            String name = "$pat" + next++;
            MethodVisitor nm = m.methodIn(m.unit(true, plan.names.get(moduleIndex.get(from))), name, "(" + Rt.OBJS_D + ")V",
                    plan.names.get(moduleIndex.get(from)));
            nm.visitCode();
            Frame nf = new Frame(nm, f.owner, f.fn, f.fnBinding, 1, false);
            for (int j = from; j < to; j++) {
                nm.visitVarInsn(ALOAD, 0);
                Rt.integer(nm, moduleIndex.get(j));
                nm.visitInsn(AALOAD);
                x.store(module.get(j), nf);
            }
            nm.visitInsn(RETURN);
            nm.visitMaxs(0, 0);
            nm.visitEnd();
            mv.visitVarInsn(ALOAD, out);
            mv.visitMethodInsn(INVOKESTATIC, LongStrings.owner(nm), name, "(" + Rt.OBJS_D + ")V", false);
        }
    }

    private static void call(MethodVisitor mv, String[] helper, int v, int out, Label fail) {
        mv.visitVarInsn(ALOAD, v);
        mv.visitVarInsn(ALOAD, out);
        mv.visitMethodInsn(INVOKESTATIC, helper[0], helper[1], DESC, false);
        mv.visitJumpInsn(IFEQ, fail);
    }

    /** Stores the value on the stack at out[i]. */
    static void storeOut(MethodVisitor mv, int out, int i) {
        mv.visitVarInsn(ALOAD, out);
        mv.visitInsn(SWAP);
        Rt.integer(mv, i);
        mv.visitInsn(SWAP);
        mv.visitInsn(AASTORE);
    }

    // ---- inside a helper (PatternGen asks)

    /** In a helper: the value in slot v against p, moved into a helper of its own; false if p is matched here. */
    boolean outlined(Pattern p, int v, Label fail, Frame f) {
        if (f.patterns == null || p == f.patternRoot || !f.patterns.outlined.contains(p)) return false;
        call(f.mv, helper(p, f.patterns, Kind.VALUE, 0, 0, f), v, 1, fail);
        return true;
    }

    /**
     * In a helper: the items of a sequence or dict in slot v (type and size already checked)
     * matched a range per helper, when the plan says so; false when they are matched here.
     */
    boolean chunked(Pattern p, Kind kind, int v, Label fail, Frame f) {
        List<int[]> ranges = f.patterns == null || p == f.patternRoot && f.chunk != null ? null : f.patterns.chunks.get(p);
        if (ranges == null) return false;
        for (int[] r : ranges) call(f.mv, helper(p, f.patterns, kind, r[0], r[1], f), v, 1, fail);
        return true;
    }

    /** What a helper matches: a whole pattern (VALUE), an arguments tuple against Object[] (ARGS), or a range of items. */
    enum Kind { VALUE, ARGS, TUPLE_ITEMS, LIST_ITEMS, ARGS_ITEMS, DICT_ITEMS }

    /** Emits a helper for p (or items from..to of it) and returns {owner, name}. */
    private String[] helper(Pattern p, Plan plan, Kind kind, int from, int to, Frame f) {
        String name = "$pat" + next++;
        MethodVisitor nm = m.methodIn(m.unit(true, p), name, DESC, p);
        nm.visitCode();
        Frame nf = new Frame(nm, f.owner, f.fn, f.fnBinding, 2, false);
        nf.patterns = plan;
        nf.patternRoot = p;
        nf.method = f.method;
        Label fail = new Label();
        switch (kind) {
            case VALUE -> pg.match(p, 0, fail, nf);
            case ARGS -> pg.argsArray((PTuple) p, 0, fail, nf);
            default -> {
                nf.chunk = new int[] {from, to};
                pg.items(p, kind, 0, from, to, fail, nf);
            }
        }
        nm.visitInsn(ICONST_1);
        nm.visitInsn(IRETURN);
        nm.visitLabel(fail);
        nm.visitInsn(ICONST_0);
        nm.visitInsn(IRETURN);
        nm.visitMaxs(0, 0);
        nm.visitEnd();
        return new String[] {LongStrings.owner(nm), name};
    }

    // ---- the plan

    /** Each name's index: its place among the pattern's names in PatternGen.binders order. */
    private void indexNames(Pattern root, Plan plan) {
        java.util.ArrayDeque<Pattern> todo = new java.util.ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Pattern p = todo.pop();
            if (p instanceof PBind || p instanceof PTyped || p instanceof PSplat s && s.name() != null) {
                plan.index.put(p, plan.names.size());
                plan.names.add(p);
            }
            List<Pattern> kids = children(p);
            for (int i = kids.size() - 1; i >= 0; i--) todo.push(kids.get(i));
        }
    }

    private static List<Pattern> children(Pattern p) {
        if (p instanceof PTuple t) return t.items();
        if (p instanceof PList l) return l.items();
        if (p instanceof PDict d) return d.items();
        if (p instanceof PDictPair pr) return List.of(pr.pattern());
        return List.of();
    }

    /**
     * The nodes of p left in the helper that matches it, once its largest sub-patterns are
     * planned into helpers of their own and its items into ranges (bottom-up).
     */
    private int kept(Pattern p, Plan plan) {
        List<Pattern> kids = children(p);
        if (kids.isEmpty()) return 1 + (p instanceof PConst ? 1 : 0);
        int[] k = new int[kids.size()];
        int sum = 1;
        for (int i = 0; i < k.length; i++) sum += k[i] = kept(kids.get(i), plan);
        if (sum <= PER_METHOD) return sum;
        Integer[] order = new Integer[k.length];
        for (int i = 0; i < k.length; i++) order[i] = i;
        java.util.Arrays.sort(order, (a, b) -> Integer.compare(k[b], k[a]));
        for (int i : order) {
            if (sum <= PER_METHOD || k[i] < MIN_OUTLINE) break;
            // a dict pair stays (its key is read here); its pattern moves
            Pattern target = kids.get(i) instanceof PDictPair pr ? pr.pattern() : kids.get(i);
            int left = kids.get(i) instanceof PDictPair ? 2 : 1;
            plan.outlined.add(target);
            sum -= k[i] - left;
            k[i] = left;
        }
        if (sum <= PER_METHOD || p instanceof PDictPair) return sum;
        // many small items: a range of them per helper
        List<int[]> ranges = new ArrayList<>();
        int fixed = p instanceof PDict ? kids.size() : kids.size() - (kids.get(kids.size() - 1) instanceof PSplat ? 1 : 0);
        int start = 0, acc = 0;
        for (int i = 0; i < fixed; i++) {
            if (kids.get(i) instanceof PSplat) continue; // a dict's rest: matched after the ranges
            if (acc + k[i] > PER_METHOD && i > start) {
                ranges.add(new int[] {start, i});
                start = i;
                acc = 0;
            }
            acc += k[i];
        }
        if (start < fixed) ranges.add(new int[] {start, fixed});
        plan.chunks.put(p, ranges);
        return 1 + ranges.size() + (fixed < kids.size() ? 1 : 0);
    }
}
