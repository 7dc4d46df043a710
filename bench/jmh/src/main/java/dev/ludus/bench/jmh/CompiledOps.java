package dev.ludus.bench.jmh;

import dev.ludus.compiler.CompiledProgram;
import dev.ludus.compiler.LudusCompiler;
import dev.ludus.compiler.ProgramClassLoader;
import dev.ludus.compiler.syntax.SourceText;
import dev.ludus.runtime.collection.LDict;
import dev.ludus.runtime.collection.LList;
import dev.ludus.runtime.prelude.Prelude;
import dev.ludus.runtime.value.Keyword;
import dev.ludus.runtime.value.LFn;
import dev.ludus.runtime.value.Tuple;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Hot paths as compiled Ludus code runs them: each benchmark calls one small function compiled
 * from {@link #SOURCE} by the real compiler, so the numbers follow whatever the code generator
 * and the runtime do today (only the public LudusCompiler / ProgramClassLoader / LFn surface is
 * used, which keeps these benchmarks valid while the internals change).
 *
 * <p>Every call enters from Java through {@link LFn#call1}/{@link LFn#call2}; {@link #identity}
 * measures exactly that entry cost, so subtract it from the others to see the operation itself.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xss16m", "-XX:+UseParallelGC", "-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class CompiledOps {
    static final String SOURCE = """
        fn id (x) -> x
        fn call_known (x) -> id (x)
        fn call_unknown (f, x) -> f (x)
        fn add_one (x) -> add (x, 1)
        fn lt_branch (x) -> if lt? (x, 10) then :small else :big
        fn classify {
          (0) -> :zero
          ((a, b)) -> :pair
          ([y, ...ys]) -> :list
          (#{:k k}) -> :dict
          (_) -> :other
        }
        fn head_tail ([h, ...t]) -> h
        fn append_one (xs) -> append (xs, 1)
        fn assoc_k (d) -> assoc (d, :k, 1)
        fn get_k (d) -> get (:k, d)
        fn access_k (d) -> d :k
        fn update_k (d) -> update (d, :k, inc)
        fn make_tuple (x) -> (x, x, x)
        #{id, call_known, call_unknown, add_one, lt_branch, classify, head_tail, append_one,
          assoc_k, get_k, access_k, update_k, make_tuple}
        """;

    LFn id, callKnown, callUnknown, addOne, ltBranch, classify, headTail, appendOne;
    LFn assocK, getK, accessK, updateK, makeTuple, inc;

    // Arguments live in fields so the JIT cannot constant-fold them.
    Object number = 3.0;
    Object zero = 0.0;
    Object pair = Tuple.of(1.0, 2.0);
    Object string = "not matched by any earlier clause";
    LList list1000;
    LDict dict4;
    LDict dict64;

    @Setup
    public void setup() throws Exception {
        CompiledProgram program = LudusCompiler.emit(LudusCompiler.analyse(new SourceText("jmh.ld", null, SOURCE)));
        Class<?> module = Class.forName(program.mainClass(), true, new ProgramClassLoader(program, getClass().getClassLoader()));
        Prelude.resetState(1L);
        LDict fns = (LDict) module.getMethod("$run").invoke(null);
        id = fn(fns, "id");
        callKnown = fn(fns, "call_known");
        callUnknown = fn(fns, "call_unknown");
        addOne = fn(fns, "add_one");
        ltBranch = fn(fns, "lt_branch");
        classify = fn(fns, "classify");
        headTail = fn(fns, "head_tail");
        appendOne = fn(fns, "append_one");
        assocK = fn(fns, "assoc_k");
        getK = fn(fns, "get_k");
        accessK = fn(fns, "access_k");
        updateK = fn(fns, "update_k");
        makeTuple = fn(fns, "make_tuple");
        inc = (LFn) Prelude.get("inc");

        LList.Builder b = LList.builder();
        for (int i = 0; i < 1000; i++) b.add((double) i);
        list1000 = b.build();
        dict4 = dict(4);
        dict64 = dict(64);
    }

    /** A dict with n keys, one of them :k (holding 0), inserted in the middle. */
    static LDict dict(int n) {
        LDict.Builder b = LDict.builder();
        for (int i = 0; i < n; i++) {
            b.put(Keyword.of(i == n / 2 ? "k" : "key" + i), (double) i);
        }
        LDict d = b.build();
        return d.assoc(Keyword.of("k"), 0.0);
    }

    private static LFn fn(LDict fns, String name) {
        Object f = fns.get(Keyword.of(name));
        if (!(f instanceof LFn lf)) throw new IllegalStateException("no function " + name + " in the benchmark module");
        return lf;
    }

    // ---- calls ------------------------------------------------------------------------------
    @Benchmark public Object identity() { return id.call1(number); }
    @Benchmark public Object callKnownFn() { return callKnown.call1(number); }
    @Benchmark public Object callUnknownClosure() { return callUnknown.call2(id, number); }
    @Benchmark public Object callUnknownBuiltin() { return callUnknown.call2(inc, number); }

    // ---- arithmetic and comparison ---------------------------------------------------------
    @Benchmark public Object add() { return addOne.call1(number); }
    @Benchmark public Object compareAndBranch() { return ltBranch.call1(number); }
    @Benchmark public Object tuple3() { return makeTuple.call1(number); }

    // ---- clause selection by pattern (first clause that matches wins) ------------------------
    @Benchmark public Object patternLiteral() { return classify.call1(zero); }
    @Benchmark public Object patternTuple() { return classify.call1(pair); }
    @Benchmark public Object patternListSplat() { return classify.call1(list1000); }
    @Benchmark public Object patternDict() { return classify.call1(dict4); }
    @Benchmark public Object patternFallThrough() { return classify.call1(string); }
    @Benchmark public Object headTailSplat1000() { return headTail.call1(list1000); }

    // ---- collections ------------------------------------------------------------------------
    @Benchmark public Object listAppend1000() { return appendOne.call1(list1000); }
    @Benchmark public Object dictAssoc4() { return assocK.call1(dict4); }
    @Benchmark public Object dictAssoc64() { return assocK.call1(dict64); }
    @Benchmark public Object dictGet4() { return getK.call1(dict4); }
    @Benchmark public Object dictGet64() { return getK.call1(dict64); }
    @Benchmark public Object keywordAccess4() { return accessK.call1(dict4); }
    @Benchmark public Object keywordAccess64() { return accessK.call1(dict64); }
    @Benchmark public Object dictUpdate4() { return updateK.call1(dict4); }
    @Benchmark public Object dictUpdate64() { return updateK.call1(dict64); }
}
