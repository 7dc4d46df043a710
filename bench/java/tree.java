/** A persistent (path-copying) unbalanced binary search tree: 100,000 inserts, 100,000 lookups. */
public final class tree {
    /** An immutable node; null is the empty tree. */
    static final class Node {
        final Node left, right;
        final double key, value;

        Node(Node left, double key, double value, Node right) {
            this.left = left;
            this.key = key;
            this.value = value;
            this.right = right;
        }
    }

    static Node insert(Node t, double k, double v) {
        if (t == null) return new Node(null, k, v, null);
        if (k < t.key) return new Node(insert(t.left, k, v), t.key, t.value, t.right);
        if (k > t.key) return new Node(t.left, t.key, t.value, insert(t.right, k, v));
        return new Node(t.left, k, v, t.right);
    }

    /** The value at k, or NaN when absent. */
    static double lookup(Node t, double k) {
        while (t != null) {
            if (k < t.key) t = t.left;
            else if (k > t.key) t = t.right;
            else return t.value;
        }
        return Double.NaN;
    }

    static double bench() {
        Node t = null;
        double seed = 1;
        for (double i = 0; i < 100_000; i++) {
            seed = BenchMain.mod(seed * 16807, 2147483647);
            t = insert(t, BenchMain.mod(seed, 1_000_000), i);
        }
        double acc = 0;
        seed = 2;
        for (int i = 0; i < 100_000; i++) {
            seed = BenchMain.mod(seed * 16807, 2147483647);
            double v = lookup(t, BenchMain.mod(seed, 1_000_000));
            if (!Double.isNaN(v)) acc += v + 1;
        }
        return acc;
    }

    public static void main(String[] args) { BenchMain.run(args, tree::bench); }
}
