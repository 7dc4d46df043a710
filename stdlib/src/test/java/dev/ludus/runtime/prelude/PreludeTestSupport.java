package dev.ludus.runtime.prelude;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ludus.runtime.LudusPanic;
import dev.ludus.runtime.Values;
import dev.ludus.runtime.collection.LDict;
import dev.ludus.runtime.collection.LList;
import dev.ludus.runtime.collection.LSet;
import dev.ludus.runtime.value.Keyword;
import dev.ludus.runtime.value.LFn;
import dev.ludus.runtime.value.Nil;
import dev.ludus.runtime.value.Tuple;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Helpers: build Ludus values from Java literals (ints become doubles) and call prelude fns. */
abstract class PreludeTestSupport {
    static final Object NIL = Nil.NIL;
    protected ByteArrayOutputStream captured;
    private java.io.PrintStream saved;

    @BeforeEach
    void captureConsole() {
        saved = Console.out;
        captured = new ByteArrayOutputStream();
        Console.out = new PrintStream(captured, true, StandardCharsets.UTF_8);
        Prelude.resetState(42);
    }

    @AfterEach
    void restoreConsole() { Console.out = saved; }

    String output() { return captured.toString(StandardCharsets.UTF_8); }

    /** Java value to Ludus value: Integer/Long to Double, null to nil. */
    static Object v(Object o) {
        if (o == null) return NIL;
        if (o instanceof Integer i) return (double) i;
        if (o instanceof Long l) return (double) l;
        return o;
    }

    static Object[] vs(Object... os) {
        Object[] r = new Object[os.length];
        for (int i = 0; i < os.length; i++) r[i] = v(os[i]);
        return r;
    }

    static Keyword kw(String name) { return Keyword.of(name); }
    static Tuple tup(Object... xs) { return Tuple.of(vs(xs)); }
    static LList list(Object... xs) { return xs.length == 0 ? LList.EMPTY : LList.of(vs(xs)); }

    static LSet set(Object... xs) {
        LSet.Builder b = LSet.builder();
        for (Object x : vs(xs)) b.add(x);
        return b.build();
    }

    /** dict(kw1, v1, kw2, v2, ...) with keys given as names. */
    static LDict dict(Object... kvs) {
        LDict.Builder b = LDict.builder();
        for (int i = 0; i < kvs.length; i += 2) b.put(kw((String) kvs[i]), v(kvs[i + 1]));
        return b.build();
    }

    static Object fn(String name) {
        Object f = Prelude.get(name);
        if (f == null) throw new AssertionError("unbound prelude name " + name);
        return f;
    }

    static Object call(String name, Object... args) { return ((LFn) fn(name)).callN(vs(args)); }

    static String show(Object v) { return Values.show(v); }

    /** Asserts that name(args) shows as expected. */
    static void is(String expected, String name, Object... args) {
        assertEquals(expected, show(call(name, args)), () -> name + " " + show(Tuple.of(vs(args))));
    }

    static LudusPanic panics(String message, String name, Object... args) {
        LudusPanic p = assertThrows(LudusPanic.class, () -> call(name, args));
        assertEquals(message, p.getMessage());
        return p;
    }

    /** The standard "no match" panic of a prelude function. */
    static void noMatch(String name, Object... args) {
        panics("Match Error: No match found for " + show(Tuple.of(vs(args))) + " in function " + name, name, args);
    }
}
