import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Word counts: 200,000 words from a 32-word vocabulary counted in a HashMap. */
public final class wordcount {
    static final String[] VOCAB = {"the", "quick", "brown", "fox", "jumps", "over", "lazy", "dog", "a", "turtle",
        "draws", "lines", "in", "ludus", "with", "pattern", "matching", "and", "immutable", "values",
        "lists", "dicts", "sets", "tuples", "keywords", "strings", "numbers", "refs", "loops", "recur",
        "fold", "map"};

    static List<String> words(int n) {
        List<String> ws = new ArrayList<>();
        double seed = 42;
        for (int k = 0; k < n; k++) {
            seed = BenchMain.mod(seed * 16807, 2147483647);
            ws.add(VOCAB[(int) BenchMain.mod(seed, 32)]);
        }
        return ws;
    }

    static double bench() {
        Map<String, Double> counts = new HashMap<>();
        for (String w : words(200_000)) counts.merge(w, 1.0, Double::sum);
        double acc = 0;
        for (int i = 0; i < VOCAB.length; i++) acc += (i + 1) * counts.getOrDefault(VOCAB[i], 0.0);
        return acc;
    }

    public static void main(String[] args) { BenchMain.run(args, wordcount::bench); }
}
