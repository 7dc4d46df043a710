package dev.ludus.lsp;

import dev.ludus.compiler.resolve.Module;
import dev.ludus.compiler.syntax.Ast;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.SymbolKind;

/** Document symbols: top-level functions, lets, refs/boxes, imports, and ns/pkg forms with their members. */
final class Symbols {
    private Symbols() {}

    static List<DocumentSymbol> of(Module m, Positions pos) {
        List<DocumentSymbol> out = new ArrayList<>();
        for (Ast.Expr e : m.script().body()) {
            if (e instanceof Ast.FnDef d && d.name() != null) {
                out.add(symbol(pos, d.name(), SymbolKind.Function, d, d.nameSpan(),
                        d.clauses().size() + (d.clauses().size() == 1 ? " clause" : " clauses")));
            } else if (e instanceof Ast.Let l) {
                AstIndex.walk(l.pattern(), o -> {
                    if (o instanceof Ast.PBind b) out.add(symbol(pos, b.name(), SymbolKind.Variable, l, b.span(), "let"));
                    if (o instanceof Ast.PTyped b) out.add(symbol(pos, b.name(), SymbolKind.Variable, l, b.span(), "let"));
                });
            } else if (e instanceof Ast.RefDecl r) {
                out.add(symbol(pos, r.name(), SymbolKind.Variable, r, r.nameSpan(), r.box() ? "box" : "ref"));
            } else if (e instanceof Ast.Import i) {
                out.add(symbol(pos, i.name(), SymbolKind.Module, i, i.nameSpan(), "\"" + i.path() + "\""));
            } else if (e instanceof Ast.Ns ns) {
                DocumentSymbol s = symbol(pos, ns.name(), SymbolKind.Namespace, ns, ns.nameSpan(), ns.pkg() ? "pkg" : "ns");
                List<DocumentSymbol> members = new ArrayList<>();
                for (Ast.DictPair p : ns.entries()) members.add(symbol(pos, p.key(), SymbolKind.Field, p, p.span(), null));
                s.setChildren(members);
                out.add(s);
            } else if (e instanceof Ast.Test t) {
                out.add(symbol(pos, "test \"" + t.name() + "\"", SymbolKind.Event, t, t.span(), null));
            }
        }
        return out;
    }

    private static DocumentSymbol symbol(Positions pos, String name, SymbolKind kind, Ast.Node whole,
                                         dev.ludus.compiler.syntax.Span nameSpan, String detail) {
        var range = pos.range(whole.span());
        var sel = pos.range(nameSpan);
        // the selection must lie inside the range
        if (before(sel.getStart(), range.getStart()) || before(range.getEnd(), sel.getEnd())) sel = range;
        DocumentSymbol s = new DocumentSymbol(name, kind, range, sel);
        s.setDetail(detail);
        return s;
    }

    private static boolean before(org.eclipse.lsp4j.Position a, org.eclipse.lsp4j.Position b) {
        return a.getLine() < b.getLine() || (a.getLine() == b.getLine() && a.getCharacter() < b.getCharacter());
    }
}
