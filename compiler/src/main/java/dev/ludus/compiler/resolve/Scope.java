package dev.ludus.compiler.resolve;

import dev.ludus.compiler.syntax.Ast;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One lexical scope (spec §4). Bindings are entered in source order; one binding per name. */
final class Scope {
    /** SESSION: names kept by a REPL session, between the prelude and the entry's toplevel. */
    enum Kind { PRELUDE, SESSION, TOPLEVEL, BLOCK, CLAUSE, BODY }

    final Scope parent;
    final Kind kind;
    /** The FnDef or Script whose JVM frame holds this scope's LOCAL bindings (null for the prelude). */
    final Ast.Node frame;
    final Map<String, Binding> names = new HashMap<>();
    /** Forward declarations made in this scope, in order (checked for a definition when the scope closes). */
    final List<Ast.FnDecl> forwardDecls = new ArrayList<>();

    Scope(Scope parent, Kind kind, Ast.Node frame) {
        this.parent = parent;
        this.kind = kind;
        this.frame = frame;
    }

    Binding get(String name) { return names.get(name); }

    private Scope next;
    private boolean nextKnown;

    /**
     * The nearest enclosing scope a lookup from here must look at: empty scopes of the same frame
     * are passed over (each branch of an if is a scope: a chain of 100,000 else-ifs made every
     * lookup walk 100,000 scopes, 285 s for 2.6 MB of source). Asked only once every name is
     * declared (ModuleResolver.resolveUses); remembered along the way.
     */
    Scope next() {
        List<Scope> pending = new ArrayList<>();
        Scope s = this, found;
        while (true) {
            if (s.nextKnown) {
                found = s.next;
                break;
            }
            pending.add(s);
            Scope p = s.parent;
            if (p == null || !p.names.isEmpty() || p.kind == Kind.PRELUDE || p.kind == Kind.SESSION || p.frame != s.frame) {
                found = p;
                break;
            }
            s = p;
        }
        for (Scope q : pending) {
            q.next = found;
            q.nextKnown = true;
        }
        return found;
    }
}
