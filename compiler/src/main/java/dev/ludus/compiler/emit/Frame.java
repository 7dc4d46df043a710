package dev.ludus.compiler.emit;

import dev.ludus.compiler.analyse.Scope;
import dev.ludus.compiler.resolve.Binding;
import dev.ludus.compiler.syntax.Ast;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The state of one JVM method being emitted: where each binding of its Ludus frame lives
 * (local slot, Cell slot, or capture index), and where recur/self tail calls jump.
 */
final class Frame {
    final MethodVisitor mv;
    /** The resolver frame this method implements: a FnDef, or the Script. */
    final Ast.Node owner;
    /** Non-null for fn bodies: the function and the binding of its own name (may be null for lambdas). */
    final Ast.FnDef fn;
    final Binding fnBinding;
    /** For fn bodies: index of each captured binding in the closure's caps array. */
    final Map<Binding, Integer> captures = new HashMap<>();
    final Map<Binding, Integer> slots = new HashMap<>();
    /** Names of patterns of many names, kept in an Object[] (Spills): binding -> {array slot, index}. */
    final Map<Binding, int[]> spilled = new HashMap<>();
    /** While such a pattern is matched: {its array's slot, next index}; else null. */
    int[] spillTo;
    /** In such a pattern: a temporary slot per nesting depth of its sub-patterns (reused), and the depth. */
    final java.util.ArrayList<Integer> spillTemps = new java.util.ArrayList<>();
    int spillDepth;
    /** In a helper method of a large pattern (PatternMethods): its plan (slot 1 holds the names' array), else null. */
    PatternMethods.Plan patterns;
    /** There: the (sub-)pattern the helper matches, and for a helper of a range of its items, the range. */
    dev.ludus.compiler.syntax.Ast.Pattern patternRoot;
    int[] chunk;
    /**
     * Where the code emitted now stands for the analysis: which locals are unboxed here (a
     * method's start, or the long copy of a loop). The slots below record where they live.
     */
    Scope scope;
    /** Locals kept unboxed (as the scope decides): where each lives. */
    final Map<Binding, Integer> doubleSlots = new HashMap<>();
    /** Those of doubleSlots whose slot holds an exact integer as a long (see IntLoopGen). */
    final Set<Binding> longVars = new HashSet<>();
    private int nextSlot;
    /** Whether this method's result may be a pending TailCall (fn bodies only). */
    final boolean mayReturnTailCall;

    /**
     * Rest names of a list cursor's pattern (analyse.ListCursors): binding -> {list slot, offset
     * slot, items before the rest}. They have no slot: a self tail call passes the view on, any
     * other read makes the list (Patterns.view).
     */
    final Map<Binding, int[]> views = new HashMap<>();

    /** Loop names that hold a list builder (analyse.ListAccumulators): a read takes a snapshot. */
    final Set<Binding> accumulators = new HashSet<>();

    /** In a numeric entry that returns a double (analyse.NumReturns): clause bodies end in DRETURN. */
    boolean returnsDouble;

    /** The innermost recur target (a loop, or the fn's own dispatch). */
    RecurTarget recur;
    /** The fn's own dispatch (self tail calls), or null outside fn bodies. */
    RecurTarget selfTarget;
    /** In a variadic body method: the arities that have direct methods (not handled here). */
    int variadicDirectMask;
    /** How many loop or repeat bodies enclose the code being emitted (their calls may run many times). */
    int repeating;
    /** The name of the method this frame's code belongs to (split parts are named after it). */
    String method = "";
    /** Whether the Splitter watches this method's size (its Ludus code is large). */
    boolean splitting;
    /** The node this outlined method was made for (not to be outlined again). */
    Ast.Node noOutline;
    /** Last line number emitted, to avoid repeating line entries. */
    int lastLine = -1;

    /** Whether code emitted now runs at most once: script code outside loops (a module runs once). */
    boolean runsOnce() { return fn == null && repeating == 0; }

    Frame(MethodVisitor mv, Ast.Node owner, Ast.FnDef fn, Binding fnBinding, int firstFreeSlot, boolean mayReturnTailCall) {
        this.mv = mv;
        this.owner = owner;
        this.fn = fn;
        this.fnBinding = fnBinding;
        this.nextSlot = firstFreeSlot;
        this.mayReturnTailCall = mayReturnTailCall;
    }

    /**
     * Local variable slots one method may use. The JVM allows 65,535, but ASM's frame
     * computation keeps an array of every local per basic block, so memory grows with locals
     * times blocks: 70,000 lets in one fn took the compiler past 6 GB (issue 12). Beyond this,
     * the function (or toplevel statement) is reported as too large.
     */
    static final int MAX_LOCALS = 2000;

    /** Thrown when a method needs more than {@link #MAX_LOCALS} slots; ModuleEmitter reports it. */
    static final class TooManyLocals extends RuntimeException {
        final Ast.Node owner;

        TooManyLocals(Ast.Node owner) {
            super("too many locals", null, false, false);
            this.owner = owner;
        }
    }

    /** The pattern being matched, if any: blamed when the slots run out (TooManyLocals). */
    Ast.Node blame;

    /** Slots taken so far. */
    int slotCount() {
        return nextSlot;
    }

    int newSlot() {
        if (nextSlot >= MAX_LOCALS) throw new TooManyLocals(blame != null ? blame : owner);
        return nextSlot++;
    }

    int newDoubleSlot() {
        if (nextSlot >= MAX_LOCALS) throw new TooManyLocals(blame != null ? blame : owner);
        int s = nextSlot;
        nextSlot += 2;
        return s;
    }

    /** Whether b lives in a double (or long) slot here. */
    boolean isDouble(Binding b) { return doubleSlots.containsKey(b); }

    /** Whether b lives in a long slot here (see IntLoopGen). */
    boolean isLong(Binding b) { return longVars.contains(b); }

    /** Records where an unboxed number binding lives, and whether as a long (as the scope says: checked). */
    void bindNumber(Binding b, int slot, boolean asLong) {
        if (!scope.isDouble(b) || scope.isLong(b) != asLong) {
            throw new IllegalStateException("the analysis does not keep " + b + " unboxed here");
        }
        doubleSlots.put(b, slot);
        if (asLong) longVars.add(b);
        else longVars.remove(b);
    }

    /** Pushes the double value of an unboxed number binding. */
    void loadNum(Binding b) {
        int slot = doubleSlots.get(b);
        if (longVars.contains(b)) {
            mv.visitVarInsn(Opcodes.LLOAD, slot);
            mv.visitInsn(Opcodes.L2D);
        } else {
            mv.visitVarInsn(Opcodes.DLOAD, slot);
        }
    }

    /**
     * Where recur jumps. {@code argSlots} hold the current arguments (fixed count), or
     * {@code arraySlot} holds them as an Object[] (variadic). For a fn target, {@code arity} is
     * the argument count this method handles (-1 = variadic).
     */
    static final class RecurTarget {
        final Label head;
        final int[] argSlots;
        final int arraySlot;
        final boolean isLoop;
        /** For fixed slots: which hold unboxed numbers (null: none). */
        final boolean[] dbl;
        /** Of those, which hold exact longs (null: none); then {@code fallback} is set. */
        final boolean[] lng;
        /** A loop run on longs: the same loop on doubles/objects, where a recur goes when a long would be inexact. */
        final RecurTarget fallback;
        /** Per argument slot, the int slot of its list cursor's offset, or -1 (null: none; analyse.ListCursors). */
        int[] offs;
        /** Per position of a loop, the clause names of a list accumulator (null: none; see ListAccumulators). */
        Set<Binding>[] accs;
        /**
         * In code moved out of the method holding the target (Splitter): that method's target.
         * A recur here returns its values (a RecurArgs) for that method to jump with.
         */
        RecurTarget remote;

        /** The target of a recur in code moved out of the method holding t. */
        static RecurTarget movedFrom(RecurTarget t) {
            RecurTarget r = new RecurTarget(null, null, -1, t.isLoop);
            r.remote = t.remote != null ? t.remote : t;
            return r;
        }

        RecurTarget(Label head, int[] argSlots, int arraySlot, boolean isLoop) {
            this(head, argSlots, arraySlot, isLoop, null);
        }

        RecurTarget(Label head, int[] argSlots, int arraySlot, boolean isLoop, boolean[] dbl) {
            this(head, argSlots, arraySlot, isLoop, dbl, null, null);
        }

        RecurTarget(Label head, int[] argSlots, int arraySlot, boolean isLoop, boolean[] dbl, boolean[] lng,
                    RecurTarget fallback) {
            this.head = head;
            this.argSlots = argSlots;
            this.arraySlot = arraySlot;
            this.isLoop = isLoop;
            this.dbl = dbl;
            this.lng = lng;
            this.fallback = fallback;
        }

        boolean dbl(int i) { return dbl != null && dbl[i]; }

        Set<Binding> acc(int i) { return accs == null ? null : accs[i]; }

        boolean lng(int i) { return lng != null && lng[i]; }

        boolean fixed() { return argSlots != null; }

        int off(int i) { return offs == null ? -1 : offs[i]; }
    }

    static List<Ast.Clause> clauses(Ast.FnDef f) { return f.clauses(); }
}
