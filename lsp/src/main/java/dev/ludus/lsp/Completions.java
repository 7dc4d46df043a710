package dev.ludus.lsp;

import dev.ludus.compiler.resolve.Binding;
import dev.ludus.compiler.resolve.Module;
import dev.ludus.compiler.syntax.Ast;
import dev.ludus.compiler.syntax.LudusParser;
import dev.ludus.compiler.syntax.Span;
import dev.ludus.runtime.prelude.Prelude;
import dev.ludus.runtime.value.LFn;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.InsertTextFormat;

/**
 * Completion: after {@code name :} the members of that namespace; elsewhere the names in scope
 * at the cursor (locals of the enclosing functions bound before it, every module name), the
 * prelude (with its clause patterns), reserved words and snippets.
 */
final class Completions {
    private Completions() {}

    /** Snippets by label: a new form gets one more entry (e.g. `receive` of processes). */
    static final Map<String, String> SNIPPETS = Map.of(
        "fn", "fn ${1:name} (${2:args}) -> ${0:body}",
        "fn {", "fn ${1:name} {\n\t\"${2:doc}\"\n\t(${3:args}) -> ${0:body}\n}",
        "match", "match ${1:value} with {\n\t${2:pattern} -> ${3:result}\n\t_ -> ${0:otherwise}\n}",
        "loop", "loop (${1:init}) with {\n\t(${2:args}) -> ${0:body}\n}",
        "receive", "receive {\n\t${1:pattern} -> ${2:result}\n\t${0}\n}",
        "when", "when {\n\t${1:test} -> ${2:result}\n\telse -> ${0:otherwise}\n}",
        "if", "if ${1:condition}\n\tthen ${2:yes}\n\telse ${0:no}",
        "let", "let ${1:name} = ${0:value}",
        "import", "import \"${1:path}\" as ${0:name}");

    private static final Pattern MEMBER = Pattern.compile("([A-Za-z][\\w?!*/]*)\\s+:([\\w?!*/]*)$");

    static List<CompletionItem> complete(Document.Snapshot parsed, String linePrefix, int line, int col) {
        Matcher m = MEMBER.matcher(linePrefix);
        if (m.find() && parsed != null) return members(parsed.main(), m.group(1));
        List<CompletionItem> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        if (parsed != null) {
            Module main = parsed.main();
            main.resolution().declared.forEach((node, b) -> {
                if (b.site != node || !visible(b, line, col)) return;
                if (!seen.add(b.name)) return;
                CompletionItem item = new CompletionItem(b.name);
                item.setKind(b.site instanceof Ast.FnDef || b.site instanceof Ast.FnDecl ? CompletionItemKind.Function
                        : b.site instanceof Ast.Import || b.site instanceof Ast.Ns ? CompletionItemKind.Module
                        : CompletionItemKind.Variable);
                item.setDetail(b.kind == Binding.Kind.MODULE ? "module" : "local, line " + b.site.span().line());
                item.setSortText("0" + b.name);
                out.add(item);
            });
        }
        for (String name : Prelude.names()) {
            if (!seen.add(name)) continue;
            CompletionItem item = new CompletionItem(name);
            Object v = Prelude.get(name);
            item.setKind(v instanceof LFn ? CompletionItemKind.Function : CompletionItemKind.Constant);
            if (v instanceof LFn f) {
                item.setDetail(String.join(" ", f.docTarget().clausePatterns()));
                if (f.docTarget().doc() != null) item.setDocumentation(f.docTarget().doc());
            }
            item.setSortText("1" + name);
            out.add(item);
        }
        for (String w : LudusParser.reservedWords()) {
            CompletionItem item = new CompletionItem(w);
            item.setKind(CompletionItemKind.Keyword);
            item.setSortText("2" + w);
            out.add(item);
        }
        SNIPPETS.forEach((label, body) -> {
            CompletionItem item = new CompletionItem(label);
            item.setKind(CompletionItemKind.Snippet);
            item.setInsertText(body);
            item.setInsertTextFormat(InsertTextFormat.Snippet);
            item.setDetail(label + " snippet");
            item.setFilterText(label.split(" ")[0]);
            item.setSortText("3" + label);
            out.add(item);
        });
        return out;
    }

    /** Module names everywhere (late binding); a local where its frame encloses the cursor and it is bound before it. */
    private static boolean visible(Binding b, int line, int col) {
        if (b.kind == Binding.Kind.MODULE) return true;
        Span s = b.site.span();
        boolean before = s.line() < line || (s.line() == line && s.col() < col);
        return before && (b.frame == null || b.frame instanceof Ast.Script || Positions.contains(b.frame.span(), line, col));
    }

    private static List<CompletionItem> members(Module main, String nsName) {
        List<CompletionItem> out = new ArrayList<>();
        main.resolution().namespaces.forEach((b, names) -> {
            if (!b.name.equals(nsName)) return;
            for (String n : names) {
                CompletionItem item = new CompletionItem(n);
                item.setKind(CompletionItemKind.Field);
                Targets.Target t = Targets.member(main, b, n);
                if (t != null) item.setDocumentation(new org.eclipse.lsp4j.MarkupContent("markdown", Hovers.text(t)));
                item.setDetail(nsName + " :" + n);
                out.add(item);
            }
        });
        return out;
    }
}
