package dev.ludus.lsp;

import static dev.ludus.grammar.Ludus.*;

import dev.ludus.compiler.emit.PatternText;
import dev.ludus.compiler.resolve.Binding;
import dev.ludus.compiler.resolve.Module;
import dev.ludus.compiler.syntax.Ast;
import dev.ludus.compiler.syntax.SourceTokens;
import dev.ludus.compiler.syntax.SourceTokens.Tok;
import dev.ludus.runtime.prelude.Prelude;
import dev.ludus.runtime.value.LFn;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.eclipse.lsp4j.ParameterInformation;
import org.eclipse.lsp4j.SignatureHelp;
import org.eclipse.lsp4j.SignatureInformation;

/**
 * Signature help while typing arguments: found from the tokens before the cursor (so it works
 * in text that does not parse yet), answered with the called function's clause patterns.
 */
final class Signatures {
    private Signatures() {}

    static SignatureHelp help(String text, int line, int col, Document.Snapshot parsed) {
        Deque<int[]> open = new ArrayDeque<>(); // token index of an unclosed '(' and its comma count
        List<Tok> toks = SourceTokens.scan(text).tokens();
        int i = 0;
        for (; i < toks.size(); i++) {
            Tok t = toks.get(i);
            if (t.line() > line || (t.line() == line && t.col() >= col)) break;
            switch (t.type()) {
                case LPAREN, LBRACK, LBRACE, SETOPEN, DICTOPEN -> open.push(new int[] {i, 0, t.type()});
                case RPAREN, RBRACK, RBRACE -> { if (!open.isEmpty()) open.pop(); }
                case COMMA -> { if (!open.isEmpty()) open.peek()[1]++; }
                default -> { }
            }
        }
        if (open.isEmpty() || open.peek()[2] != LPAREN || open.peek()[0] == 0) return null;
        Tok callee = toks.get(open.peek()[0] - 1);
        if (callee.type() != WORD) return null;
        int active = open.peek()[1];
        List<String> patterns = patterns(callee.text(), parsed);
        if (patterns == null || patterns.isEmpty()) return null;
        List<SignatureInformation> sigs = new ArrayList<>();
        int activeSig = -1;
        for (String p : patterns) {
            SignatureInformation s = new SignatureInformation(callee.text() + " " + p);
            List<ParameterInformation> params = new ArrayList<>();
            for (String a : splitTopLevel(p.substring(1, p.length() - 1))) {
                if (!a.isBlank()) params.add(new ParameterInformation(a.strip()));
            }
            s.setParameters(params);
            boolean splat = !params.isEmpty() && params.get(params.size() - 1).getLabel().getLeft().startsWith("...");
            if (activeSig < 0 && (active < params.size() || splat)) activeSig = sigs.size();
            sigs.add(s);
        }
        SignatureHelp help = new SignatureHelp(sigs, Math.max(0, activeSig), active);
        return help;
    }

    /** The clause patterns of a callee named {@code name}: a fn of the file, else the prelude's. */
    private static List<String> patterns(String name, Document.Snapshot parsed) {
        if (parsed != null) {
            Module m = parsed.main();
            for (var e : m.resolution().declared.entrySet()) {
                Binding b = e.getValue();
                if (b.name.equals(name) && e.getKey() instanceof Ast.FnDef d) {
                    List<String> out = new ArrayList<>();
                    for (Ast.Clause c : d.clauses()) out.add(PatternText.show(c.pattern()));
                    return out;
                }
            }
        }
        Object v = Prelude.get(name);
        return v instanceof LFn f ? f.docTarget().clausePatterns() : null;
    }

    private static List<String> splitTopLevel(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0, start = 0;
        boolean str = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') str = !str;
            if (str) continue;
            if (c == '(' || c == '[' || c == '{') depth++;
            else if (c == ')' || c == ']' || c == '}') depth--;
            else if (c == ',' && depth == 0) {
                out.add(s.substring(start, i));
                start = i + 1;
            }
        }
        out.add(s.substring(start));
        return out;
    }

}
