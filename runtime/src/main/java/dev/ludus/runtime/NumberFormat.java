package dev.ludus.runtime;

import java.math.BigInteger;

/**
 * Prints doubles exactly as JavaScript's {@code Number.prototype.toString()} (spec §9.3).
 *
 * <p>The shortest round-trip digits are computed with Raffaello Giulietti's Schubfach
 * algorithm (the algorithm behind {@code Double.toString} since JDK 19), adapted to the
 * ECMAScript rule: JavaScript allows a single significant digit (Java insists on two), so the
 * "one digit shorter" candidate is tried whenever the scaled significand has two or more
 * digits. The 617-entry table of 126-bit powers of ten is computed exactly with BigInteger
 * the first time a non-integral number is formatted. Integral values of magnitude below 2^53
 * take a direct fast path.
 */
public final class NumberFormat {
    private NumberFormat() {}

    private static final int P = 53;                       // precision
    private static final int Q_MIN = -1074;                // min exponent of the unit in the last place
    private static final long C_MIN = 1L << (P - 1);
    private static final int BQ_MASK = 0x7ff;
    private static final long T_MASK = (1L << (P - 1)) - 1;
    private static final long MASK_63 = (1L << 63) - 1;
    private static final int K_MIN = -324;
    private static final int K_MAX = 292;

    /**
     * g(k) = floor(10^-k * 2^-r) + 1 with 2^125 <= that < 2^126, split in 63-bit halves. Built
     * on first use: integral numbers never need it, and computing it with BigInteger takes
     * ~15 ms while a program starts (interpreted), so "hello world" should not pay for it.
     */
    private static final class Table {
        static final long[] G = new long[2 * (K_MAX - K_MIN + 1)];

        static {
            BigInteger mask63 = BigInteger.ONE.shiftLeft(63).subtract(BigInteger.ONE);
            for (int k = K_MIN; k <= K_MAX; k++) {
                int e = -k;                       // we want 10^e
                int r = flog2pow10(e) - 125;      // 10^e = beta 2^r, 2^125 <= beta < 2^126
                BigInteger g;
                if (e >= 0) {
                    BigInteger p = BigInteger.TEN.pow(e);
                    g = r >= 0 ? p.shiftRight(r) : p.shiftLeft(-r);
                } else {
                    // beta = 2^-r / 10^-e
                    g = BigInteger.ONE.shiftLeft(-r).divide(BigInteger.TEN.pow(-e));
                }
                g = g.add(BigInteger.ONE);
                int i = 2 * (k - K_MIN);
                G[i] = g.shiftRight(63).longValue();
                G[i + 1] = g.and(mask63).longValue();
            }
        }
    }

    static int flog10pow2(int e) { return (int) (e * 661_971_961_083L >> 41); }
    static int flog10threeQuartersPow2(int e) { return (int) (e * 661_971_961_083L + -274_743_187_321L >> 41); }
    static int flog2pow10(int e) { return (int) (e * 913_124_641_741L >> 38); }

    /** The JavaScript string for d. */
    public static String format(double d) {
        // Fast path: integral values of magnitude < 2^53 ("4", "-17", "1000000").
        if (d == (long) d && d < 9.007199254740992E15 && d > -9.007199254740992E15) {
            long l = (long) d;
            return l == 0 ? "0" : Long.toString(l);
        }
        StringBuilder sb = new StringBuilder(24);
        appendSlow(sb, d);
        return sb.toString();
    }

    /** Appends the JavaScript string for d to sb. */
    public static StringBuilder append(StringBuilder sb, double d) {
        if (d == (long) d && d < 9.007199254740992E15 && d > -9.007199254740992E15) {
            long l = (long) d;
            return sb.append(l);   // -0.0 casts to 0
        }
        appendSlow(sb, d);
        return sb;
    }

    private static void appendSlow(StringBuilder sb, double v) {
        long bits = Double.doubleToRawLongBits(v);
        long t = bits & T_MASK;
        int bq = (int) (bits >>> (P - 1)) & BQ_MASK;
        if (bq == BQ_MASK) {
            if (t != 0) sb.append("NaN");
            else sb.append(bits < 0 ? "-Infinity" : "Infinity");
            return;
        }
        if (bits < 0) sb.append('-');
        if (bq != 0) {
            int mq = -Q_MIN + 1 - bq;
            long c = C_MIN | t;
            if (0 < mq && mq < P) {
                long f = c >> mq;
                if (f << mq == c) {
                    digits(sb, f, 0);
                    return;
                }
            }
            toDecimal(sb, -mq, c);
            return;
        }
        if (t == 0) { sb.append('0'); return; }
        if (t == 1) { sb.append("5e-324"); return; }
        if (t == 2) { sb.append("1e-323"); return; }
        toDecimal(sb, Q_MIN, t);
    }

    private static void toDecimal(StringBuilder sb, int q, long c) {
        int out = (int) c & 0x1;
        long cb = c << 2;
        long cbr = cb + 2;
        long cbl;
        int k;
        if (c != C_MIN | q == Q_MIN) {
            cbl = cb - 2;
            k = flog10pow2(q);
        } else {
            cbl = cb - 1;
            k = flog10threeQuartersPow2(q);
        }
        int h = q + flog2pow10(-k) + 2;
        int gi = 2 * (k - K_MIN);    // the table entry for k holds g for 10^-k
        long[] table = Table.G;
        long g1 = table[gi];
        long g0 = table[gi + 1];

        long vb = rop(g1, g0, cb << h);
        long vbl = rop(g1, g0, cbl << h);
        long vbr = rop(g1, g0, cbr << h);

        long s = vb >> 2;
        if (s >= 10) {
            // One digit shorter: s' = floor(s / 10); JavaScript allows a single digit, so this is
            // tried from two digits up (Java's Double.toString only from three).
            long sp10 = 10 * Math.multiplyHigh(s, 115_292_150_460_684_698L << 4);
            long tp10 = sp10 + 10;
            boolean upin = vbl + out <= sp10 << 2;
            boolean wpin = (tp10 << 2) + out <= vbr;
            if (upin != wpin) {
                digits(sb, upin ? sp10 : tp10, k);
                return;
            }
        }
        long tt = s + 1;
        boolean uin = vbl + out <= s << 2;
        boolean win = (tt << 2) + out <= vbr;
        if (uin != win) {
            digits(sb, uin ? s : tt, k);
            return;
        }
        long cmp = vb - (s + tt << 1);
        digits(sb, cmp < 0 || cmp == 0 && (s & 0x1) == 0 ? s : tt, k);
    }

    private static long rop(long g1, long g0, long cp) {
        long x1 = Math.multiplyHigh(g0, cp);
        long y0 = g1 * cp;
        long y1 = Math.multiplyHigh(g1, cp);
        long z = (y0 >>> 1) + x1;
        long vbp = y1 + (z >>> 63);
        return vbp | (z & MASK_63) + MASK_63 >>> 63;
    }

    /** Appends the magnitude f * 10^e (f > 0) in JavaScript layout. */
    private static void digits(StringBuilder sb, long f, int e) {
        while (f % 10 == 0) { f /= 10; e++; }
        // digit string of f
        char[] buf = new char[20];
        int pos = 20;
        while (f != 0) { buf[--pos] = (char) ('0' + (int) (f % 10)); f /= 10; }
        int k = 20 - pos;        // number of digits
        int n = k + e;           // value = 0.d1..dk * 10^n
        if (k <= n && n <= 21) {
            sb.append(buf, pos, k);
            for (int i = k; i < n; i++) sb.append('0');
        } else if (0 < n && n <= 21) {
            sb.append(buf, pos, n).append('.').append(buf, pos + n, k - n);
        } else if (-6 < n && n <= 0) {
            sb.append("0.");
            for (int i = n; i < 0; i++) sb.append('0');
            sb.append(buf, pos, k);
        } else {
            sb.append(buf[pos]);
            if (k > 1) sb.append('.').append(buf, pos + 1, k - 1);
            sb.append('e').append(n - 1 >= 0 ? '+' : '-').append(Math.abs(n - 1));
        }
    }
}
