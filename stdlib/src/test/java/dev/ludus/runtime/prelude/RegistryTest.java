package dev.ludus.runtime.prelude;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ludus.runtime.value.LFn;
import dev.ludus.runtime.value.Ref;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistryTest extends PreludeTestSupport {
    @Test void everyNameIsBound() {
        // X: unbox store! box? (the `box` form is syntax), the 6 process functions (spec §16) and
        // the 5 later additions contains? to_number pow foldr int? (prelude.md §13).
        assertEquals(136 + 7 + 7 + 3 + 6 + 5, Prelude.names().size());
        for (String n : Prelude.names()) assertNotNull(Prelude.get(n), n);
        assertEquals(Prelude.names(), Prelude.bindings().keySet());
        assertNull(Prelude.get("add_msg!"));
        assertNull(Prelude.get("turtle_init"));
        for (String p : new String[] {"spawn!", "self", "send", "yield!", "sleep!", "alive?"}) assertNotNull(Prelude.get(p), p);
    }

    @Test void aliasesAreTheSameObject() {
        Map<String, String> aliases = Map.ofEntries(
                Map.entry("fd!", "forward!"), Map.entry("bk!", "back!"), Map.entry("rt!", "right!"),
                Map.entry("lt!", "left!"), Map.entry("pu!", "penup!"), Map.entry("pd!", "pendown!"),
                Map.entry("pc!", "pencolor!"), Map.entry("pw!", "penwidth!"), Map.entry("bg!", "background!"),
                Map.entry("unbox", "deref"), Map.entry("store!", "make!"), Map.entry("box?", "ref?"));
        aliases.forEach((alias, target) -> assertSame(Prelude.get(target), Prelude.get(alias), alias));
        assertEquals("fn forward!", show(fn("fd!")));
        is("true", "eq?", fn("inc"), fn("inc"));
        is("true", "eq?", fn("fd!"), fn("forward!"));
    }

    @Test void functionsShowTheirNames() {
        for (var e : Prelude.bindings().entrySet()) {
            if (e.getValue() instanceof LFn f && !isAlias(e.getKey())) {
                assertEquals("fn " + e.getKey(), show(f));
            }
        }
    }

    private static boolean isAlias(String n) {
        return n.length() <= 3 && n.endsWith("!") || n.equals("unbox") || n.equals("store!") || n.equals("box?");
    }

    @Test void values() {
        assertEquals(Math.PI, fn("pi"));
        assertEquals(2 * Math.PI, fn("tau"));
        for (String r : new String[] {"console", "turtle_states", "turtle_commands", "p5_calls", "bgcolor"}) {
            assertTrue(fn(r) instanceof Ref, r);
            assertEquals(r, ((Ref) fn(r)).name());
        }
        is(":dict", "type", fn("colors"));
    }
}
