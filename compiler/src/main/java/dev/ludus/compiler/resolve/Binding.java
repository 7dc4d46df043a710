package dev.ludus.compiler.resolve;

import dev.ludus.compiler.syntax.Ast;
import java.util.List;

/**
 * One binding of a name (spec §4). Identity matters: every use resolves to exactly one Binding.
 * <ul>
 *   <li>MODULE: bound in the script's own toplevel scope (stored in a static field of the module class);</li>
 *   <li>LOCAL: bound anywhere else; lives in the JVM frame of {@link #frame} (a FnDef, or the
 *       Script for code outside any function), or in a Cell when {@link #cell} is set;</li>
 *   <li>PRELUDE: a prelude name (no declaring node);</li>
 *   <li>SESSION: a name bound by an earlier REPL entry (no declaring node): like a prelude name it
 *       is a constant of the entry, its value read from slot {@link #sessionSlot} of the runtime's
 *       session store. A distinct kind, so that code treating PRELUDE names specially (intrinsic
 *       arithmetic) never mistakes a user's {@code add} for the prelude's.</li>
 * </ul>
 */
public final class Binding {
    public enum Kind { MODULE, LOCAL, PRELUDE, SESSION }

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
    /** For a REPL session name: its slot in dev.ludus.runtime.Session; -1 otherwise. */
    public final int sessionSlot;
    /** For a REPL session name bound to a namespace known at compile time: its members (for `use`); else null. */
    public final List<String> sessionMembers;

    public Binding(String name, Kind kind, Ast.Node site, Ast.Node frame, int id) {
        this(name, kind, site, frame, id, -1, null);
    }

    private Binding(String name, Kind kind, Ast.Node site, Ast.Node frame, int id, int sessionSlot,
                    List<String> sessionMembers) {
        this.name = name;
        this.kind = kind;
        this.site = site;
        this.frame = frame;
        this.id = id;
        this.sessionSlot = sessionSlot;
        this.sessionMembers = sessionMembers;
    }

    /** The binding of a name kept by the REPL session (a constant read from {@code slot}). */
    static Binding session(SessionName s, int id) {
        return new Binding(s.name(), Kind.SESSION, null, null, id, s.slot(), s.nsMembers());
    }

    @Override public String toString() { return name + "#" + id + "/" + kind; }
}
