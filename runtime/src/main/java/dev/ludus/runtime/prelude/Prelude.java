package dev.ludus.runtime.prelude;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The prelude scope: every prelude name bound to its value (prelude.md §13). This map is the
 * single source of prelude names for the compiler's resolver.
 * STUB: the names are listed; values pending implementation.
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

    private static final Map<String, Object> BINDINGS = new LinkedHashMap<>();
    static {
        for (String n : NAMES.trim().split("\\s+")) BINDINGS.put(n, null);
    }

    /** Every prelude name, in a stable order. */
    public static Set<String> names() { return BINDINGS.keySet(); }

    /** The value bound to a prelude name (null if no such name). */
    public static Object get(String name) { return BINDINGS.get(name); }
}
