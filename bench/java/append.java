import java.util.Arrays;

/** 1,000,000 doubles appended to a growable array (doubling), then count + sum. */
public final class append {
    static double bench() {
        double[] xs = new double[16];
        int size = 0;
        for (double i = 0; i < 1_000_000; i++) {
            if (size == xs.length) xs = Arrays.copyOf(xs, size * 2);
            xs[size++] = i;
        }
        double sum = 0;
        for (int j = 0; j < size; j++) sum += xs[j];
        return size + sum;
    }

    public static void main(String[] args) { BenchMain.run(args, append::bench); }
}
