/** The map / filter / fold pipeline fused into one loop over doubles. */
public final class pipeline {
    static double bench() {
        double sum = 0;
        for (double x = 0; x < 1_000_000; x++) {
            double y = BenchMain.mod(x * 7, 1000);
            if (BenchMain.mod(y, 2) == 0) sum += y + 1;
        }
        return sum;
    }

    public static void main(String[] args) { BenchMain.run(args, pipeline::bench); }
}
