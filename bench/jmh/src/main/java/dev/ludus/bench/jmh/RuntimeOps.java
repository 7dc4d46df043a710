package dev.ludus.bench.jmh;

import dev.ludus.runtime.collection.LDict;
import dev.ludus.runtime.collection.LList;
import dev.ludus.runtime.prelude.Arith;
import dev.ludus.runtime.prelude.Prelude;
import dev.ludus.runtime.value.Keyword;
import dev.ludus.runtime.value.LFn;
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
 * The runtime's building blocks called directly from Java, without compiled Ludus code around
 * them: the floor under the matching {@link CompiledOps} benchmarks. These use runtime classes
 * (Arith, LList, LDict, the prelude's builtins) directly, so they must follow renames there.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xss16m", "-XX:+UseParallelGC", "-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class RuntimeOps {
    Object a = 3.0;
    Object b = 4.0;
    LFn addBuiltin;
    LList list1000;
    LDict dict4;
    LDict dict64;
    Keyword k = Keyword.of("k");
    Object one = 1.0;

    @Setup
    public void setup() {
        addBuiltin = (LFn) Prelude.get("add");
        LList.Builder lb = LList.builder();
        for (int i = 0; i < 1000; i++) lb.add((double) i);
        list1000 = lb.build();
        dict4 = CompiledOps.dict(4);
        dict64 = CompiledOps.dict(64);
    }

    @Benchmark public Object arithAdd() { return Arith.add(a, b); }
    @Benchmark public Object builtinAddCall2() { return addBuiltin.call2(a, b); }
    @Benchmark public Object listAppend1000() { return list1000.append(one); }
    @Benchmark public Object listRest1000() { return list1000.rest(); }
    @Benchmark public Object dictAssoc4() { return dict4.assoc(k, one); }
    @Benchmark public Object dictAssoc64() { return dict64.assoc(k, one); }
    @Benchmark public Object dictGet4() { return dict4.get(k); }
    @Benchmark public Object dictGet64() { return dict64.get(k); }
}
