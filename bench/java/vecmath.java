/** A particle on a spring, 1,000,000 Euler steps on plain double fields (no tuples). */
public final class vecmath {
    static double bench() {
        double x = 100, y = 0, vx = 0, vy = 5, path = 0;
        for (int k = 0; k < 1_000_000; k++) {
            double ax = x * -0.01, ay = y * -0.01;
            vx = vx + ax * 0.1;
            vy = vy + ay * 0.1;
            double x2 = x + vx * 0.1, y2 = y + vy * 0.1;
            double dx = x2 - x, dy = y2 - y;
            path = path + Math.sqrt(dx * dx + dy * dy);
            x = x2;
            y = y2;
        }
        return Math.floor(x * 1_000_000) + Math.floor(y * 1_000_000) + Math.floor(path * 1_000_000);
    }

    public static void main(String[] args) { BenchMain.run(args, vecmath::bench); }
}
