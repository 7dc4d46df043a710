package dev.ludus.compiler.resolve;

import dev.ludus.compiler.syntax.Ast;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The resolver's answer for one module, keyed by AST node identity.
 */
public final class Resolution {
    /** Every Ast.Word use (expressions, interpolation names, repeat counts, splat names, dict shorthand values, use targets). */
    public final Map<Ast.Word, NameUse> uses = new IdentityHashMap<>();
    /** The binding introduced by each declaring node: PBind, PTyped, PSplat (with a name), FnDef (named), FnDecl, RefDecl, Ns, Import. A FnDecl and its later FnDef map to the same Binding. */
    public final Map<Ast.Node, Binding> declared = new IdentityHashMap<>();
    /** For each `use`: the member bindings it introduces (MODULE bindings), in the ns's entry order. */
    public final Map<Ast.Use, List<Binding>> useMembers = new IdentityHashMap<>();
    /** For each FnDef: the LOCAL bindings of enclosing frames it reads (directly or from nested fns), excluding its own name; stable order. */
    public final Map<Ast.FnDef, List<Binding>> captures = new IdentityHashMap<>();
    /** The module-level (MODULE) bindings in declaration order. */
    public final List<Binding> moduleBindings = new java.util.ArrayList<>();
    /**
     * The module-level bindings whose value is a namespace with members known at compile time
     * (ns/pkg forms, imports of such files, session names of such namespaces): binding -> members.
     */
    public final Map<Binding, List<String>> namespaces = new IdentityHashMap<>();
    /** For each Import node: the module it refers to. */
    public final Map<Ast.Import, Module> imports = new IdentityHashMap<>();
    /**
     * The first place (in source order) where this module uses processes (spec §16): a
     * {@code receive} or a prelude process function; null if it uses none. Processes need
     * Java 21 (continuations or virtual threads), so this is what a Java 17 run reports.
     */
    private dev.ludus.compiler.syntax.Span processSite;

    public dev.ludus.compiler.syntax.Span processSite() { return processSite; }

    void noteProcessSite(dev.ludus.compiler.syntax.Span at) {
        if (processSite == null || at.line() < processSite.line()
                || (at.line() == processSite.line() && at.col() < processSite.col())) {
            processSite = at;
        }
    }
}
