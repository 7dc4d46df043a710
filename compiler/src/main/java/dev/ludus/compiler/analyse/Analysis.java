package dev.ludus.compiler.analyse;

import dev.ludus.compiler.resolve.Binding;
import dev.ludus.compiler.resolve.NameUse;
import dev.ludus.compiler.resolve.Resolution;
import dev.ludus.compiler.syntax.Ast.*;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the analysis stage learned about one resolved module, keyed by AST node identity, for the
 * emitter to read: known fns, numeric entries and the fns whose numeric entry returns a double,
 * per loop its arity mode, applicable clauses and list accumulator candidates, subtree weights.
 * Computed whole by {@link Analyser} and never changed after.
 *
 * <p>Numeric questions whose answer depends on which locals are unboxed where the code is
 * emitted (numeric expressions, numeric lets, a loop's numeric and long positions) are asked of
 * a {@link Scope}: one per generated method, and per long copy of a loop, which works out
 * from the tree which locals are unboxed there, by the rules the emitter follows.
 */
public final class Analysis {
    /** Code weighing more than this is watched by the emitter's Splitter (it may move into other methods). */
    public static final int SPLIT_WEIGHT = 1_000;
    /** Loops with more names than this get neither unboxed numbers nor an integer copy (locals stay within limits). */
    public static final int WIDE_LOOP = 64;
    /**
     * Patterns binding this many names or more bind them into one array (the emitter's Spills), and
     * loops of this many names pass their values in one array (never fixed-arity): issue 12.
     */
    public static final int MANY_NAMES = 256;

    /** Facts of one loop: whether every recur passes its arity and it has fewer than MANY_NAMES names (else its values live in an array). */
    public record LoopFacts(boolean fixed, List<Clause> applicable, Set<Binding>[] accumulatorCandidates,
                            Set<Binding> declaredInClauses) {}

    /** A name bound at position index of a fixed-arity loop's clause pattern (a name or {@code x as :type}). */
    record Position(Loop loop, int index) {}

    /** Where locals are declared: lets of a plain name, loop positions, fn parameters. */
    record Declarations(Map<Binding, Let> lets, Map<Binding, Position> positions, Map<Binding, FnDef> parameters) {}

    private final Resolution res;
    private final AstWalk walk;
    private final Map<Binding, FnDef> knownFns;
    private final Map<FnDef, Integer> numericEntries;
    private final Map<FnDef, Integer> numericReturns;
    private final Map<Loop, LoopFacts> loops;
    private final Numbers nums;
    private final LoopTypes loopTypes;
    private final IntLoops ints;
    private final BoundedLoops bounded;
    private final ListAccumulators accumulators;
    private final NumReturns returns;
    private final Declarations declarations;
    private final Map<FnDef, VecBodies.Plan> vecPlans;
    private final Map<Loop, VecLoops.Plan> vecLoops;
    private final Map<Node, Pipeline> pipelines;
    private final Map<FnDef, Boolean> pure;
    private final Map<FnDef, Integer> listCursors;
    private final Set<Node> rangeFolds;
    private final DictFolds.Found dictFolds;
    private final Set<Word> refUpdates;
    private final RestUpdates.Found restUpdates;
    /**
     * False: the emitter's generic paths only (Analyser.analyse(Program, boolean)); the facts
     * asked for lazily (numeric expressions and locals, loop positions, typed self-loop copies)
     * answer "none" too, so no unboxed code is emitted.
     */
    private final boolean optimised;
    /** Per fn, per argument count: SelfLoopTypes' answer (an empty array: none), computed when first asked. */
    private final Map<FnDef, boolean[][]> selfLoopTypes = new java.util.IdentityHashMap<>();
    /** Made when the emitter first asks (only modules with large code do). */
    private FreeNames freeNames;

    /**
     * A group of map/filter/fold stages that runs fused as one loop over numbers (Pipelines):
     * node is the do pipeline (piped: the stages after its source) or the outermost call of a
     * nested chain like {@code fold (f, map (g, xs), 0)}; source yields the list, range holds its
     * arguments when it is a {@code range} call (counted out, no list made), else null; stages
     * run first to last (innermost call first). objects: a group over any values (Pipelines'
     * object plans: elements and results as objects, a panic starts the group over unfused).
     */
    public record Pipeline(Node node, boolean piped, Expr source, List<Expr> range, List<Stage> stages, boolean objects) {
        /** A group over numbers (the elements unboxed all along). */
        public Pipeline(Node node, boolean piped, Expr source, List<Expr> range, List<Stage> stages) {
            this(node, piped, source, range, stages, false);
        }
    }

    /** One fused stage: map (fn, xs), filter (fn, xs) or fold (fn, xs, init) (xs may be `_`), fn a prelude name or a lambda. */
    public record Stage(Kind kind, Synthetic call, Expr fn, Expr init) {
        public enum Kind { MAP, FILTER, FOLD }
    }

    Analysis(Resolution res, AstWalk walk, Map<Binding, FnDef> knownFns, Map<FnDef, Integer> numericEntries,
             Map<FnDef, Integer> numericReturns, Map<Loop, LoopFacts> loops, Numbers nums, IntLoops ints,
             ListAccumulators accumulators, NumReturns returns, Declarations declarations,
             Map<FnDef, VecBodies.Plan> vecPlans, Map<Loop, VecLoops.Plan> vecLoops,
             Map<Node, Pipeline> pipelines, Map<FnDef, Boolean> pure, Map<FnDef, Integer> listCursors,
             Set<Node> rangeFolds, DictFolds.Found dictFolds, Set<Word> refUpdates, RestUpdates.Found restUpdates, boolean optimised) {
        this.optimised = optimised;
        this.refUpdates = refUpdates;
        this.restUpdates = restUpdates;
        this.dictFolds = dictFolds;
        this.listCursors = listCursors;
        this.rangeFolds = rangeFolds;
        this.res = res;
        this.walk = walk;
        this.knownFns = knownFns;
        this.numericEntries = numericEntries;
        this.numericReturns = numericReturns;
        this.loops = loops;
        this.nums = nums;
        this.loopTypes = new LoopTypes(nums, res);
        this.ints = ints;
        this.bounded = new BoundedLoops(res, nums);
        this.accumulators = accumulators;
        this.returns = returns;
        this.declarations = declarations;
        this.vecPlans = vecPlans;
        this.vecLoops = vecLoops;
        this.pipelines = pipelines;
        this.pure = pure;
    }

    /** Whether this analysis records optimisation facts (false: the generic paths only). */
    public boolean optimised() {
        return optimised;
    }

    // ---- pipelines and purity

    /** The fused plan of a do pipeline or a map/filter/fold call (Pipelines), or null: it runs stage by stage. */
    public Pipeline pipeline(Node n) {
        return pipelines.get(n);
    }

    /** Whether a fold or each! call counts its range out and calls its lambda's method directly (RangeFolds). */
    public boolean rangeFold(Node n) {
        return rangeFolds.contains(n);
    }

    /** Whether the call with this callee word is a fold building a dict in place (DictFolds). */
    public boolean dictFold(Word callee) {
        return dictFolds.folds().contains(callee);
    }

    /** Whether the call with this callee word is an update or assoc of such a fold's accumulator (DictFolds). */
    public boolean accumulatorUpdate(Word callee) {
        return dictFolds.calls().contains(callee);
    }

    /** Whether the call with this callee word is an update! with a partial written in it, to run in place (RefUpdates). */
    public boolean refUpdate(Word callee) {
        return refUpdates.contains(callee);
    }

    /** Whether a dict pattern binds this rest name to the dict it matched, for a literal that gives the rest back (RestUpdates). */
    public boolean restIsWhole(Binding rest) {
        return restUpdates.rests().contains(rest);
    }

    /** Whether this literal gives back a dict pattern's rest with the keys the pattern took (RestUpdates). */
    public boolean restUpdate(DictLit d) {
        return restUpdates.literals().contains(d);
    }

    /** Whether fd is pure: no effects but its result or panic (Purity). */
    public boolean pure(FnDef fd) {
        Boolean p = pure.get(fd);
        if (p == null) throw new IllegalStateException("fn not analysed at " + fd.span());
        return p;
    }

    public Resolution resolution() {
        return res;
    }

    // ---- scopes (see Scope)

    /** The scope of a method implementing owner's frame from its start with boxed values (toplevel chunk, fn entry). */
    public Scope methodScope(Node owner) {
        return Scope.method(this, owner);
    }

    /** The scope of fd's entry taking its arguments as doubles. */
    public Scope numericEntryScope(FnDef fd) {
        return Scope.numericEntry(this, fd);
    }

    /** The scope of the long copy of loop l (see IntLoops), emitted in parent. */
    public Scope longCopy(Loop l, Scope parent) {
        return Scope.longCopy(this, l, parent);
    }

    /** The scope of a method of its own for these nodes of owner's code (the Splitter's, a test body's). */
    public Scope fresh(Node owner, List<? extends Node> nodes) {
        // (a test body: small, walked)
        Set<Binding> declared = new java.util.HashSet<>();
        Set<Loop> loops = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        Scope.collect(this, nodes, declared, loops);
        return Scope.fresh(this, owner, declared, loops);
    }

    /**
     * The scope of a method the Splitter made for moved, of owner's code, that names these names:
     * the moved code declares what it names and is not free in it (no walk: see FreeNames).
     */
    public Scope moved(Node owner, FreeNames.Names names, List<? extends Node> moved) {
        return Scope.moved(this, owner, names, moved);
    }

    /** The locals code names (the Splitter's questions; computed once per subtree). */
    public FreeNames freeNames() {
        if (freeNames == null) freeNames = new FreeNames(res);
        return freeNames;
    }

    Let letOf(Binding b) {
        return declarations.lets().get(b);
    }

    Position positionOf(Binding b) {
        return declarations.positions().get(b);
    }

    boolean isParameter(Binding b, FnDef fd) {
        return declarations.parameters().get(b) == fd;
    }

    Set<Binding> declaredInClauses(Loop l) {
        return loop(l).declaredInClauses();
    }

    // ---- sizes

    /** The number of nodes of n's subtree (the Splitter's measure of code). */
    public int weight(Node n) {
        return walk.weight(n);
    }

    public int weight(List<? extends Node> nodes) {
        return walk.weight(nodes);
    }

    /** Whether code of this weight is large: its method is watched by the Splitter. */
    public static boolean large(int weight) {
        return weight > SPLIT_WEIGHT;
    }

    // ---- fns

    /** The fn a module-level binding is bound to by a named fn definition (calls to it link directly), else null. */
    public FnDef knownFn(Binding b) {
        return knownFns.get(b);
    }

    /** fd's fast path on numbers and vectors (VecBodies), or null. */
    public VecBodies.Plan vecPlan(FnDef fd) {
        return vecPlans.get(fd);
    }

    /** l's copy on doubles for tuple-shaped state (VecLoops), or null. */
    public VecLoops.Plan vecLoop(Loop l) {
        return vecLoops.get(l);
    }

    /** Whether fd has an entry taking n arguments as unboxed doubles (NumericEntries). */
    public boolean numericEntry(FnDef fd, int n) {
        return (numericEntries.getOrDefault(fd, 0) & (1 << n)) != 0;
    }

    /**
     * Per position of fd's entry for n arguments, whether its typed copy holds it as a double
     * (SelfLoopTypes); null when the entry has no typed copy.
     */
    public boolean[] selfLoopTypes(FnDef fd, int n) {
        if (!optimised) return null;
        boolean[][] known = selfLoopTypes.get(fd);
        if (known == null) selfLoopTypes.put(fd, known = new boolean[Clauses.MAX_DIRECT + 1][]);
        if (known[n] == null) {
            boolean[] pos = new SelfLoopTypes(this, res).positions(fd, n);
            known[n] = pos == null ? new boolean[0] : pos;
        }
        return known[n].length == 0 ? null : known[n].clone();
    }

    /** The scope of the typed copy of fd's entry for n arguments (SelfLoopTypes). */
    public Scope typedEntryScope(FnDef fd, int n) {
        List<Clause> applicable = Clauses.applicable(fd.clauses(), n);
        return Scope.typedEntry(this, fd, new SelfLoopTypes(this, res).bindings(applicable, selfLoopTypes(fd, n)));
    }

    /** Whether position k of fd's entry for n arguments walks its list as a cursor (ListCursors). */
    public boolean listCursor(FnDef fd, int n, int k) {
        return (listCursors.getOrDefault(fd, 0) & (1 << (n * 4 + k))) != 0;
    }

    /** The binding of a list pattern's named rest ({@code ...xs}), else null. */
    public Binding listRest(PList l) {
        return ListCursors.restName(l, res);
    }

    /** Whether fd's numeric entry for n arguments returns an unboxed double (NumReturns). */
    public boolean returnsNumber(FnDef fd, int n) {
        Integer mask = numericReturns.get(fd);
        if (mask == null) throw new IllegalStateException("fn not analysed at " + fd.span());
        return (mask & (1 << n)) != 0;
    }

    /** A call of fd itself with n arguments, by its own name. */
    public boolean selfCall(Synthetic s, FnDef fd, int n) {
        return returns.selfCall(s, fd, n);
    }

    // ---- calls and numbers

    /** What a plain call {@code name (args)} (no placeholder) names: its binding's use, else null. */
    public NameUse plainCallee(Synthetic s) {
        return nums.plainCallee(s);
    }

    /** The prelude function a plain call names, else null. */
    public Binding preludeCallee(Synthetic s) {
        return nums.preludeCallee(s);
    }

    /** The module-level fn a call names, if its numeric entry for this many arguments returns a double. */
    public FnDef numericCallee(Synthetic s) {
        return optimised ? nums.numericCallee(s) : null;
    }

    /** The arguments of a plain call. */
    public static List<Expr> args(Synthetic s) {
        return Numbers.args(s);
    }

    /** Whether e certainly yields a number, where env's locals are unboxed (Numbers). */
    public boolean numeric(Expr e, NumEnv env) {
        return optimised && nums.numeric(e, Numbers.doubles(env));
    }

    /** Whether e certainly yields something other than a number (Numbers.nonNumeric). */
    public boolean nonNumeric(Expr e) {
        return optimised && Numbers.nonNumeric(e);
    }

    /** Whether a let of b to value, in a method implementing owner's frame, keeps b unboxed. */
    public boolean numericLocal(Binding b, Expr value, Node owner, NumEnv env) {
        return b != null && b.kind == Binding.Kind.LOCAL && !b.cell && b.frame == owner && numeric(value, env);
    }

    // ---- loops

    public LoopFacts loop(Loop l) {
        LoopFacts facts = loops.get(l);
        if (facts == null) throw new IllegalStateException("loop not analysed at " + l.span());
        return facts;
    }

    /** Per position of a fixed-arity loop starting where env stands: whether it lives unboxed (LoopTypes). */
    public boolean[] numericPositions(Loop l, NumEnv env) {
        return env instanceof Scope s ? s.numericPositions(l).clone() : computeNumericPositions(l, env);
    }

    /** Per position of a fixed-arity loop starting where env stands: whether it runs as a long (IntLoops). */
    public boolean[] longPositions(Loop l, NumEnv env) {
        return env instanceof Scope s ? s.longPositions(l).clone() : computeLongPositions(l, env);
    }

    /** Whether the long copy of l (long positions lng, locals as its scope env has them) needs no poll (BoundedLoops). */
    public boolean pollFreeLongCopy(Loop l, boolean[] lng, NumEnv env) {
        return bounded.pollFree(l, loop(l).applicable(), lng, env);
    }

    boolean[] computeNumericPositions(Loop l, NumEnv env) {
        int k = l.init().items().size();
        // a loop of many names keeps them boxed, in one copy: its locals stay within the emitter's limit
        return k > WIDE_LOOP || !optimised ? new boolean[k] : loopTypes.numericPositions(l, loop(l).applicable(), env);
    }

    boolean[] computeLongPositions(Loop l, NumEnv env) {
        int k = l.init().items().size();
        return k > WIDE_LOOP || !optimised ? new boolean[k] : ints.longPositions(l, loop(l).applicable(), env);
    }

    /**
     * Per position of a fixed-arity loop, the clause names of a list accumulator (ListAccumulators),
     * leaving out the positions {@code dbl} holds unboxed; null when none is left.
     */
    @SuppressWarnings("unchecked")
    public Set<Binding>[] accumulators(Loop l, boolean[] dbl) {
        Set<Binding>[] all = loop(l).accumulatorCandidates();
        if (all == null) return null;
        Set<Binding>[] out = new Set[all.length];
        boolean any = false;
        for (int j = 0; j < all.length; j++) {
            if (dbl[j] || all[j] == null) continue;
            out[j] = all[j];
            any = true;
        }
        return any ? out : null;
    }

    /** {@code append (b, x)} with x not using b: an accumulator's in-place append. */
    public boolean appendTo(Expr e, Binding b) {
        return accumulators.appendTo(e, b);
    }

    /** e is the name b itself. */
    public boolean isName(Expr e, Binding b) {
        return accumulators.isName(e, b);
    }
}
