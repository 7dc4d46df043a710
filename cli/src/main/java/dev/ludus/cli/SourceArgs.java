package dev.ludus.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The FILE arguments of {@code check} and {@code test}: a file stands for itself ({@code -} for
 * standard input), a directory for every {@code *.ld} file below it, in path order.
 */
final class SourceArgs {
    private SourceArgs() {}

    static List<String> expand(List<String> args) {
        List<String> out = new ArrayList<>();
        for (String arg : args) {
            Path p;
            try {
                p = Path.of(arg);
            } catch (InvalidPathException e) {
                out.add(arg); // SourceInput reports it
                continue;
            }
            if (!"-".equals(arg) && Files.isDirectory(p)) {
                try (Stream<Path> files = Files.walk(p)) {
                    List<Path> found = files.filter(f -> f.getFileName().toString().endsWith(".ld") && Files.isRegularFile(f))
                            .sorted().toList();
                    if (found.isEmpty()) throw new Main.UserError("no .ld files in " + arg);
                    for (Path f : found) out.add(f.toString());
                } catch (IOException | UncheckedIOException e) {
                    throw new Main.UserError("cannot read the directory " + arg + ": " + e.getMessage());
                }
            } else {
                out.add(arg);
            }
        }
        return out;
    }
}
