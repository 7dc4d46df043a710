package dev.ludus.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NumberFormatTest {
    @Test
    void specExamples() {
        String[][] cases = {
            {"4", "4.0"}, {"0.30000000000000004", String.valueOf(0.1 + 0.2)},
            {"0.6666666666666666", String.valueOf(2.0 / 3)}, {"6.123233995736766e-17", String.valueOf(Math.cos(Math.PI / 2))},
            {"1e+24", String.valueOf(1e12 * 1e12)}, {"1e+21", "1e21"}, {"1e-7", "1e-7"}, {"0.000001", "1e-6"},
            {"1.2345678901234568e+29", "1.2345678901234568e29"}, {"123456789012345680000", "123456789012345680000"},
            {"1000000", "1e6"}, {"100000000000000000000", "1e20"}, {"2.5", "2.5"}, {"1000.0001", "1000.0001"},
            {"0.25", "0.25"}, {"3.3333333333333335e-7", "3.3333333333333335e-7"}, {"5e-324", "4.9e-324"},
            {"1.7976931348623157e+308", "1.7976931348623157e308"}, {"1e+23", "1e23"}, {"2e+23", "2e23"},
            {"-1.5", "-1.5"}, {"-1e-7", "-1e-7"}, {"9007199254740992", "9007199254740992"},
        };
        for (String[] c : cases) assertEquals(c[0], NumberFormat.format(Double.parseDouble(c[1])), c[1]);
        assertEquals("NaN", NumberFormat.format(Double.NaN));
        assertEquals("Infinity", NumberFormat.format(Double.POSITIVE_INFINITY));
        assertEquals("-Infinity", NumberFormat.format(Double.NEGATIVE_INFINITY));
        assertEquals("0", NumberFormat.format(0.0));
        assertEquals("0", NumberFormat.format(-0.0));
        assertEquals("x0", NumberFormat.append(new StringBuilder("x"), -0.0).toString());
        assertEquals("x4", NumberFormat.append(new StringBuilder("x"), 4).toString());
    }

    /**
     * js-numbers.txt holds "bits String(x)" pairs produced by JavaScript itself: it was generated
     * with {@code node gen-js-numbers.js > js-numbers.txt} (node v20; the script is next to it in
     * src/test/resources/dev/ludus/runtime): ~2,000 edge cases (powers of two and ten,
     * subnormals, boundaries of the decimal/exponent layouts) and 12,000 seeded random doubles.
     */
    @Test
    void matchesJavaScriptOnGeneratedCorpus() throws Exception {
        int n = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                NumberFormatTest.class.getResourceAsStream("js-numbers.txt"), StandardCharsets.US_ASCII))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isEmpty() || line.startsWith("#")) continue;
                int sp = line.indexOf(' ');
                double d = Double.longBitsToDouble(Long.parseUnsignedLong(line.substring(0, sp), 16));
                assertEquals(line.substring(sp + 1), NumberFormat.format(d), line.substring(0, sp));
                n++;
            }
        }
        assertEquals(true, n > 18000);
    }

    @Test
    void roundTripsAndIsShortOnRandomBits() {
        Random rnd = new Random(42);
        for (int i = 0; i < 200_000; i++) {
            double d = Double.longBitsToDouble(rnd.nextLong());
            if (Double.isNaN(d) || Double.isInfinite(d)) continue;
            String s = NumberFormat.format(d);
            assertEquals(d == 0 ? 0.0 : d, Double.parseDouble(s), s);
        }
    }

    @Test
    void integralFastPath() {
        for (long i = -100_000; i <= 100_000; i += 7) assertEquals(Long.toString(i), NumberFormat.format(i));
        assertEquals("9007199254740991", NumberFormat.format(9007199254740991.0));
        assertEquals("-9007199254740991", NumberFormat.format(-9007199254740991.0));
    }
}
