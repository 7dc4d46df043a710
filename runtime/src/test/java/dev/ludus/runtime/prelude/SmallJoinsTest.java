package dev.ludus.runtime.prelude;

import static org.junit.jupiter.api.Assertions.*;

import dev.ludus.runtime.collection.LList;
import dev.ludus.runtime.value.Keyword;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** SmallJoins (parts, plain, and the compiler's join of a list literal) and Colls.join agree with String.join, cold and hot. */
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

    private static String plain(Object... p) {
        return switch (p.length) {
            case 2 -> SmallJoins.plain(p[0], p[1]);
            case 3 -> SmallJoins.plain(p[0], p[1], p[2]);
            case 4 -> SmallJoins.plain(p[0], p[1], p[2], p[3]);
            case 5 -> SmallJoins.plain(p[0], p[1], p[2], p[3], p[4]);
            case 6 -> SmallJoins.plain(p[0], p[1], p[2], p[3], p[4], p[5]);
            default -> throw new IllegalArgumentException();
        };
    }

    @Test
    void partsJoinStringsAndRefuseOtherValues() {
        Random r = new Random(5);
        String[] pool = {"", "a", "item ", "é", "日本", "\uD83D\uDE00", "12345678901234567890", "\n"};
        // the first 4000 calls take the cold path (String.join), the rest the concatenation handles
        for (int t = 0; t < 8000; t++) {
            if (t == 4000) SmallJoins.makeHot();
            int n = 2 + r.nextInt(5);
            Object[] p = new Object[n];
            List<String> s = new ArrayList<>();
            for (int i = 0; i < n; i++) { p[i] = pool[r.nextInt(pool.length)]; s.add((String) p[i]); }
            String sep = r.nextBoolean() ? "" : pool[r.nextInt(pool.length)];
            assertEquals(String.join(sep, s), parts(sep, p));
            assertEquals(String.join(sep, s), Colls.join(LList.of(p), sep));
            assertEquals(String.join("", s), plain(p));
            int bad = r.nextInt(n);
            p[bad] = r.nextBoolean() ? (Object) 1.0 : Keyword.of("k");
            assertNull(parts(sep, p), "element " + bad + " is not a string");
            assertNull(plain(p), "element " + bad + " is not a string");
        }
    }

    @Test
    void literalsJoinLikeJoinOfTheList() {
        Object[][] cases = {{"a", "b"}, {"a", "b", "c"}, {"", "x", "", "y"}, {"1", "2", "3", "4", "5"}, {"p", "q", "r", "s", "t", "u"},
                            {"a", 1.0}, {Keyword.of("k"), "b", "c"}, {"a", "b", "c", "d", "e", LList.EMPTY}};
        for (Object[] p : cases) {
            for (Object sep : new Object[] {null, "", ", ", 2.0}) {
                Object want;
                try {
                    want = sep == null ? Colls.join(LList.of(p)) : Colls.join(LList.of(p), sep);
                } catch (RuntimeException e) {
                    want = e.getMessage();
                }
                Object got;
                try {
                    got = sep == null ? literal(p) : literalWith(p, sep);
                } catch (RuntimeException e) {
                    got = e.getMessage();
                }
                assertEquals(want, got, java.util.Arrays.toString(p) + " sep " + sep);
            }
        }
    }

    @Test
    void concatOfThreeToSixIsConcatOfTheArray() {
        Object[][] cases = {{"a", "b", "c"}, {"", "x", "", "y"}, {"1", "2", "3", "4", "5"}, {"p", "q", "r", "s", "t", "u"},
                            {LList.of(1.0), LList.EMPTY, LList.of(2.0)}, {"a", "b", LList.of(1.0)}, {LList.of(1.0), "b", "c", "d"},
                            {Keyword.of("k"), "b", "c"}, {"a", "b", "c", "d", "e", 2.0}};
        for (boolean hot : new boolean[] {false, true}) {
            if (hot) SmallJoins.makeHot();
            for (Object[] p : cases) {
                Object want;
                try {
                    want = Colls.concat(p.clone());
                } catch (RuntimeException e) {
                    want = e.getMessage();
                }
                Object got;
                try {
                    got = switch (p.length) {
                        case 3 -> SmallJoins.concat(p[0], p[1], p[2]);
                        case 4 -> SmallJoins.concat(p[0], p[1], p[2], p[3]);
                        case 5 -> SmallJoins.concat(p[0], p[1], p[2], p[3], p[4]);
                        default -> SmallJoins.concat(p[0], p[1], p[2], p[3], p[4], p[5]);
                    };
                } catch (RuntimeException e) {
                    got = e.getMessage();
                }
                assertEquals(want, got, java.util.Arrays.toString(p));
            }
        }
    }

    private static Object literal(Object[] p) {
        return switch (p.length) {
            case 2 -> SmallJoins.literal(p[0], p[1]);
            case 3 -> SmallJoins.literal(p[0], p[1], p[2]);
            case 4 -> SmallJoins.literal(p[0], p[1], p[2], p[3]);
            case 5 -> SmallJoins.literal(p[0], p[1], p[2], p[3], p[4]);
            default -> SmallJoins.literal(p[0], p[1], p[2], p[3], p[4], p[5]);
        };
    }

    private static Object literalWith(Object[] p, Object sep) {
        return switch (p.length) {
            case 2 -> SmallJoins.literalWith(p[0], p[1], sep);
            case 3 -> SmallJoins.literalWith(p[0], p[1], p[2], sep);
            case 4 -> SmallJoins.literalWith(p[0], p[1], p[2], p[3], sep);
            case 5 -> SmallJoins.literalWith(p[0], p[1], p[2], p[3], p[4], sep);
            default -> SmallJoins.literalWith(p[0], p[1], p[2], p[3], p[4], p[5], sep);
        };
    }

    @Test
    void longListsJoinLeafByLeaf() {
        Random r = new Random(9);
        for (int n : new int[] {7, 31, 32, 33, 64, 100, 1057, 40_000}) {
            Object[] p = new Object[n];
            for (int i = 0; i < n; i++) p[i] = "s" + r.nextInt(1000);
            LList l = LList.of(p);
            List<String> all = new ArrayList<>();
            for (Object o : p) all.add((String) o);
            assertEquals(String.join("\n", all), Colls.join(l, "\n"));
            assertEquals(String.join("", all), Colls.join(l));
            int from = r.nextInt(n / 2), to = n / 2 + r.nextInt(n - n / 2);   // a slice straddling leaves
            assertEquals(String.join(",", all.subList(from, to)), Colls.join(l.slice(from, to), ","));
            // a non-string anywhere (a number: a double leaf, or boxed in a leaf of strings) is refused
            LList withNumber = l.append(1.0);
            assertThrows(RuntimeException.class, () -> Colls.join(withNumber, ","));
            LList.Builder b = LList.builder();
            for (int i = 0; i < n; i++) b.add(i == n / 2 ? (Object) Keyword.of("k") : p[i]);
            assertThrows(RuntimeException.class, () -> Colls.join(b.build(), ","));
            LList.Builder nums = LList.builder();
            for (int i = 0; i < 40; i++) nums.add((double) i);
            assertThrows(RuntimeException.class, () -> Colls.join(nums.build().concat(l), ","));
        }
    }
}
