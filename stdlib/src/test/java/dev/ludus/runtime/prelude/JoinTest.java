package dev.ludus.runtime.prelude;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ludus.runtime.collection.LList;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * join takes three routes by list length (the element itself, SmallJoins up to
 * {@link SmallJoins#MAX} parts (a builder while cold, concatenation handles once hot), a
 * pre-sized builder beyond): each must give
 * exactly what joining one part at a time gives, and reject a non-string anywhere.
 */
class JoinTest extends PreludeTestSupport {
    private static final String[] SEPARATORS = {"", "-", ", ", "\n", "→ ", "日本"};

    private static String reference(List<String> parts, String sep) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) sb.append(sep);
            sb.append(parts.get(i));
        }
        return sb.toString();
    }

    private static LList listOf(List<?> xs) {
        LList.Builder b = LList.builder();
        for (Object x : xs) b.add(x);
        return b.build();
    }

    private static void check(List<String> parts) {
        LList l = listOf(parts);
        assertEquals(reference(parts, ""), Colls.join(l), () -> "join of " + parts.size());
        for (String sep : SEPARATORS) {
            assertEquals(reference(parts, sep), Colls.join(l, sep), () -> "join of " + parts.size() + " with '" + sep + "'");
        }
    }

    @Test void everySizeAroundTheRoutesAndLeafBoundaries() {
        Random r = new Random(7);
        String[] pool = {"", "a", "item ", "12", ": ", "é", "日本語", "\uD83D\uDE00", "x".repeat(40)};
        for (int n : new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 16, 17, 31, 32, 33, 64, 1023, 1024, 1025, 5000}) {
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < n; i++) parts.add(pool[r.nextInt(pool.length)]);
            check(parts);
        }
    }

    @Test void shortJoinsGiveTheSameTextBeforeAndAfterTheyTurnHot() {
        // the first short joins use String.join, later ones (once joins are hot) the concatenation handles
        Random r = new Random(11);
        String[] pool = {"", "a", "item ", "12", "é", "日本語", "\uD83D\uDE00"};
        for (int k = 0; k < 8000; k++) {
            if (k == 4000) SmallJoins.makeHot();
            List<String> parts = new ArrayList<>();
            for (int i = 2 + k % (SmallJoins.MAX - 1); i > 0; i--) parts.add(pool[r.nextInt(pool.length)]);
            LList l = listOf(parts);
            String sep = SEPARATORS[k % SEPARATORS.length];
            assertEquals(reference(parts, sep), Colls.join(l, sep));
        }
    }

    @Test void shortSlicesOfLongListsIncludingOnesStraddlingALeaf() {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < 100; i++) parts.add("p" + i);
        LList l = listOf(parts);
        for (int from = 25; from < 40; from++) {
            for (int len = 0; len <= SmallJoins.MAX + 1; len++) {
                List<String> sub = parts.subList(from, from + len);
                LList s = l.slice(from, from + len);
                assertEquals(reference(sub, ""), Colls.join(s));
                assertEquals(reference(sub, ", "), Colls.join(s, ", "));
            }
        }
        List<Object> mixed = new ArrayList<>(parts);
        mixed.set(31, 5.0);
        LList m = listOf(mixed);
        noMatch("join", m.slice(29, 33), "-");   // straddles the leaf boundary at 32
        noMatch("join", m.slice(31, 33));
    }

    @Test void capacityGuessesThatAreTooSmallOrTooLarge() {
        List<String> shortFirst = new ArrayList<>();
        for (int i = 0; i < 3000; i++) shortFirst.add(i < 16 ? "a" : "long part number " + i);
        check(shortFirst);
        List<String> longFirst = new ArrayList<>();
        for (int i = 0; i < 3000; i++) longFirst.add(i < 16 ? "y".repeat(5000) : "");
        check(longFirst);
    }

    @Test void aNonStringAnywhereIsNoMatch() {
        for (int n = 1; n <= 10; n++) {
            for (int bad = 0; bad < n; bad++) {
                Object[] xs = new Object[n];
                for (int i = 0; i < n; i++) xs[i] = i == bad ? (Object) 1.0 : "s" + i;
                LList l = LList.of(xs);
                noMatch("join", l);
                noMatch("join", l, "-");
            }
        }
        List<Object> big = new ArrayList<>();
        for (int i = 0; i < 2000; i++) big.add(i == 1500 ? (Object) kw("k") : "s");
        noMatch("join", listOf(big), ", ");
    }
}
