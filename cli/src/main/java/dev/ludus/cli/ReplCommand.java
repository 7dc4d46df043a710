package dev.ludus.cli;

import dev.ludus.compiler.syntax.InputCompleteness;
import dev.ludus.runtime.prelude.Console;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "repl", description = {
        "Interactive Ludus: type an expression or a binding to see its value.",
        "On a terminal you get line editing, history (kept in ~/.ludus_history) and multi-line entries while a bracket or a string is open. Type :help for the commands, :quit or Ctrl-D to leave.",
        "With piped standard input, entries are read without prompts; the exit status is 1 if any entry failed.",
        "`ludus` with no arguments on a terminal starts the REPL too."}, footer = {"", "Examples:", "  ludus repl", "  printf 'let x = 2\\nmult (x, 21)\\n' | ludus repl", "", Main.EXIT_STATUS})
final class ReplCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Mixin
    SeedOption seed;

    @Option(names = "--echo", description = "With piped input: echo each input line after its prompt "
            + "(makes a readable transcript).")
    boolean echo;

    static final String PROMPT = "ludus> ";
    static final String CONTINUATION = "   ..> ";

    @Override
    public Integer call() {
        PrintStream console = Console.out;
        try {
            Repl repl = new Repl(main.out, main.err, seed.options().effectiveSeed());
            if (main.in == System.in && System.console() != null) {
                return TerminalRepl.run(repl, main.out, main.err);
            }
            return piped(repl);
        } finally {
            Console.out = console; // the session sent console output to main.out
        }
    }

    /**
     * Reads entries from non-terminal standard input: each line is added to the current entry
     * until the entry is complete ({@link InputCompleteness}); a command is recognised only as the
     * first line of an entry. Exit status: 0 if every entry succeeded, 1 if one failed (panic or
     * compile error), 2 after an internal error.
     */
    private int piped(Repl repl) {
        Repl.Status worst = Repl.Status.OK;
        StringBuilder entry = new StringBuilder();
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(main.in, StandardCharsets.UTF_8));
            String line;
            while (!repl.quitRequested() && (line = reader.readLine()) != null) {
                if (echo) {
                    main.out.print((entry.length() == 0 ? PROMPT : CONTINUATION) + line + "\n");
                    main.out.flush();
                }
                if (entry.length() == 0 && Repl.isCommand(line)) {
                    worst = worse(worst, repl.command(line));
                    continue;
                }
                entry.append(line).append('\n');
                if (InputCompleteness.needsMore(entry.toString())) continue;
                worst = worse(worst, repl.eval(entry.toString()));
                entry.setLength(0);
            }
        } catch (IOException e) {
            throw new Main.UserError("cannot read standard input: " + e.getMessage());
        }
        // Input ended inside an entry: compile it anyway, so its error is reported.
        if (entry.length() > 0 && !repl.quitRequested()) worst = worse(worst, repl.eval(entry.toString()));
        return switch (worst) {
            case OK -> Main.EXIT_OK;
            case ERROR -> Main.EXIT_ERROR;
            case INTERNAL -> Main.EXIT_USAGE;
        };
    }

    private static Repl.Status worse(Repl.Status a, Repl.Status b) {
        return b.ordinal() > a.ordinal() ? b : a;
    }
}
