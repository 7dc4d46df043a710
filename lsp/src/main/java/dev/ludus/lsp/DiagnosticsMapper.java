package dev.ludus.lsp;

import dev.ludus.compiler.diagnostic.Diagnostic;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * The compiler's diagnostics as LSP diagnostics: the exact span, the spec's message, and the
 * human hint on a line of its own. An error inside an imported file is shown at the top of the
 * document, pointing at the real place as related information.
 */
final class DiagnosticsMapper {
    private DiagnosticsMapper() {}

    static List<org.eclipse.lsp4j.Diagnostic> map(Document doc, Document.Snapshot s) {
        List<org.eclipse.lsp4j.Diagnostic> out = new ArrayList<>();
        for (Diagnostic d : s.errors()) {
            String message = d.hint() == null ? d.message() : d.message() + "\nhint: " + d.hint();
            org.eclipse.lsp4j.Diagnostic lsp;
            if (inDocument(doc, d)) {
                lsp = new org.eclipse.lsp4j.Diagnostic(s.positions().range(d.span()), message, DiagnosticSeverity.Error, "ludus");
            } else {
                Path other = d.source().path();
                Range here = new Range(new Position(0, 0), new Position(0, s.positions().line(0).length()));
                lsp = new org.eclipse.lsp4j.Diagnostic(here, "in " + d.source().displayName() + ": " + message,
                        DiagnosticSeverity.Error, "ludus");
                if (other != null) {
                    Range there = new Positions(d.source().text()).range(d.span());
                    lsp.setRelatedInformation(List.of(new DiagnosticRelatedInformation(
                            new Location(other.toUri().toString(), there), d.message())));
                }
            }
            out.add(lsp);
        }
        return out;
    }

    private static boolean inDocument(Document doc, Diagnostic d) {
        Path p = d.source().path();
        if (p == null || doc.path == null) return true;
        if (p.equals(doc.path)) return true;
        try {
            return Files.exists(doc.path) && Files.isSameFile(p, doc.path);
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
