/** Naive doubly recursive Fibonacci on doubles. */
public final class fib {
    static double fib(double n) {
        return n < 2 ? n : fib(n - 1) + fib(n - 2);
    }

    static double bench() { return fib(30); }

    public static void main(String[] args) { BenchMain.run(args, fib::bench); }
}
