/** N-queens (N = 9) by backtracking over an array of queen columns. */
public final class queens {
    static boolean safe(double[] cols, int row, double q) {
        for (int r = 0; r < row; r++) {
            double c = cols[r];
            if (c == q || Math.abs(q - c) == row - r) return false;
        }
        return true;
    }

    static double place(double[] cols, int n, int row) {
        if (row == n) return 1;
        double count = 0;
        for (double q = 0; q < n; q++) {
            if (safe(cols, row, q)) {
                cols[row] = q;
                count += place(cols, n, row + 1);
            }
        }
        return count;
    }

    static double bench() { return place(new double[9], 9, 0); }

    public static void main(String[] args) { BenchMain.run(args, queens::bench); }
}
