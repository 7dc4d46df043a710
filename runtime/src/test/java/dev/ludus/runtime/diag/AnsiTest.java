package dev.ludus.runtime.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AnsiTest {
    @Test
    void colourOnlyOnAConsoleWithARealTerminalAndNoNoColor() {
        assertTrue(Ansi.wantsColour(Map.of("TERM", "xterm-256color"), true));
        assertFalse(Ansi.wantsColour(Map.of("TERM", "xterm-256color"), false)); // piped, redirected, tests
        assertFalse(Ansi.wantsColour(Map.of("TERM", "dumb"), true));
        assertFalse(Ansi.wantsColour(Map.of(), true));
        assertFalse(Ansi.wantsColour(Map.of("TERM", "xterm", "NO_COLOR", "1"), true));
        assertTrue(Ansi.wantsColour(Map.of("TERM", "xterm", "NO_COLOR", ""), true)); // no-color.org: empty means unset
    }

    @Test
    void paint() {
        assertEquals("x", Ansi.paint(false, Ansi.Style.ERROR, "x"));
        assertEquals("\u001b[1;31mx\u001b[0m", Ansi.paint(true, Ansi.Style.ERROR, "x"));
        assertEquals("", Ansi.paint(true, Ansi.Style.ERROR, ""));
    }

    @Test
    void offByDefault() {
        assertFalse(Ansi.enabled() && System.console() == null, "only an entry point on a terminal turns colour on");
    }
}
