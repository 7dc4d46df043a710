package dev.ludus.compiler.analyse;

import dev.ludus.compiler.resolve.Binding;
import dev.ludus.compiler.resolve.Module;
import dev.ludus.compiler.resolve.Program;
import dev.ludus.compiler.resolve.Resolution;
import dev.ludus.compiler.syntax.Ast.*;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * The analysis stage, between resolve and emit: reads each resolved module and records what the
 * emitter needs to know about it in an {@link Analysis}. Every analysis runs here, over the whole
 * module, in source order; the emitter only reads the result.
 */
public final class Analyser {
    private Analyser() {}

    /** Analyses every module of a resolved program. */
    public static AnalysedProgram analyse(Program program) {
        return analyse(program, true);
    }

    /**
     * Analyses every module of a resolved program; with {@code optimise} false the analysis
     * records none of the facts that only make code faster (fused and object pipelines, range
     * folds and each!, dict folds, numeric entries and returns, unboxed lets and loop positions,
     * long loops, list accumulators and cursors, typed self-loop copies, vector bodies and loops,
     * literals' proven number layouts), so the emitter
     * takes its generic paths: the fuzzer's differential oracle (issue 12), `ludus run --no-opt`.
     */
    public static AnalysedProgram analyse(Program program, boolean optimise) {
        Map<Module, Analysis> out = new IdentityHashMap<>();
        for (Module m : program.modules()) out.put(m, analyse(m, optimise));
        return new AnalysedProgram(program, Collections.unmodifiableMap(out));
    }

    /** Analyses one resolved module. */
    public static Analysis analyse(Module module) {
        return analyse(module, true);
    }

    /** Analyses one resolved module, recording optimisation facts only when optimise (see analyse(Program, boolean)). */
    public static Analysis analyse(Module module, boolean optimise) {
        Resolution res = module.resolution();
        AstWalk walk = new AstWalk();
        walk.weight(module.script());
        walk.freeze();

        Map<Binding, FnDef> knownFns = new HashMap<>();
        for (var e : res.declared.entrySet()) {
            if (e.getKey() instanceof FnDef fd && e.getValue().kind == Binding.Kind.MODULE) knownFns.put(e.getValue(), fd);
        }
        Map<Binding, List<Word>> uses = new HashMap<>();
        for (var e : res.uses.entrySet()) {
            List<Word> ws = uses.get(e.getValue().binding());
            if (ws == null) uses.put(e.getValue().binding(), ws = new ArrayList<>());
            ws.add(e.getKey());
        }

        List<FnDef> fns = new ArrayList<>();
        List<Loop> loopNodes = new ArrayList<>();
        List<Node> chains = new ArrayList<>(); // do pipelines and map/filter/fold calls
        List<Node> eaches = new ArrayList<>(); // each! of a lambda over a range (RangeFolds)
        Set<Word> refUpdates = Collections.newSetFromMap(new IdentityHashMap<>()); // update! (r, f (_)) in place (RefUpdates)
        List<Node> inOrder = inSourceOrder(module.script()); // loops, not lambdas: see LudusCompiler.PARSER
        for (Node n : inOrder) {
            if (n instanceof FnDef fd) fns.add(fd);
            else if (n instanceof Loop l) loopNodes.add(l);
            else if (n instanceof Do || n instanceof Synthetic s && Pipelines.kind(res, s) != null) chains.add(n);
            else if (n instanceof Synthetic s && RangeFolds.appliesEach(res, s)) eaches.add(n);
            else if (optimise && n instanceof Synthetic s && RefUpdates.applies(res, s)) refUpdates.add((Word) s.root());
        }

        Set<FnDef> eachLambdas = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Node n : eaches) eachLambdas.add((FnDef) Numbers.args((Synthetic) n).get(0));
        NumericEntries entryRule = new NumericEntries(res, walk, Pipelines.stageLambdas(res, chains), eachLambdas);
        Map<FnDef, Integer> entries = new IdentityHashMap<>();
        for (FnDef fd : fns) entries.put(fd, optimise ? entryRule.mask(fd) : 0);

        Numbers nums = new Numbers(res, Collections.unmodifiableMap(knownFns), walk);
        NumReturns returns = new NumReturns(res, nums, nums.knownFns(), entries);
        BiPredicate<FnDef, Integer> returnsNumber = new BiPredicate<>() {
            @Override
            public boolean test(FnDef fd, Integer arity) {
                return returns.returnsNumber(fd, arity);
            }
        };
        nums.returns = returnsNumber;
        for (FnDef fd : fns) returns.returnsNumber(fd, 1); // decides every arity of fd
        Map<FnDef, Integer> decided = new IdentityHashMap<>(returns.decided());
        if (!optimise) for (FnDef fd : fns) decided.put(fd, 0);
        returns.freeze();

        Purity purity = new Purity(res);
        Pipelines pipes = new Pipelines(res, purity, new BiPredicate<>() {
            @Override
            public boolean test(FnDef fd, Integer n) {
                return (entries.getOrDefault(fd, 0) & (1 << n)) != 0;
            }
        }, returnsNumber);
        // A fold over range with a lambda: a fused loop over numbers if Pipelines has one, else a
        // counted loop (RangeFolds) rather than a fused loop over objects, which builds the range.
        Map<Node, Analysis.Pipeline> pipelines = new IdentityHashMap<>();
        Set<Node> rangeFolds = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Node n : optimise ? chains : List.<Node>of()) {
            Analysis.Pipeline p = n instanceof Do d ? pipes.plan(d) : pipes.plan((Synthetic) n);
            boolean counted = n instanceof Synthetic s && (p == null || p.objects()) && RangeFolds.applies(res, s);
            if (counted) rangeFolds.add(n);
            else if (p != null) pipelines.put(n, p);
        }
        if (optimise) rangeFolds.addAll(eaches);
        // (a fold over range counted out, RangeFolds, may build its dict in place too)
        DictFolds.Found dictFolds = optimise ? DictFolds.find(res, chains, pipelines.keySet(), uses) : new DictFolds.Found(Set.of(), Set.of());
        Map<FnDef, Boolean> pureFns = new IdentityHashMap<>();
        for (FnDef fd : fns) pureFns.put(fd, purity.pure(fd));

        ListAccumulators accs = new ListAccumulators(res, nums, uses);
        Map<Loop, Analysis.LoopFacts> loops = new IdentityHashMap<>();
        Map<Binding, Analysis.Position> positions = new HashMap<>();
        for (Loop l : loopNodes) {
            int k = l.init().items().size();
            // a loop of many names passes them in one array (its clauses' names go to arrays too: the emitter's Spills)
            boolean fixed = RecurScan.allRecursHaveArity(l, k) && k < Analysis.MANY_NAMES;
            List<Clause> applicable = fixed ? List.copyOf(Clauses.applicable(l.clauses(), k)) : List.of();
            Set<Binding>[] candidates = fixed && optimise ? accs.find(applicable, k) : null;
            Set<Binding> inside = new HashSet<>();
            for (Clause c : l.clauses()) {
                for (Node n : AstWalk.nodes(c)) {
                    Binding b = res.declared.get(n);
                    if (b != null) inside.add(b);
                }
            }
            for (Clause c : applicable) {
                List<Pattern> items = ((PTuple) c.pattern()).items();
                for (int j = 0; j < k && j < items.size(); j++) {
                    Binding b = res.declared.get(items.get(j));
                    if (b != null && (items.get(j) instanceof PBind || items.get(j) instanceof PTyped)) {
                        positions.put(b, new Analysis.Position(l, j));
                    }
                }
            }
            loops.put(l, new Analysis.LoopFacts(fixed, applicable, candidates, Collections.unmodifiableSet(inside)));
        }
        Map<Binding, Let> lets = new HashMap<>();
        Map<Binding, FnDef> parameters = new HashMap<>();
        for (Node n : inOrder) {
            if (n instanceof Let l && l.pattern() instanceof PBind pb) {
                Binding b = res.declared.get(pb);
                if (b != null) lets.put(b, l);
            } else if (n instanceof FnDef fd) {
                for (Clause c : fd.clauses()) {
                    for (Pattern item : ((PTuple) c.pattern()).items()) {
                        Binding b = res.declared.get(item);
                        if (b != null && (item instanceof PBind || item instanceof PTyped)) parameters.put(b, fd);
                    }
                }
            }
        }
        Map<FnDef, VecBodies.Plan> vecPlans = new IdentityHashMap<>();
        // the flat entries a vector body or loop may call: those of the fns planned so far
        java.util.function.Function<dev.ludus.compiler.resolve.NameUse, VecBodies.Plan> flat = new java.util.function.Function<>() {
            @Override
            public VecBodies.Plan apply(dev.ludus.compiler.resolve.NameUse u) {
                FnDef fd = u == null ? null : knownFns.get(u.binding());
                return fd == null ? null : vecPlans.get(fd);
            }
        };
        for (FnDef fd : optimise ? fns : List.<FnDef>of()) {
            VecBodies.Plan plan = VecBodies.plan(fd, res, walk, flat);
            if (plan != null) vecPlans.put(fd, plan);
        }
        Map<Loop, VecLoops.Plan> vecLoops = new IdentityHashMap<>();
        for (Loop l : optimise ? loopNodes : List.<Loop>of()) {
            VecLoops.Plan plan = VecLoops.plan(l, loops.get(l), res, flat);
            if (plan != null) vecLoops.put(l, plan);
        }
        ListCursors cursorRule = new ListCursors(res, walk);
        Map<FnDef, Integer> cursors = new IdentityHashMap<>();
        for (FnDef fd : optimise ? fns : List.<FnDef>of()) {
            int bits = cursorRule.mask(fd);
            if (bits != 0) cursors.put(fd, bits);
        }
        Analysis.Declarations declarations = new Analysis.Declarations(Collections.unmodifiableMap(lets),
                Collections.unmodifiableMap(positions), Collections.unmodifiableMap(parameters));
        return new Analysis(res, walk, nums.knownFns(), Collections.unmodifiableMap(entries), Collections.unmodifiableMap(decided),
                Collections.unmodifiableMap(loops), nums, new IntLoops(res, nums), accs, returns, declarations,
                Collections.unmodifiableMap(vecPlans), Collections.unmodifiableMap(vecLoops),
                Collections.unmodifiableMap(pipelines), Collections.unmodifiableMap(pureFns),
                Collections.unmodifiableMap(cursors), Collections.unmodifiableSet(rangeFolds), dictFolds,
                Collections.unmodifiableSet(refUpdates), optimise ? RestUpdates.find(res, inOrder, uses) : RestUpdates.Found.NONE, optimise);
    }

    /** Every node of the tree, parents before children, children left to right (iterative: deep trees do not recurse). */
    static void inSourceOrder(Node root, java.util.function.Consumer<Node> out) {
        ArrayDeque<Node> todo = new ArrayDeque<>();
        todo.push(root);
        List<Node> kids = new ArrayList<>();
        java.util.function.Consumer<Node> addKid = AstWalk.into(kids);
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            out.accept(n);
            kids.clear();
            AstWalk.children(n, addKid);
            for (int i = kids.size() - 1; i >= 0; i--) todo.push(kids.get(i));
        }
    }

    /** As {@link #inSourceOrder(Node, java.util.function.Consumer)}, as a list. */
    static List<Node> inSourceOrder(Node root) {
        List<Node> out = new ArrayList<>();
        inSourceOrder(root, AstWalk.into(out));
        return out;
    }
}
