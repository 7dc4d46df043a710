package dev.ludus.cli;

import dev.ludus.compiler.syntax.InputCompleteness;
import dev.ludus.compiler.syntax.LudusParser;
import dev.ludus.runtime.prelude.Prelude;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The REPL on a terminal, with JLine: line editing, persistent history (~/.ludus_history, or
 * the file named by LUDUS_HISTORY; an empty LUDUS_HISTORY keeps no history file), multi-line
 * entries (the parser below asks JLine for another line while {@link InputCompleteness} says
 * so), completion of prelude names, session names, reserved words and commands, and Ctrl-C to
 * cancel the input or interrupt a running entry.
 */
final class TerminalRepl {
    private TerminalRepl() {}

    static final List<String> COMMANDS = List.of(":help", ":bindings", ":load", ":svg", ":png", ":show", ":reset", ":quit", ":exit");

    /** Runs the session on the system terminal. */
    static int run(Repl repl, PrintStream out, PrintStream err) {
        Terminal terminal;
        try {
            terminal = TerminalBuilder.builder().system(true).name("ludus").build();
        } catch (IOException e) {
            throw new Main.UserError("cannot open the terminal: " + e.getMessage());
        }
        return run(repl, terminal, historyFile(), out, err);
    }

    /** Runs the session on {@code terminal} (closed at the end); {@code history}: the history file, or null. */
    static int run(Repl repl, Terminal terminal, Path history, PrintStream out, PrintStream err) {
        try (terminal) {
            LineReaderBuilder builder = LineReaderBuilder.builder()
                    .terminal(terminal)
                    .appName("ludus")
                    .parser(new EntryParser())
                    .completer((reader, line, candidates) -> {
                        for (String c : completions(repl, line.word())) candidates.add(new Candidate(c, c, null, null, null, null, false));
                    })
                    .variable(LineReader.SECONDARY_PROMPT_PATTERN, ReplCommand.CONTINUATION)
                    .variable(LineReader.HISTORY_SIZE, 2000)
                    .variable(LineReader.HISTORY_FILE_SIZE, 2000)
                    // Ludus words end in '!' (print!): no csh-style !-history expansion.
                    .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true);
            if (history != null) builder.variable(LineReader.HISTORY_FILE, history);
            LineReader reader = builder.build();

            Thread waiting = Thread.currentThread();
            boolean[] evaluating = {false};
            // Outside readLine the terminal delivers Ctrl-C as a signal: interrupt the running entry.
            terminal.handle(Terminal.Signal.INT, s -> {
                if (evaluating[0]) waiting.interrupt();
            });

            out.print("Ludus " + Version.number() + " REPL. Type :help for help, :quit or Ctrl-D to leave.\n");
            out.flush();
            while (!repl.quitRequested()) {
                String entry;
                try {
                    entry = reader.readLine(ReplCommand.PROMPT);
                } catch (UserInterruptException e) {
                    continue; // Ctrl-C: drop the current input
                } catch (EndOfFileException e) {
                    break;
                }
                evaluating[0] = true;
                try {
                    if (Repl.isCommand(entry)) repl.command(entry);
                    else repl.eval(entry);
                } finally {
                    evaluating[0] = false;
                    Thread.interrupted(); // a Ctrl-C that came after the entry ended
                }
                out.flush();
            }
            try {
                reader.getHistory().save();
            } catch (IOException e) {
                err.println("ludus: cannot save the history: " + e.getMessage());
            }
        } catch (IOException e) {
            // closing the terminal failed: nothing left to do
        }
        return Main.EXIT_OK;
    }

    /** ~/.ludus_history, or $LUDUS_HISTORY; null (no history file) when LUDUS_HISTORY is empty. */
    static Path historyFile() {
        String env = System.getenv("LUDUS_HISTORY");
        if (env != null) return env.isBlank() ? null : Path.of(env);
        String home = System.getProperty("user.home");
        return home == null ? null : Path.of(home, ".ludus_history");
    }

    static List<String> completions(Repl repl, String prefix) {
        List<String> all = new ArrayList<>();
        if (prefix.startsWith(":")) {
            for (String c : COMMANDS) if (c.startsWith(prefix)) all.add(c);
            return all;
        }
        for (String n : repl.completions()) if (n.startsWith(prefix)) all.add(n);
        for (String n : Prelude.names()) if (n.startsWith(prefix) && !all.contains(n)) all.add(n);
        for (String n : LudusParser.reservedWords()) if (n.startsWith(prefix)) all.add(n);
        return all;
    }

    /**
     * JLine's view of the input: asks for another line while the entry is incomplete (the
     * EOFError makes JLine show the continuation prompt), and takes the word under the cursor
     * to be the run of Ludus word characters (and a leading ':') before it, for completion.
     */
    static final class EntryParser implements Parser {
        @Override
        public ParsedLine parse(String line, int cursor, ParseContext context) {
            if (context == ParseContext.ACCEPT_LINE && !Repl.isCommand(line) && InputCompleteness.needsMore(line)) {
                throw new EOFError(-1, -1, "incomplete entry");
            }
            int start = Math.min(cursor, line.length());
            while (start > 0 && isWordChar(line.charAt(start - 1))) start--;
            if (start > 0 && line.charAt(start - 1) == ':') start--;
            return new Word(line, cursor, line.substring(start, Math.min(cursor, line.length())));
        }

        private static boolean isWordChar(char c) {
            return Character.isLetterOrDigit(c) || c == '_' || c == '?' || c == '!' || c == '*' || c == '/';
        }
    }

    /** The parsed line: one word, the prefix under the cursor. Ludus names need no quoting. */
    record Word(String line, int cursor, String word) implements CompletingParsedLine {
        @Override public CharSequence escape(CharSequence candidate, boolean complete) { return candidate; }
        @Override public int rawWordCursor() { return word.length(); }
        @Override public int rawWordLength() { return word.length(); }
        @Override public int wordCursor() { return word.length(); }
        @Override public int wordIndex() { return 0; }
        @Override public List<String> words() { return List.of(word); }
    }
}
