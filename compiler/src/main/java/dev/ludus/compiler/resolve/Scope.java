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
}
