package dev.ludus.compiler.syntax;

import java.util.List;
import java.util.stream.Collectors;

/** A compact s-expression rendering of the AST, so that parser tests can state the expected tree in one line. */
final class AstPrinter {
    private AstPrinter() {}

    static String print(Ast.Node n) {
        if (n instanceof Ast.Script s) return all(s.body());
        if (n instanceof Ast.Nil x) return "nil";
        if (n instanceof Ast.Bool b) return String.valueOf(b.value());
        if (n instanceof Ast.Num x) return fmt(x.value());
        if (n instanceof Ast.Str s) return quote(s.value());
        if (n instanceof Ast.InterpStr s) return "(interp " + interp(s) + ")";
        if (n instanceof Ast.Kw k) return ":" + k.name();
        if (n instanceof Ast.Word w) return w.name();
        if (n instanceof Ast.TupleLit t) return "(tuple" + items(t.items()) + ")";
        if (n instanceof Ast.ListLit l) return "[" + all(l.items()) + "]";
        if (n instanceof Ast.SetLit s) return "${" + all(s.items()) + "}";
        if (n instanceof Ast.DictLit d) return "#{" + all(d.items()) + "}";
        if (n instanceof Ast.Splat s) return "..." + s.name().name();
        if (n instanceof Ast.Placeholder p) return "_";
        if (n instanceof Ast.DictPair p) return ":" + p.key() + (p.shorthand() ? "~" : " ") + print(p.value());
        if (n instanceof Ast.Synthetic s) return "(" + print(s.root()) + s.terms().stream().map(t -> " " + term(t)).collect(Collectors.joining()) + ")";
        if (n instanceof Ast.Let l) return "(let " + print(l.pattern()) + " " + print(l.value()) + ")";
        if (n instanceof Ast.RefDecl r) return "(" + (r.box() ? "box " : "ref ") + r.name() + " " + print(r.value()) + ")";
        if (n instanceof Ast.FnDef f) return "(fn" + (f.name() == null ? "" : " " + f.name())
                    + (f.doc() == null ? "" : " " + quote(f.doc())) + items(f.clauses()) + ")";
        if (n instanceof Ast.FnDecl f) return "(fndecl " + f.name() + ")";
        if (n instanceof Ast.Clause c) return "(" + print(c.pattern()) + (c.guard() == null ? "" : " if " + print(c.guard()))
                    + " -> " + print(c.body()) + ")";
        if (n instanceof Ast.If i) return "(if " + print(i.cond()) + " " + print(i.then()) + " " + print(i.otherwise()) + ")";
        if (n instanceof Ast.IfLet i) return "(iflet " + print(i.pattern()) + " " + print(i.value()) + " " + print(i.then()) + " "
                    + print(i.otherwise()) + ")";
        if (n instanceof Ast.When w) return "(when" + items(w.clauses()) + ")";
        if (n instanceof Ast.WhenClause c) return "(" + (c.test() == null ? "else" : print(c.test())) + " -> " + print(c.body()) + ")";
        if (n instanceof Ast.Match m) return "(match " + print(m.scrutinee()) + items(m.clauses()) + ")";
        if (n instanceof Ast.Loop l) return "(loop " + print(l.init()) + items(l.clauses()) + ")";
        if (n instanceof Ast.Recur r) return "(recur " + print(r.args()) + ")";
        if (n instanceof Ast.Repeat r) return "(repeat " + print(r.count()) + " " + print(r.body()) + ")";
        if (n instanceof Ast.Do d) return "(do" + items(d.stages()) + ")";
        if (n instanceof Ast.Block b) return "{" + all(b.body()) + "}";
        if (n instanceof Ast.PanicForm p) return "(panic " + print(p.value()) + ")";
        if (n instanceof Ast.Import i) return "(import " + quote(i.path()) + " " + i.name() + ")";
        if (n instanceof Ast.Ns ns) return "(" + (ns.pkg() ? "pkg " : "ns ") + ns.name() + items(ns.entries()) + ")";
        if (n instanceof Ast.Use u) return "(use " + u.name().name() + ")";
        if (n instanceof Ast.Test t) return "(test " + quote(t.name()) + " " + print(t.body()) + ")";
        if (n instanceof Ast.PIgnore p) return "?" + p.text();
        if (n instanceof Ast.PConst p) return "=" + print(p.literal());
        if (n instanceof Ast.PBind p) return p.name();
        if (n instanceof Ast.PTyped p) return "(" + p.name() + " as :" + p.type() + ")";
        if (n instanceof Ast.PTuple p) return "(ptuple" + items(p.items()) + ")";
        if (n instanceof Ast.PList p) return "(plist" + items(p.items()) + ")";
        if (n instanceof Ast.PDict p) return "(pdict" + items(p.items()) + ")";
        if (n instanceof Ast.PDictPair p) return ":" + p.key() + (p.shorthand() ? "~" : " ") + print(p.pattern());
        if (n instanceof Ast.PSplat p) return "..." + p.text() + (p.name() == null ? "" : "!");
        throw new IllegalArgumentException(String.valueOf(n));
    }

    private static String term(Ast.Term t) {
        if (t instanceof Ast.Args a) return "(args" + items(a.args()) + ")";
        return ":" + ((Ast.KwTerm) t).name();
    }

    private static String interp(Ast.InterpStr s) {
        StringBuilder b = new StringBuilder(quote(s.texts().get(0)));
        for (int i = 0; i < s.names().size(); i++) {
            b.append(" ").append(s.names().get(i).name()).append(" ").append(quote(s.texts().get(i + 1)));
        }
        return b.toString();
    }

    private static String all(List<? extends Ast.Node> nodes) {
        return nodes.stream().map(AstPrinter::print).collect(Collectors.joining(" "));
    }

    private static String items(List<? extends Ast.Node> nodes) {
        return nodes.stream().map(n -> " " + print(n)).collect(Collectors.joining());
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r") + '"';
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
    }
}
