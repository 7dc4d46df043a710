/** The sum of the integers below 10,000,000, as a double loop. */
public final class sumloop {
    static double bench() {
        double acc = 0;
        for (double i = 0; i < 10_000_000; i++) acc += i;
        return acc;
    }

    public static void main(String[] args) { BenchMain.run(args, sumloop::bench); }
}
