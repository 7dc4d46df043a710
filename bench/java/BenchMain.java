import java.util.function.DoubleSupplier;

/**
 * Shared entry point of the Java benchmark programs (not a benchmark itself).
 *
 * <p>{@code java NAME} runs the work once and prints the checksum.
 * {@code java NAME N} runs it N times in this JVM, printing {@code #iter I NANOS} per run
 * (the steady-state protocol of bench/run), then the checksum. The checksum is printed as Ludus
 * shows a number: integral values without a fraction.
 */
final class BenchMain {
    private BenchMain() {}

    static void run(String[] args, DoubleSupplier work) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        double result;
        if (n <= 0) {
            result = work.getAsDouble();
        } else {
            result = Double.NaN;
            for (int i = 1; i <= n; i++) {
                long t0 = System.nanoTime();
                double r = work.getAsDouble();
                long dt = System.nanoTime() - t0;
                System.out.println("#iter " + i + " " + dt);
                if (i > 1 && Double.compare(r, result) != 0) {
                    System.out.println("#error iteration " + i + " gave " + show(r) + ", iteration 1 gave " + show(result));
                    System.exit(1);
                }
                result = r;
            }
        }
        System.out.println(show(result));
    }

    /**
     * Floored modulo, the formula of Ludus's {@code mod} (prelude.md §3). Java's {@code %} on
     * doubles is an exact fmod that HotSpot compiles to a slow loop (several times the cost of
     * this), which would make the Java versions slower than the practical limit. For the
     * non-negative integers used here both give the same, exact result.
     */
    static double mod(double x, double y) {
        return x - y * Math.floor(x / y);
    }

    /** A number as Ludus shows integral values (the checksums are integral). */
    static String show(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e21) return Long.toString((long) d);
        return Double.toString(d);
    }
}
