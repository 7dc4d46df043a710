package dev.ludus.compiler.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ludus.compiler.diagnostic.CompileErrors;
import dev.ludus.compiler.diagnostic.ReferenceReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Shared logic of the golden-file tests: a .ld file and its .expected stdout ending in "[exit N]". */
final class Goldens {
    private Goldens() {}

    static final String REPORT_START = "Ludus found an error in ";

    /** The messages (or their beginnings) of lexical and syntax errors, spec §11. */
    private static final List<String> SYNTAX_MESSAGES = List.of(
            "unexpected character '", "unterminated string", "expected a digit after '.'",
            "'-' must be followed by a digit or '>'", "a keyword needs a letter after ':'",
            "expected ", SyntaxMessages.BINDING_FORM, SyntaxMessages.NAMED_FN);

    /** The shared directory (see SharedCorpus: skipped on a fresh clone without it). */
    static Path sharedDir() {
        return dev.ludus.compiler.SharedCorpus.dir();
    }

    static Stream<Path> ldFiles(Path dir) throws IOException {
        return Files.list(dir).filter(p -> p.toString().endsWith(".ld")).sorted();
    }

    /** The expected stdout without its final "[exit N]" line. */
    static String expectedReport(Path ld) throws IOException {
        Path exp = ld.resolveSibling(ld.getFileName().toString().replaceFirst("\\.ld$", ".expected"));
        String text = Files.readString(exp);
        int exit = text.lastIndexOf("[exit ");
        return exit >= 0 ? text.substring(0, exit) : text;
    }

    /** Does this expected output report a lexical or syntax error (as opposed to a resolver error, or none)? */
    static boolean isSyntaxErrorReport(String expected) {
        if (!expected.startsWith(REPORT_START)) return false;
        String first = expected.lines().findFirst().orElse("");
        int at = first.indexOf(": ", first.indexOf(", column "));
        String message = first.substring(at + 2);
        if (message.startsWith("expected ") || SYNTAX_MESSAGES.stream().anyMatch(message::startsWith)) return true;
        return false;
    }

    /** Parses the file; checks it against the expected report, or that it parses cleanly. */
    static void check(Path ld, String expected) throws IOException {
        SourceText src = new SourceText(ld.getFileName().toString(), ld.toAbsolutePath(), Files.readString(ld));
        if (isSyntaxErrorReport(expected)) {
            try {
                LudusParser.parse(src);
                fail("expected a syntax error:\n" + expected);
            } catch (CompileErrors e) {
                assertEquals(expected, ReferenceReport.render(e.diagnostics()));
            }
        } else {
            try {
                LudusParser.parse(src);
            } catch (CompileErrors e) {
                fail("should parse cleanly, got:\n" + ReferenceReport.render(e.diagnostics()));
            }
        }
    }
}
