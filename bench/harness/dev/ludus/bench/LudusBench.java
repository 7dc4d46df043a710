package dev.ludus.bench;

import dev.ludus.compiler.CompiledProgram;
import dev.ludus.compiler.LudusCompiler;
import dev.ludus.compiler.ProgramClassLoader;
import dev.ludus.compiler.diagnostic.CompileErrors;
import dev.ludus.compiler.diagnostic.ReferenceReport;
import dev.ludus.compiler.syntax.SourceText;
import dev.ludus.runtime.Launcher;
import dev.ludus.runtime.LudusPanic;
import dev.ludus.runtime.Values;
import dev.ludus.runtime.prelude.Prelude;
import dev.ludus.runtime.value.LFn;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Steady-state harness for the Ludus benchmark programs (bench/run uses it).
 *
 * <pre>
 *   java -cp cli/target/ludus.jar:bench/target/harness dev.ludus.bench.LudusBench [--module] FILE.ld N
 * </pre>
 *
 * <p>Every benchmark program defines {@code fn bench () -> ...} and ends with the line
 * {@code bench ()}, so {@code ludus run} prints the checksum as the script's result.
 *
 * <p><b>Default (function) mode.</b> The harness rewrites that last line to {@code bench} (same
 * line count, so positions in panics stay right), compiles the program once with the real
 * compiler, runs the module body once (which defines everything and returns the {@code bench}
 * function value), then calls that function N times through {@link LFn#call0()} — exactly the
 * call {@code bench ()} makes — timing each call. Only the work is timed: no parsing, code
 * generation, class loading or module set-up. Later iterations run JIT-compiled code, which is
 * what "steady state" means here.
 *
 * <p><b>{@code --module} mode.</b> Compiles the unmodified program once, then for each iteration
 * defines its classes in a fresh {@link ProgramClassLoader} and runs the whole module body
 * ({@code $run()}): the runtime and the prelude stay warm, the program's own classes start cold
 * each time. Useful to see how much of a run is spent before the generated code is compiled.
 *
 * <p>Output protocol (shared with bench/java and bench/clojure): one line
 * {@code #iter I NANOS} per iteration, then the checksum (the shown result) on the last line.
 * {@code #compile NANOS} reports the one-off parse+resolve+emit time. Every iteration must give
 * the same result, else the harness reports {@code #error} and exits 1. With
 * {@code -Dludus.bench.alloc} (function mode) each {@code #iter} line is preceded by
 * {@code #alloc I BYTES}: the bytes the iteration allocated, a figure machine load does not change.
 */
public final class LudusBench {
    private LudusBench() {}

    public static void main(String[] args) throws Exception {
        boolean moduleMode = false;
        List<String> rest = new ArrayList<>();
        for (String a : args) {
            if (a.equals("--module")) moduleMode = true;
            else rest.add(a);
        }
        if (rest.isEmpty() || rest.size() > 2) {
            System.err.println("usage: LudusBench [--module] FILE.ld [N]");
            System.exit(2);
        }
        Path file = Path.of(rest.get(0));
        int n = rest.size() > 1 ? Integer.parseInt(rest.get(1)) : 1;
        String text = Files.readString(file);
        String source = moduleMode ? text : exposeBench(text, file);

        long t0 = System.nanoTime();
        CompiledProgram program;
        try {
            program = LudusCompiler.emit(LudusCompiler.analyse(
                    new SourceText(file.toString(), file.toAbsolutePath().normalize(), source)));
        } catch (CompileErrors e) {
            System.out.print(ReferenceReport.render(e.diagnostics()));
            System.exit(1);
            return;
        }
        System.out.println("#compile " + (System.nanoTime() - t0));

        boolean module = moduleMode;
        int[] status = {0};
        // The same big stack the Launcher gives programs (deep non-tail recursion, spec §7).
        Thread worker = new Thread(null, () -> status[0] = measure(program, module, n), "ludus-bench", Launcher.stackSize());
        worker.start();
        worker.join();
        System.out.flush();
        System.exit(status[0]);
    }

    /** Replaces the final {@code bench ()} line by {@code bench}: the module's value becomes the function. */
    static String exposeBench(String text, Path file) {
        String[] lines = text.split("\n", -1);
        for (int i = lines.length - 1; i >= 0; i--) {
            String t = lines[i].trim();
            if (t.isEmpty() || t.startsWith("&")) continue;
            if (!t.equals("bench ()")) break;
            lines[i] = lines[i].replace("bench ()", "bench");
            return String.join("\n", lines);
        }
        System.err.println(file + ": a benchmark program must end with the line `bench ()`");
        System.exit(2);
        return null;
    }

    private static int measure(CompiledProgram program, boolean moduleMode, int n) {
        Prelude.resetState(1L);
        try {
            Object result = null;
            if (moduleMode) {
                for (int i = 1; i <= n; i++) {
                    long t0 = System.nanoTime();
                    Object r = runModule(program);
                    long dt = System.nanoTime() - t0;
                    if (!report(i, dt, r, result)) return 1;
                    result = r;
                }
            } else {
                Object f = runModule(program);
                if (!(f instanceof LFn bench)) {
                    System.out.println("#error the module's value is " + Values.show(f) + ", not the bench function");
                    return 1;
                }
                for (int i = 1; i <= n; i++) {
                    long a0 = ALLOC ? allocated() : 0;
                    long t0 = System.nanoTime();
                    Object r = bench.call0();
                    long dt = System.nanoTime() - t0;
                    if (ALLOC) System.out.println("#alloc " + i + " " + (allocated() - a0));
                    if (!report(i, dt, r, result)) return 1;
                    result = r;
                }
            }
            System.out.println(Values.show(result));
            return 0;
        } catch (LudusPanic p) {
            System.out.println("#error Ludus panicked" + (p.hasLocation() ? " on line " + p.line() : "") + ": " + p.getMessage());
            return 1;
        } catch (StackOverflowError e) {
            System.out.println("#error Maximum call stack size exceeded");
            return 1;
        }
    }

    /** {@code -Dludus.bench.alloc}: also print {@code #alloc I BYTES}, the bytes the iteration allocated (a figure load does not change). */
    private static final boolean ALLOC = System.getProperty("ludus.bench.alloc") != null
            && !System.getProperty("ludus.bench.alloc").equals("false");

    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean())
                .getCurrentThreadAllocatedBytes();
    }

    private static boolean report(int i, long nanos, Object r, Object previous) {
        System.out.println("#iter " + i + " " + nanos);
        if (previous != null && !Values.eq(previous, r)) {
            System.out.println("#error iteration " + i + " gave " + Values.show(r) + ", the one before gave " + Values.show(previous));
            return false;
        }
        return true;
    }

    /** Defines the program's classes in a fresh loader and evaluates the main module once. */
    private static Object runModule(CompiledProgram program) {
        try {
            ClassLoader loader = new ProgramClassLoader(program, LudusBench.class.getClassLoader());
            Method run = Class.forName(program.mainClass(), true, loader).getMethod("$run");
            return run.invoke(null);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            while (cause instanceof ExceptionInInitializerError && cause.getCause() != null) cause = cause.getCause();
            if (cause instanceof RuntimeException re) throw re;
            if (cause instanceof Error err) throw err;
            throw new IllegalStateException(cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot run " + program.mainClass(), e);
        }
    }
}
