package dev.ludus.runtime.diag;

import java.io.File;
import java.io.IOException;

/**
 * Which standard streams are terminals, asked at start-up by the entry points (a compiled
 * program's main, the {@code ludus} command). On Linux the answer is where
 * {@code /proc/self/fd/N} leads (one realpath call, ~0.1 ms). Elsewhere {@link System#console()}
 * answers, which from Java 22 costs ~15 ms (it looks for console providers in every module of
 * the JDK, spinning LambdaForm classes) and before that ~0.2 ms.
 */
public final class Terminals {
    private Terminals() {}

    /** Whether /proc/self/fd can be read (Linux): then {@link #target} tells the devices apart. */
    private static boolean procFds() {
        return new File("/proc/self/fd").isDirectory();
    }

    /** Where file descriptor {@code fd} of this process leads, e.g. /dev/pts/3; null if unknown. */
    static String target(int fd) {
        try {
            return new File("/proc/self/fd/" + fd).getCanonicalPath();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Whether a file descriptor's target (see {@link #target}) is a terminal device. */
    static boolean isTerminalDevice(String target) {
        return target != null && (target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console"));
    }

    /**
     * Whether a console is attached: standard input and output are both terminals, as
     * {@code System.console() != null} tells on Java 17 (and with the JDK's own console on 25).
     */
    public static boolean consoleAttached() {
        if (procFds()) return isTerminalDevice(target(0)) && isTerminalDevice(target(1));
        return System.console() != null;
    }

    /**
     * Whether stdout and stderr are the same terminal device; null where that cannot be seen
     * (no /proc).
     */
    static Boolean stdoutAndStderrAreOneDevice() {
        if (!procFds()) return null;
        return sameTerminal(target(1), target(2));
    }

    /** Whether two file descriptor targets (see {@link #target}) are one terminal device. */
    static boolean sameTerminal(String out, String err) {
        return out != null && out.equals(err) && isTerminalDevice(out);
    }
}
