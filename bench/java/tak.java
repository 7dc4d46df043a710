/** Takeuchi's function on doubles. */
public final class tak {
    static double tak(double x, double y, double z) {
        return y < x ? tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y)) : z;
    }

    static double bench() { return tak(18, 12, 6) + tak(24, 16, 8); }

    public static void main(String[] args) { BenchMain.run(args, tak::bench); }
}
