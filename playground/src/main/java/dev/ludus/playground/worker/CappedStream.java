package dev.ludus.playground.worker;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Collects a run's console output up to a byte limit. The write that crosses the limit keeps what
 * fits and throws {@link Exceeded} on the program's thread, which ends the program (no Ludus code
 * can catch a Java error); later writes (the launcher's own report) are dropped.
 */
final class CappedStream extends OutputStream {
    /** Thrown once, when the limit is crossed. */
    static final class Exceeded extends Error {
        Exceeded() { super("console output limit", null, false, false); }
    }

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final int limit;
    private volatile boolean exceeded;

    CappedStream(int limit) { this.limit = limit; }

    boolean exceeded() { return exceeded; }

    @Override
    public synchronized void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        if (exceeded) return;
        int room = limit - bytes.size();
        if (len <= room) {
            bytes.write(b, off, len);
            return;
        }
        bytes.write(b, off, Math.max(0, room));
        exceeded = true;
        throw new Exceeded();
    }

    /** The text kept (a character cut at the limit becomes U+FFFD). */
    synchronized String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
