package dev.ludus.runtime;

import java.nio.file.Path;
import java.util.List;

/**
 * How to run a program: the random seed (null: pick one at random), where to write the turtle
 * drawing (spec §12.4; null: don't) and the canvas size.
 */
public record RunOptions(Long seed, Path svgPath, Path pngPath, int width, int height, long timeLimit) {
    public static final int DEFAULT_SIZE = 640;

    /** timeLimit: seconds the program may run (0: no limit), then it ends with a panic. */
    public RunOptions {
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("canvas size must be positive");
        if (timeLimit < 0) throw new IllegalArgumentException("the time limit must not be negative");
    }

    public RunOptions(Long seed, Path svgPath, Path pngPath, int width, int height) {
        this(seed, svgPath, pngPath, width, height, 0);
    }

    public static RunOptions defaults() {
        return new RunOptions(null, null, null, DEFAULT_SIZE, DEFAULT_SIZE, 0);
    }

    /** True if these options ask for any turtle output file (spec §12.4). */
    public boolean writesDrawing() {
        return svgPath != null || pngPath != null;
    }

    public RunOptions withSeed(Long s) { return new RunOptions(s, svgPath, pngPath, width, height, timeLimit); }
    public RunOptions withSvg(Path p) { return new RunOptions(seed, p, pngPath, width, height, timeLimit); }
    public RunOptions withPng(Path p) { return new RunOptions(seed, svgPath, p, width, height, timeLimit); }
    public RunOptions withSize(int w, int h) { return new RunOptions(seed, svgPath, pngPath, w, h, timeLimit); }
    public RunOptions withTimeLimit(long seconds) { return new RunOptions(seed, svgPath, pngPath, width, height, seconds); }

    /** Parses a --time-limit value: a whole number of seconds, at least 1. */
    public static long parseTimeLimit(String value) {
        try {
            long s = Long.parseLong(value.trim());
            if (s >= 1 && s <= 31_536_000) return s;
        } catch (NumberFormatException ignored) {
            // below
        }
        throw new IllegalArgumentException("invalid time limit '" + value + "': expected a whole number of seconds (at least 1)");
    }

    /** The seed to use for this run: the given one, or a fresh random one. */
    public long effectiveSeed() {
        return seed != null ? seed : new java.util.Random().nextLong();
    }

    /** Parses a canvas size {@code W} or {@code WxH} (a single number means a square). */
    public static int[] parseSize(String text) {
        String[] parts = text.trim().toLowerCase(java.util.Locale.ROOT).split("x", -1);
        try {
            if (parts.length == 1) {
                int w = Integer.parseInt(parts[0]);
                if (w > 0) return new int[] {w, w};
            } else if (parts.length == 2) {
                int w = Integer.parseInt(parts[0]), h = Integer.parseInt(parts[1]);
                if (w > 0 && h > 0) return new int[] {w, h};
            }
        } catch (NumberFormatException ignored) {
            // fall through to the error below
        }
        throw new IllegalArgumentException("invalid size '" + text + "': expected W or WxH, e.g. 640x480");
    }

    /** Usage text for the options {@link #parse} accepts. */
    public static final String USAGE =
            "options: [--seed N] [--svg PATH] [--png PATH] [--size W[xH]] [--time-limit SECONDS]";

    /**
     * Parses the options of a compiled program's command line ({@code java -jar app.jar ...}):
     * {@code --seed N}, {@code --svg PATH}, {@code --png PATH}, {@code --size W[xH]}
     * (also as {@code --opt=value}). Throws IllegalArgumentException with a one-line message.
     */
    public static RunOptions parse(List<String> args) {
        RunOptions o = defaults();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String name = a, value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            }
            if (!List.of("--seed", "--svg", "--png", "--size", "--time-limit").contains(name)) {
                throw new IllegalArgumentException("unknown option '" + a + "'");
            }
            if (value == null) {
                if (i + 1 >= args.size()) throw new IllegalArgumentException("option '" + name + "' needs a value");
                value = args.get(++i);
            }
            switch (name) {
                case "--seed" -> {
                    try {
                        o = o.withSeed(Long.parseLong(value.trim()));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("invalid seed '" + value + "': expected an integer");
                    }
                }
                case "--svg" -> o = o.withSvg(Path.of(value));
                case "--png" -> o = o.withPng(Path.of(value));
                case "--time-limit" -> o = o.withTimeLimit(parseTimeLimit(value));
                default -> {
                    int[] wh = parseSize(value);
                    o = o.withSize(wh[0], wh[1]);
                }
            }
        }
        return o;
    }
}
