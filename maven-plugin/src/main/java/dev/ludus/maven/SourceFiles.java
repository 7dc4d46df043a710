package dev.ludus.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Finding .ld files and naming them the way reports and state files do ('/'-separated). */
final class SourceFiles {
    private SourceFiles() {}

    /** Every regular *.ld file under {@code dir} (recursively if {@code recursive}), sorted; none if {@code dir} is missing. */
    static List<Path> find(Path dir, boolean recursive) throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = recursive ? Files.walk(dir) : Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".ld") && Files.isRegularFile(p))
                    .sorted().toList();
        }
    }

    /** {@code file} relative to {@code base} with '/' separators, or its absolute path if it is not under {@code base}. */
    static String relative(Path base, Path file) {
        Path b = base.toAbsolutePath().normalize(), f = file.toAbsolutePath().normalize();
        if (!f.startsWith(b)) return f.toString();
        return b.relativize(f).toString().replace(File.separatorChar, '/');
    }
}
