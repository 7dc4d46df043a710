import dev.ludus.compiler.BigStack;
import dev.ludus.compiler.CompiledProgram;
import dev.ludus.compiler.JarWriter;
import dev.ludus.compiler.LudusCompiler;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;

/**
 * Compiles one Ludus file to a jar as `ludus compile` does (on a big-stack thread) and prints
 * "compile_ms peak_heap_mb classes": the wall time of parse+resolve+emit+jar, and the sum over
 * the heap pools of their peak usage (an upper bound of the peak heap; the JVM's default heap).
 */
public final class SizeHarness {
    public static void main(String[] args) throws Exception {
        Path src = Path.of(args[0]);
        Path jar = Path.of(args[1]);
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) p.resetPeakUsage();
        long t0 = System.nanoTime();
        CompiledProgram program = BigStack.call("ludus-compile", () -> LudusCompiler.compile(src, src.getFileName().toString()));
        JarWriter.writeJar(program, jar);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) peak += p.getPeakUsage().getUsed();
        }
        System.out.println(ms + " " + (peak >> 20) + " " + program.classes().size());
    }
}
