package dev.ludus.maven;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * An output stream that hands each complete UTF-8 line to a consumer (the Maven log) as soon as
 * it is written, so a long test run shows its progress; {@link #close} passes on an unfinished
 * last line.
 */
final class LineSink extends OutputStream {
    private final Consumer<String> lines;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    LineSink(Consumer<String> lines) { this.lines = lines; }

    static PrintStream printStream(Consumer<String> lines) {
        return new PrintStream(new LineSink(lines), true, StandardCharsets.UTF_8);
    }

    @Override public synchronized void write(int b) {
        if (b == '\n') {
            String line = pending.toString(StandardCharsets.UTF_8);
            pending.reset();
            lines.accept(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        } else {
            pending.write(b);
        }
    }

    @Override public synchronized void write(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) write(b[i]);
    }

    @Override public synchronized void close() {
        if (pending.size() > 0) write('\n');
    }
}
