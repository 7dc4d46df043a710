package dev.ludus.runtime.prelude;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The prelude scope (prelude.md §13): the single source of prelude names for the compiler's
 * resolver. It has two halves: host primitives written in Java (defined by CoreFns, MathFns,
 * CollFns, Turtle) and the functions written in Ludus (stdlib/src/main/ludus/prelude.ld, compiled
 * at build time to {@value #STDLIB_CLASS}, whose final pkg lists its exports). The Ludus half is
 * found on the class path at run time; the runtime does not depend on it at build time.
 *
 * <p>Aliases are bound to the very same object as their target ({@code fd!} is
 * {@code forward!}). Mutable prelude state lives in refs that stay bound for the life of the
 * JVM; {@link #resetState} resets their contents.
 */
public final class Prelude {
    private Prelude() {}

    static final String STDLIB_CLASS = "dev.ludus.stdlib.LudusPrelude";

    /**
     * The Java half. Each value is made the first time it is asked for, so a program that uses
     * five builtins loads five small classes instead of building all of them before its first
     * line runs (start-up time of compiled jars). A look-up reads the per-file name lists in
     * order up to the one that has the name, not the set of all names: a compiled program
     * that uses print! loads CoreFns' list only (each class loaded is ~0.3 ms of a jar's start).
     */
    private static final class Builtins {
        private static final Map<String, Object> MADE = new ConcurrentHashMap<>();

        /** The value of a builtin, or null if {@code name} is not one. */
        static Object get(String name) {
            Object v = MADE.get(name);
            return v != null ? v : make(name);
        }

        /** Makes a value once (an alias asks for its target, on this thread, under the same lock). */
        private static synchronized Object make(String name) {
            Object v = MADE.get(name);
            if (v != null) return v;
            if (listed(CoreFns.Names.LIST, name)) v = CoreFns.make(name);
            else if (listed(MathFns.Names.LIST, name)) v = MathFns.make(name);
            else if (listed(CollFns.Names.LIST, name)) v = CollFns.make(name);
            else if (listed(LaterFns.Names.LIST, name)) v = LaterFns.make(name);
            else if (listed(Turtle.Names.LIST, name)) v = Turtle.make(name);
            else if (listed(ProcessFns.Names.LIST, name)) v = ProcessFns.make(name);
            else return null;
            if (v == null) throw new IllegalStateException("builtin listed but not defined: " + name);
            MADE.put(name, v);
            return v;
        }

        private static boolean listed(String[] names, String name) {
            for (String n : names) if (n.equals(name)) return true;
            return false;
        }
    }

    /** Every builtin's name, in the order of the lists (made for the compiler's resolver, not at run time). */
    private static final class BuiltinNames {
        static final Set<String> SET;
        static {
            Set<String> s = new LinkedHashSet<>();
            for (String[] part : new String[][] {CoreFns.Names.LIST, MathFns.Names.LIST, CollFns.Names.LIST, LaterFns.Names.LIST, Turtle.Names.LIST, ProcessFns.Names.LIST}) {
                for (String n : part) {
                    if (!s.add(n)) throw new IllegalStateException("builtin defined twice: " + n);
                }
            }
            SET = Collections.unmodifiableSet(s);
        }
    }

    /** Set by Turtle's initialiser: until then the turtle is in its initial state. */
    static volatile boolean turtleInitialised;

    /** A builtin's value, for the files that define aliases. */
    static Object builtin(String name) { return Builtins.get(name); }

    /** The names the Ludus half exports (read without running it), or none while it is being built. */
    private static final class StdlibNames {
        static final Set<String> SET;
        static {
            Set<String> s = new LinkedHashSet<>();
            if (!Boolean.getBoolean("ludus.prelude.builtinsOnly")) {
                Class<?> c = stdlibClass();
                if (c != null) {
                    try {
                        String exports = (String) c.getField("$exports").get(null);
                        addWords(exports, s);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException("broken Ludus prelude class " + STDLIB_CLASS, e);
                    }
                }
            }
            SET = Collections.unmodifiableSet(s);
        }
    }

    /**
     * Adds the words of {@code text} (separated by the whitespace of regex {@code \s}) to {@code out}:
     * a loop, not {@code split("\\s+")}, whose regex costs every compile ~1.5 ms at start-up.
     */
    static void addWords(String text, Set<String> out) {
        int i = 0, n = text.length();
        while (i < n) {
            while (i < n && isSpace(text.charAt(i))) i++;
            int start = i;
            while (i < n && !isSpace(text.charAt(i))) i++;
            if (i > start) out.add(text.substring(start, i));
        }
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** The Ludus half's values: evaluating its module defines its functions. */
    private static final class Stdlib {
        static final Map<String, Object> MAP;
        static {
            Map<String, Object> m = new LinkedHashMap<>();
            if (!StdlibNames.SET.isEmpty()) {
                try {
                    Object pkg = stdlibClass().getMethod("$run").invoke(null);
                    ((dev.ludus.runtime.value.Ns) pkg).members().forEach(new java.util.function.BiConsumer<>() {
                        @Override
                        public void accept(dev.ludus.runtime.value.Keyword k, Object v) { // not a lambda: start-up (see addWords)
                            m.put(k.name(), v);
                        }
                    });
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot load the Ludus prelude " + STDLIB_CLASS, e);
                }
            }
            MAP = Collections.unmodifiableMap(m);
        }
    }

    private static Class<?> stdlibClass() {
        try {
            return Class.forName(STDLIB_CLASS, true, Prelude.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    private static final class Names {
        static final Set<String> SET;
        static {
            Set<String> s = new LinkedHashSet<>(BuiltinNames.SET);
            for (String n : StdlibNames.SET) {
                if (!s.add(n)) throw new IllegalStateException("prelude name defined twice (Java and Ludus): " + n);
            }
            SET = Collections.unmodifiableSet(s);
        }
    }

    /** Every prelude name, in a stable order (Java half, then Ludus half). */
    public static Set<String> names() { return Names.SET; }

    /** The value bound to a prelude name (null if no such name). */
    public static Object get(String name) {
        Object v = Builtins.get(name);
        return v != null ? v : StdlibNames.SET.contains(name) ? Stdlib.MAP.get(name) : null;
    }

    /** Every binding, name → value, in the order of {@link #names()}. */
    public static Map<String, Object> bindings() {
        Map<String, Object> all = new LinkedHashMap<>();
        for (String n : BuiltinNames.SET) all.put(n, Builtins.get(n));
        all.putAll(Stdlib.MAP);
        return Collections.unmodifiableMap(all);
    }

    /**
     * Resets all mutable prelude state: console to [], the turtle refs and drawing to their
     * initial values, bgcolor to black, and the random generator seeded with {@code seed}.
     * The Ref objects themselves stay the same.
     */
    public static void resetState(long seed) {
        synchronized (CoreFns.CONSOLE) {
            CoreFns.CONSOLE.set(dev.ludus.runtime.collection.LList.EMPTY);
        }
        if (turtleInitialised) Turtle.reset(); // else it is in its initial state: no need to build it now
        MathFns.seed(seed);
    }

    /** Whether any turtle function has run in this JVM (else nothing can have been drawn). */
    public static boolean turtleUsed() { return turtleInitialised; }

    /** Seeds the random generator only (the CLI's --seed). */
    public static void seedRandom(long seed) { MathFns.seed(seed); }
}
