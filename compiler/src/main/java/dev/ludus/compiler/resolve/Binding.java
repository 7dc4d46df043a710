package dev.ludus.compiler.resolve;

import dev.ludus.compiler.syntax.Ast;

/**
 * One binding of a name (spec §4). Identity matters: every use resolves to exactly one Binding.
 * <ul>
 *   <li>MODULE: bound in the script's own toplevel scope (stored in a static field of the module class);</li>
 *   <li>LOCAL: bound anywhere else; lives in the JVM frame of {@link #frame} (a FnDef, or the
 *       Script for code outside any function), or in a Cell when {@link #cell} is set;</li>
 *   <li>PRELUDE: a prelude name (no declaring node).</li>
 * </ul>
 */
public final class Binding {
    public enum Kind { MODULE, LOCAL, PRELUDE }

    public final String name;
    public final Kind kind;
    /** The declaring node: PBind, PTyped, PSplat, FnDef, FnDecl, RefDecl, Ns, Import or Use (for use'd members); null for PRELUDE. */
    public final Ast.Node site;
    /** For LOCAL: the FnDef whose body method holds it, or the Script (module body). Null otherwise. */
    public final Ast.Node frame;
    /** Unique within its module (PRELUDE bindings: unique among prelude bindings). */
    public final int id;
    /**
     * For LOCAL only: true when some closure captures this binding and may be created before the
     * binding is initialised (a late-bound reference, spec §4), so the value must live in a shared
     * Cell that the binding fills in later.
     */
    public boolean cell;

    public Binding(String name, Kind kind, Ast.Node site, Ast.Node frame, int id) {
        this.name = name;
        this.kind = kind;
        this.site = site;
        this.frame = frame;
        this.id = id;
    }

    @Override public String toString() { return name + "#" + id + "/" + kind; }
}
