package dev.ludus.compiler.syntax;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ludus.compiler.SharedCorpus;
import dev.ludus.compiler.diagnostic.CompileErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * FastParser (recursive descent) against ANTLR's parse (LudusParser.parseWithAntlr): on every
 * program of the corpora, and on token-level mutations of them, either FastParser gives up or
 * both give the same Ast (spans included); where ANTLR parses an unmutated program, FastParser
 * must too.
 */
class FastParserTest {
    private static List<Path> programs() throws IOException {
        List<Path> out = new ArrayList<>();
        List<Path> roots = new ArrayList<>(List.of(Path.of("..", "examples"), Path.of("..", "bench", "ludus"),
                Path.of("..", "stdlib")));
        if (SharedCorpus.present()) roots.add(SharedCorpus.dir().resolve("conformance"));
        for (Path root : roots) {
            if (!Files.isDirectory(root)) continue;
            try (Stream<Path> s = Files.walk(root)) {
                s.filter(p -> p.toString().endsWith(".ld")).sorted().forEach(out::add);
            }
        }
        return out;
    }

    /** ANTLR's Ast, or null for a syntax error. */
    private static Ast.Script antlr(String name, List<LToken> tokens) {
        try {
            return LudusParser.parseWithAntlr(new SourceText(name, null, ""), new Lexer.Result(tokens, null, List.of()));
        } catch (CompileErrors e) {
            return null;
        }
    }

    /** Whether the fast parser accepted (and agreed). */
    private static boolean agree(String name, List<LToken> tokens, boolean mustParse) {
        Ast.Script expected = antlr(name, tokens);
        Ast.Script fast = FastParser.parse(tokens, name);
        if ((fast != null || mustParse) && !java.util.Objects.equals(expected, fast)) {
            fail(name + ": the fast parser " + (fast == null ? "gave up" : expected == null ? "accepted what ANTLR rejects" : "built another Ast"));
        }
        return fast != null;
    }

    @Test
    void agreesWithAntlrOnEveryCorpusProgram() throws IOException {
        int parsed = 0;
        List<Path> files = programs();
        assertTrue(files.size() > 20, "programs found: " + files.size());
        for (Path f : files) {
            Lexer.Result lexed = Lexer.scan(Files.readString(f));
            if (lexed.error() != null) continue;
            boolean ok = antlr(f.toString(), lexed.tokens()) != null;
            agree(f.toString(), lexed.tokens(), ok);
            if (ok) parsed++;
        }
        assertTrue(parsed > 20, "parsed: " + parsed);
    }

    /** Deleting, repeating or swapping tokens: FastParser never accepts what ANTLR rejects or reads differently. */
    @Test
    void agreesWithAntlrOnMutatedPrograms() throws IOException {
        Random rnd = new Random(16);
        int accepted = 0, rejected = 0;
        for (Path f : programs()) {
            Lexer.Result lexed = Lexer.scan(Files.readString(f));
            List<LToken> tokens = lexed.tokens();
            if (lexed.error() != null || tokens.size() < 3) continue;
            for (int k = 0; k < 12; k++) {
                List<LToken> m = new ArrayList<>(tokens);
                int i = rnd.nextInt(m.size() - 1); // never the EOF
                switch (k % 4) {
                    case 0 -> m.remove(i);
                    case 1 -> m.add(i, m.get(i));
                    case 2 -> m.add(i + 1, m.get(rnd.nextInt(m.size() - 1)));
                    default -> {
                        int j = rnd.nextInt(m.size() - 1);
                        LToken t = m.get(i);
                        m.set(i, m.get(j));
                        m.set(j, t);
                    }
                }
                if (agree(f + " mutation " + k, m, false)) accepted++;
                else rejected++;
            }
        }
        assertTrue(accepted > 100 && rejected > 100, "accepted " + accepted + ", rejected " + rejected);
    }

    private static Ast.Script both(String src) {
        Lexer.Result lexed = Lexer.scan(src);
        Ast.Script fast = FastParser.parse(lexed.tokens(), "t.ld");
        if (!java.util.Objects.equals(antlr("t.ld", lexed.tokens()), fast)) fail("the parsers differ on: " + src);
        return fast;
    }

    @Test
    void parsesTheTrickyCornersLikeAntlr() {
        String[] ok = {
            "", "\n;\n", "nil", "do 1 > inc > do 2 > dec", "do 1\n > inc\n\n > dec", "fn f", "fn f\n(1)", "fn (x) -> x",
            "fn f {\n \"doc {x}\"\n (x) -> x\n (x, y) if x -> y\n}", "fn f { \"doc\" (x) -> x }", "fn f {; (x) -> x}",
            "let f = fn (x) -> x", "let (a, ...) = (1, 2)", "let [x, ...xs] = [1]", "let #{a as :number, :b [c], ...r} = #{}",
            "let x as :string = \"s\"", "let #{...} = #{}", "let [..._] = []", "if let (:ok, x) = y then x else nil",
            "if\n x\n then 1\n else 2", "when { x -> 1; _ -> 2\n else -> 3 }", "match x with { 1 -> :a\n (a, b) if a -> b\n else -> c }",
            "receive { (:msg, m) -> m }", "loop (1, 2) with (a, b) -> recur (a, b)", "loop () with {\n () -> 1\n}",
            "repeat 3 { print! (1) }", "repeat n { 1 }", "{ 1; 2\n 3 }", "panic! \"no\"", "ref r = 1", "box b =\n 2",
            "f (_, 1) :k (2)", ":a :b", "x :a", "(1, _)", "#{:a 1, b, ...c}", "${1, 2, ...s}", "[1, [2], ...xs]",
            "import \"lib.ld\" as lib", "ns n { :a 1, b }", "pkg p {}", "use x", "test \"t\" eq? (1, 1)", "(\n1,\n2,\n)",
            "do do 1 > inc > dec", "do do do 1 > a > b > c", "do do a > b > f (do c > d)", "do do a\n > b\n > c",
            "do if x then 1 else do 2 > inc > dec", "do let x = do 1 > inc > dec", "do fn (x) -> do x > f > g",
            "\"a {b} c\"", "#{:x \"{y}\"}", "match 1 with { \"{x}\" -> 1 }", "fn f { (1) -> :a; (n) -> n }",
        };
        for (String s : ok) assertNotNull(both(s), s);
        String[] bad = {
            "do 1", "do do 1 > inc", "do do a > f (do c > d)", "fn f ()", "let = 1", "fn f {}", "{}", "1 2", "(1 2)", "f (", "let x = let y = 1", "if x then 1", "match x with {}",
            "let f = fn g (x) -> x", "#{:a}", "fn f { ; \"doc\" (x) -> x }", "[...]", "x as :y", "loop (1) with 1",
        };
        for (String s : bad) assertNull(both(s), s);
    }
}
