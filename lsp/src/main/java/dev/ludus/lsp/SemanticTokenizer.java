package dev.ludus.lsp;

import static dev.ludus.grammar.Ludus.*;

import dev.ludus.compiler.resolve.Binding;
import dev.ludus.compiler.resolve.Module;
import dev.ludus.compiler.resolve.NameUse;
import dev.ludus.compiler.syntax.Ast;
import dev.ludus.compiler.syntax.SourceTokens;
import dev.ludus.compiler.syntax.SourceTokens.Tok;
import dev.ludus.compiler.syntax.Span;
import dev.ludus.runtime.prelude.Prelude;
import dev.ludus.runtime.value.LFn;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.SemanticTokensLegend;

/**
 * Semantic tokens: the scanner's tokens, with each word classified by what it resolves to
 * (function, namespace, variable; prelude names marked defaultLibrary). Words are classified
 * only when the current text parsed; otherwise they stay plain, the rest is lexical.
 */
final class SemanticTokenizer {
    private SemanticTokenizer() {}

    static final List<String> TYPES = List.of("keyword", "string", "number", "comment", "function", "variable",
            "namespace", "enumMember");
    static final List<String> MODIFIERS = List.of("declaration", "defaultLibrary");
    static final SemanticTokensLegend LEGEND = new SemanticTokensLegend(TYPES, MODIFIERS);

    private record Kind(int type, int modifiers) {}

    /** The lexer's reserved words (a new one, e.g. `receive`, is covered without a change here). */
    private static final java.util.Set<String> RESERVED = dev.ludus.compiler.syntax.LudusParser.reservedWords();

    static List<Integer> encode(String text, Module parsedNow) {
        Map<Long, Kind> words = parsedNow == null ? Map.of() : classify(parsedNow);
        Positions pos = new Positions(text);
        List<Integer> data = new ArrayList<>();
        int prevLine = 0, prevChar = 0;
        for (Tok t : SourceTokens.scan(text).all()) {
            if (t.line() != t.endLine()) continue; // multi-line strings: not every client takes them
            Kind k = kind(t, words);
            if (k == null) continue;
            var start = pos.position(t.line(), t.col());
            var end = pos.position(t.endLine(), t.endCol());
            int line = start.getLine(), ch = start.getCharacter();
            data.add(line - prevLine);
            data.add(line == prevLine ? ch - prevChar : ch);
            data.add(end.getCharacter() - ch);
            data.add(k.type());
            data.add(k.modifiers());
            prevLine = line;
            prevChar = ch;
        }
        return data;
    }

    private static Kind kind(Tok t, Map<Long, Kind> words) {
        if (t.isComment()) return new Kind(3, 0);
        return switch (t.type()) {
            case STRING -> new Kind(1, 0);
            case NUMBER -> new Kind(2, 0);
            case KEYWORD -> new Kind(7, 0);
            case NIL, TRUE, FALSE -> new Kind(0, 0);
            case WORD, PANIC -> words.get(key(t.line(), t.col()));
            default -> RESERVED.contains(t.text()) ? new Kind(0, 0) : null;
        };
    }

    private static long key(int line, int col) {
        return ((long) line << 32) | col;
    }

    private static Map<Long, Kind> classify(Module m) {
        Map<Long, Kind> out = new HashMap<>();
        AstIndex.walk(m.script(), o -> {
            if (o instanceof Ast.Word w) {
                NameUse u = m.resolution().uses.get(w);
                if (u != null) out.put(key(w.span().line(), w.span().col()), of(u.binding(), 0));
            } else if (o instanceof Ast.Node n) {
                Binding b = m.resolution().declared.get(n);
                if (b == null || (n instanceof Ast.FnDef d && d.nameSpan() == null)) return;
                Span s = AstIndex.nameSpan(n, b.name);
                out.put(key(s.line(), s.col()), of(b, 1));
            }
        });
        return out;
    }

    private static Kind of(Binding b, int modifiers) {
        if (b.kind == Binding.Kind.PRELUDE) {
            return new Kind(Prelude.get(b.name) instanceof LFn ? 4 : 5, modifiers | 2);
        }
        Ast.Node site = b.site;
        if (site instanceof Ast.FnDef || site instanceof Ast.FnDecl) return new Kind(4, modifiers);
        if (site instanceof Ast.Import || site instanceof Ast.Ns) return new Kind(6, modifiers);
        return new Kind(5, modifiers);
    }
}
