package dev.ludus.compiler.resolve;

import java.nio.file.Path;

/**
 * Which files {@code import} may read (spec §13). The command line reads any file; a server
 * (the playground) confines imports to one directory, or refuses them, so that a program never
 * reaches a file it was not given. The check runs before a file is opened, on the path as
 * resolved and again on its real path (a symbolic link must not lead out).
 */
@FunctionalInterface
public interface ImportPolicy {
    /** Null if {@code path} (absolute, normalised) may be read; otherwise the error message. */
    String refuse(Path path);

    /** Every file may be imported (the command line). */
    ImportPolicy ANY = new ImportPolicy() { // a class, not a lambda: every `ludus run` uses it (see LudusCompiler.PARSER)
        @Override
        public String refuse(Path path) {
            return null;
        }
    };

    /** No file may be imported. */
    static ImportPolicy none(String message) {
        return path -> message;
    }

    /** Only files inside {@code root} (after resolving links) may be imported. */
    static ImportPolicy within(Path root, String message) {
        Path real;
        try {
            real = root.toRealPath();
        } catch (java.io.IOException e) {
            real = root.toAbsolutePath().normalize();
        }
        Path base = real;
        return path -> path.toAbsolutePath().normalize().startsWith(base) ? null : message;
    }
}
