package dev.ludus.lsp;

import static dev.ludus.grammar.Ludus.WORD;

import dev.ludus.compiler.resolve.Module;
import dev.ludus.compiler.syntax.Ast;
import dev.ludus.compiler.syntax.SourceTokens;
import dev.ludus.compiler.syntax.Span;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;

/** Go to definition, find references and rename, across the program's modules. */
final class Navigation {
    private Navigation() {}

    /** Where the target's name is declared; for an import's path or name, the imported file. */
    static Location definition(Document.Snapshot s, Targets.Target t, String docUri) {
        if (t.module() == null) return null; // prelude
        if (t.binding().site instanceof Ast.Import imp && Positions.contains(imp.span(), t.at().line(), t.at().col())
                && t.module() == s.main()) {
            Module imported = t.module().resolution().imports.get(imp);
            if (imported != null && imported.source().path() != null) {
                return new Location(imported.source().path().toUri().toString(), new Range(new Position(0, 0), new Position(0, 0)));
            }
        }
        Span name = AstIndex.nameSpan(t.binding().site, t.binding().name);
        if (t.binding().site instanceof Ast.FnDecl) {
            Ast.FnDef def = Hovers.definition(t);
            if (def != null) name = def.nameSpan();
        }
        return location(t.module(), name, s, docUri);
    }

    /** The file imported by the import whose path is under the cursor, or null. */
    static Location importedFile(Document.Snapshot s, int line, int col) {
        for (Ast.Expr e : s.main().script().body()) {
            if (e instanceof Ast.Import imp && Positions.contains(imp.pathSpan(), line, col)) {
                Module m = s.main().resolution().imports.get(imp);
                if (m == null || m.source().path() == null) return null;
                return new Location(m.source().path().toUri().toString(), new Range(new Position(0, 0), new Position(0, 0)));
            }
        }
        return null;
    }

    static List<Location> references(Document.Snapshot s, Targets.Target t, String docUri, boolean withDeclaration) {
        List<Location> out = new ArrayList<>();
        List<Targets.Located> all = Targets.occurrences(s.analysis().program(), t);
        Span decl = t.module() == null ? null : AstIndex.nameSpan(t.binding().site, t.binding().name);
        for (Targets.Located l : all) {
            if (!withDeclaration && l.span().equals(decl) && l.member() == null) continue;
            out.add(location(l.module(), l.member() != null ? keywordName(l.span()) : l.span(), s, docUri));
        }
        return out;
    }

    /** The edits that rename the target everywhere; refuses prelude names and names that are not words. */
    static WorkspaceEdit rename(Document.Snapshot s, Targets.Target t, String newName, String docUri) {
        if (t.prelude()) {
            throw error(t.binding().name + " is a prelude name: it cannot be renamed (shadow it with a binding of your own instead)");
        }
        var scan = SourceTokens.scan(newName);
        if (scan.error() != null || scan.tokens().size() != 1 || scan.tokens().get(0).type() != WORD) {
            throw error("'" + newName + "' is not a valid Ludus name (a word: letters, digits, _ ? ! * /, starting with a letter)");
        }
        Map<String, List<TextEdit>> changes = new HashMap<>();
        for (Targets.Located l : Targets.occurrences(s.analysis().program(), t)) {
            Module m = l.module();
            Positions pos = m == s.main() ? s.positions() : new Positions(m.source().text());
            String uri = uri(m, docUri, s);
            Span span = l.member() != null ? keywordName(l.span()) : l.span();
            // a shorthand (`#{x}`, `ns n { x }`, pattern `#{x}`) names the key too: keep the key, rename the value
            String text = shorthands(m).contains(span) ? ":" + t.binding().name + " " + newName : newName;
            changes.computeIfAbsent(uri, k -> new ArrayList<>()).add(new TextEdit(pos.range(span), text));
        }
        return new WorkspaceEdit(changes);
    }

    private static ResponseErrorException error(String message) {
        return new ResponseErrorException(new ResponseError(ResponseErrorCode.InvalidRequest, message, null));
    }

    /** The spans of shorthand dict/ns entries and dict-pattern entries (where the name is also the key). */
    private static Set<Span> shorthands(Module m) {
        Set<Span> out = new java.util.HashSet<>();
        AstIndex.walk(m.script(), o -> {
            if (o instanceof Ast.DictPair p && p.shorthand() && p.value() instanceof Ast.Word w) out.add(w.span());
            if (o instanceof Ast.PDictPair p && p.shorthand()) out.add(AstIndex.nameSpan(p.pattern(), p.key()));
        });
        return out;
    }

    /** A keyword term's span without its ':'. */
    private static Span keywordName(Span kw) {
        return new Span(kw.file(), kw.line(), kw.col() + 1, kw.endLine(), kw.endCol());
    }

    private static Location location(Module m, Span span, Document.Snapshot s, String docUri) {
        Positions pos = m == s.main() ? s.positions() : new Positions(m.source().text());
        return new Location(uri(m, docUri, s), pos.range(span));
    }

    private static String uri(Module m, String docUri, Document.Snapshot s) {
        Path p = m.source().path();
        return m == s.main() || p == null ? docUri : p.toUri().toString();
    }

}
