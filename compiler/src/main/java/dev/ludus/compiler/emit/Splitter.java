package dev.ludus.compiler.emit;

import dev.ludus.compiler.analyse.Analysis;
import dev.ludus.compiler.analyse.AstWalk;
import dev.ludus.compiler.analyse.FreeNames;
import dev.ludus.compiler.analyse.RecurScan;
import dev.ludus.compiler.resolve.Binding;
import dev.ludus.compiler.syntax.Ast.*;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Keeps every generated method under the JVM's 64 KB code limit (issue 12), as mature JVM
 * compilers do: code past a budget moves into chained static methods. Only methods whose
 * Ludus code weighs more than {@link #SAFE_WEIGHT} nodes are watched ({@link Frame#splitting});
 * ordinary methods are emitted exactly as before.
 *
 * <p>An outlined method is {@code static Object $split<n>(Closure self, Object[] env)}: self is
 * the enclosing fn's closure (its captures and own name; null at toplevel), env the values of
 * the enclosing method's locals that the moved code names (a Cell as itself, an unboxed number
 * boxed). Moved code keeps its spans, so panics keep their file:line:col. Code in a tail
 * position stays in a tail position: the outlined method returns the pending TailCall of a tail
 * call as its own result, so tail calls still do not grow the stack. Code with a {@code recur}
 * to an enclosing loop or fn is never moved (its parts still are).
 *
 * <p>What moves: a large subexpression (when the method is past half its budget, or the
 * subexpression alone fits in one); the rest of a long statement sequence (its earlier bindings
 * travel in env); the rest of a long clause list (the method returns null when none matched:
 * no Ludus value is null); chunks of a long collection literal.
 */
final class Splitter implements Opcodes {
    /** Methods whose Ludus code weighs at most this many nodes are never split. */
    static final int SAFE_WEIGHT = Analysis.SPLIT_WEIGHT;
    /** Bytes of code a watched method aims at: the JVM allows 65,535, HotSpot compiles methods of at most 8,000. */
    static final int BUDGET = 7_500;
    /** Estimated bytes of code per AST node. */
    static final int BYTES_PER_NODE = 12;
    /** Smaller subexpressions are not worth a method. */
    static final int MIN_WEIGHT = 24;

    private final ModuleContext m;
    private final Gen x;
    private int next;

    Splitter(ModuleContext m, Gen x) {
        this.m = m;
        this.x = x;
    }

    /** Whether a method for this much Ludus code must be watched. */
    boolean watch(int weight) {
        return Analysis.large(weight);
    }

    /** The analysis's weight of a subtree (its number of nodes). */
    int weight(Node n) {
        return m.an.weight(n);
    }

    /** Nodes to move into methods of their own (see {@link #plan}). */
    private final java.util.Set<Node> marked = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    /** Weight of code a method keeps before its largest parts are moved out. */
    static final int CHUNK_WEIGHT = BUDGET / BYTES_PER_NODE;

    /**
     * Plans a watched method's code bottom-up: where a subtree keeps more than CHUNK_WEIGHT nodes
     * in its method, its largest movable children are marked to move, until it keeps less. This
     * cuts deep chains too ({@code inc (inc (…))}, whose code comes after its argument's), every
     * CHUNK_WEIGHT levels. Functions and tests inside are methods of their own (planned when made).
     */
    void plan(Node root) {
        kept(root);
    }

    private int kept(Node n) {
        if (n instanceof FnDef || n instanceof Test) return 1;
        List<Node> kids = new ArrayList<>();
        AstWalk.children(n, kids::add);
        int[] k = new int[kids.size()];
        int sum = 1;
        for (int i = 0; i < k.length; i++) sum += k[i] = kept(kids.get(i));
        if (sum <= CHUNK_WEIGHT) return sum;
        Integer[] order = new Integer[k.length];
        for (int i = 0; i < k.length; i++) order[i] = i;
        java.util.Arrays.sort(order, (a, b) -> Integer.compare(k[b], k[a]));
        for (int i : order) {
            if (sum <= CHUNK_WEIGHT || k[i] < MIN_WEIGHT) break;
            if (kids.get(i) instanceof Expr e && movable(e) && !freeRecur(e)) {
                marked.add(e);
                sum -= k[i] - 1;
            }
        }
        return sum;
    }

    /** The current code offset of a watched method. */
    private static int pos(Frame f) {
        Label here = new Label();
        f.mv.visitLabel(here);
        return here.getOffset();
    }

    /** Whether code of this weight should move out of f now. */
    private boolean tooMuch(Frame f, int weight) {
        if (!f.splitting || weight < MIN_WEIGHT) return false;
        long est = (long) weight * BYTES_PER_NODE;
        int pos = pos(f);
        return pos + est > BUDGET && (est <= BUDGET || pos >= BUDGET / 2);
    }

    // ---- expressions

    private final java.util.IdentityHashMap<List<?>, Gen.Suffix> suffixes = new java.util.IdentityHashMap<>();
    private final java.util.IdentityHashMap<List<?>, List<Binding>> envs = new java.util.IdentityHashMap<>();

    /**
     * rest[i]: the weight of nodes i.. . Kept for the rests of lists that are moved, so that a long
     * list split into a chain of methods costs linear time.
     */
    Gen.Suffix suffixWeights(List<? extends Node> nodes) {
        Gen.Suffix known = suffixes.get(nodes);
        if (known != null) return known;
        int[] rest = new int[nodes.size() + 1];
        for (int i = nodes.size() - 1; i >= 0; i--) rest[i] = rest[i + 1] + weight(nodes.get(i));
        return new Gen.Suffix(rest, 0);
    }

    private final java.util.IdentityHashMap<List<?>, Integer> recurs = new java.util.IdentityHashMap<>();

    /** The index of the last clause with a free recur (-1: none). */
    private int lastFreeRecur(List<Clause> clauses) {
        return recurs.computeIfAbsent(clauses, l -> {
            for (int j = clauses.size() - 1; j >= 0; j--) if (freeRecur(clauses.get(j))) return j;
            return -1;
        });
    }

    /** Records the suffix weights of rest = list.subList(i, ..). */
    private void restOf(List<?> list, int i, List<?> rest) {
        Gen.Suffix all = suffixes.get(list);
        if (all != null) suffixes.put(rest, new Gen.Suffix(all.w(), all.from() + i)); // shared, not copied: linear
        Rest outer = roots.get(list);
        roots.put(rest, outer == null ? new Rest(list, i) : new Rest(outer.root(), outer.from() + i));
    }

    /** A moved rest: the outermost list it is the tail of, from index {@code from}. */
    record Rest(List<?> root, int from) {}

    private final java.util.IdentityHashMap<List<?>, Rest> roots = new java.util.IdentityHashMap<>();

    /** Where a moved rest starts in its outermost list; null for a list that is not one. */
    Rest rootOf(List<?> list) {
        return roots.get(list);
    }

    /** Emits e in an outlined method if it should move; false when the caller emits it. */
    boolean expression(Expr e, Frame f, boolean tail) {
        if (e == f.noOutline || !movable(e)) return false;
        boolean recur = freeRecur(e);
        if (recur && !recurMoves(f) || !marked.contains(e) && !tooMuch(f, weight(e))) return false;
        FreeNames.Names names = m.an.freeNames().of(e);
        outline(e, List.of(e), names, locals(names, f), f, tail, null, recur, (nf, src) -> {
            nf.noOutline = e;
            x.emit(e, nf, tail);
            nf.mv.visitInsn(ARETURN);
        });
        return true;
    }

    /** Forms that bind names in the enclosing scope (they stay; their parts may move). */
    private static boolean movable(Expr e) {
        return !(e instanceof Let || e instanceof FnDef fd && !fd.isLambda() || e instanceof FnDecl || e instanceof RefDecl
                || e instanceof Import || e instanceof Ns || e instanceof Use || e instanceof Splat || e instanceof Placeholder);
    }

    private final java.util.Map<Node, Boolean> freeRecurs = new java.util.IdentityHashMap<>();

    /** RecurScan.hasFreeRecur, remembered per subtree (asked at every level of deep code). */
    private boolean freeRecur(Node n) {
        return RecurScan.hasFreeRecur(n, freeRecurs);
    }

    /** Whether code with a recur to f's target may move out of f (its values come back as a RecurArgs). */
    private static boolean recurMoves(Frame f) {
        return f.recur != null && !f.returnsDouble;
    }

    /**
     * After the call of moved code holding a recur: a RecurArgs result is that recur. Here, the
     * method holding its target stores the values as the recur would and jumps to its head (the
     * moved code was in a tail position of the target's body, so the operand stack is as at its
     * head); moved code in turn returns it. Anything else is the moved code's value.
     */
    private static void recurBack(Frame f) {
        MethodVisitor mv = f.mv;
        Label value = new Label();
        mv.visitInsn(DUP);
        mv.visitTypeInsn(INSTANCEOF, Rt.RECUR_ARGS);
        mv.visitJumpInsn(IFEQ, value);
        if (f.recur.remote != null) {
            mv.visitInsn(ARETURN);
            mv.visitLabel(value);
            return;
        }
        // a loop run on longs goes on in its usual copy (as a recur with an inexact long does)
        Frame.RecurTarget t = f.recur.lng != null ? f.recur.fallback : f.recur;
        mv.visitTypeInsn(CHECKCAST, Rt.RECUR_ARGS);
        mv.visitFieldInsn(GETFIELD, Rt.RECUR_ARGS, "values", Rt.OBJS_D);
        if (t.fixed()) {
            for (int j = 0; j < t.argSlots.length; j++) {
                mv.visitInsn(DUP);
                Rt.integer(mv, j);
                mv.visitInsn(AALOAD);
                if (t.dbl(j)) {
                    Rt.unbox(mv);
                    mv.visitVarInsn(DSTORE, t.argSlots[j]);
                    continue;
                }
                if (t.acc(j) != null) {
                    mv.visitMethodInsn(INVOKESTATIC, Rt.INVOKE, "accumulator", "(" + Rt.OBJ_D + ")" + Rt.OBJ_D, false);
                }
                mv.visitVarInsn(ASTORE, t.argSlots[j]);
            }
            mv.visitInsn(POP);
        } else {
            mv.visitVarInsn(ASTORE, t.arraySlot);
        }
        mv.visitJumpInsn(GOTO, t.head);
        mv.visitLabel(value);
    }

    // ---- statement sequences

    /**
     * Before statement i of a sequence: moves statements i.. (the rest, with the sequence's tail
     * flag) into an outlined method when the method is past its budget. True when it did.
     */
    boolean sequenceRest(List<Expr> body, int i, int restWeight, Frame f, boolean tail) {
        if (i == 0 || !tooMuch(f, restWeight)) return false;
        List<Expr> rest = body.subList(i, body.size());
        boolean recur = freeRecur(rest.get(rest.size() - 1));
        if (recur && !recurMoves(f)) return false;
        suffixes.putIfAbsent(body, suffixWeights(body));
        restOf(body, i, rest);
        Block block = new Block(rest.get(0).span(), rest);
        FreeNames.Names names = m.an.freeNames().rest(body, i, rest);
        outline(block, rest, names, locals(names, f), f, tail, null, recur, (nf, src) -> {
            nf.noOutline = block;
            x.emit(block, nf, tail);
            nf.mv.visitInsn(ARETURN);
        });
        return true;
    }

    // ---- clause lists

    /**
     * Before clause i of a list (not of a receive, nor of an entry returning a double): moves
     * clauses i.. into an outlined method that returns the matching clause's value or null; here,
     * a value goes to end (or is returned, end == null) and null falls through to the no-match code.
     */
    boolean clausesRest(List<Clause> clauses, int i, int restWeight, ArgSource src, Frame f, boolean tail, Label end) {
        if (i == 0 || !tooMuch(f, restWeight)) return false;
        List<Clause> rest = clauses.subList(i, clauses.size());
        int lastRecur = lastFreeRecur(clauses);
        boolean recur = lastRecur >= i;
        if (recur && !recurMoves(f)) return false;
        suffixes.putIfAbsent(clauses, suffixWeights(clauses));
        restOf(clauses, i, rest);
        MethodVisitor mv = f.mv;
        // the rests of one clause list name the same outer locals: one env for all (clauses bind their own)
        FreeNames.Names names = m.an.freeNames().rest(clauses, i, rest);
        List<Binding> env = envs.get(clauses);
        if (env == null) env = locals(names, f);
        envs.put(rest, env);
        recurs.put(rest, recur ? lastRecur - i : -1);
        outline(rest.get(0), rest, names, env, f, tail, src, recur, (nf, nsrc) -> {
            x.clauses(rest, nsrc, nf, tail, null);
            nf.mv.visitInsn(ACONST_NULL);
            nf.mv.visitInsn(ARETURN);
        });
        afterRest(mv, end);
        return true;
    }

    /**
     * After the call of a moved clause list's rest: null means no clause matched (go on to the
     * no-match code); anything else is the value (returned, or the jump to {@code end}).
     */
    private static void afterRest(MethodVisitor mv, Label end) {
        Label none = new Label();
        mv.visitInsn(DUP);
        mv.visitJumpInsn(IFNULL, none);
        if (end == null) mv.visitInsn(ARETURN);
        else mv.visitJumpInsn(GOTO, end);
        mv.visitLabel(none);
        mv.visitInsn(POP);
    }

    /** As clausesRest, for the clauses of a when (tests instead of patterns). */
    boolean whenRest(List<WhenClause> clauses, int i, int restWeight, Frame f, boolean tail, Label end) {
        if (i == 0 || !tooMuch(f, restWeight)) return false;
        List<WhenClause> rest = clauses.subList(i, clauses.size());
        boolean recur = false;
        for (WhenClause c : rest) recur |= freeRecur(c.body());
        if (recur && !recurMoves(f)) return false;
        suffixes.putIfAbsent(clauses, suffixWeights(clauses));
        restOf(clauses, i, rest);
        MethodVisitor mv = f.mv;
        FreeNames.Names names = m.an.freeNames().rest(clauses, i, rest);
        List<Binding> env = envs.get(clauses); // tests bind nothing: one env for all the rests
        if (env == null) env = locals(names, f);
        envs.put(rest, env);
        outline(rest.get(0), rest, names, env, f, tail, null, recur, (nf, nsrc) -> {
            x.whenClauses(rest, nf, tail, null);
            nf.mv.visitInsn(ACONST_NULL);
            nf.mv.visitInsn(ARETURN);
        });
        afterRest(mv, end);
        return true;
    }

    // ---- collection literals

    /** Whether a literal with these items is built in chunks. */
    boolean chunked(Frame f, List<? extends Node> items) {
        return f.splitting && items.size() > Gen.CHUNK_ITEMS;
    }

    // ---- the outlined method

    interface Body {
        void emit(Frame nf, ArgSource src);
    }

    /**
     * Emits a call of a new method made by body, passing the enclosing closure and env: the
     * clause values of src (if any) and then every local of f that nodes name or bind.
     * Leaves the method's result on the stack.
     */
    private void outline(Node site, List<? extends Node> moved, FreeNames.Names names, List<Binding> env, Frame f, boolean tail, ArgSource src,
                         boolean recur, Body body) {
        // names of patterns of many names travel as their arrays, one env entry each (Spills)
        List<Integer> arrays = Spills.arrays(env, f);
        List<Binding> spilledEnv = env;
        if (!arrays.isEmpty()) env = Spills.unspilled(env, f);
        MethodVisitor mv = f.mv;
        int srcCount = src == null ? 0 : src.isValue() || !src.isFixed() ? 1 : src.slots().length;
        // named after the method it comes from, so that traces read it as that code (FrameNames)
        String name = f.method + dev.ludus.runtime.diag.FrameNames.SPLIT + next++;
        String desc = "(" + Rt.CLOSURE_D + Rt.OBJS_D + ")" + Rt.OBJ_D;
        MethodVisitor nm = m.methodIn(m.unit(true, site), name, desc, site);
        // the call: self, then env
        if (f.fn != null) mv.visitVarInsn(ALOAD, 0);
        else mv.visitInsn(ACONST_NULL);
        Rt.integer(mv, srcCount + env.size() + arrays.size());
        mv.visitTypeInsn(ANEWARRAY, Rt.OBJ);
        int k = 0;
        for (int i = 0; i < srcCount; i++) {
            mv.visitInsn(DUP);
            Rt.integer(mv, k++);
            if (src.isValue()) mv.visitVarInsn(ALOAD, src.valueSlot());
            else if (!src.isFixed()) mv.visitVarInsn(ALOAD, src.arraySlot());
            else if (src.lng(i)) {
                mv.visitVarInsn(LLOAD, src.slots()[i]);
                mv.visitInsn(L2D);
                Rt.box(mv);
            } else if (src.dbl(i)) {
                mv.visitVarInsn(DLOAD, src.slots()[i]);
                Rt.box(mv);
            } else mv.visitVarInsn(ALOAD, src.slots()[i]);
            mv.visitInsn(AASTORE);
        }
        for (Binding b : env) {
            mv.visitInsn(DUP);
            Rt.integer(mv, k++);
            if (f.isDouble(b)) {
                f.loadNum(b);
                Rt.box(mv);
            } else mv.visitVarInsn(ALOAD, f.slots.get(b));
            mv.visitInsn(AASTORE);
        }
        for (int a : arrays) {
            mv.visitInsn(DUP);
            Rt.integer(mv, k++);
            mv.visitVarInsn(ALOAD, a);
            mv.visitInsn(AASTORE);
        }
        mv.visitMethodInsn(INVOKESTATIC, LongStrings.owner(nm), name, desc, false);
        if (recur) recurBack(f);

        // the method
        nm.visitCode();
        Frame nf = new Frame(nm, f.owner, f.fn, f.fnBinding, 2, tail && f.mayReturnTailCall);
        nf.scope = m.an.moved(f.owner, names, moved);
        nf.captures.putAll(f.captures);
        nf.repeating = f.repeating;
        nf.splitting = true;
        // a recur in the moved code returns its values here (recurBack)
        if (f.recur != null) nf.recur = Frame.RecurTarget.movedFrom(f.recur);
        nf.variadicDirectMask = f.variadicDirectMask;
        nf.method = f.method;
        k = 0;
        int[] srcSlots = new int[srcCount];
        for (int i = 0; i < srcCount; i++) {
            nm.visitVarInsn(ALOAD, 1);
            Rt.integer(nm, k++);
            nm.visitInsn(AALOAD);
            if (!src.isValue() && !src.isFixed()) nm.visitTypeInsn(CHECKCAST, Rt.OBJS_D); // the arguments array
            srcSlots[i] = nf.newSlot();
            nm.visitVarInsn(ASTORE, srcSlots[i]);
        }
        for (Binding b : env) {
            if (env.size() >= Spills.MIN_NAMES && !f.accumulators.contains(b)) {
                nf.spilled.put(b, new int[] {1, k++}); // many names: read where they came (slot 1 keeps env)
                continue;
            }
            nm.visitVarInsn(ALOAD, 1);
            Rt.integer(nm, k++);
            nm.visitInsn(AALOAD);
            int slot = nf.newSlot();
            nm.visitVarInsn(ASTORE, slot);
            nf.slots.put(b, slot);
            if (f.accumulators.contains(b)) nf.accumulators.add(b);
        }
        for (int a : arrays) {
            nm.visitVarInsn(ALOAD, 1);
            Rt.integer(nm, k++);
            nm.visitInsn(AALOAD);
            nm.visitTypeInsn(CHECKCAST, Rt.OBJS_D);
            int slot = nf.newSlot();
            nm.visitVarInsn(ASTORE, slot);
            Spills.moved(spilledEnv, f, a, slot, nf);
        }
        ArgSource nsrc = src == null ? null
                : src.isValue() ? ArgSource.value(srcSlots[0])
                : !src.isFixed() ? ArgSource.array(srcSlots[0])
                : ArgSource.slots(srcSlots);
        body.emit(nf, nsrc);
        nm.visitMaxs(0, 0);
        nm.visitEnd();
    }

    /**
     * The locals of f (slots or unboxed numbers) that moved code names, in first-use order, plus
     * the Cells made ahead for names it binds (closures may hold them already). Other names it
     * binds are its own, even if an earlier copy of the same code gave them a slot.
     */
    private static List<Binding> locals(FreeNames.Names names, Frame f) {
        List<Binding> out = new ArrayList<>();
        for (Binding b : names.used()) {
            if (b == f.fnBinding) continue;
            if (f.isDouble(b) || f.slots.containsKey(b) || f.spilled.containsKey(b)) out.add(b);
        }
        return out;
    }
}
