package dev.ludus.runtime.diag;

/**
 * The names of the JVM methods the compiler generates for Ludus code, and how a call trace
 * reads them back (spec §10.1 asks for a Ludus-level trace on stderr, never a Java one):
 * <ul>
 *   <li>{@code fn$<id>$<name>$<arity>} and {@code fn$<id>$<name>$v}: the body of a function
 *       (an empty name for a lambda). The Ludus name is kept readable: JVM method names may
 *       contain {@code ? ! *} but not {@code /}, which becomes {@code $} (Ludus words never
 *       contain {@code $}, so the first and last {@code $} after the id delimit the name);</li>
 *   <li>{@code $body<k>}: a chunk of a module's toplevel code;</li>
 *   <li>{@code $test<k>}: the body of a {@code test} form;</li>
 *   <li>{@code pipe$<n>$<stage>}: a fused pipeline (not a call of its own), named after the
 *       prelude function of its first stage, which a trace reads as if that function ran;
 *       {@code pipe$<n>$<stage>$e}: the part of it that runs the stages on a chunk of the
 *       elements, read the same (part of that same run of the stage's function).</li>
 * </ul>
 * Both the compiler (naming) and the runtime (reading) use this class, so they cannot drift apart.
 */
public final class FrameNames {
    private FrameNames() {}

    /** The method name prefix shared by a function's entries: {@code fn$<id>$<name>} (name null: a lambda). */
    public static String fnBase(int id, String ludusName) {
        return "fn$" + id + "$" + (ludusName == null ? "" : ludusName.replace('/', '$'));
    }

    /** What a generated method is, for a call trace. */
    public enum Kind { FN, LAMBDA, TOPLEVEL, TEST }

    /** A generated method read back: its kind and, for FN, the Ludus function name. */
    public record Decoded(Kind kind, String name) {}

    /** The generated method {@code method}, or null for anything else (Java code, $run, main). */
    public static Decoded decode(String method) {
        method = unsplit(method);
        if (method.startsWith("fn$")) {
            int idEnd = method.indexOf('$', 3);
            int last = method.lastIndexOf('$');
            if (idEnd < 0 || last <= idEnd || !digits(method, 3, idEnd)) return null;
            String arity = method.substring(last + 1);
            // "<n>": the entry for n arguments, "<n>d": the same taking them as doubles, "v": any
            // count, "<n>t": the bridge of a self tail call from a typed entry to "<n>" (tailBridge)
            boolean suffixed = (arity.endsWith("d") || arity.endsWith("t")) && digits(arity, 0, arity.length() - 1);
            if (!arity.equals("v") && !suffixed && !digits(arity, 0, arity.length())) return null;
            String name = method.substring(idEnd + 1, last).replace('$', '/');
            return name.isEmpty() ? new Decoded(Kind.LAMBDA, null) : new Decoded(Kind.FN, name);
        }
        if (method.startsWith("$body") && digits(method, 5, method.length())) return new Decoded(Kind.TOPLEVEL, null);
        if (method.startsWith("$test") && digits(method, 5, method.length())) return new Decoded(Kind.TEST, null);
        return null;
    }

    /** The method of fused pipeline n whose first stage calls the prelude function firstStage (map, filter, fold). */
    public static String pipe(int n, String firstStage) {
        return "pipe$" + n + "$" + firstStage;
    }

    /** Ends the name of the method that runs a fused pipeline's stages on a chunk of its elements. */
    private static final String ELEMENT = "$e";

    /**
     * The method that runs the stages of fused pipeline {@code pipe} (a {@link #pipe} name) on a
     * chunk of elements (a leaf of the list, or a few numbers of a range): the pipeline's method
     * calls it per chunk, so that HotSpot compiles the stages whole within the first call,
     * rather than only the running loop on the stack (OSR), which every later call of a
     * pipeline entered once per run would reach only after thousands of elements.
     */
    public static String pipeElement(String pipe) {
        return pipe + ELEMENT;
    }

    /**
     * The prelude function a fused pipeline's method (or its element method's, {@link #pipeElement}) stands
     * for, or null if method is not one: unfused, its first stage (the only one whose panic the
     * fused loop reports: it reruns the stages unfused for any later one) runs inside that
     * function's Java method.
     */
    public static String pipeStage(String method) {
        if (!method.startsWith("pipe$")) return null;
        if (method.endsWith(ELEMENT)) method = method.substring(0, method.length() - ELEMENT.length());
        int last = method.lastIndexOf('$');
        return last > 5 && digits(method, 5, last) && last + 1 < method.length() ? method.substring(last + 1) : null;
    }

    /**
     * Marks a method that the compiler split off a large one (issue 12): {@code <method>_s<n>}
     * is read as its method.
     */
    public static final String SPLIT = "_s";

    /** The method that {@code method} was split off (itself if it was not). */
    public static String unsplit(String method) {
        int at = method.lastIndexOf(SPLIT);
        return at > 0 && digits(method, at + SPLIT.length(), method.length()) ? method.substring(0, at) : method;
    }

    /**
     * Whether the JVM frame running {@code inner} is part of the same Ludus call as the frame
     * just outside it, running {@code outer} at {@code outerLine} (negative: no line), both of
     * one function: a method split off it (the splitter numbers parts after the method that
     * calls them, and a call of the function always enters an unsplit entry), the numeric
     * entry that the usual entry hands numbers to before any of its own code has run, or a self
     * tail call's bridge back from a typed entry to the usual one ({@link #tailBridge}).
     */
    public static boolean partOfCall(String inner, String outer, int outerLine) {
        int si = splitIndex(inner), so = splitIndex(outer);
        if (si > so) return true;
        if (outer.equals(tailBridge(inner))) return true; // the bridge calling the usual entry
        if (inner.endsWith("t")) {
            // a typed entry (or a part of it) leaving its numbers in a self tail call, through the bridge
            String usual = inner.substring(0, inner.length() - 1), from = unsplit(outer);
            return from.equals(usual) || from.equals(usual + "d");
        }
        return si == 0 && so == 0 && outerLine < 0 && inner.equals(outer + "d");
    }

    /**
     * The method through which a function's typed entry (numeric entry, or typed copy) makes a
     * self tail call through its usual entry {@code usualEntry} when its arguments stop being
     * numbers: the same call, as a jump is in the unoptimised build.
     */
    public static String tailBridge(String usualEntry) {
        return usualEntry + "t";
    }

    /** n for a method split off another ({@code <method>_s<n>}), 0 otherwise. */
    static int splitIndex(String method) {
        int at = method.lastIndexOf(SPLIT);
        if (at <= 0 || !digits(method, at + SPLIT.length(), method.length())) return 0;
        String n = method.substring(at + SPLIT.length());
        return n.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(n) + 1;
    }

    private static boolean digits(String s, int from, int to) {
        if (from >= to) return false;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return false;
        }
        return true;
    }
}
