package dev.ludus.runtime.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import org.junit.jupiter.api.Test;

class TerminalsTest {
    @Test
    void terminalDevices() {
        assertTrue(Terminals.isTerminalDevice("/dev/pts/3"));
        assertTrue(Terminals.isTerminalDevice("/dev/tty1"));
        assertTrue(Terminals.isTerminalDevice("/dev/console"));
        assertFalse(Terminals.isTerminalDevice("/dev/null"));
        assertFalse(Terminals.isTerminalDevice("/proc/42/fd/1"), "a pipe");
        assertFalse(Terminals.isTerminalDevice("/home/me/out.txt"));
        assertFalse(Terminals.isTerminalDevice(null));
    }

    @Test
    void agreesWithSystemConsoleWhereProcIsReadable() {
        // the test JVM's streams are pipes or files: no console, and the /proc answer says so too
        assertEquals(System.console() != null, Terminals.consoleAttached());
        if (new File("/proc/self/fd").isDirectory()) {
            String out = Terminals.target(1);
            assertTrue(out != null && out.startsWith("/"), out);
            assertEquals(Boolean.FALSE, Terminals.stdoutAndStderrAreOneDevice());
        } else {
            assertEquals(null, Terminals.stdoutAndStderrAreOneDevice());
        }
    }
}
