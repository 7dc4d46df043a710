package dev.ludus.compiler.emit;

import dev.ludus.compiler.resolve.Binding;
import dev.ludus.compiler.syntax.Ast.*;
import dev.ludus.compiler.syntax.Span;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * The code generators' entry points to one another. Code generation is recursive (an expression
 * holds expressions, patterns, clause lists), so each concern (calls, numbers, collections, forms,
 * control, loops, the long copy of loops, patterns, the Splitter) reaches the others only through
 * this interface; ExprGen, above them all, implements it by handing each question to its concern.
 * So emit's classes depend downwards: ProgramEmitter -> ModuleEmitter -> FnGen, ExprGen -> the
 * concerns -> Gen, ModuleContext, Frame, FnCode, Rt.
 */
interface Gen {
    // ---- expressions, statements, names (ExprGen)

    /** Code for e leaving exactly one value on the stack; tail: e's value is a fn body's result. */
    void emit(Expr e, Frame f, boolean tail);

    /** Statements in one scope: values of all but the last are dropped. */
    void sequence(List<Expr> body, Frame f, boolean tail);

    /** Cells for bindings of this scope that closures capture before they run (late binding). */
    void makeCells(List<Expr> body, Frame f);

    /** The weights of a list's suffixes (Splitter). */
    Suffix suffixWeights(List<? extends Node> nodes);

    /** at(i): the weight of nodes i.. of a list, read from w from index from (a rest shares its list's array). */
    record Suffix(int[] w, int from) {
        int at(int i) {
            return w[from + i];
        }
    }

    /** A line number entry for s, unless the last one was for its line. */
    void line(Frame f, Span s);

    /** Pushes file, line, column of a site (for located panics). */
    void site(MethodVisitor mv, Span s);

    void loadWord(Word w, Frame f);

    /** Before a direct call of a module-level fn: panics if its name is not bound yet (late binding). */
    void checkCallee(Word w, Frame f);

    void loadBinding(Binding b, Frame f, boolean check, Span site);

    /** What a new closure captures for b: the value, or the Cell when b is late-bound. */
    void loadForCapture(Binding b, Frame f);

    /** Stores the value on the stack into a binding (consumes it). */
    void store(Binding b, Frame f);

    // ---- calls (CallGen)

    /** Evaluates a condition and jumps to otherwise when it is falsy. */
    void condition(Expr cond, Frame f, Label otherwise);

    /** A self tail call in an entry returning a double: a jump to its head. */
    void numericSelfJump(Synthetic s, Frame f);

    // ---- numbers (NumGen)

    /** Whether e is numeric where f stands (the analysis decides, from f's unboxed locals). */
    boolean numeric(Expr e, Frame f);

    /** Pushes the double value of a numeric expression. */
    void emitNum(Expr e, Frame f);

    /** Calls known's numeric entry with args as doubles; whether it left a double (else an Object). */
    boolean callNumericEntry(FnDef known, List<Expr> args, Frame f);

    /** A numeric comparison or test as a condition (jumps to otherwise when false); false if cond is none. */
    boolean numericCondition(Expr cond, Frame f, Label otherwise);

    /** Pushes a long operand (a long loop variable or an exact integer literal) as a long. */
    void pushLong(Expr e, Frame f);

    // ---- collections (CollectionGen)

    /** A fresh Object[] holding the values of items, evaluated left to right. */
    void array(List<Expr> items, Frame f);

    /** An Object[] of the slots' values; dbl/lng (may be null) mark slots holding doubles/exact longs. */
    void arrayOfSlots(MethodVisitor mv, int[] slots, boolean[] dbl, boolean[] lng);

    default void arrayOfSlots(MethodVisitor mv, int[] slots, boolean[] dbl) {
        arrayOfSlots(mv, slots, dbl, null);
    }

    default void arrayOfSlots(MethodVisitor mv, int[] slots) {
        arrayOfSlots(mv, slots, null, null);
    }

    // ---- control (ControlGen)

    /** Values.truthy of the value on the stack. */
    void truthy(Frame f);

    /** Tries clauses in order against src: a match's value is returned (end == null) or goes to end. */
    void clauses(List<Clause> clauses, ArgSource src, Frame f, boolean tail, Label end);

    /** A when's clauses: the first whose test holds gives the value; else falls through. */
    void whenClauses(List<WhenClause> clauses, Frame f, boolean tail, Label end);

    // ---- loops (LoopGen, IntLoopGen)

    /** Argument j of a recur to target t (an accumulator position appends in place). */
    void loopArg(Frame.RecurTarget t, int j, Expr arg, Frame f);

    /** Entry into the long copy of a loop, or on to fallback (IntLoopGen). */
    void enterLongLoop(List<Expr> init, int[] slots, boolean[] dbl, int[] longSlots, boolean[] lng, Label fallback, Frame f);

    /** A recur into the long copy of a loop (IntLoopGen). */
    void longRecur(Frame.RecurTarget t, List<Expr> args, Frame f);

    // ---- patterns (PatternGen)

    /** Matches the value in slot v against p, binding its names; jumps to fail when it does not match. */
    void match(Pattern p, int v, Label fail, Frame f);

    /** Matches a clause's argument tuple pattern against src; jumps to fail when it does not match. */
    void matchArgs(PTuple p, ArgSource src, Label fail, Frame f);

    /** A clause's, let's or if-let's pattern against src (a value or arguments), however large; jumps to fail when it does not match. */
    void matchClause(Pattern p, ArgSource src, Label fail, Frame f);

    // ---- the Splitter

    /** Items per chunk of a long collection literal. */
    int CHUNK_ITEMS = 256;

    /** Whether a literal with these items is built in chunks (only in watched methods). */
    boolean chunked(Frame f, List<? extends Node> items);

    /** Items of a long literal in chunks; each chunk is a literal of its own (moved if large). */
    static <T> List<List<T>> chunks(List<T> items) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i += CHUNK_ITEMS) out.add(items.subList(i, Math.min(items.size(), i + CHUNK_ITEMS)));
        return out;
    }

    /** Moves clauses i.. into an outlined method when f is past its budget; true when it did. */
    boolean clausesRest(List<Clause> clauses, int i, int restWeight, ArgSource src, Frame f, boolean tail, Label end);

    /** As clausesRest, for a when's clauses. */
    boolean whenRest(List<WhenClause> clauses, int i, int restWeight, Frame f, boolean tail, Label end);

    /** Plans a watched method's code: which subtrees move into methods of their own. */
    void plan(Node root);

    /** Whether a method for this much Ludus code must be watched. */
    boolean watch(int weight);

    /** The weight of a subtree (its number of nodes). */
    int weight(Node n);
}
