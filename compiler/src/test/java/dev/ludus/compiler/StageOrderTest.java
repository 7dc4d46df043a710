package dev.ludus.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The pipeline's stages, one package each, depend only on the stages before them:
 * syntax -> resolve -> analyse -> emit (diagnostic, the error reports, on syntax only; format,
 * the formatter, on syntax and diagnostic); of the top-level package, emit names only its
 * output, CompiledProgram. Read from every mention of a compiler package in the sources (imports
 * and qualified names alike).
 */
class StageOrderTest {
    private static final Path SOURCES = Path.of("src/main/java/dev/ludus/compiler");

    /** Each package and the compiler packages it may import. */
    private static final Map<String, List<String>> ALLOWED = Map.of(
            "syntax", List.of("diagnostic"),
            "diagnostic", List.of("syntax"),
            "format", List.of("syntax", "diagnostic"),
            "resolve", List.of("syntax", "diagnostic"),
            "analyse", List.of("syntax", "diagnostic", "resolve"),
            "emit", List.of("syntax", "diagnostic", "resolve", "analyse"));

    @Test
    void stagesImportOnlyEarlierStages() throws IOException {
        List<String> wrong = new ArrayList<>();
        int files = 0;
        for (Map.Entry<String, List<String>> e : ALLOWED.entrySet()) {
            Path dir = SOURCES.resolve(e.getKey());
            assertTrue(Files.isDirectory(dir), dir + " is missing");
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path f : all.filter(p -> p.toString().endsWith(".java")).toList()) {
                    files++;
                    for (String line : Files.readAllLines(f)) {
                        for (String used : stagesNamed(line)) {
                            if (!used.equals(e.getKey()) && !e.getValue().contains(used)
                                    && !(e.getKey().equals("emit") && used.equals("CompiledProgram"))) {
                                wrong.add(SOURCES.relativize(f) + ": " + line.trim());
                            }
                        }
                    }
                }
            }
        }
        assertTrue(files > 50, "read only " + files + " files");
        assertEquals(List.of(), wrong, "imports that reach back up the pipeline");
    }

    @Test
    void theCompilerNamesTheChain() throws IOException {
        String compiler = Files.readString(SOURCES.resolve("LudusCompiler.java"));
        for (String stage : new String[] {"parse", "resolve", "analyse", "emit"}) {
            assertTrue(compiler.contains(stage), "LudusCompiler does not name " + stage);
        }
    }

    /**
     * The compiler packages a line names (the segment after dev.ludus.compiler: a package, or a
     * class of the top-level package), outside comments.
     */
    private static List<String> stagesNamed(String line) {
        String s = line.trim();
        List<String> found = new ArrayList<>();
        if (s.startsWith("*") || s.startsWith("//") || s.startsWith("/*")) return found;
        String prefix = "dev.ludus.compiler.";
        for (int at = s.indexOf(prefix); at >= 0; at = s.indexOf(prefix, at + 1)) {
            int from = at + prefix.length(), to = from;
            while (to < s.length() && Character.isJavaIdentifierPart(s.charAt(to))) to++;
            found.add(s.substring(from, to));
        }
        return found;
    }
}
