package dev.ludus.compiler.syntax;

import static dev.ludus.compiler.syntax.Parsing.ast;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** One or more tests per grammar rule of spec §2.2, in AstPrinter notation. */
class ParserTest {

    @Nested
    class Script {
        @Test void empty() {
            assertEquals("", ast(""));
            assertEquals("", ast("\n\n;;\n"));
            assertEquals("", ast("& only a comment"));
        }

        @Test void terminatorsBeforeBetweenAfter() {
            assertEquals("1 2 3", ast(";\n1;2\n\n;3;\n"));
        }

        @Test void crlfAndLoneCrAreNewlines() {
            assertEquals("1 2 3", ast("1\r\n2\r3"));
        }
    }

    @Nested
    class Literals {
        @Test void constants() {
            assertEquals("nil true false", ast("nil; true; false"));
        }

        @Test void numbers() {
            assertEquals("42 -2.5 1000000 7 0.25 -3", ast("42; -2.5; 1_000_000; 007; 0.2_5; -3"));
            Ast.Num n = (Ast.Num) Parsing.parse("1_000.5").body().get(0);
            assertEquals("1_000.5", n.text());
            assertEquals(1000.5, n.value());
        }

        @Test void keywords() {
            assertEquals(":foo :Bar :c/d :e! :none", ast(":foo; :Bar; :c/d; :e!; :none"));
        }

        @Test void stringsAndEscapes() {
            assertEquals("\"plain\"", ast("\"plain\""));
            assertEquals("\"a\\nb\\tc\\rd\\\"e\\\\f{g}h\"", ast("\"a\\nb\\tc\\rd\\\"e\\\\f\\{g\\}h\""));
            assertEquals("\"xqy\"", ast("\"x\\qy\""));
            assertEquals("\"two\\nlines\"", ast("\"two\nlines\""));
            assertEquals("\"& not a comment\"", ast("\"& not a comment\""));
        }

        @Test void interpolation() {
            assertEquals("(interp \"\" name \" likes \" langs \"\")", ast("\"{name} likes {langs}\""));
            assertEquals("(interp \"\" n \"\" n \" and \" is_it? \"!\")", ast("\"{n}{n} and {is_it?}!\""));
        }

        @Test void bracesThatAreNotInterpolations() {
            assertEquals("\"brace { not a name } and {} stay\"", ast("\"brace { not a name } and {} stay\""));
            assertEquals("\"{name}\"", ast("\"\\{name}\""));
            assertEquals("\"{1x} {nil} {_x} {a b}\"", ast("\"{1x} {nil} {_x} {a b}\""));
        }

        @Test void interpolationNameSpansPointInsideTheString() {
            Ast.InterpStr s = (Ast.InterpStr) Parsing.parse("  \"ab\ncd {who}!\"").body().get(0);
            Ast.Word w = s.names().get(0);
            assertEquals("who", w.name());
            assertEquals(new Span("test.ld", 2, 5, 2, 8), w.span());
        }
    }

    @Nested
    class Synthetic {
        @Test void wordsAndCalls() {
            assertEquals("foo (f (args 1 2)) (f (args))", ast("foo; f (1, 2); f ()"));
        }

        @Test void chains() {
            assertEquals("(foo :b :c) (:b (args foo) :d) (f (args x) (args y)) (make (args) :x :y)",
                    ast("foo :b :c; :b (foo) :d; f (x) (y); make () :x :y"));
        }

        @Test void placeholdersInArgs() {
            assertEquals("(add (args 1 _)) (f (args _ _))", ast("add (1, _); f (_, _)"));
        }

        @Test void newlineEndsASynthetic() {
            assertEquals("add (tuple 1 2)", ast("add\n(1, 2)"));
            assertEquals("foo :bar", ast("foo\n:bar"));
        }

        @Test void separatorsInArgs() {
            assertEquals("(f (args 3 4))", ast("f (,,,3,,4,,)"));
            assertEquals("(f (args 1 2 3))", ast("f (\n  1\n  2,\n  3\n)"));
        }
    }

    @Nested
    class Collections {
        @Test void tuples() {
            assertEquals("(tuple) (tuple x) (tuple 1 :a) (tuple 3 4)", ast("(); (x); (1, :a); (,,,3,,4,,)"));
        }

        @Test void placeholderInTupleIsLeftToTheResolver() {
            assertEquals("(tuple 1 _)", ast("(1, _)"));
        }

        @Test void lists() {
            assertEquals("[] [1 2] [0 ...foo 5 ...bar]", ast("[]; [1, 2]; [0, ...foo, 5, ...bar]"));
            assertEquals("[1 2 3]", ast("[\n1\n2,\n\n3,\n]"));
        }

        @Test void sets() {
            assertEquals("${} ${1 2 ...s}", ast("${}; ${1, 2, ...s}"));
        }

        @Test void dicts() {
            assertEquals("#{} #{:a 1 :b~b ...d :c (f (args x))}", ast("#{}; #{:a 1, b, ...d, :c f (x)}"));
            assertEquals("#{:a 1 :b 2}", ast("#{\n  :a 1\n  :b 2\n}"));
        }

        @Test void membersAreNonBinding() {
            assertEquals("[(fn ((ptuple x) -> x)) (if a b c)]", ast("[fn (x) -> x, if a then b else c]"));
        }
    }

    @Nested
    class Bindings {
        @Test void let() {
            assertEquals("(let x 1) (let (ptuple a b) (tuple 1 2))", ast("let x = 1; let (a, b) = (1, 2)"));
        }

        @Test void letRhsMayStartOnTheNextLine() {
            assertEquals("(let x 1)", ast("let x =\n\n  1"));
        }

        @Test void refAndBox() {
            assertEquals("(ref r 0) (box b [])", ast("ref r = 0\nbox b =\n []"));
        }

        @Test void namedFnOneClause() {
            assertEquals("(fn inc1 ((ptuple x) -> (add (args x 1))))", ast("fn inc1 (x) -> add (x, 1)"));
        }

        @Test void namedFnManyClausesWithDocAndGuards() {
            assertEquals("(fn f \"the doc\" ((ptuple) -> 0) ((ptuple x ...rest!) if (pos? (args x)) -> x))",
                    ast("fn f {\n  \"the doc\"\n  () -> 0\n  (x, ...rest) if pos? (x) -> x\n}"));
            assertEquals("(fn f ((ptuple) -> 0) ((ptuple x) -> 1))", ast("fn f {\n\n; () -> 0; (x) -> 1; }"));
            assertEquals("(fn f \"d\" ((ptuple) -> 0))", ast("fn f { \"d\"; () -> 0 }"));
        }

        @Test void forwardDeclaration() {
            assertEquals("(fndecl g) (fn g ((ptuple) -> 1))", ast("fn g\nfn g () -> 1"));
        }

        @Test void lambda() {
            assertEquals("(let f (fn ((ptuple x) -> x)))", ast("let f = fn (x) -> x"));
            assertEquals("(fn ((ptuple) -> {1 2}))", ast("fn () -> { 1; 2 }"));
        }

        @Test void clauseBodyMayBeABindingForm() {
            assertEquals("(fn ((ptuple) -> (let x 1)))", ast("fn () -> let x = 1"));
        }
    }

    @Nested
    class Control {
        @Test void ifThenElse() {
            assertEquals("(if x 1 2)", ast("if x then 1 else 2"));
        }

        @Test void ifNewlinesBeforeThenAndElse() {
            assertEquals("(if (gt? (args x 1)) :big :small)", ast("if\n  gt? (x, 1)\n  then :big\n  else :small"));
        }

        @Test void ifLet() {
            assertEquals("(iflet (ptuple =:ok x) r x nil)", ast("if let (:ok, x) = r then x else nil"));
        }

        @Test void ifBranchesMayBeBindings() {
            assertEquals("(if c (let x 1) (fn f ((ptuple) -> 2)))", ast("if c then let x = 1 else fn f () -> 2"));
        }

        @Test void when() {
            assertEquals("(when ((lt? (args x 0)) -> :neg) (else -> :zero) (else -> :pos))",
                    ast("when {\n  lt? (x, 0) -> :neg\n  _ -> :zero; else -> :pos\n}"));
        }

        @Test void match() {
            assertEquals("(match x (=1 -> :one) ((x as :number) if (pos? (args x)) -> x) (?else -> nil))",
                    ast("match x with {\n  1 -> :one\n  x as :number if pos? (x) -> x\n  else -> nil\n}"));
        }

        @Test void matchWithOnTheNextLine() {
            assertEquals("(match x (?_ -> 1))", ast("match x\n  with { _ -> 1 }"));
        }

        @Test void loopAndRecur() {
            assertEquals("(loop (tuple 0) ((ptuple n) -> (recur (tuple (inc (args n))))))",
                    ast("loop (0) with (n) -> recur (inc (n))"));
            assertEquals("(loop (tuple 1 2) ((ptuple =0 b) -> b) ((ptuple a b) if (pos? (args a)) -> (recur (tuple a b))))",
                    ast("loop (1, 2) with {\n (0, b) -> b\n (a, b) if pos? (a) -> recur (a, b)\n}"));
        }

        @Test void repeat() {
            assertEquals("(repeat 3 {(print! (args :hi))}) (repeat n {x y})", ast("repeat 3 { print! (:hi) }; repeat n { x; y }"));
        }

        @Test void doPipelines() {
            assertEquals("(do 3 inc (mult (args _ 2)))", ast("do 3 > inc > mult (_, 2)"));
        }

        @Test void doNewlineBeforeGreaterThan() {
            assertEquals("(do 3 inc dec) x", ast("do 3\n  > inc\n\n  > dec\nx"));
        }

        @Test void blocks() {
            assertEquals("{1} {(let a 1) a}", ast("{ 1 }; {\n let a = 1\n\n a\n}"));
        }

        @Test void nestedIfElseBindsInnermost() {
            assertEquals("(if a (if b c d) e)", ast("if a then if b then c else d else e"));
        }
    }

    @Nested
    class Panic {
        @Test void panicForm() {
            assertEquals("(panic \"boom\") (panic :foo) (panic (f (args x))) (panic [1])",
                    ast("panic! \"boom\"; panic! :foo; panic! f (x); panic! [1]"));
        }

        @Test void panicCallAndWord() {
            assertEquals("(panic! (args \"bad:\" 42)) (panic! (args)) panic! [panic! 1] (map (args panic! xs))",
                    ast("panic! (\"bad:\", 42); panic! (); panic!; [panic!, 1]; map (panic!, xs)"));
        }
    }

    @Nested
    class ToplevelForms {
        @Test void importNsPkgUseTest() {
            assertEquals("(import \"lib.ld\" lib) (ns foo :a 1 :b~b) (pkg P) (use foo) (test \"t\" (eq? (args 1 1)))",
                    ast("import \"lib.ld\" as lib\nns foo { :a 1, b }\npkg P {}\nuse foo\ntest \"t\" eq? (1, 1)"));
        }

        @Test void parseInAnyExpressionPosition() {
            assertEquals("{(ns n :a outer)} (let x (use y)) [(import \"a\" a)] (f (args (test \"x\" 1)))",
                    ast("{ ns n { :a outer } }; let x = use y; [import \"a\" as a]; f (test \"x\" 1)"));
        }

        @Test void nsEntriesSeparatedByNewlines() {
            assertEquals("(ns m :a 1 :b~b :c~c)", ast("ns m {\n  :a 1\n  b\n\n  c,\n}"));
        }
    }

    @Nested
    class Patterns {
        @Test void simplePatterns() {
            assertEquals("(let ?_ x) (let ?_foo x) (let ?else x) (let =nil x) (let =true x) (let =1 x) (let =\"s\" x) (let =:k x)",
                    ast("let _ = x; let _foo = x; let else = x; let nil = x; let true = x; let 1 = x; let \"s\" = x; let :k = x"));
        }

        @Test void bindAndTyped() {
            assertEquals("(let y x) (let (y as :number) x)", ast("let y = x; let y as :number = x"));
        }

        @Test void tuplesAndLists() {
            assertEquals("(let (ptuple x ?_ y) t) (let (ptuple ?_ ...cs!) t) (let (plist h ...t!) l)",
                    ast("let (x, _, y) = t; let (_, ...cs) = t; let [h, ...t] = l"));
        }

        @Test void splatsAnywhereSyntactically() {
            assertEquals("(let (plist ... ..._x ..._ ...r! x) l)", ast("let [..., ..._x, ..._, ...r, x] = l"));
        }

        @Test void dicts() {
            assertEquals("(let (pdict :a foo :b =12 :c~c :d~(d as :string) ...others!) d)",
                    ast("let #{:a foo, :b 12, c, d as :string, ...others} = d"));
        }

        @Test void nested() {
            assertEquals("(let (ptuple =:ok (plist n (pdict :name~name))) v)", ast("let (:ok, [n, #{name}]) = v"));
        }

        @Test void separatorsInPatterns() {
            assertEquals("(let (ptuple a b) t)", ast("let (\n,a\n\nb,\n) = t"));
        }
    }
}
