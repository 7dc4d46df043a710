package dev.ludus.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * A program named on the command line: a file, or {@code -} for standard input (copied to a
 * temporary file, since the compiler reads files; its imports then resolve against that
 * temporary directory). The display name used in reports is the argument as given.
 */
record SourceInput(Path path, String displayName, Path tempDir) implements AutoCloseable {
    static final String STDIN_NAME = "<stdin>";

    static SourceInput open(String arg, InputStream stdin) {
        if ("-".equals(arg)) {
            try {
                byte[] text = dev.ludus.compiler.resolve.SourceFiles.read(stdin);
                Path dir = Files.createTempDirectory("ludus-stdin");
                Path file = dir.resolve("stdin.ld");
                Files.write(file, text);
                return new SourceInput(file, STDIN_NAME, dir);
            } catch (IOException e) {
                throw new Main.UserError("cannot read the program from standard input: " + e.getMessage());
            }
        }
        Path p;
        try {
            p = Path.of(arg);
        } catch (InvalidPathException e) {
            throw new Main.UserError("cannot read " + arg + ": not a valid path");
        }
        if (!Files.exists(p)) throw new Main.UserError("cannot read " + arg + ": no such file");
        if (Files.isDirectory(p)) throw new Main.UserError("cannot read " + arg + ": is a directory");
        if (!Files.isReadable(p)) throw new Main.UserError("cannot read " + arg + ": permission denied");
        return new SourceInput(p, arg, null);
    }

    /** The file name without directory and {@code .ld} extension (for default output names). */
    String baseName() {
        if (tempDir != null) return "stdin";
        String name = path.getFileName() == null ? "program" : path.getFileName().toString();
        return name.endsWith(".ld") && name.length() > 3 ? name.substring(0, name.length() - 3) : name;
    }

    @Override
    public void close() {
        if (tempDir != null) deleteTree(tempDir);
    }

    /** Deletes a temporary directory and what it holds (best effort: a file may be left behind). */
    static void deleteTree(Path dir) {
        try (var files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(f);
            }
        } catch (IOException | UncheckedIOException ignored) {
            // a temporary file left behind
        }
    }
}
