package dev.ludus.runtime.prelude;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The prelude scope: every prelude name bound to its value (prelude.md §13). This is the
 * single source of prelude names for the compiler's resolver.
 *
 * <p>{@link #names()} does not build any value; the values are built on the first
 * {@link #get} (or {@link #bindings()}). Aliases are bound to the very same object as their
 * target ({@code fd!} is {@code forward!}). Mutable prelude state lives in refs that stay
 * bound for the life of the JVM; {@link #resetState} resets their contents.
 */
public final class Prelude {
    private Prelude() {}

    private static final String NAMES = """
        abs add and angle append assert! assoc assoc? at atan/2 back! background! bg! bgcolor bk!
        bool bool? butlast ceil clear! coll? colors concat console cos count dec deg/rad deg/turn deref
        dict diff dissoc dist div div/0 div/safe doc! each! eq? err err? even? false? fd! first floor
        flush! fn? fold forward! get goto! gt? gte? heading heading/vector home! inc join keys keyword?
        last left! list lt! lt? lte? make! map mod mult neg neg? nil? not odd? ok ok? or ordered? p5_calls
        panic! pc! pd! pencolor pencolor! pendown! pendown? penup! penwidth penwidth! pi pos? position
        print! prn! pu! pw! rad/deg rad/turn random range render_turtle! report! reset_turtle! rest right!
        round rt! second set show sin slice some some? square string string? sub sum_of_squares tan tau
        turn/deg turn/rad turtle_commands turtle_state turtle_states type unwrap! unwrap_or update update!
        values zero?
        dict? filter keep neq? ref? set? tuple?
        empty? has? list? number? rotate sqrt true?
        unbox store! box?
        """;

    private static final Set<String> NAME_SET;
    static {
        Set<String> s = new LinkedHashSet<>();
        for (String n : NAMES.trim().split("\\s+")) s.add(n);
        NAME_SET = Collections.unmodifiableSet(s);
    }

    /** Built on first use, so that names() never depends on the value classes. */
    private static final class Holder {
        static final Map<String, Object> BINDINGS;
        static {
            Map<String, Object> all = new LinkedHashMap<>();
            CoreFns.install(all);
            MathFns.install(all);
            CollFns.install(all);
            Turtle.install(all);
            Map<String, Object> ordered = new LinkedHashMap<>();
            for (String n : NAME_SET) {
                Object v = all.get(n);
                if (v == null) throw new IllegalStateException("prelude name not bound: " + n);
                ordered.put(n, v);
            }
            if (!NAME_SET.containsAll(all.keySet())) {
                Set<String> extra = new LinkedHashSet<>(all.keySet());
                extra.removeAll(NAME_SET);
                throw new IllegalStateException("prelude binds names not in the spec: " + extra);
            }
            BINDINGS = Collections.unmodifiableMap(ordered);
        }
    }

    /** Every prelude name, in a stable order. */
    public static Set<String> names() { return NAME_SET; }

    /** The value bound to a prelude name (null if no such name). */
    public static Object get(String name) { return NAME_SET.contains(name) ? Holder.BINDINGS.get(name) : null; }

    /** Every binding, name → value, in the order of {@link #names()}. */
    public static Map<String, Object> bindings() { return Holder.BINDINGS; }

    /**
     * Resets all mutable prelude state: console to [], the turtle refs and drawing to their
     * initial values, bgcolor to black, and the random generator seeded with {@code seed}.
     * The Ref objects themselves stay the same.
     */
    public static void resetState(long seed) {
        Holder.BINDINGS.size(); // make sure everything is built
        synchronized (CoreFns.CONSOLE) {
            CoreFns.CONSOLE.set(dev.ludus.runtime.collection.LList.EMPTY);
        }
        Turtle.reset();
        MathFns.seed(seed);
    }

    /** Seeds the random generator only (the CLI's --seed). */
    public static void seedRandom(long seed) { MathFns.seed(seed); }
}
