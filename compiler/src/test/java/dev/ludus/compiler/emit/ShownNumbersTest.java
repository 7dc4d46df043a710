package dev.ludus.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code show (x)} and {@code string (x)} of an expression the analysis proves numeric format
 * the double directly (CallGen): the same text as the prelude functions give, which the twin
 * calls through local names (the generic path, a boxed number).
 */
class ShownNumbersTest {
    private static final String HEADER = "let sh = show\nlet st = string\n";
    private static final String TWIN = "let show = show\nlet string = string\n";

    private static final String BODY = """
            fn line (i) -> join (["item ", show (i), ": ", show (mult (i, 3)), " ", string (div (i, 8))])
            fn big (x) -> [show (mult (x, mult (1_000_000_000, 1_000_000_000_000))), show (div (x, 10_000_000)), string (sub (0, x)), show (mult (x, -0))]
            fn odd (x) -> [show (div (1, 3)), show (sqrt (x)), string (div (x, 0.7)), show (round (div (x, 3)))]
            each! (fn (i) -> print! (line (i)), [0, 1, 7, 123456789, -4, 0.5, div (1, 10_000_000), 9_007_199_254_740_993])
            print! (big (3), big (-2.5), odd (2), odd (123_456_789_012))
            print! (loop (0, "") with (i, acc) -> if lt? (i, 5) then recur (inc (i), concat (acc, show (i))) else acc)
            """;

    @Test void numbersShowAsThePreludeShowsThem() throws Exception {
        String out = Programs.sameAsTwin(HEADER + BODY, TWIN + BODY);
        assertTrue(out.startsWith("item 0: 0 0\nitem 1: 3 0.125\nitem 7: 21 0.875\n"), out);
        assertTrue(out.contains("01234"), out);
        List<String> direct = Programs.calls(HEADER + BODY);
        assertTrue(direct.contains("NumberFormat.format"), direct.toString());
        assertFalse(Programs.calls(TWIN + BODY).contains("NumberFormat.format"), "the twin shows through the prelude's functions");
    }

    @Test void nonNumbersStillGoThroughShow() throws Exception {
        String body = "fn f (x) -> [show (x), string (x)]\nprint! (f (1), f (\"a\"), f (:k), f ([1, 2]))\n";
        String out = Programs.sameAsTwin(HEADER + body, TWIN + body);
        assertTrue(out.startsWith("[\"1\", \"1\"] [\"\"a\"\", \"a\"] [\":k\", \":k\"] [\"[1, 2]\", \"[1, 2]\"]\n"), out);
    }
}
