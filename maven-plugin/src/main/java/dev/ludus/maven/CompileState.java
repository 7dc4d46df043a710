package dev.ludus.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the last compile produced, kept in a small text file under target/ so the next build
 * recompiles only what changed: for each source (path relative to the source directory) the
 * class files it wrote (relative to the output directory) and every file of its program (itself
 * and everything it imports, transitively) with the modification time it had when compiled.
 * {@code config} fingerprints the settings and the compiler: when it differs, nothing is reused.
 * <pre>
 * ludus-compile-state 1
 * config  FINGERPRINT
 * source  app.ld
 * out     ludus/M_app.class
 * dep     1700000000000   /abs/src/main/ludus/app.ld
 * </pre>
 * (fields separated by tabs). A missing, unreadable or foreign file reads as empty.
 */
final class CompileState {
    static final String HEADER = "ludus-compile-state 1";

    /** One compiled source: its class files and the files (with mtimes) its program was made from. */
    record Entry(List<String> outputs, Map<Path, Long> deps) {}

    final String config;
    final Map<String, Entry> sources;

    CompileState(String config, Map<String, Entry> sources) {
        this.config = config;
        this.sources = sources;
    }

    static CompileState read(Path file) {
        Map<String, Entry> sources = new TreeMap<>();
        String config = "";
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return new CompileState("", sources);
        }
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) return new CompileState("", sources);
        Entry current = null;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", 3);
            try {
                switch (f[0]) {
                    case "config" -> config = f[1];
                    case "source" -> {
                        current = new Entry(new ArrayList<>(), new LinkedHashMap<>());
                        sources.put(f[1], current);
                    }
                    case "out" -> current.outputs().add(f[1]);
                    case "dep" -> current.deps().put(Path.of(f[2]), Long.parseLong(f[1]));
                    default -> { return new CompileState("", new TreeMap<>()); }
                }
            } catch (RuntimeException e) { // truncated or hand-edited: start afresh
                return new CompileState("", new TreeMap<>());
            }
        }
        return new CompileState(config, sources);
    }

    void write(Path file) throws IOException {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        b.append("config\t").append(config).append('\n');
        for (var e : sources.entrySet()) {
            b.append("source\t").append(e.getKey()).append('\n');
            for (String out : e.getValue().outputs()) b.append("out\t").append(out).append('\n');
            for (var d : e.getValue().deps().entrySet()) {
                b.append("dep\t").append(d.getValue()).append('\t').append(d.getKey()).append('\n');
            }
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, b, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
    }
}
