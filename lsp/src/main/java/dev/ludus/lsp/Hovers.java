package dev.ludus.lsp;

import dev.ludus.compiler.emit.PatternText;
import dev.ludus.compiler.resolve.Binding;
import dev.ludus.compiler.syntax.Ast;
import dev.ludus.runtime.prelude.Prelude;
import dev.ludus.runtime.value.LFn;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Hover text (Markdown): a function's name, docstring and clause patterns, as `doc!` shows them; where a name is bound. */
final class Hovers {
    private Hovers() {}

    static String text(Targets.Target t) {
        Binding b = t.binding();
        if (b.kind == Binding.Kind.PRELUDE) {
            Object v = Prelude.get(b.name);
            if (v instanceof LFn f) {
                LFn d = f.docTarget();
                return fn(b.name, d.doc(), d.clausePatterns(), "prelude");
            }
            return code(b.name) + "\n\nprelude value";
        }
        Ast.FnDef def = definition(t);
        String where = t.module() != null && t.module().source().path() != null
                ? fileName(t.module().source().path()) : "this file";
        if (def != null) {
            List<String> patterns = new ArrayList<>();
            for (Ast.Clause c : def.clauses()) patterns.add(PatternText.show(c.pattern()));
            return fn(b.name, def.doc(), patterns, "fn, " + where + " line " + def.span().line());
        }
        Ast.Node site = b.site;
        if (site == null) return code(b.name);
        String kind;
        if (site instanceof Ast.FnDecl) kind = "fn (declared, not yet defined)";
        else if (site instanceof Ast.RefDecl r) kind = r.box() ? "box" : "ref";
        else if (site instanceof Ast.Import imp) kind = "import \"" + imp.path() + "\"";
        else if (site instanceof Ast.Ns ns) kind = (ns.pkg() ? "pkg" : "ns") + " { " + members(ns) + " }";
        else if (site instanceof Ast.Use u) kind = "from use " + u.name().name();
        else kind = b.kind == Binding.Kind.MODULE ? "module binding" : "local binding";
        return code(b.name) + "\n\n" + kind + ", bound at " + where + " line " + site.span().line();
    }

    /** The FnDef that gives a fn binding its value (also for a forward declaration), or null. */
    static Ast.FnDef definition(Targets.Target t) {
        if (t.binding().site instanceof Ast.FnDef d) return d;
        if (t.module() == null || !(t.binding().site instanceof Ast.FnDecl)) return null;
        Ast.FnDef[] found = {null};
        AstIndex.walk(t.module().script(), o -> {
            if (o instanceof Ast.FnDef d && t.module().resolution().declared.get(d) == t.binding()) found[0] = d;
        });
        return found[0];
    }

    static String fn(String name, String doc, List<String> patterns, String where) {
        StringBuilder sb = new StringBuilder("```ludus\n");
        for (String p : patterns) sb.append(name).append(' ').append(p).append('\n');
        if (patterns.isEmpty()) sb.append(name).append('\n');
        sb.append("```\n");
        if (doc != null && !doc.isEmpty()) sb.append('\n').append(doc).append('\n');
        sb.append("\n*").append(where).append('*');
        return sb.toString();
    }

    private static String members(Ast.Ns ns) {
        List<String> keys = new ArrayList<>();
        for (Ast.DictPair e : ns.entries()) keys.add(":" + e.key());
        return String.join(", ", keys);
    }

    private static String code(String name) {
        return "```ludus\n" + name + "\n```";
    }

    private static String fileName(Path p) {
        return p.getFileName() == null ? p.toString() : p.getFileName().toString();
    }
}
