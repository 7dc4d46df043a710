package dev.ludus.cli;

import java.io.IOException;
import java.net.URI;
import java.util.List;

/** Opens a page or file in the user's browser ({@code --open}); a failure is one line on stderr. */
final class Browser {
    private Browser() {}

    static void open(URI uri, java.io.PrintStream err) {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        List<String> command = os.contains("mac") ? List.of("open", uri.toString())
                : os.contains("win") ? List.of("rundll32", "url.dll,FileProtocolHandler", uri.toString())
                : List.of("xdg-open", uri.toString());
        try {
            new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            err.println("ludus: cannot open a browser (" + command.get(0) + " is not available); open " + uri + " yourself");
        }
    }
}
