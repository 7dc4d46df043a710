package dev.ludus.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code show (x)} and {@code string (x)} of an expression the analysis proves numeric format
 * the double directly (CallGen), and {@code string (a, b, ...)} concatenates the print forms
 * without the prelude's array (JoinGen.emitString): the same text as the prelude functions give,
 * which the twin calls through local names (the generic path).
 */
class StringFormsTest {
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

    @Test void stringOfSeveralValuesIsThePreludesConcatenation() throws Exception {
        String body = """
                fn f (x, y) -> string ("a", x, :k, y, [1, "s"], mult (y, 2))
                print! (f ("str", 1.5), f (nil, 0), f (#{:a 1}, -0), f ((1, "t"), div (1, 3)))
                print! (string (1, 2), string ("x", "y", "z", "w", "v", "u"), string (true, (1, "t")), string ("", ""))
                let g = fn (z) -> string (z, z)
                print! (g (g ("q")), string (g (1), 2, "three"))
                print! (loop (0, "") with (i, acc) -> if lt? (i, 4) then recur (inc (i), string (acc, i, ",")) else acc)
                print! (string (1, 2, 3, 4, 5, 6, 7), string ({ print! (:first); 1 }, { print! (:second); 2 }))
                """;
        String out = Programs.sameAsTwin(HEADER + body, TWIN + body);
        assertTrue(out.startsWith("astr:k1.5[1, \"s\"]3 anil:k0[1, \"s\"]0 a#{:a 1}:k0[1, \"s\"]0 a(1, \"t\"):k0.3333333333333333[1, \"s\"]0.6666666666666666\n"
                + "12 xyzwvu true(1, \"t\") \nqqqq 112three\n0,1,2,3,\n:first\n:second\n1234567 12\n"), out);
        List<String> direct = Programs.calls(HEADER + body);
        assertTrue(direct.contains("Values.printForm") && direct.contains("SmallJoins.literal"), direct.toString());
        assertFalse(Programs.calls(TWIN + body).contains("Values.printForm"), "the twin calls the prelude's string");
    }
}
