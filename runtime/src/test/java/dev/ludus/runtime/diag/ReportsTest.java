package dev.ludus.runtime.diag;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The rule for saying an error once: stdout and stderr are the same terminal device. */
class ReportsTest {
    @Test
    void sameTerminalDeviceOnly() {
        assertTrue(Terminals.sameTerminal("/dev/pts/3", "/dev/pts/3"));
        assertTrue(Terminals.sameTerminal("/dev/tty1", "/dev/tty1"));
        assertFalse(Terminals.sameTerminal("/dev/pts/3", "/dev/pts/4"), "two terminals: both reports");
        assertFalse(Terminals.sameTerminal("/tmp/out.txt", "/tmp/out.txt"), "one file is not a terminal");
        assertFalse(Terminals.sameTerminal("pipe:[1234]", "/dev/pts/3"), "stdout piped: the reference report stays");
        assertFalse(Terminals.sameTerminal("/dev/pts/3", "/dev/null"));
    }

    @Test
    void testsSeeBothReports() {
        // The surefire JVM's stdout is a pipe or file, never the same terminal as stderr.
        assertFalse(Reports.stdoutAndStderrAreOneTerminal());
        assertFalse(Reports.humanOnly());
    }
}
