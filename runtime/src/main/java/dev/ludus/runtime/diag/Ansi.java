package dev.ludus.runtime.diag;

/**
 * Colours for the human diagnostics on stderr. Off unless an entry point (the {@code ludus}
 * command, a compiled program's main) turns it on for a terminal: tests and embedders that
 * pass their own streams always get plain text.
 */
public final class Ansi {
    private Ansi() {}

    private static volatile boolean enabled;

    /** Whether diagnostics are coloured. */
    public static boolean enabled() { return enabled; }

    public static void setEnabled(boolean on) { enabled = on; }

    /**
     * Whether stderr looks like a colour terminal: a console is attached (Java cannot ask about
     * stderr alone), TERM is set and not "dumb", and NO_COLOR (no-color.org) is not set.
     */
    public static boolean terminalWantsColour() {
        return wantsColour(System.getenv(), Terminals.consoleAttached());
    }

    /** The rule of {@link #terminalWantsColour}, given the environment and whether a console is attached. */
    static boolean wantsColour(java.util.Map<String, String> env, boolean console) {
        String noColor = env.get("NO_COLOR");
        if (noColor != null && !noColor.isEmpty()) return false;
        String term = env.get("TERM");
        if (term == null || term.isEmpty() || term.equals("dumb")) return false;
        return console;
    }

    /** The styles diagnostics use. */
    public enum Style {
        BOLD("\u001b[1m"), ERROR("\u001b[1;31m"), GUTTER("\u001b[1;34m"), HINT("\u001b[1;36m"), DIM("\u001b[2m");

        final String code;

        Style(String code) { this.code = code; }
    }

    private static final String RESET = "\u001b[0m";

    /** {@code text} in {@code style} when {@code colour} is on. */
    public static String paint(boolean colour, Style style, String text) {
        return colour && !text.isEmpty() ? style.code + text + RESET : text;
    }
}
