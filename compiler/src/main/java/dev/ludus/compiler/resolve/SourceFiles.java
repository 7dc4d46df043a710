package dev.ludus.compiler.resolve;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads source files with a size bound: a program is text a person or a generator wrote, and
 * reading must end even when the path names a device (issue 12: {@code import "/dev/zero"}
 * once read until the compiler ran out of memory).
 */
public final class SourceFiles {
    private SourceFiles() {}

    /** The largest source file read: well beyond any program the compiler is meant to handle. */
    public static final int MAX_BYTES = 64 << 20;

    /** A file larger than {@link #MAX_BYTES}; the message says so in words. */
    public static final class TooLarge extends IOException {
        TooLarge() {
            super("it is larger than " + (MAX_BYTES >> 20) + " MB, the largest source file Ludus reads");
        }
    }

    /** The bytes of {@code path}, at most {@link #MAX_BYTES} of them. */
    public static byte[] read(Path path) throws IOException {
        boolean regular = Files.isRegularFile(path);
        if (regular && Files.size(path) > MAX_BYTES) throw new TooLarge();
        // A regular file through java.io, not Files.newInputStream: the JVM has FileInputStream set
        // up already, while a first NIO channel initialises its classes and loads two native
        // libraries (~2 ms of every compile's start). Not a pipe: FileInputStream's readNBytes
        // asks a pipe for its position, and fails.
        try (InputStream in = regular ? new java.io.FileInputStream(path.toFile()) : Files.newInputStream(path)) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) throw new TooLarge();
            return bytes;
        }
    }

    /** As {@link #read(Path)}, from a stream (standard input). */
    public static byte[] read(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) throw new TooLarge();
        return bytes;
    }
}
