package dev.ludus.cli;

import dev.ludus.compiler.Warmup;
import dev.ludus.runtime.Cancellation;
import dev.ludus.runtime.Launcher;
import dev.ludus.runtime.RunOptions;
import dev.ludus.runtime.diag.Ansi;
import dev.ludus.runtime.diag.Reports;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ludus} command. stdout carries only reference-compatible output (program output,
 * result line, panic and compile reports); human diagnostics go to stderr.
 * Exit status: 0 success, 1 panic or compile error, 2 usage error, unreadable file or internal error.
 */
@Command(name = "ludus",
        mixinStandardHelpOptions = true,
        scope = CommandLine.ScopeType.INHERIT,
        versionProvider = Version.class,
        description = "Compile and run Ludus programs on the JVM.",
        footer = {"", "Examples:", "  ludus run examples/hello.ld", "  ludus repl", "  ludus doc join", "  ludus new my-project", "  ludus help run", "",
                Main.EXIT_STATUS})
public final class Main implements Callable<Integer> {
    static final String EXIT_STATUS = "Exit status: 0 ok; 1 the program panicked or did not compile, or a test failed; "
            + "2 usage error, unreadable file or internal error.";
    public static final int EXIT_OK = 0;
    public static final int EXIT_ERROR = 1;
    public static final int EXIT_USAGE = 2;

    final InputStream in;
    final PrintStream out;
    final PrintStream err;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    Main(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.terminal = () -> in == System.in && System.console() != null;
    }

    /**
     * Bare {@code ludus}: the REPL when standard input and output are a terminal; otherwise show
     * the usage (to stderr) and fail as a usage error.
     */
    /** Whether standard input and output are a terminal (tests replace it). */
    java.util.function.BooleanSupplier terminal;

    @Override
    public Integer call() {
        if (terminal.getAsBoolean()) {
            ReplCommand repl = new ReplCommand();
            repl.main = this;
            repl.seed = new SeedOption(); // picocli fills mixins only of the commands it parsed
            return repl.call();
        }
        spec.commandLine().usage(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        return EXIT_USAGE;
    }

    public static void main(String[] args) {
        if (compilesFirst(args)) Warmup.start(); // the compiler's set-up overlaps the CLI's from here on
        PrintStream out = Launcher.stdout();
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        Ansi.setEnabled(Ansi.terminalWantsColour()); // in-process callers (tests) never get colour
        Reports.setHumanOnly(Reports.stdoutAndStderrAreOneTerminal()); // ... and always get both reports
        // This JVM exits after the command: a cancelled run (time limit) stops where it is
        // rather than unwinding. The REPL unwinds, so that its session goes on.
        if (args.length > 0 && (args[0].equals("run") || args[0].equals("test"))) Cancellation.stopInPlace(true);
        int code = execute(out, err, args);
        out.flush();
        err.flush();
        Launcher.exit(code); // returns for status 0 when only daemon threads are left
    }

    /**
     * Whether the command surely compiles a program: {@code run} or {@code test} without the
     * compile cache (a cached program needs no parser; see the ludus script).
     */
    static boolean compilesFirst(String[] args) {
        if (args.length < 2 || !(args[0].equals("run") || args[0].equals("test"))) return false;
        if (args[0].equals("test")) return true;
        String cache = System.getProperty("ludus.compileCache");
        if (cache == null || cache.isBlank() || "0".equals(System.getenv("LUDUS_COMPILE_CACHE"))) return true;
        return hasFlag(args, "--no-cache") || hasFlag(args, "--no-opt") || hasFlag(args, "-");
    }

    /** Runs the command line with the given streams and returns the exit status. */
    public static int execute(PrintStream out, PrintStream err, String... args) {
        return execute(System.in, out, err, args);
    }

    /** As {@link #execute(PrintStream, PrintStream, String...)} with {@code in} as standard input. */
    public static int execute(InputStream in, PrintStream out, PrintStream err, String... args) {
        String file = plainRunFile(args);
        if (file != null) return runDirectly(in, out, err, file, !hasFlag(args, "--no-cache"), !hasFlag(args, "--no-opt"));
        return execute(new Main(in, out, err), args);
    }

    /** Runs the command line on {@code main}'s streams. */
    static int execute(Main main, String... args) {
        PrintStream out = main.out, err = main.err;
        CommandLine cl = new CommandLine(main);
        addSubcommands(cl, args);
        cl.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        cl.setExitCodeExceptionMapper(t -> EXIT_USAGE);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> failed(ex, err));
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * {@code ludus run FILE}, the command a learner types most, and the same with {@code --no-cache}
     * or {@code --no-opt} (each at most once, before or after the file): picocli's start-up
     * (reflection over the annotations, its converter registry) costs about 60-120 ms, a third of a
     * small program's run, and there is nothing else to parse. Returns the file, or null when the
     * command line needs picocli (any other option, two files, a repeated flag: its messages).
     */
    static String plainRunFile(String[] args) {
        if (args.length < 2 || args.length > 4 || !args[0].equals("run")) return null;
        String file = null;
        boolean noCache = false, noOpt = false;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--no-cache") && !noCache) noCache = true;
            else if (a.equals("--no-opt") && !noOpt) noOpt = true;
            else if (file == null && (a.equals("-") || !a.startsWith("-"))) file = a;
            else return null;
        }
        return file;
    }

    /** Whether an argument after the command is {@code flag}. */
    private static boolean hasFlag(String[] args, String flag) {
        for (int i = 1; i < args.length; i++) if (args[i].equals(flag)) return true;
        return false;
    }

    private static int runDirectly(InputStream in, PrintStream out, PrintStream err, String file, boolean useCache,
                                   boolean optimise) {
        try {
            int code = RunCommand.run(file, RunOptions.defaults(), in, out, err, useCache, optimise);
            RunCommand.hintAtDrawing(err);
            return code;
        } catch (RuntimeException e) {
            return failed(e, err);
        }
    }

    /** A command that threw: a user error in one line, anything else as a bug with its trace; exit 2. */
    private static int failed(Exception ex, PrintStream err) {
        if (ex instanceof UserError u) {
            err.println("ludus: " + u.getMessage());
        } else {
            err.println("ludus: internal error (a bug in the Ludus implementation): " + ex);
            ex.printStackTrace(err);
        }
        err.flush();
        return EXIT_USAGE;
    }

    /**
     * Registers the subcommands. Picocli builds a command's model by reflection when it is added,
     * about 100 ms at start-up for the whole tree, so when the first argument names a command only
     * that one is built; anything else (help, options, a typo) gets the full tree.
     */
    private static void addSubcommands(CommandLine cl, String[] args) {
        String first = args.length > 0 ? args[0] : "";
        Object only = switch (first) {
            case "run" -> new RunCommand();
            case "check" -> new CheckCommand();
            case "compile" -> new CompileCommand();
            case "test" -> new TestCommand();
            case "repl" -> new ReplCommand();
            case "play" -> new PlayCommand();
            case "version" -> new VersionCommand();
            case "new" -> new NewCommand();
            case "doc" -> new DocCommand();
            case "fmt" -> new FmtCommand();
            case "lsp" -> new LspCommand();
            default -> null;
        };
        if (only != null) {
            cl.addSubcommand(first, only);
            return;
        }
        for (Object c : new Object[] {new RunCommand(), new CheckCommand(), new CompileCommand(), new TestCommand(),
                new ReplCommand(), new DocCommand(), new NewCommand(), new FmtCommand(), new LspCommand(), new PlayCommand(), new VersionCommand(), new CommandLine.HelpCommand()}) {
            cl.addSubcommand(c);
        }
    }

    /** A problem with what the user asked for (unreadable file, bad output path): one line, exit 2. */
    static final class UserError extends RuntimeException {
        UserError(String message) {
            super(message, null, false, false);
        }
    }
}
