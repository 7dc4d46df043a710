package dev.ludus.cli;

import dev.ludus.compiler.BigStack;
import dev.ludus.compiler.CompiledProgram;
import dev.ludus.compiler.LudusCompiler;
import dev.ludus.compiler.diagnostic.CompileErrors;
import dev.ludus.compiler.resolve.Binding;
import dev.ludus.compiler.resolve.Program;
import dev.ludus.compiler.resolve.Resolution;
import dev.ludus.compiler.resolve.SessionName;
import dev.ludus.compiler.syntax.SourceText;
import dev.ludus.runtime.RunOptions;
import dev.ludus.runtime.Session;
import dev.ludus.runtime.Values;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One REPL session, independent of where its input comes from (a JLine terminal or piped
 * stdin): compiles and runs entries, keeps the names they bind, runs commands.
 *
 * <p>Each entry is compiled as its own script. The names bound at the toplevel of earlier
 * entries are visible in a scope between the prelude and the entry's own toplevel (see
 * {@link SessionName}); an entry may rebind them, which replaces them for later entries. An entry
 * is atomic for the session: only an entry that completes adds or replaces names, so a panic or
 * a compile error never loses the bindings made before it. Console output and changes to refs
 * made before a panic do stay (they have happened).
 *
 * <p>Output (all to {@code out}): the entry's console output, then {@code => } and the shown
 * value; or the panic report (spec §10.1) or the compile report (§11).
 */
final class Repl {
    /** What one entry or command did, for the exit status of a piped session. */
    enum Status { OK, ERROR, INTERNAL }

    private final PrintStream out;
    private final PrintStream err;
    private final long seed;
    /** The session's names, in the order they were (last) bound. */
    private final Map<String, SessionName> names = new LinkedHashMap<>();
    private int entries;
    /** Set by {@code :quit}. */
    private boolean quit;

    Repl(PrintStream out, PrintStream err, long seed) {
        this.out = out;
        this.err = err;
        this.seed = seed;
        Session.start(seed, out, err);
    }

    boolean quitRequested() { return quit; }

    /** The names bound by earlier entries (for completion and {@code :bindings}). */
    List<String> names() { return List.copyOf(names.keySet()); }

    // ------------------------------------------------------------------ entries

    /** Compiles and runs one complete entry typed at the prompt. Blank input does nothing. */
    Status eval(String text) {
        if (text.isBlank() || onlyComments(text)) return Status.OK;
        entries++;
        // A unique name per entry: panic reports of functions defined by an earlier entry look
        // their source line up by this name (dev.ludus.runtime.Sources).
        return run(new SourceText("<repl:" + entries + ">", null, text));
    }

    /** {@code :load FILE}: runs a file as one entry; its toplevel names join the session. */
    Status load(String file) {
        Path p;
        String text;
        try {
            p = Path.of(file).toRealPath();
            if (Files.isDirectory(p)) throw new IOException("is a directory");
            text = Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException | InvalidPathException | java.io.UncheckedIOException e) {
            err.println("ludus: cannot read " + file + (Files.exists(Path.of(file)) ? "" : ": no such file"));
            err.flush();
            return Status.ERROR;
        }
        entries++;
        return run(new SourceText(file, p, text));
    }

    private Status run(SourceText source) {
        List<SessionName> visible = List.copyOf(names.values());
        Program program;
        CompiledProgram compiled;
        try {
            program = BigStack.call("ludus-compile", () -> LudusCompiler.analyseEntry(source, visible));
            compiled = BigStack.call("ludus-compile", () -> LudusCompiler.emitEntry(program));
        } catch (CompileErrors e) {
            ProgramRunner.reportCompileErrors(e, out, err); // the report, and the human diagnostic with its hint
            return Status.ERROR;
        } catch (InterruptedException e) {
            err.println("ludus: interrupted");
            err.flush();
            return Status.ERROR;
        } catch (Exception | LinkageError | StackOverflowError e) {
            ProgramRunner.internalError(e, out, err);
            return Status.INTERNAL;
        }
        Class<?> module;
        try {
            module = ProgramRunner.load(compiled);
        } catch (ClassNotFoundException | LinkageError e) {
            ProgramRunner.internalError(e, out, err);
            return Status.INTERNAL;
        }
        Session.Outcome outcome = Session.runEntry(module, out, err);
        if (outcome instanceof Session.Completed c) {
            try {
                keep(program.main().resolution(), module);
            } catch (ReflectiveOperationException | RuntimeException e) {
                ProgramRunner.internalError(e, out, err);
                return Status.INTERNAL;
            }
            out.print("=> " + Values.show(c.value()) + "\n");
            out.flush();
            return Status.OK;
        }
        if (outcome instanceof Session.Panicked) return Status.ERROR;
        if (outcome instanceof Session.Interrupted) {
            err.println("ludus: interrupted");
            err.flush();
            return Status.ERROR;
        }
        ProgramRunner.internalError(((Session.Failed) outcome).error(), out, err);
        return Status.INTERNAL;
    }

    /** Copies the entry's toplevel bindings into the session (replacing earlier ones of the same name). */
    private void keep(Resolution res, Class<?> module) throws ReflectiveOperationException {
        Object[] values;
        try {
            values = (Object[]) module.getMethod("$bindings").invoke(null);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("$bindings failed", e.getCause());
        }
        List<Binding> bound = res.moduleBindings;
        if (values.length != bound.size()) {
            throw new IllegalStateException("entry class has " + values.length + " bindings, expected " + bound.size());
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) continue; // never initialised: nothing to keep
            Binding b = bound.get(i);
            names.remove(b.name); // re-insert: the order is that of the last binding
            names.put(b.name, new SessionName(b.name, Session.define(values[i]), res.namespaces.get(b)));
        }
    }

    private static boolean onlyComments(String text) {
        for (String line : text.split("\r\n|\r|\n", -1)) {
            String t = line.strip();
            if (!t.isEmpty() && !t.startsWith("&")) return false;
        }
        return true;
    }

    // ------------------------------------------------------------------ commands

    static final String HELP = """
            Type a Ludus expression or binding and press Enter; the REPL prints its value after `=> `.
            Names bound at the top of an entry (let, fn, ref, ns, import, use) stay bound for later
            entries; binding a name again replaces it. Input continues on more lines while a bracket
            or a string is open, after a trailing `=`, or while an `if`, `match` or `do` is unfinished.
            Commands (a line that is exactly one of these; anything else is Ludus):
              :help            this help
              :bindings        the names this session has bound, with their values
              :load FILE       run FILE as one entry; its toplevel names join the session
              :svg FILE        write the turtle's drawing so far as SVG (:png FILE as PNG)
              :show [URL]      show the drawing so far on the pages of a running playground
                               (`ludus play`; default http://127.0.0.1:5050/ or $LUDUS_PLAY_URL)
              :reset           forget every session name and reset the prelude's state
              :quit, :exit     leave (so does Ctrl-D at an empty prompt)
            To evaluate one of these keywords as Ludus, put it in a block: { :help }
            Ctrl-C cancels the current input, or interrupts a running entry.
            """;

    /**
     * Runs {@code line} if it is a command: the whole line (trimmed) is {@code :help},
     * {@code :bindings}, {@code :reset}, {@code :quit}, {@code :exit}, {@code :load PATH}, {@code :svg PATH}, {@code :png PATH} or {@code :show [URL]}. Those
     * lines are never useful Ludus (a bare keyword just evaluates to itself; {@code :load PATH}
     * with a path that does not start with {@code (} or {@code :} is not valid Ludus). Returns
     * null when the line is Ludus, not a command.
     */
    Status command(String line) {
        String t = line.strip();
        switch (t) {
            case ":load" -> {
                err.println("usage: :load FILE");
                err.flush();
                return Status.ERROR;
            }
            case ":help" -> {
                out.print(HELP);
                out.flush();
                return Status.OK;
            }
            case ":quit", ":exit" -> {
                quit = true;
                return Status.OK;
            }
            case ":bindings" -> {
                for (SessionName n : names.values()) {
                    out.print(n.name() + " = " + abbreviate(Values.show(Session.value(n.slot()))) + "\n");
                }
                out.flush();
                return Status.OK;
            }
            case ":reset" -> {
                names.clear();
                Session.start(seed, out, err);
                return Status.OK;
            }
            case ":show" -> {
                return show(null);
            }
            case ":svg", ":png" -> {
                err.println("usage: " + t + " FILE");
                err.flush();
                return Status.ERROR;
            }
            default -> {
                String path = argument(t, ":load");
                if (path != null) return load(path);
                path = argument(t, ":svg");
                if (path != null) return drawing(path, false);
                path = argument(t, ":png");
                if (path != null) return drawing(path, true);
                path = argument(t, ":show");
                if (path != null) return show(path);
                return null;
            }
        }
    }

    /** {@code :svg FILE} / {@code :png FILE}: writes the session's drawing so far (spec §12.4 geometry). */
    private Status drawing(String file, boolean png) {
        RunOptions opts;
        try {
            opts = png ? RunOptions.defaults().withPng(Path.of(file)) : RunOptions.defaults().withSvg(Path.of(file));
        } catch (InvalidPathException e) {
            err.println("ludus: cannot write " + file + ": not a valid path");
            err.flush();
            return Status.ERROR;
        }
        if (!dev.ludus.runtime.turtle.TurtleOutput.write(opts, err)) return Status.ERROR;
        Path written = opts.svgPath() != null ? opts.svgPath() : opts.pngPath();
        out.print("wrote " + written + (dev.ludus.runtime.turtle.TurtleOutput.drewAnything() ? "" : " (nothing drawn yet)") + "\n");
        out.flush();
        return Status.OK;
    }

    /** {@code :show [URL]}: the session's drawing so far, on the pages of a running playground. */
    private Status show(String url) {
        java.net.URI target;
        try {
            target = ShowInPlayground.target(url);
        } catch (IllegalArgumentException e) {
            err.println("ludus: :show: not an address: " + url);
            err.flush();
            return Status.ERROR;
        }
        String problem = ShowInPlayground.send(target);
        if (problem != null) {
            err.println("ludus: cannot show the drawing: " + problem);
            err.flush();
            return Status.ERROR;
        }
        out.print("shown at " + target + (dev.ludus.runtime.turtle.TurtleOutput.drewAnything() ? "" : " (nothing drawn yet)") + "\n");
        out.flush();
        return Status.OK;
    }

    /** Whether {@code line} is a command (see {@link #command}). */
    static boolean isCommand(String line) {
        String t = line.strip();
        return List.of(":help", ":quit", ":exit", ":bindings", ":reset", ":load", ":svg", ":png", ":show").contains(t)
                || argument(t, ":load") != null || argument(t, ":svg") != null || argument(t, ":png") != null
                || argument(t, ":show") != null;
    }

    /** The PATH of {@code COMMAND PATH}, or null if {@code t} is not such a command. */
    private static String argument(String t, String command) {
        int n = command.length();
        if (!t.startsWith(command) || t.length() <= n || !Character.isWhitespace(t.charAt(n))) return null;
        String path = t.substring(n).strip();
        if (path.isEmpty() || path.startsWith("(") || path.startsWith(":")) return null;
        if (path.length() >= 2 && path.startsWith("\"") && path.endsWith("\"")) path = path.substring(1, path.length() - 1);
        return path;
    }

    private static String abbreviate(String s) {
        String one = s.replace("\n", "\\n");
        return one.length() <= 120 ? one : one.substring(0, 117) + "...";
    }

    /** Every name worth completing: session names (the {@code :bindings} order). */
    List<String> completions() {
        return new ArrayList<>(names.keySet());
    }
}
