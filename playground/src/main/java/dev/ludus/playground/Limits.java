package dev.ludus.playground;

import java.time.Duration;

/**
 * What one run may use. Time is enforced by the server (a worker past it is killed), memory by the
 * worker JVM's heap ({@code -Xmx}; it exits on OutOfMemoryError), output and drawing by the worker,
 * source size by the server before anything runs.
 */
public record Limits(Duration time, int memoryMb, int outputBytes, int drawingSegments, int sourceBytes) {
    public static final Duration DEFAULT_TIME = Duration.ofSeconds(10);

    public static Limits defaults() {
        return new Limits(DEFAULT_TIME, 256, 100_000, 20_000, 64 * 1024);
    }

    public Limits withTime(Duration t) { return new Limits(t, memoryMb, outputBytes, drawingSegments, sourceBytes); }
    public Limits withMemoryMb(int m) { return new Limits(time, m, outputBytes, drawingSegments, sourceBytes); }
    public Limits withOutputBytes(int o) { return new Limits(time, memoryMb, o, drawingSegments, sourceBytes); }
    public Limits withDrawingSegments(int d) { return new Limits(time, memoryMb, outputBytes, d, sourceBytes); }
    public Limits withSourceBytes(int s) { return new Limits(time, memoryMb, outputBytes, drawingSegments, s); }
}
