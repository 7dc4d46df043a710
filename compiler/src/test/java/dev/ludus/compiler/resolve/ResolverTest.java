package dev.ludus.compiler.resolve;

import static dev.ludus.compiler.resolve.A.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.ludus.compiler.diagnostic.CompileErrors;
import dev.ludus.compiler.diagnostic.Diagnostic;
import dev.ludus.compiler.syntax.Ast;
import dev.ludus.compiler.syntax.SourceText;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The binding output (kinds, frames, captures, cells, checks, self) on hand-built ASTs. */
class ResolverTest {

    static Resolution resolve(Ast.Script s) throws CompileErrors {
        Program p = Resolver.analyse(new SourceText("test.ld", null, ""), src -> s);
        assertEquals(1, p.modules().size());
        assertSame(s, p.main().script());
        return p.main().resolution();
    }

    static List<String> errors(Ast.Script s) {
        CompileErrors e = assertThrows(CompileErrors.class, () -> resolve(s));
        return e.diagnostics().stream().map(Diagnostic::message).toList();
    }

    static NameUse nameUse(Resolution r, Ast.Word w) {
        NameUse u = r.uses.get(w);
        assertNotNull(u, "no use recorded for " + w.name());
        return u;
    }

    @Test
    void toplevelBindingsAreModuleAndPreludeNamesResolve() throws Exception {
        Ast.Word x = w("x"), print = w("print!");
        Ast.Let let = let("x", num(1));
        Ast.Script s = script(let, call(print, x));
        Resolution r = resolve(s);
        Binding bx = r.declared.get(let.pattern());
        assertEquals(Binding.Kind.MODULE, bx.kind);
        assertNull(bx.frame);
        assertEquals(List.of(bx), r.moduleBindings);
        assertEquals(new NameUse(bx, false, false), nameUse(r, x));
        assertEquals(Binding.Kind.PRELUDE, nameUse(r, print).binding().kind);
        assertFalse(nameUse(r, print).check());
    }

    @Test
    void shadowingPreludeAtToplevelIsAllowed() throws Exception {
        Ast.Let let = let("first", num(1));
        Ast.Word f = w("first");
        Resolution r = resolve(script(let, f));
        assertSame(r.declared.get(let.pattern()), nameUse(r, f).binding());
    }

    @Test
    void textualRuleOutsideFunctions() throws Exception {
        // let x = 1; { let a = x; let x = 23; a }
        Ast.Let outer = let("x", num(1));
        Ast.Word xUse = w("x");
        Ast.Let inner = let("x", num(23));
        Ast.Word aUse = w("a");
        Ast.Let letA = let("a", xUse);
        Resolution r = resolve(script(outer, block(letA, inner, aUse)));
        assertSame(r.declared.get(outer.pattern()), nameUse(r, xUse).binding());
        Binding a = r.declared.get(letA.pattern());
        assertEquals(Binding.Kind.LOCAL, a.kind);
        assertTrue(a.frame instanceof Ast.Script);
        assertEquals(new NameUse(a, false, false), nameUse(r, aUse));
        assertEquals(Binding.Kind.LOCAL, r.declared.get(inner.pattern()).kind);
    }

    @Test
    void lateBindingInBlockMakesACell() throws Exception {
        // let x = 1; { fn f () -> x; let x = 2; f () }
        Ast.Word xInF = w("x");
        Ast.FnDef f = fn("f", params(), xInF);
        Ast.Let innerX = let("x", num(2));
        Ast.Word fCall = w("f");
        Resolution r = resolve(script(let("x", num(1)), block(f, innerX, call(fCall))));
        Binding bx = r.declared.get(innerX.pattern());
        assertEquals(Binding.Kind.LOCAL, bx.kind);
        assertTrue(bx.cell);
        assertEquals(new NameUse(bx, true, false), nameUse(r, xInF));
        assertEquals(List.of(bx), r.captures.get(f));
        Binding bf = r.declared.get(f);
        assertFalse(bf.cell);
        assertEquals(new NameUse(bf, false, false), nameUse(r, fCall));
    }

    @Test
    void lateBoundModuleNameIsChecked() throws Exception {
        // fn uses_later () -> later; let later = 1; let early = 2; fn g () -> early
        Ast.Word later = w("later"), early = w("early");
        Ast.FnDef usesLater = fn("uses_later", params(), later);
        Ast.FnDef g = fn("g", params(), early);
        Resolution r = resolve(script(usesLater, let("later", num(1)), let("early", num(2)), g));
        assertTrue(nameUse(r, later).check());
        assertEquals(Binding.Kind.MODULE, nameUse(r, later).binding().kind);
        assertFalse(nameUse(r, early).check(), "initialised before the fn is defined");
        assertEquals(List.of(), r.captures.get(usesLater));
        assertEquals(List.of(), r.captures.get(g));
    }

    @Test
    void mutualRecursionAtToplevelAndSelfCalls() throws Exception {
        Ast.Word bInA = w("b"), aInB = w("a"), aInA = w("a");
        Ast.FnDef a = fn("a", params("n"), iff(w("n"), call(bInA, w("n")), call(aInA, w("n"))));
        Ast.FnDef b = fn("b", params("n"), call(aInB, w("n")));
        Resolution r = resolve(script(a, b));
        Binding ba = r.declared.get(a), bb = r.declared.get(b);
        assertEquals(Binding.Kind.MODULE, ba.kind);
        assertSame(a, ba.site);
        assertEquals(new NameUse(bb, true, false), nameUse(r, bInA));
        assertEquals(new NameUse(ba, false, false), nameUse(r, aInB));
        assertEquals(new NameUse(ba, false, true), nameUse(r, aInA));
        assertEquals(List.of(ba, bb), r.moduleBindings);
    }

    @Test
    void mutualRecursionInABlockMakesTheLaterOneACell() throws Exception {
        Ast.Word bInA = w("b"), aInB = w("a"), aCall = w("a");
        Ast.FnDef a = fn("a", params(), call(bInA));
        Ast.FnDef b = fn("b", params(), call(aInB));
        Resolution r = resolve(script(block(a, b, call(aCall))));
        Binding ba = r.declared.get(a), bb = r.declared.get(b);
        assertTrue(bb.cell);
        assertFalse(ba.cell);
        assertEquals(List.of(bb), r.captures.get(a));
        assertEquals(List.of(ba), r.captures.get(b));
        assertEquals(new NameUse(bb, true, false), nameUse(r, bInA));
        assertEquals(new NameUse(ba, false, false), nameUse(r, aInB));
        assertEquals(new NameUse(ba, false, false), nameUse(r, aCall));
    }

    @Test
    void loopInsideFnStaysInTheFnFrame() throws Exception {
        // fn f (n) -> loop (n) with (i) -> if i then recur (i) else n
        Ast.Word nInit = w("n"), iUse = w("i"), iRec = w("i"), nInLoop = w("n");
        Ast.PTuple loopParams = params("i");
        Ast.PTuple fParams = params("n");
        Ast.FnDef f = fn("f", fParams, loop(tup(nInit), cl(loopParams, iff(iUse, recur(iRec), nInLoop))));
        Resolution r = resolve(script(f));
        Binding n = r.declared.get(fParams.items().get(0));
        Binding i = r.declared.get(loopParams.items().get(0));
        assertEquals(Binding.Kind.LOCAL, i.kind);
        assertSame(f, i.frame);
        assertSame(f, n.frame);
        assertEquals(new NameUse(n, false, false), nameUse(r, nInLoop));
        assertEquals(new NameUse(i, false, false), nameUse(r, iRec));
        assertEquals(List.of(), r.captures.get(f));
    }

    @Test
    void nestedLambdasCaptureTransitively() throws Exception {
        // fn outer (x) -> fn (y) -> fn (z) -> add (x, y, z)
        Ast.PTuple px = params("x"), py = params("y"), pz = params("z");
        Ast.Word xu = w("x"), yu = w("y"), zu = w("z");
        Ast.FnDef l2 = lam(pz, call("add", xu, yu, zu));
        Ast.FnDef l1 = lam(py, l2);
        Ast.FnDef outer = fn("outer", px, l1);
        Resolution r = resolve(script(outer));
        Binding x = r.declared.get(px.items().get(0)), y = r.declared.get(py.items().get(0));
        Binding z = r.declared.get(pz.items().get(0));
        assertSame(outer, x.frame);
        assertSame(l1, y.frame);
        assertSame(l2, z.frame);
        assertEquals(List.of(), r.captures.get(outer));
        assertEquals(List.of(x), r.captures.get(l1));
        assertEquals(List.of(x, y), r.captures.get(l2));
        assertFalse(x.cell || y.cell || z.cell);
        assertFalse(nameUse(r, xu).check());
        assertFalse(r.declared.containsKey(l1));
    }

    @Test
    void ownNameReadFromNestedLambdaIsNotACapture() throws Exception {
        // { fn f (xs) -> map (fn (x) -> f (x), xs) }
        Ast.Word fInLambda = w("f");
        Ast.FnDef l = lam(params("x"), call(fInLambda, w("x")));
        Ast.FnDef f = fn("f", params("xs"), call("map", l, w("xs")));
        Resolution r = resolve(script(block(f)));
        Binding bf = r.declared.get(f);
        assertEquals(Binding.Kind.LOCAL, bf.kind);
        assertFalse(bf.cell);
        assertEquals(List.of(), r.captures.get(f));
        assertEquals(List.of(bf), r.captures.get(l));
        assertEquals(new NameUse(bf, false, false), nameUse(r, fInLambda));
    }

    @Test
    void lateBoundLetCapturedByLambdaInItsOwnValue() throws Exception {
        // { let f = fn () -> f () }
        Ast.Word fu = w("f");
        Ast.FnDef l = lam(params(), call(fu));
        Ast.Let let = let("f", l);
        Resolution r = resolve(script(block(let)));
        Binding bf = r.declared.get(let.pattern());
        assertTrue(bf.cell);
        assertEquals(new NameUse(bf, true, false), nameUse(r, fu));
        assertEquals(List.of(bf), r.captures.get(l));
    }

    @Test
    void forwardDeclarationSharesOneBinding() throws Exception {
        // fn g; fn h () -> g (); g (); fn g () -> h (); g ()
        Ast.FnDecl d = decl("g");
        Ast.Word gInH = w("g"), gEarly = w("g"), gLate = w("g"), hInG = w("h");
        Ast.FnDef h = fn("h", params(), call(gInH));
        Ast.FnDef g = fn("g", params(), call(hInG));
        Resolution r = resolve(script(d, h, call(gEarly), g, call(gLate)));
        Binding bg = r.declared.get(d);
        assertSame(bg, r.declared.get(g));
        assertSame(d, bg.site);
        assertEquals(new NameUse(bg, true, false), nameUse(r, gInH));
        assertEquals(new NameUse(bg, true, false), nameUse(r, gEarly));
        assertEquals(new NameUse(bg, false, false), nameUse(r, gLate));
        assertFalse(nameUse(r, hInG).check());
        assertEquals(2, r.moduleBindings.size());
    }

    @Test
    void forwardDeclarationInABlockIsACell() throws Exception {
        Ast.FnDecl d = decl("g");
        Ast.FnDef h = fn("h", params(), call("g"));
        Ast.FnDef g = fn("g", params(), num(1));
        Resolution r = resolve(script(block(d, h, g, call("h"))));
        assertTrue(r.declared.get(g).cell);
        assertEquals(List.of(r.declared.get(g)), r.captures.get(h));
    }

    @Test
    void interpolationAndSplatAndRefResolve() throws Exception {
        Ast.Word inStr = w("name"), spl = w("xs");
        Ast.RefDecl ref = ref("name", str("a"));
        Ast.Let xs = let("xs", list());
        Resolution r = resolve(script(ref, xs, interp(inStr),
                new Ast.ListLit(sp(), List.of(new Ast.Splat(sp(), spl)))));
        assertSame(r.declared.get(ref), nameUse(r, inStr).binding());
        assertSame(r.declared.get(xs.pattern()), nameUse(r, spl).binding());
    }

    @Test
    void useBindsNamespaceMembers() throws Exception {
        Ast.Ns ns = ns("stuff", pair("alpha", num(1)), pair(":beta", num(2)));
        Ast.Use u = use("stuff");
        Ast.Word alpha = w("alpha"), beta = w("beta");
        Resolution r = resolve(script(ns, u, call("add", alpha, beta)));
        List<Binding> members = r.useMembers.get(u);
        assertEquals(List.of("alpha", "beta"), members.stream().map(b -> b.name).toList());
        assertEquals(Binding.Kind.MODULE, members.get(0).kind);
        assertSame(u, members.get(0).site);
        assertSame(members.get(1), nameUse(r, beta).binding());
        assertSame(r.declared.get(ns), nameUse(r, u.name()).binding());
    }

    @Test
    void exportsOfLastNs() throws Exception {
        Program p = Resolver.analyse(new SourceText("t.ld", null, ""),
                src -> script(fn("double", params("x"), w("x")), ns("lib", pair("greeting", str("hi")), pair("double", w("double")))));
        assertEquals(List.of("greeting", "double"), p.main().exports());
        Ast.Ns n = ns("lib", pair("a", num(1)));
        Program q = Resolver.analyse(new SourceText("t.ld", null, ""), src -> script(n, w("lib")));
        assertEquals(List.of("a"), q.main().exports());
        Program none = Resolver.analyse(new SourceText("t.ld", null, ""), src -> script(num(1)));
        assertNull(none.main().exports());
    }

    @Test
    void staticErrorsAreAllCollected() {
        Ast.Script s = script(
                call("nope"),
                let("x", num(1)), let("x", num(2)),
                let(pt(pb("y"), pb("y")), tup()),
                let(pt(psplat("r"), pb("z")), tup()),
                fn("f", params(), call("inc", recur())),
                recur(),
                call("f", hole(), hole()),
                call(kw("a"), hole()),
                call(kw("a"), num(1), num(2)),
                tup(hole()),
                block(ns("n")),
                decl("never"),
                interp(w("missing")),
                use("x"));
        assertEquals(List.of(
                "unbound name: nope",
                "name x is already bound in this scope",
                "name y is bound twice in this pattern",
                "a splat (...) must be the last item of a pattern",
                "recur must be in tail position of a loop or fn clause",
                "recur must be in tail position of a loop or fn clause",
                "a partial application may have only one placeholder _",
                "called keywords may not be partially applied",
                "called keywords take exactly one argument",
                "_ is only allowed in function arguments",
                "ns is only allowed at the top level of a script",
                "fn never is declared but never defined in this scope",
                "unbound name in string interpolation: missing",
                "use needs a namespace: x is not a namespace known at compile time"), errors(s));
    }

    @Test
    void recurInTailPositions() throws Exception {
        // fn f (n) -> { let m = n; if m then recur (m) else loop (m) with (k) -> recur (k) }
        resolve(script(fn("f", params("n"), block(let("m", w("n")),
                iff(w("m"), recur(w("m")), loop(tup(w("m")), cl(params("k"), recur(w("k")))))))));
        assertEquals(List.of("recur must be in tail position of a loop or fn clause"),
                errors(script(fn("f", params("n"), block(recur(w("n")), w("n"))))));
    }

    @Test
    void fnAfterLetIsRebindingButForwardDeclIsNot() {
        assertEquals(List.of("name f is already bound in this scope"),
                errors(script(let("f", num(1)), fn("f", params(), num(1)))));
        assertEquals(List.of("name g is already bound in this scope"),
                errors(script(decl("g"), fn("g", params(), num(1)), fn("g", params(), num(2)))));
    }

    @Test
    void atMostTwentyErrors() {
        Ast.Expr[] body = new Ast.Expr[30];
        for (int i = 0; i < 30; i++) body[i] = w("u" + i);
        assertEquals(20, errors(script(body)).size());
    }
}
