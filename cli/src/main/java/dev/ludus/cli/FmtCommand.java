package dev.ludus.cli;

import dev.ludus.compiler.BigStack;
import dev.ludus.compiler.diagnostic.CompileErrors;
import dev.ludus.compiler.diagnostic.HumanReport;
import dev.ludus.compiler.format.Formatter;
import dev.ludus.compiler.syntax.SourceText;
import dev.ludus.runtime.diag.Ansi;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "fmt", description = {
        "Format Ludus files in place in the canonical layout (docs/formatting.md).",
        "Directories are searched for *.ld files (skipping hidden and target directories, and what a",
        "directory's " + FmtCommand.IGNORE_FILE + " lists, one glob a line); `-` formats standard input to standard output.",
        "Files that do not parse are reported and left as they are."},
        footer = {"", "Examples:", "  ./ludus fmt examples", "  ./ludus fmt --check .", "",
                "Exit status: 0 ok; 1 a file does not parse, or --check found files to format; "
                        + "2 usage error or unreadable file."})
final class FmtCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Option(names = "--check", description = "Change nothing; list the files that are not formatted and exit 1 if there are any.")
    boolean check;

    @Parameters(paramLabel = "FILE|DIR", arity = "1..*", description = "Files, directories (searched for *.ld) or `-`.")
    List<String> paths;

    @Override
    public Integer call() {
        int status = Main.EXIT_OK;
        for (String arg : paths) {
            if (arg.equals("-")) {
                status = Math.max(status, stdin());
                continue;
            }
            List<Path> files;
            try {
                files = files(arg);
            } catch (Main.UserError e) {
                main.err.println("ludus: " + e.getMessage());
                status = Main.EXIT_USAGE;
                continue;
            }
            for (Path f : files) status = Math.max(status, file(f));
        }
        return status;
    }

    /** The *.ld files named by {@code arg}: the file itself, or those under a directory (hidden and build directories skipped). */
    static List<Path> files(String arg) {
        Path p;
        try {
            p = Path.of(arg);
        } catch (InvalidPathException e) {
            throw new Main.UserError("cannot read " + arg + ": not a valid path");
        }
        if (!Files.exists(p)) throw new Main.UserError("cannot read " + arg + ": no such file or directory");
        if (!Files.isDirectory(p)) return List.of(p);
        List<Path> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(p)) {
            walk.filter(f -> f.toString().endsWith(".ld") && Files.isRegularFile(f) && !skipped(p, f))
                    .sorted().forEach(out::add);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new Main.UserError("cannot read " + arg + ": " + e.getMessage());
        }
        return out;
    }

    /** The name of the file that lists, one glob a line, what a directory walk leaves alone (relative to its directory). */
    static final String IGNORE_FILE = ".ludus-fmt-ignore";

    private static boolean skipped(Path root, Path file) {
        Path dir = root;
        for (Path part : root.relativize(file)) {
            if (ignores(dir, dir.relativize(file))) return true;
            String s = part.toString();
            if ((s.startsWith(".") && s.length() > 1 && !s.equals("..")) || s.equals("target") || s.equals("node_modules")) {
                return true;
            }
            dir = dir.resolve(part);
        }
        return false;
    }

    /** Whether {@code dir}'s ignore file names {@code rel} (a glob matching it or a directory above it). */
    private static boolean ignores(Path dir, Path rel) {
        Path list = dir.resolve(IGNORE_FILE);
        if (!Files.isRegularFile(list)) return false;
        try {
            for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
                String glob = line.strip();
                if (glob.isEmpty() || glob.startsWith("#")) continue;
                if (glob.endsWith("/")) glob = glob.substring(0, glob.length() - 1) + "/**";
                var matcher = dir.getFileSystem().getPathMatcher("glob:" + glob);
                if (matcher.matches(rel)) return true;
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new Main.UserError("cannot use " + list + ": " + e.getMessage());
        }
        return false;
    }

    private int file(Path f) {
        String name = f.toString();
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(f))).toString();
        } catch (CharacterCodingException e) {
            main.err.println("ludus: cannot format " + name + ": not valid UTF-8 text");
            return Main.EXIT_ERROR;
        } catch (IOException e) {
            main.err.println("ludus: cannot read " + name + ": " + e.getMessage());
            return Main.EXIT_USAGE;
        }
        String formatted = format(name, f, text);
        if (formatted == null) return Main.EXIT_ERROR;
        if (formatted.equals(text)) return Main.EXIT_OK;
        if (check) {
            main.out.println(name);
            return Main.EXIT_ERROR;
        }
        try {
            Files.writeString(f, formatted, StandardCharsets.UTF_8);
        } catch (IOException e) {
            main.err.println("ludus: cannot write " + name + ": " + e.getMessage());
            return Main.EXIT_USAGE;
        }
        main.err.println("formatted " + name);
        return Main.EXIT_OK;
    }

    private int stdin() {
        String text;
        try {
            text = new String(main.in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            main.err.println("ludus: cannot read standard input: " + e.getMessage());
            return Main.EXIT_USAGE;
        }
        String formatted = format(SourceInput.STDIN_NAME, null, text);
        if (formatted == null) return Main.EXIT_ERROR;
        if (check) {
            if (formatted.equals(text)) return Main.EXIT_OK;
            main.out.println(SourceInput.STDIN_NAME);
            return Main.EXIT_ERROR;
        }
        main.out.print(formatted);
        main.out.flush();
        return Main.EXIT_OK;
    }

    /** The formatted text, or null after reporting why there is none. */
    private String format(String name, Path path, String text) {
        try {
            return BigStack.call("ludus-fmt", () -> Formatter.format(new SourceText(name, path, text)));
        } catch (CompileErrors e) {
            main.err.print(HumanReport.render(e.diagnostics(), Ansi.enabled()));
            main.err.println("ludus: " + name + " not formatted: it does not parse");
            return null;
        } catch (Exception | StackOverflowError e) {
            main.err.println("ludus: internal error formatting " + name + " (left unchanged): " + e.getMessage());
            return null;
        }
    }
}
