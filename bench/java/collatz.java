/** Collatz chains on doubles: the longest chain for starting values below 30,000. */
public final class collatz {
    static double collatzLen(double n) {
        if (n < 1) throw new IllegalArgumentException("not positive: " + n);
        double len = 1;
        for (double k = n; k != 1; len++) {
            k = BenchMain.mod(k, 2) == 0 ? k / 2 : 3 * k + 1;
        }
        return len;
    }

    static double bench() {
        double best = 0, bestLen = 0;
        for (double n = 1; n < 30_000; n++) {
            double len = collatzLen(n);
            if (len > bestLen) {
                best = n;
                bestLen = len;
            }
        }
        return best * 1000 + bestLen;
    }

    public static void main(String[] args) { BenchMain.run(args, collatz::bench); }
}
