package dev.ludus.compiler.resolve;

import dev.ludus.compiler.diagnostic.Diagnostic;
import dev.ludus.compiler.syntax.Ast;
import dev.ludus.compiler.syntax.SourceText;
import dev.ludus.compiler.syntax.Span;
import dev.ludus.runtime.prelude.Prelude;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resolves one file. One traversal in evaluation order builds the scopes, enters bindings and
 * records every name use with a sequence number; uses are resolved afterwards, when every scope
 * is complete (late binding, spec §4 needs bindings that come after a fn definition).
 *
 * <p>Sequence numbers order "textually before": a binding's {@code declSeq} is when it becomes
 * visible to the textual rule, its {@code initSeq} when its value is set (they differ only for
 * forward-declared fns, whose value is set at the later {@code fn name ...} definition).
 */
final class ModuleResolver {
    private static final Map<String, Binding> PRELUDE_BINDINGS;
    static {
        Map<String, Binding> m = new LinkedHashMap<>();
        int id = 0;
        for (String n : Prelude.names()) m.put(n, new Binding(n, Binding.Kind.PRELUDE, null, null, id++));
        PRELUDE_BINDINGS = Collections.unmodifiableMap(m);
    }

    /** The shared PRELUDE binding of {@code name}, or null. */
    static Binding preludeBinding(String name) { return PRELUDE_BINDINGS.get(name); }

    private enum UseKind { EXPR, INTERP, USE_TARGET }

    private record UseSite(Ast.Word word, Scope scope, int seq, List<Ast.FnDef> fns, UseKind kind) {}

    private static final class Info {
        int declSeq, initSeq;
        /** FnDef or Script. */
        Ast.Node frame;
        /** For fn bindings: the FnDef that gives the value (null while a forward declaration is pending). */
        Ast.FnDef definingFn;
        boolean forward;
    }

    private record Entry(int line, int col, int order, Diagnostic diagnostic) {}

    /** By line, column, then order of finding; a class, not Comparator.comparingInt(...): see LudusCompiler.PARSER. */
    private static final Comparator<Entry> SOURCE_ORDER = new Comparator<>() {
        @Override
        public int compare(Entry a, Entry b) {
            int c = Integer.compare(a.line(), b.line());
            if (c == 0) c = Integer.compare(a.col(), b.col());
            return c != 0 ? c : Integer.compare(a.order(), b.order());
        }
    };

    private final Resolver driver;
    private final SourceText source;
    private final Ast.Script script;
    final Resolution resolution = new Resolution();
    List<String> exports;

    private final Map<Binding, Info> info = new IdentityHashMap<>();
    private final Map<Ast.FnDef, Integer> fnStart = new IdentityHashMap<>();
    private final Map<Ast.FnDef, LinkedHashSet<Binding>> captures = new IdentityHashMap<>();
    private final Map<Ast.Ns, List<String>> nsMembers = new IdentityHashMap<>();
    private final List<UseSite> uses = new ArrayList<>();
    private final List<Ast.FnDef> fnStack = new ArrayList<>();
    private final List<Entry> errors = new ArrayList<>();
    private int seq;
    private int nextId;

    /** Names kept by a REPL session (empty for files). */
    private final List<SessionName> session;

    ModuleResolver(Resolver driver, SourceText source, Ast.Script script, List<SessionName> session) {
        this.driver = driver;
        this.source = source;
        this.script = script;
        this.session = session;
    }

    void run() {
        Scope prelude = new Scope(null, Scope.Kind.PRELUDE, null);
        prelude.names.putAll(PRELUDE_BINDINGS);
        Scope outer = prelude;
        if (!session.isEmpty()) {
            outer = new Scope(prelude, Scope.Kind.SESSION, null);
            int id = PRELUDE_BINDINGS.size();
            for (SessionName s : session) outer.names.put(s.name(), Binding.session(s, id++));
        }
        Scope top = new Scope(outer, Scope.Kind.TOPLEVEL, script);
        for (Ast.Expr e : script.body()) visit(e, top, false, true);
        close(top);
        resolveUses();
        exports = computeExports();
        for (Binding b : resolution.moduleBindings) {
            List<String> members = namespaceMembers(b);
            if (members != null) resolution.namespaces.put(b, members);
        }
    }

    /** The members of the namespace bound to {@code b}, if known at compile time (spec §6.15 `use`); else null. */
    private List<String> namespaceMembers(Binding b) {
        if (b == null) return null;
        if (b.site instanceof Ast.Ns nsNode) return nsMembers.get(nsNode);
        if (b.site instanceof Ast.Import imp && resolution.imports.get(imp) != null) {
            return resolution.imports.get(imp).exports();
        }
        return b.sessionMembers;
    }

    /** This file's errors and those of the files it imported (at the import), in source order. */
    List<Diagnostic> diagnostics() {
        List<Entry> sorted = new ArrayList<>(errors);
        sorted.sort(SOURCE_ORDER);
        List<Diagnostic> out = new ArrayList<>();
        for (Entry e : sorted) out.add(e.diagnostic());
        return out;
    }

    // ---------------------------------------------------------------- errors

    private void error(Span at, String message) {
        error(at, message, null);
    }

    /** An error with a one-line hint for the stderr diagnostic (null: none). */
    private void error(Span at, String message, String hint) {
        errors.add(new Entry(at.line(), at.col(), errors.size(), new Diagnostic(source, at, message, hint)));
    }

    /** The first {@code len} columns of {@code s} (e.g. the keyword that starts a form). */
    static Span head(Span s, int len) {
        return new Span(s.file(), s.line(), s.col(), s.line(), s.col() + len);
    }

    /** The last {@code len} columns of {@code s} (e.g. the name after "..."), if it is on one line. */
    private static Span tail(Span s, int len) {
        if (s.endLine() != s.line() || s.endCol() - len < s.col()) return s;
        return new Span(s.file(), s.line(), s.endCol() - len, s.line(), s.endCol());
    }

    // ---------------------------------------------------------------- traversal

    private void visit(Ast.Expr e, Scope s, boolean tail, boolean top) {
        if (e instanceof Ast.Nil || e instanceof Ast.Bool || e instanceof Ast.Num || e instanceof Ast.Str
                || e instanceof Ast.Kw) {
            return;
        }
        if (e instanceof Ast.Word w) {
            use(w, s, UseKind.EXPR);
        } else if (e instanceof Ast.InterpStr is) {
            for (Ast.Word w : is.names()) use(w, s, UseKind.INTERP);
        } else if (e instanceof Ast.TupleLit t) {
            for (Ast.Expr item : t.items()) visit(item, s, false, false);
        } else if (e instanceof Ast.ListLit l) {
            for (Ast.Expr item : l.items()) visit(item, s, false, false);
        } else if (e instanceof Ast.SetLit l) {
            for (Ast.Expr item : l.items()) visit(item, s, false, false);
        } else if (e instanceof Ast.DictLit d) {
            for (Ast.Node item : d.items()) {
                if (item instanceof Ast.DictPair p) visit(p.value(), s, false, false);
                else if (item instanceof Ast.Expr x) visit(x, s, false, false);
            }
        } else if (e instanceof Ast.Splat sp) {
            use(sp.name(), s, UseKind.EXPR);
        } else if (e instanceof Ast.Placeholder p) {
            error(p.span(), "_ is only allowed in function arguments", ResolveHints.PLACEHOLDER);
        } else if (e instanceof Ast.Synthetic syn) {
            visitSynthetic(syn, s);
        } else if (e instanceof Ast.Let let) {
            visit(let.value(), s, false, false);
            declarePattern(let.pattern(), s);
        } else if (e instanceof Ast.RefDecl ref) {
            visit(ref.value(), s, false, false);
            declare(ref.name(), ref.nameSpan(), ref, s);
        } else if (e instanceof Ast.FnDef fn) {
            visitFn(fn, s);
        } else if (e instanceof Ast.FnDecl decl) {
            declareForward(decl, s);
        } else if (e instanceof Ast.If i) {
            visit(i.cond(), s, false, false);
            visitBody(i.then(), s, tail);
            visitBody(i.otherwise(), s, tail);
        } else if (e instanceof Ast.IfLet i) {
            visit(i.value(), s, false, false);
            Scope clause = new Scope(s, Scope.Kind.CLAUSE, s.frame);
            declarePattern(i.pattern(), clause);
            visitBody(i.then(), clause, tail);
            close(clause);
            visitBody(i.otherwise(), s, tail);
        } else if (e instanceof Ast.When w) {
            for (Ast.WhenClause c : w.clauses()) {
                Scope clause = new Scope(s, Scope.Kind.CLAUSE, s.frame);
                if (c.test() != null) visit(c.test(), clause, false, false);
                visitBody(c.body(), clause, tail);
                close(clause);
            }
        } else if (e instanceof Ast.Match m) {
            visit(m.scrutinee(), s, false, false);
            for (Ast.Clause c : m.clauses()) visitClause(c, s, tail, s.frame);
        } else if (e instanceof Ast.Receive r) {
            resolution.noteProcessSite(head(r.span(), "receive".length()));
            for (Ast.Clause c : r.clauses()) visitClause(c, s, tail, s.frame);
        } else if (e instanceof Ast.Loop l) {
            visit(l.init(), s, false, false);
            for (Ast.Clause c : l.clauses()) visitClause(c, s, true, s.frame);
        } else if (e instanceof Ast.Recur r) {
            if (!tail) error(head(r.span(), "recur".length()), "recur must be in tail position of a loop or fn clause", ResolveHints.RECUR);
            visit(r.args(), s, false, false);
        } else if (e instanceof Ast.Repeat r) {
            visit(r.count(), s, false, false);
            visit(r.body(), s, false, false);
        } else if (e instanceof Ast.Do d) {
            for (Ast.Expr stage : d.stages()) visitBody(stage, s, false);
        } else if (e instanceof Ast.Block b) {
            Scope block = new Scope(s, Scope.Kind.BLOCK, s.frame);
            List<Ast.Expr> body = b.body();
            for (int i = 0; i < body.size(); i++) visit(body.get(i), block, tail && i == body.size() - 1, false);
            close(block);
        } else if (e instanceof Ast.PanicForm p) {
            visit(p.value(), s, false, false);
        } else if (e instanceof Ast.Import imp) {
            if (!top) toplevelOnly(imp.span(), "import");
            Resolver.ImportOutcome o = driver.importModule(imp, source);
            if (o.module() != null) resolution.imports.put(imp, o.module());
            Span at = head(imp.span(), "import".length());
            for (Diagnostic d : o.diagnostics()) errors.add(new Entry(at.line(), at.col(), errors.size(), d));
            declare(imp.name(), imp.nameSpan(), imp, s);
        } else if (e instanceof Ast.Ns ns) {
            if (!top) toplevelOnly(ns.span(), ns.pkg() ? "pkg" : "ns");
            Set<String> members = new LinkedHashSet<>();
            for (Ast.DictPair p : ns.entries()) {
                visit(p.value(), s, false, false);
                members.add(keyName(p.key()));
            }
            nsMembers.put(ns, List.copyOf(members));
            declare(ns.name(), ns.nameSpan(), ns, s);
        } else if (e instanceof Ast.Use u) {
            if (!top) toplevelOnly(u.span(), "use");
            visitUse(u, s);
        } else if (e instanceof Ast.Test t) {
            if (!top) toplevelOnly(t.span(), "test");
            visitBody(t.body(), s, false);
        } else {
            throw new IllegalStateException("resolver: unexpected node " + e.getClass().getSimpleName());
        }
    }

    private static String keyName(String key) {
        return key.startsWith(":") ? key.substring(1) : key;
    }

    private void toplevelOnly(Span formSpan, String word) {
        error(head(formSpan, word.length()), word + " is only allowed at the top level of a script", ResolveHints.TOPLEVEL_ONLY);
    }

    /** A body/branch position: behaves as if wrapped in a block (spec §4). */
    private void visitBody(Ast.Expr e, Scope s, boolean tail) {
        Scope body = new Scope(s, Scope.Kind.BODY, s.frame);
        visit(e, body, tail, false);
        close(body);
    }

    /** A fn, loop or match clause: the pattern binds in the clause scope; the body is a body position. */
    private void visitClause(Ast.Clause c, Scope s, boolean bodyTail, Ast.Node frame) {
        Scope clause = new Scope(s, Scope.Kind.CLAUSE, frame);
        declarePattern(c.pattern(), clause);
        if (c.guard() != null) visit(c.guard(), clause, false, false);
        visitBody(c.body(), clause, bodyTail);
        close(clause);
    }

    private void visitFn(Ast.FnDef fn, Scope s) {
        fnStart.put(fn, ++seq);
        captures.put(fn, new LinkedHashSet<>());
        fnStack.add(fn);
        for (Ast.Clause c : fn.clauses()) visitClause(c, s, true, fn);
        fnStack.remove(fnStack.size() - 1);
        if (fn.name() == null) return;
        Binding existing = s.get(fn.name());
        if (existing != null && info.get(existing).forward && info.get(existing).definingFn == null) {
            Info i = info.get(existing);
            i.definingFn = fn;
            i.initSeq = ++seq;
            resolution.declared.put(fn, existing);
        } else {
            Binding b = declare(fn.name(), fn.nameSpan(), fn, s);
            info.get(b).definingFn = fn;
        }
    }

    private void declareForward(Ast.FnDecl decl, Scope s) {
        Binding b = declare(decl.name(), decl.nameSpan(), decl, s);
        Info i = info.get(b);
        i.forward = true;
        i.initSeq = Integer.MAX_VALUE;
        if (s.get(decl.name()) == b) s.forwardDecls.add(decl);
    }

    private void visitSynthetic(Ast.Synthetic syn, Scope s) {
        visit(syn.root(), s, false, false);
        List<Ast.Term> terms = syn.terms();
        for (int t = 0; t < terms.size(); t++) {
            if (!(terms.get(t) instanceof Ast.Args args)) continue;
            int placeholders = 0;
            for (Ast.Expr a : args.args()) {
                if (a instanceof Ast.Placeholder p) {
                    if (++placeholders == 2) error(p.span(), "a partial application may have only one placeholder _", ResolveHints.TWO_PLACEHOLDERS);
                } else {
                    visit(a, s, false, false);
                }
            }
            if (t == 0 && syn.root() instanceof Ast.Kw kw) {
                if (placeholders > 0) error(kw.span(), "called keywords may not be partially applied", ResolveHints.keywordPartial(kw.name()));
                else if (args.args().size() != 1) error(kw.span(), "called keywords take exactly one argument", ResolveHints.keywordArity(kw.name()));
            }
        }
    }

    private void visitUse(Ast.Use u, Scope s) {
        Ast.Word w = u.name();
        UseSite site = use(w, s, UseKind.USE_TARGET);
        List<String> members = namespaceMembers(lookup(site));
        if (members == null) {
            error(w.span(), "use needs a namespace: " + w.name() + " is not a namespace known at compile time", ResolveHints.USE);
            resolution.useMembers.put(u, List.of());
            return;
        }
        List<Binding> bound = new ArrayList<>();
        for (String m : members) bound.add(declare(m, w.span(), u, s));
        resolution.useMembers.put(u, List.copyOf(bound));
    }

    // ---------------------------------------------------------------- bindings

    private void declarePattern(Ast.Pattern p, Scope s) {
        bindPattern(p, s, new HashSet<>());
    }

    private void bindPattern(Ast.Pattern p, Scope s, Set<String> seen) {
        if (p instanceof Ast.PBind b) {
            bindPatternName(b.name(), b.span(), b, s, seen);
        } else if (p instanceof Ast.PTyped t) {
            bindPatternName(t.name(), head(t.span(), t.name().length()), t, s, seen);
        } else if (p instanceof Ast.PSplat sp) {
            if (sp.name() != null) bindPatternName(sp.name(), tail(sp.span(), sp.name().length()), sp, s, seen);
        } else if (p instanceof Ast.PDictPair dp) {
            bindPattern(dp.pattern(), s, seen);
        } else if (p instanceof Ast.PTuple t) {
            bindItems(t.items(), s, seen);
        } else if (p instanceof Ast.PList l) {
            bindItems(l.items(), s, seen);
        } else if (p instanceof Ast.PDict d) {
            bindItems(d.items(), s, seen);
        }
        // PIgnore, PConst bind nothing
    }

    private void bindItems(List<Ast.Pattern> items, Scope s, Set<String> seen) {
        for (int i = 0; i < items.size(); i++) {
            Ast.Pattern item = items.get(i);
            if (item instanceof Ast.PSplat && i != items.size() - 1) {
                error(head(item.span(), 3), "a splat (...) must be the last item of a pattern",
                        ResolveHints.splatLast("..." + ((Ast.PSplat) item).text()));
            }
            bindPattern(item, s, seen);
        }
    }

    private void bindPatternName(String name, Span at, Ast.Node site, Scope s, Set<String> seen) {
        if (!seen.add(name)) {
            error(at, "name " + name + " is bound twice in this pattern", ResolveHints.twiceInPattern(name));
            return;
        }
        declare(name, at, site, s);
    }

    /** Enters a new binding of {@code name} in {@code s}; reports a rebinding in the same scope. */
    private Binding declare(String name, Span at, Ast.Node site, Scope s) {
        boolean module = s.kind == Scope.Kind.TOPLEVEL;
        Binding b = new Binding(name, module ? Binding.Kind.MODULE : Binding.Kind.LOCAL, site,
                module ? null : s.frame, nextId++);
        Info i = new Info();
        i.declSeq = i.initSeq = ++seq;
        i.frame = s.frame;
        info.put(b, i);
        if (!(site instanceof Ast.Use)) resolution.declared.put(site, b);
        if (s.get(name) != null) {
            error(at, "name " + name + " is already bound in this scope", ResolveHints.rebound(name, s.get(name).site));
        } else {
            s.names.put(name, b);
            if (module) resolution.moduleBindings.add(b);
        }
        return b;
    }

    private void close(Scope s) {
        for (Ast.FnDecl d : s.forwardDecls) {
            Binding b = resolution.declared.get(d);
            if (info.get(b).definingFn == null) {
                error(d.nameSpan(), "fn " + d.name() + " is declared but never defined in this scope", ResolveHints.forward(d.name()));
            }
        }
    }

    // ---------------------------------------------------------------- uses

    private UseSite use(Ast.Word w, Scope s, UseKind kind) {
        UseSite u = new UseSite(w, s, ++seq, List.copyOf(fnStack), kind);
        uses.add(u);
        return u;
    }

    /**
     * Spec §4: scopes inside the innermost enclosing fn follow the textual rule (bindings before
     * the use); once the search leaves that fn, a scope's binding counts wherever it is (late binding).
     */
    private Binding lookup(UseSite u) {
        Ast.Node useFrame = u.fns().isEmpty() ? script : u.fns().get(u.fns().size() - 1);
        boolean crossed = false;
        // once every name is declared, empty scopes of one frame are passed over (Scope.next)
        for (Scope sc = u.scope(); sc != null; sc = declared ? sc.next() : sc.parent) {
            if (sc.frame != useFrame) crossed = true;
            Binding c = sc.get(u.word().name());
            if (c == null) continue;
            if (sc.kind == Scope.Kind.PRELUDE || sc.kind == Scope.Kind.SESSION || crossed
                    || info.get(c).declSeq < u.seq()) {
                return c;
            }
        }
        return null;
    }

    /**
     * For an unbound name: the binding of that name that comes too late for this use (textual
     * rule, spec §4), or else the closest visible name ("did you mean"), innermost scope first.
     */
    private String unboundHint(UseSite u) {
        String name = u.word().name();
        for (Scope sc = u.scope(); sc != null; sc = sc.parent) {
            Binding later = sc.get(name);
            if (later != null && later.site != null) return ResolveHints.boundLater(name, later.site);
        }
        Ast.Node useFrame = u.fns().isEmpty() ? script : u.fns().get(u.fns().size() - 1);
        boolean crossed = false;
        List<String> visible = new ArrayList<>();
        for (Scope sc = u.scope(); sc != null; sc = sc.parent) {
            if (sc.frame != useFrame) crossed = true;
            for (Binding c : sc.names.values()) {
                Info i = info.get(c); // none for prelude (and other outer) names: always visible
                if (i == null || crossed || i.declSeq < u.seq()) visible.add(c.name);
            }
        }
        visible.addAll(ResolveHints.LITERAL_WORDS);
        return ResolveHints.didYouMean(name, visible);
    }

    private record Resolved(UseSite use, Binding binding, boolean self, boolean check) {}

    /** Whether every name of the module is declared (uses are resolved then; a use target is resolved as it is met). */
    private boolean declared;

    private void resolveUses() {
        declared = true;
        List<Resolved> resolved = new ArrayList<>();
        for (UseSite u : uses) {
            Binding b = lookup(u);
            if (b == null) {
                if (u.kind() == UseKind.INTERP) error(u.word().span(), "unbound name in string interpolation: " + u.word().name(), unboundHint(u));
                else if (u.kind() == UseKind.EXPR) error(u.word().span(), "unbound name: " + u.word().name(), unboundHint(u));
                continue;
            }
            if (b.kind == Binding.Kind.PRELUDE || b.kind == Binding.Kind.SESSION) {
                if (b.kind == Binding.Kind.PRELUDE && dev.ludus.runtime.prelude.ProcessFns.isProcessName(b.name)) {
                    resolution.noteProcessSite(u.word().span());
                }
                resolved.add(new Resolved(u, b, false, false));
                continue;
            }
            Info bi = info.get(b);
            List<Ast.FnDef> fns = u.fns();
            Ast.FnDef innermost = fns.isEmpty() ? null : fns.get(fns.size() - 1);
            boolean self = innermost != null && innermost == bi.definingFn;
            // The outermost fn around the use that is defined in the binding's own frame: creating
            // its closure is what may happen before the binding is initialised.
            int from = bi.frame == script ? 0 : indexOf(fns, bi.frame) + 1;
            Ast.FnDef f1 = from < fns.size() ? fns.get(from) : null;
            boolean check;
            if (self) {
                check = false;
            } else if (f1 != null) {
                // Inside fn F, reads of F's own binding (also from nested fns) come from the running closure.
                check = f1 != bi.definingFn && bi.initSeq > fnStart.get(f1);
                if (check && b.kind == Binding.Kind.LOCAL) b.cell = true;
            } else {
                check = u.seq() < bi.initSeq;
            }
            if (b.kind == Binding.Kind.LOCAL) {
                for (int k = from; k < fns.size(); k++) {
                    if (fns.get(k) != bi.definingFn) captures.get(fns.get(k)).add(b);
                }
            }
            resolved.add(new Resolved(u, b, self, check));
        }
        for (Resolved r : resolved) {
            boolean check = r.check() || (r.binding().cell && !r.self());
            resolution.uses.put(r.use().word(), new NameUse(r.binding(), check, r.self()));
        }
        for (var e : captures.entrySet()) resolution.captures.put(e.getKey(), List.copyOf(e.getValue()));
    }

    private static int indexOf(List<Ast.FnDef> fns, Ast.Node frame) {
        for (int k = 0; k < fns.size(); k++) if (fns.get(k) == frame) return k;
        return -1;
    }

    private List<String> computeExports() {
        List<Ast.Expr> body = script.body();
        if (body.isEmpty()) return null;
        Ast.Expr last = body.get(body.size() - 1);
        if (last instanceof Ast.Ns ns) return nsMembers.get(ns);
        if (last instanceof Ast.Word w) {
            NameUse nu = resolution.uses.get(w);
            if (nu == null) return null;
            if (nu.binding().site instanceof Ast.Ns ns) return nsMembers.get(ns);
            if (nu.binding().site instanceof Ast.Import imp && resolution.imports.get(imp) != null) {
                return resolution.imports.get(imp).exports();
            }
        }
        return null;
    }
}
