package dev.ludus.runtime.prelude;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ludus.runtime.value.Nil;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** to_number's scanner against the grammar of prelude.md §13, written as a regex here. */
class ToNumberTest {
    /** §13: optional sign, digits with `_` separators, optional `.` and digits, optional exponent. */
    private static final Pattern SPEC = Pattern.compile(
            "[+-]?(?:\\d(?:_?\\d)*(?:\\.(?:\\d(?:_?\\d)*)?)?|\\.\\d(?:_?\\d)*)(?:[eE][+-]?\\d+)?");

    private static Object bySpec(String s) {
        String t = s.strip();
        if (!SPEC.matcher(t).matches()) return Nil.NIL;
        return Double.parseDouble(t.replace("_", ""));
    }

    @Test
    void examplesOfTheSpec() {
        assertEquals(42.0, LaterFns.toNumber(" 42 "));
        assertEquals(-1500.0, LaterFns.toNumber("-1.5e3"));
        assertEquals(Nil.NIL, LaterFns.toNumber("12abc"));
        assertEquals(Nil.NIL, LaterFns.toNumber(""));
        assertEquals(1000000.0, LaterFns.toNumber("1_000_000"));
        assertEquals(0.5, LaterFns.toNumber(".5"));
        assertEquals(1.0, LaterFns.toNumber("1."));
        for (String bad : new String[] {".", "-", "+.", "1__0", "_1", "1_", "1e", "1e+", "e5", ".e5", "1.5.2", "1_.5", "1._5", "0x10", "1d", "Infinity", "NaN", "١٢"}) {
            assertEquals(Nil.NIL, LaterFns.toNumber(bad), bad);
        }
    }

    @Test
    void agreesWithTheGrammarOnRandomStrings() {
        Random r = new Random(7);
        String alphabet = "0123456789_.+-eE x\t";
        for (int k = 0; k < 200_000; k++) {
            int len = r.nextInt(9);
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < len; i++) b.append(alphabet.charAt(r.nextInt(alphabet.length())));
            String s = b.toString();
            assertEquals(bySpec(s), LaterFns.toNumber(s), () -> "\"" + s + "\"");
        }
    }
}
