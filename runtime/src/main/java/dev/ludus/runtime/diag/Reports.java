package dev.ludus.runtime.diag;

/**
 * Whether an error is reported once or twice. Normally stdout gets the reference-format report
 * (what the golden tests and scripts read) and stderr the human diagnostic. When stdout and
 * stderr are the same terminal, a person would read the same error twice, so only the human
 * diagnostic is printed. The entry points (the {@code ludus} command, a compiled program's
 * main) decide; in-process callers (tests, the Maven plugin) always get both.
 */
public final class Reports {
    private Reports() {}

    private static volatile boolean humanOnly;

    /** True: print only the human diagnostic (stdout and stderr are one terminal). */
    public static boolean humanOnly() { return humanOnly; }

    public static void setHumanOnly(boolean on) { humanOnly = on; }

    /**
     * The rule: {@code LUDUS_REPORTS=both} forces both reports. On Linux, stdout and stderr are the
     * same terminal when /proc/self/fd/1 and /proc/self/fd/2 name the same terminal device. Where
     * /proc is missing, Java can only tell whether a console is attached (stdin and stdout are a
     * terminal), and that is taken as the answer.
     */
    public static boolean stdoutAndStderrAreOneTerminal() {
        if ("both".equals(System.getenv("LUDUS_REPORTS"))) return false;
        Boolean same = Terminals.stdoutAndStderrAreOneDevice(); // java.io's realpath: no NIO file system at start-up
        return same != null ? same : consoleIsTerminal();
    }

    /** System.console() is not null (and, from Java 22, reports a terminal through isTerminal()). */
    private static boolean consoleIsTerminal() {
        java.io.Console c = System.console();
        if (c == null) return false;
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(c);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return true; // before Java 22 a console exists only for a terminal
        }
    }
}
