package dev.ludus.runtime.prelude;

import static org.junit.jupiter.api.Assertions.*;

import dev.ludus.runtime.collection.LList;
import dev.ludus.runtime.value.Keyword;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** SmallJoins.parts (the compiler's join of a list literal) and Colls.join agree with String.join, cold and hot. */
class SmallJoinsTest {
    private static String parts(String sep, Object... p) {
        return switch (p.length) {
            case 2 -> SmallJoins.parts(sep, p[0], p[1]);
            case 3 -> SmallJoins.parts(sep, p[0], p[1], p[2]);
            case 4 -> SmallJoins.parts(sep, p[0], p[1], p[2], p[3]);
            case 5 -> SmallJoins.parts(sep, p[0], p[1], p[2], p[3], p[4]);
            case 6 -> SmallJoins.parts(sep, p[0], p[1], p[2], p[3], p[4], p[5]);
            default -> throw new IllegalArgumentException();
        };
    }

    @Test
    void partsJoinStringsAndRefuseOtherValues() {
        Random r = new Random(5);
        String[] pool = {"", "a", "item ", "é", "日本", "\uD83D\uDE00", "12345678901234567890", "\n"};
        // the first SmallJoins.HOT calls take the cold (builder) path, the rest the concatenation handles
        for (int t = 0; t < 3 * SmallJoins.HOT; t++) {
            int n = 2 + r.nextInt(5);
            Object[] p = new Object[n];
            List<String> s = new ArrayList<>();
            for (int i = 0; i < n; i++) { p[i] = pool[r.nextInt(pool.length)]; s.add((String) p[i]); }
            String sep = r.nextBoolean() ? "" : pool[r.nextInt(pool.length)];
            assertEquals(String.join(sep, s), parts(sep, p));
            assertEquals(String.join(sep, s), Colls.join(LList.of(p), sep));
            int bad = r.nextInt(n);
            p[bad] = r.nextBoolean() ? (Object) 1.0 : Keyword.of("k");
            assertNull(parts(sep, p), "element " + bad + " is not a string");
        }
    }
}
