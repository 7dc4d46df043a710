package dev.ludus.runtime.diag;

/**
 * "Did you mean ...?" for a near-miss name: the closest candidate by edit distance (optimal
 * string alignment: insertions, deletions, substitutions and swaps of neighbours), if it is close
 * enough to be a plausible typo. Used for unbound names (compiler) and missing ns members (runtime).
 */
public final class Suggest {
    private Suggest() {}

    /**
     * The candidate closest to {@code wrong}, or null if none is close. Candidates are tried in
     * order; on a tie the earlier one wins (callers list the innermost scope first).
     */
    public static String closest(String wrong, Iterable<String> candidates) {
        int limit = maxDistance(wrong);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            if (c == null || c.equals(wrong)) continue;
            // a missing or extra final ? or ! (eq / eq?, print / print!) is the likeliest slip of all
            int d = c.equalsIgnoreCase(wrong) || unmarked(c).equals(unmarked(wrong)) ? 0
                    : Math.abs(c.length() - wrong.length()) > limit ? limit + 1 : distance(wrong, c, limit);
            if (d <= limit && d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return best;
    }

    private static String unmarked(String s) {
        return s.endsWith("?") || s.endsWith("!") ? s.substring(0, s.length() - 1) : s;
    }

    /** How many edits still count as a typo: 1 for short names, up to 3 for long ones. */
    static int maxDistance(String s) {
        int n = s.length();
        return n <= 2 ? 0 : n <= 4 ? 1 : n <= 8 ? 2 : 3;
    }

    /** Optimal string alignment distance, or {@code limit + 1} once it must exceed {@code limit}. */
    public static int distance(String a, String b, int limit) {
        int n = a.length(), m = b.length();
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) d[i][0] = i;
        for (int j = 0; j <= m; j++) d[0][j] = j;
        for (int i = 1; i <= n; i++) {
            int rowMin = Integer.MAX_VALUE;
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > limit) return limit + 1;
        }
        return d[n][m];
    }
}
