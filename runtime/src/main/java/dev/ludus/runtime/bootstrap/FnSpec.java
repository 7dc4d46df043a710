package dev.ludus.runtime.bootstrap;

/**
 * What the compiler tells {@link Bootstraps#fnCode} about a compiled function, packed into the
 * one string argument of its constant (see Bootstraps): name, doc ("" for none), clause patterns joined
 * by '\n', source file, line, the mask of direct entries (bit k: an entry for k arguments) and
 * the base name of the entry methods ({@code <base>$<k>}, {@code <base>$v}). Each field is
 * written as its length, ':' and its text, so any text (doc strings included) round-trips.
 */
public record FnSpec(String name, String doc, String patterns, String file, int line, int directMask, String baseName) {

    public static String encode(String name, String doc, String patterns, String file, int line, int directMask,
                                String baseName) {
        StringBuilder sb = new StringBuilder();
        for (String f : new String[] {name, doc, patterns, file, Integer.toString(line), Integer.toString(directMask), baseName}) {
            sb.append(f.length()).append(':').append(f);
        }
        return sb.toString();
    }

    public static FnSpec decode(String spec) {
        String[] f = new String[7];
        int at = 0;
        for (int i = 0; i < f.length; i++) {
            int colon = spec.indexOf(':', at);
            if (colon < 0) throw new IllegalArgumentException("malformed fn spec: " + spec);
            int len = Integer.parseInt(spec, at, colon, 10);
            f[i] = spec.substring(colon + 1, colon + 1 + len);
            at = colon + 1 + len;
        }
        if (at != spec.length()) throw new IllegalArgumentException("malformed fn spec: " + spec);
        return new FnSpec(f[0], f[1], f[2], f[3], Integer.parseInt(f[4]), Integer.parseInt(f[5]), f[6]);
    }
}
