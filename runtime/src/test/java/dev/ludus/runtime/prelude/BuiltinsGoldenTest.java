package dev.ludus.runtime.prelude;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ludus.runtime.LudusPanic;
import dev.ludus.runtime.Values;
import dev.ludus.runtime.collection.LDict;
import dev.ludus.runtime.collection.LList;
import dev.ludus.runtime.value.Keyword;
import dev.ludus.runtime.value.LFn;
import dev.ludus.runtime.value.Nil;
import dev.ludus.runtime.value.Ref;
import dev.ludus.runtime.value.Tuple;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pins the Java half of the prelude: every name in order, what it is bound to (function,
 * alias of an earlier function, or value), each function's name, doc and clause patterns as
 * doc! shows them, and a digest of what each function does when called with 0 to 4 arguments
 * drawn from a fixed set of values (results as shown, panic messages, console and turtle
 * effects). The registry's construction may change (start-up time); none of this may.
 *
 * <p>After an intended change to a builtin, regenerate the golden file with
 * {@code mvn -B -o test -pl runtime -Dtest=BuiltinsGoldenTest -Dludus.golden.write=true}
 * and review the diff: a changed digest names the function whose behaviour changed.
 */
class BuiltinsGoldenTest {
    private static final String GOLDEN = "builtins-golden.txt";

    @Test void registryMatchesGolden() throws Exception {
        String actual = dump();
        if (Boolean.getBoolean("ludus.golden.write")) {
            Path p = Path.of("src/test/resources/dev/ludus/runtime/prelude", GOLDEN);
            Files.createDirectories(p.getParent());
            Files.writeString(p, actual, StandardCharsets.UTF_8);
        }
        String expected;
        try (InputStream in = BuiltinsGoldenTest.class.getResourceAsStream(GOLDEN)) {
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(expected, actual);
    }

    private static String dump() throws NoSuchAlgorithmException {
        StringBuilder sb = new StringBuilder();
        Map<Object, String> firstName = new IdentityHashMap<>();
        PrintStream previous = Console.out;
        Console.out = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        try {
            for (String name : Prelude.names()) {
                Object v = Prelude.get(name);
                sb.append("== ").append(name).append('\n');
                String earlier = firstName.putIfAbsent(v, name);
                if (earlier != null) {
                    sb.append("alias of ").append(earlier).append('\n');
                } else if (v instanceof LFn f) {
                    sb.append("fn ").append(f.name()).append('\n');
                    sb.append("doc ").append(f.doc()).append('\n');
                    for (String p : f.clausePatterns()) sb.append("pattern ").append(p).append('\n');
                    // process functions act on the scheduler (and need Java 21): ProcessesTest covers them
                    if (ProcessFns.isProcessName(name)) sb.append("probe skipped (process function)\n");
                    else sb.append("probe ").append(probeDigest(name)).append('\n');
                } else {
                    // a dict's class is its representation (runtime collection.Rec or MapDict), not what it is bound to
                    String kind = v instanceof dev.ludus.runtime.collection.LDict ? "LDict" : v.getClass().getSimpleName();
                    sb.append("value ").append(kind).append(' ')
                      .append(Values.show(v)).append('\n');
                }
            }
        } finally {
            Console.out = previous;
            Prelude.resetState(0);
        }
        return sb.toString();
    }

    /** Fresh argument values for one call (refs are mutable). */
    private static List<Object> values(boolean small) {
        List<Object> v = new ArrayList<>();
        v.add(2.0);
        v.add("ab");
        v.add(Keyword.of("a"));
        v.add(LList.of(1.0, 2.0, 3.0));
        v.add(Tuple.of(3.0, 4.0));
        v.add(LDict.of(Keyword.of("a"), 1.0));
        v.add(Prelude.get("inc"));
        v.add(Prelude.get("add"));
        if (!small) {
            v.add(0.0);
            v.add(-2.5);
            v.add(Keyword.of("degrees"));
            v.add(Nil.NIL);
            v.add(Boolean.TRUE);
            v.add(LList.EMPTY);
            v.add(Tuple.of(1.0, 2.0, 3.0));
            v.add(new Ref("r", 1.0));
        }
        return v;
    }

    private static String probeDigest(String name) throws NoSuchAlgorithmException {
        StringBuilder t = new StringBuilder();
        call(t, name, new int[0], false);
        int n = values(false).size();
        for (int a = 0; a < n; a++) call(t, name, new int[] {a}, false);
        for (int a = 0; a < n; a++) for (int b = 0; b < n; b++) call(t, name, new int[] {a, b}, false);
        int m = values(true).size();
        for (int a = 0; a < m; a++) {
            for (int b = 0; b < m; b++) for (int c = 0; c < m; c++) call(t, name, new int[] {a, b, c}, true);
        }
        call(t, name, new int[] {0, 0, 0, 0}, true);
        call(t, name, new int[] {1, 1, 1, 1}, true);
        call(t, name, new int[] {3, 4, 0, 5}, true);
        byte[] d = MessageDigest.getInstance("SHA-256").digest(t.toString().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(d, 0, 12);
    }

    private static void call(StringBuilder t, String name, int[] which, boolean small) {
        Prelude.resetState(42);
        LFn f = (LFn) Prelude.get(name);
        List<Object> vals = values(small);
        Object[] args = new Object[which.length];
        for (int i = 0; i < which.length; i++) args[i] = vals.get(which[i]);
        t.append(which.length).append(':');
        for (int i : which) t.append(i).append(',');
        t.append(" -> ");
        try {
            Object r = switch (args.length) {
                case 0 -> f.call0();
                case 1 -> f.call1(args[0]);
                case 2 -> f.call2(args[0], args[1]);
                case 3 -> f.call3(args[0], args[1], args[2]);
                default -> f.callN(args);
            };
            t.append(show(r));
            // the same call through callN must agree with the fixed-arity entry
            Prelude.resetState(42);
            Object again = f.callN(args.clone());
            if (!show(again).equals(show(r))) t.append(" callN differs: ").append(show(again));
        } catch (LudusPanic p) {
            t.append("panic ").append(p.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            t.append("error ").append(e.getClass().getName()).append(' ').append(e.getMessage());
        }
        t.append(" | ").append(show(CoreFns.CONSOLE.get()))
         .append(' ').append(show(Turtle.TURTLE_STATES.get()))
         .append(' ').append(show(Turtle.P5_CALLS.get()))
         .append(' ').append(show(Turtle.BGCOLOR.get()))
         .append('\n');
        for (Object v : vals) if (v instanceof Ref r) t.append("ref ").append(show(r.get())).append('\n');
    }

    /** Shows a value; a ref made to hold itself (make! (r, r)) cannot be shown. */
    private static String show(Object v) {
        try {
            return Values.show(v);
        } catch (StackOverflowError e) {
            return "<cyclic>";
        }
    }
}
