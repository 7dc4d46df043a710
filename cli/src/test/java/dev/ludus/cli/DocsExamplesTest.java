package dev.ludus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ludus.runtime.RunOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every code example in docs/*.md runs and prints what the page shows. An example is a fenced
 * {@code ```ludus} block; the {@code ```output} block right after it is what {@code ludus run}
 * prints for it (with --seed 1), `=> value` line included. A {@code ```ludus} block without
 * its output block is an error, so no example goes unchecked.
 */
class DocsExamplesTest {
    static final Path DOCS = Path.of("..", "docs");

    record Example(Path page, int line, String code, String output) {}

    static List<Example> examples(Path page) throws IOException {
        List<String> lines = Files.readAllLines(page, StandardCharsets.UTF_8);
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).strip().equals("```ludus")) continue;
            int start = i;
            StringBuilder code = new StringBuilder();
            for (i++; i < lines.size() && !lines.get(i).strip().equals("```"); i++) code.append(lines.get(i)).append('\n');
            int j = i + 1;
            while (j < lines.size() && lines.get(j).isBlank()) j++;
            if (j >= lines.size() || !lines.get(j).strip().equals("```output")) {
                throw new AssertionError(page + ":" + (start + 1) + ": a ```ludus example without its ```output block");
            }
            StringBuilder output = new StringBuilder();
            for (j++; j < lines.size() && !lines.get(j).strip().equals("```"); j++) output.append(lines.get(j)).append('\n');
            out.add(new Example(page, start + 1, code.toString(), output.toString()));
            i = j;
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> everyExampleInDocs(@TempDir Path tmp) throws IOException {
        assertTrue(Files.isDirectory(DOCS), "docs/ is missing at " + DOCS.toAbsolutePath());
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> pages = Files.list(DOCS)) {
            for (Path page : (Iterable<Path>) pages.filter(p -> p.toString().endsWith(".md")).sorted()::iterator) {
                for (Example ex : examples(page)) {
                    tests.add(DynamicTest.dynamicTest(page.getFileName() + ":" + ex.line(), () -> {
                        Path file = tmp.resolve("example.ld");
                        Files.writeString(file, ex.code(), StandardCharsets.UTF_8);
                        var out = new ByteArrayOutputStream();
                        var err = new ByteArrayOutputStream();
                        try (var o = new PrintStream(out, true, StandardCharsets.UTF_8);
                             var e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
                            ProgramRunner.compileAndRun(file, "example.ld", RunOptions.defaults().withSeed(1L), o, e);
                        }
                        assertEquals(ex.output(), out.toString(StandardCharsets.UTF_8),
                                ex.page() + ":" + ex.line() + "\n" + err.toString(StandardCharsets.UTF_8));
                    }));
                }
            }
        }
        assertFalse(tests.isEmpty(), "no examples found in docs/");
        return tests.stream();
    }

    @Test
    void anExampleWithoutOutputIsAnError(@TempDir Path tmp) throws IOException {
        Path page = Files.writeString(tmp.resolve("p.md"), "text\n```ludus\nprint! (1)\n```\nno output\n");
        AssertionError e = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class, () -> examples(page));
        assertTrue(e.getMessage().contains("p.md:2"), e.getMessage());
        Path ok = Files.writeString(tmp.resolve("q.md"), "```ludus\nprint! (1)\n```\n\n```output\n1\n=> :ok\n```\n");
        assertEquals(List.of(new Example(ok, 1, "print! (1)\n", "1\n=> :ok\n")), examples(ok));
    }
}
