package dev.ludus.lsp;

import dev.ludus.compiler.resolve.Binding;
import dev.ludus.compiler.resolve.Module;
import dev.ludus.compiler.resolve.NameUse;
import dev.ludus.compiler.syntax.Ast;
import dev.ludus.compiler.syntax.Span;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Questions about one resolved module's tree: what is at a position, where a binding's name is
 * written, every use of a binding. The tree is walked generically over the Ast records, so new
 * forms (e.g. `receive`) are covered as soon as the parser builds them.
 */
final class AstIndex {
    private AstIndex() {}

    private static final Map<Class<?>, RecordComponent[]> COMPONENTS = new ConcurrentHashMap<>();

    /** Calls {@code f} on every node and term below (and including) {@code o}, in source order. */
    static void walk(Object o, Consumer<Object> f) {
        if (o instanceof List<?> list) {
            for (Object x : list) walk(x, f);
            return;
        }
        if (!(o instanceof Record r) || o instanceof Span) return;
        if (o instanceof Ast.Node || o instanceof Ast.Term) f.accept(o);
        for (RecordComponent c : COMPONENTS.computeIfAbsent(r.getClass(), Class::getRecordComponents)) {
            Class<?> t = c.getType();
            if (t.isPrimitive() || t == String.class || t == Span.class) continue;
            try {
                walk(c.getAccessor().invoke(r), f);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Where a declaring node writes its name (for fns, refs, imports, ns: the name only). */
    static Span nameSpan(Ast.Node site, String name) {
        if (site instanceof Ast.FnDef d && d.nameSpan() != null) return d.nameSpan();
        if (site instanceof Ast.FnDecl d) return d.nameSpan();
        if (site instanceof Ast.RefDecl d) return d.nameSpan();
        if (site instanceof Ast.Import d) return d.nameSpan();
        if (site instanceof Ast.Ns d) return d.nameSpan();
        Span s = site.span();
        if (site instanceof Ast.PTyped) return new Span(s.file(), s.line(), s.col(), s.line(), s.col() + name.codePointCount(0, name.length()));
        if (site instanceof Ast.PSplat && s.line() == s.endLine()) {
            return new Span(s.file(), s.line(), s.endCol() - name.codePointCount(0, name.length()), s.line(), s.endCol());
        }
        return s;
    }

    /** A name under the cursor: the binding it names and the exact span of the name there. */
    record Hit(Binding binding, Span span, Ast.Word word, Ast.Node declaration) {}

    /** The name use or declaration at (line, col), or null. */
    static Hit at(Module m, int line, int col) {
        Hit[] found = {null};
        walk(m.script(), o -> {
            if (o instanceof Ast.Word w && Positions.contains(w.span(), line, col)) {
                NameUse u = m.resolution().uses.get(w);
                if (u != null) found[0] = new Hit(u.binding(), w.span(), w, null);
            } else if (o instanceof Ast.Node n && !(o instanceof Ast.Word)) {
                Binding b = m.resolution().declared.get(n);
                if (b != null && b.site == n) {
                    Span s = nameSpan(n, b.name);
                    if (Positions.contains(s, line, col)) found[0] = new Hit(b, s, null, n);
                } else if (b != null && n instanceof Ast.FnDef d && d.nameSpan() != null && Positions.contains(d.nameSpan(), line, col)) {
                    found[0] = new Hit(b, d.nameSpan(), null, n); // a definition after its forward declaration
                }
            }
        });
        return found[0];
    }

    /** Every span in {@code m} that names {@code b}: declarations (first) and uses. */
    static List<Span> occurrences(Module m, Binding b) {
        List<Span> out = new ArrayList<>();
        List<Span> uses = new ArrayList<>();
        walk(m.script(), o -> {
            if (o instanceof Ast.Word w) {
                NameUse u = m.resolution().uses.get(w);
                if (u != null && u.binding() == b) uses.add(w.span());
            } else if (o instanceof Ast.Node n && m.resolution().declared.get(n) == b) {
                if (n instanceof Ast.FnDef d && d.nameSpan() == null) return;
                out.add(nameSpan(n, b.name));
            }
        });
        out.addAll(uses);
        return out;
    }

    /** Whether the use {@code w} is a dict shorthand value ({@code #{x}}: the name is also the key). */
    static boolean isShorthand(Module m, Ast.Word w) {
        boolean[] found = {false};
        walk(m.script(), o -> {
            if (o instanceof Ast.DictPair p && p.shorthand() && p.value() == w) found[0] = true;
        });
        return found[0];
    }

    /** The module an import binding's value comes from (null when it is not an import). */
    static Module importedModule(Module m, Binding b) {
        return b.site instanceof Ast.Import imp ? m.resolution().imports.get(imp) : null;
    }

    /** The last toplevel ns/pkg form of a module (its exports), or null. */
    static Ast.Ns exportedNs(Module m) {
        Ast.Ns ns = null;
        for (Ast.Expr e : m.script().body()) if (e instanceof Ast.Ns n) ns = n;
        return ns;
    }
}
