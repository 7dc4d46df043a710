package dev.ludus.lsp;

import dev.ludus.compiler.resolve.Binding;
import dev.ludus.compiler.resolve.Module;
import dev.ludus.compiler.resolve.NameUse;
import dev.ludus.compiler.resolve.Program;
import dev.ludus.compiler.syntax.Ast;
import dev.ludus.compiler.syntax.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * What a position in the main module refers to, across imports: a binding and the module that
 * declares it. Names, `ns :member` accesses and `use`d members all lead to the declaring module.
 */
final class Targets {
    private Targets() {}

    /** A binding of {@code module} (null module: a prelude name); {@code at} is the span under the cursor. */
    record Target(Module module, Binding binding, Span at) {
        boolean prelude() { return binding.kind == Binding.Kind.PRELUDE; }
    }

    static Target at(Module main, int line, int col) {
        AstIndex.Hit hit = AstIndex.at(main, line, col);
        if (hit != null) return follow(new Target(hit.binding().kind == Binding.Kind.PRELUDE ? null : main, hit.binding(), hit.span()), hit.declaration() == null);
        Target[] found = {null};
        AstIndex.walk(main.script(), o -> {
            if (o instanceof Ast.Synthetic s && s.root() instanceof Ast.Word w && !s.terms().isEmpty()
                    && s.terms().get(0) instanceof Ast.KwTerm kw && Positions.contains(kw.span(), line, col)) {
                NameUse u = main.resolution().uses.get(w);
                if (u != null) {
                    Target t = member(main, u.binding(), kw.name());
                    if (t != null) found[0] = new Target(t.module(), t.binding(), kw.span());
                }
            }
        });
        return found[0];
    }

    /** A use of a `use`d member leads to the member in its module; everything else is its own target. */
    private static Target follow(Target t, boolean isUse) {
        if (t.binding().site instanceof Ast.Use use && t.module() != null) {
            NameUse nsUse = t.module().resolution().uses.get(use.name());
            if (nsUse != null) {
                Target m = member(t.module(), nsUse.binding(), t.binding().name);
                if (m != null) return new Target(m.module(), m.binding(), t.at());
            }
        }
        return t;
    }

    /** The member {@code key} of the namespace bound to {@code ns} in {@code m} (an import's ns, or a local ns form). */
    static Target member(Module m, Binding ns, String key) {
        Module owner = AstIndex.importedModule(m, ns);
        Ast.Ns form = owner != null ? AstIndex.exportedNs(owner) : ns.site instanceof Ast.Ns n ? n : null;
        if (owner == null) owner = m;
        if (form == null) return null;
        for (Ast.DictPair e : form.entries()) {
            if (!e.key().equals(key)) continue;
            if (e.value() instanceof Ast.Word w) {
                NameUse u = owner.resolution().uses.get(w);
                if (u != null) return new Target(u.binding().kind == Binding.Kind.PRELUDE ? null : owner, u.binding(), w.span());
            }
            return null;
        }
        return null;
    }

    /** Every place in the program that names the target: its declaration, its uses, `ns :member` accesses. */
    static List<Located> occurrences(Program program, Target t) {
        List<Located> out = new ArrayList<>();
        if (t.module() != null) {
            for (Span s : AstIndex.occurrences(t.module(), t.binding())) out.add(new Located(t.module(), s, null));
        }
        for (Module m : program.modules()) {
            AstIndex.walk(m.script(), o -> {
                if (o instanceof Ast.Synthetic s && s.root() instanceof Ast.Word w && !s.terms().isEmpty()
                        && s.terms().get(0) instanceof Ast.KwTerm kw) {
                    NameUse u = m.resolution().uses.get(w);
                    Target mt = u == null ? null : member(m, u.binding(), kw.name());
                    if (mt != null && mt.binding() == t.binding()) out.add(new Located(m, kw.span(), kw));
                }
            });
        }
        return out;
    }

    /** One occurrence: where, and the keyword term when it is a member access (`lib :name`). */
    record Located(Module module, Span span, Ast.KwTerm member) {}
}
