package dev.ludus.compiler.resolve;

import dev.ludus.compiler.syntax.Ast;
import dev.ludus.compiler.syntax.Span;
import java.util.Arrays;
import java.util.List;

/** Builds ASTs by hand for resolver tests; every node gets a distinct one-column span. */
final class A {
    private A() {}
    private static int col = 1;

    static Span sp() {
        int c = col++;
        return new Span("test.ld", 1, c, 1, c + 1);
    }

    static Ast.Script script(Ast.Expr... body) { return new Ast.Script(sp(), List.of(body)); }
    static Ast.Word w(String name) { return new Ast.Word(sp(), name); }
    static Ast.Num num(double v) { return new Ast.Num(sp(), v, Double.toString(v)); }
    static Ast.Kw kw(String name) { return new Ast.Kw(sp(), name); }
    static Ast.Str str(String v) { return new Ast.Str(sp(), v); }
    static Ast.Placeholder hole() { return new Ast.Placeholder(sp()); }
    static Ast.TupleLit tup(Ast.Expr... items) { return new Ast.TupleLit(sp(), List.of(items)); }
    static Ast.ListLit list(Ast.Expr... items) { return new Ast.ListLit(sp(), List.of(items)); }
    static Ast.Block block(Ast.Expr... body) { return new Ast.Block(sp(), List.of(body)); }
    static Ast.Let let(Ast.Pattern p, Ast.Expr v) { return new Ast.Let(sp(), p, v); }
    static Ast.Let let(String name, Ast.Expr v) { return let(pb(name), v); }
    static Ast.RefDecl ref(String name, Ast.Expr v) { return new Ast.RefDecl(sp(), name, sp(), v, false); }
    static Ast.PBind pb(String name) { return new Ast.PBind(sp(), name); }
    static Ast.PTuple pt(Ast.Pattern... items) { return new Ast.PTuple(sp(), List.of(items)); }
    static Ast.PTuple params(String... names) {
        return new Ast.PTuple(sp(), Arrays.stream(names).map(A::pb).map(p -> (Ast.Pattern) p).toList());
    }
    static Ast.PSplat psplat(String name) { return new Ast.PSplat(sp(), name, name == null ? "" : name); }
    static Ast.Clause cl(Ast.Pattern p, Ast.Expr body) { return new Ast.Clause(sp(), p, null, body); }
    static Ast.Clause cl(Ast.Pattern p, Ast.Expr guard, Ast.Expr body) { return new Ast.Clause(sp(), p, guard, body); }
    static Ast.FnDef fn(String name, Ast.Clause... clauses) { return new Ast.FnDef(sp(), name, sp(), null, List.of(clauses)); }
    static Ast.FnDef fn(String name, Ast.PTuple params, Ast.Expr body) { return fn(name, cl(params, body)); }
    static Ast.FnDef lam(Ast.PTuple params, Ast.Expr body) { return new Ast.FnDef(sp(), null, null, null, List.of(cl(params, body))); }
    static Ast.FnDecl decl(String name) { return new Ast.FnDecl(sp(), name, sp()); }
    static Ast.Synthetic call(Ast.Expr root, Ast.Expr... args) {
        return new Ast.Synthetic(sp(), root, List.of(new Ast.Args(sp(), List.of(args))));
    }
    static Ast.Synthetic call(String root, Ast.Expr... args) { return call(w(root), args); }
    static Ast.Loop loop(Ast.TupleLit init, Ast.Clause... clauses) { return new Ast.Loop(sp(), init, List.of(clauses)); }
    static Ast.Recur recur(Ast.Expr... args) { return new Ast.Recur(sp(), tup(args)); }
    static Ast.If iff(Ast.Expr c, Ast.Expr t, Ast.Expr e) { return new Ast.If(sp(), c, t, e); }
    static Ast.Ns ns(String name, Ast.DictPair... entries) { return new Ast.Ns(sp(), name, sp(), List.of(entries), false); }
    static Ast.DictPair pair(String key, Ast.Expr v) { return new Ast.DictPair(sp(), key, v, false); }
    static Ast.Use use(String name) { return new Ast.Use(sp(), w(name)); }
    static Ast.Import imp(String path, String name) { return new Ast.Import(sp(), path, sp(), name, sp()); }
    static Ast.InterpStr interp(Ast.Word... names) {
        List<String> texts = new java.util.ArrayList<>();
        for (int i = 0; i <= names.length; i++) texts.add("");
        return new Ast.InterpStr(sp(), texts, List.of(names));
    }
}
