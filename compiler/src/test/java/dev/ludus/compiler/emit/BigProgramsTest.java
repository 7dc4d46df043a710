package dev.ludus.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ludus.compiler.BigStack;
import org.junit.jupiter.api.Test;

/**
 * Valid programs past the JVM's per-method and per-class limits compile and run (issue 12 item
 * 2: each of these was refused as "too large to compile" or failed with a Java error). The
 * programs are generated; every class is verified (Programs.run) and the output checked.
 */
class BigProgramsTest {
    /** As `ludus run` compiles: on a thread with a large stack (deep nesting recurses). */
    static String run(String source) throws Exception {
        return BigStack.call("ludus-compile-test", () -> Programs.runSource(source));
    }

    private static String numbers(int n, String sep) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) b.append(i == 0 ? "" : sep).append(i);
        return b.toString();
    }

    @Test
    void aListOf100000Constants() throws Exception {
        assertEquals("100000\n99999\n=> 4999950000\n[exit 0]\n",
                run("let xs = [" + numbers(100_000, ", ") + "]\nprint! (count (xs))\nprint! (last (xs))\nfold (add, xs, 0)\n"));
    }

    @Test
    void aListOf30000Expressions() throws Exception {
        StringBuilder b = new StringBuilder("let y = 1\nlet xs = [");
        for (int i = 0; i < 30_000; i++) b.append(i == 0 ? "" : ", ").append("add (y, ").append(i).append(')');
        assertEquals("30000\n=> 30000\n[exit 0]\n", run(b.append("]\nprint! (count (xs))\nlast (xs)\n").toString()));
    }

    @Test
    void aDictOf50000Entries() throws Exception {
        StringBuilder b = new StringBuilder("let d = #{");
        for (int i = 0; i < 50_000; i++) b.append(i == 0 ? "" : ", ").append(":k").append(i).append(' ').append(i);
        assertEquals("50000\n=> 49999\n[exit 0]\n", run(b.append("}\nprint! (count (d))\nd :k49999\n").toString()));
    }

    @Test
    void aMatchWith100000Clauses() throws Exception {
        StringBuilder b = new StringBuilder("let n = 99998\nprint! (match n with {\n");
        for (int i = 0; i < 100_000; i++) b.append("  ").append(i).append(" -> ").append(2 * i).append('\n');
        b.append("  _ -> :none\n})\n");
        // no clause matches: the panic is located at the match (line 2), in split code
        b.append("match :x with {\n");
        for (int i = 0; i < 100_000; i++) b.append("  ").append(i).append(" -> ").append(2 * i).append('\n');
        b.append("}\n");
        String out = run(b.toString());
        assertTrue(out.startsWith("199996\nLudus panicked on line 100005:\n"), out);
        assertTrue(out.endsWith("Match Error: No match found\n[exit 1]\n") || out.contains("No match"), out);
    }

    @Test
    void aLoopWith300Bindings() throws Exception {
        StringBuilder init = new StringBuilder(), names = new StringBuilder(), next = new StringBuilder();
        for (int i = 1; i <= 300; i++) {
            String sep = i == 1 ? "" : ", ";
            init.append(sep).append(i);
            names.append(sep).append('a').append(i);
            next.append(sep).append(i == 1 ? "inc (a1)" : "a" + i);
        }
        assertEquals("=> 310\n[exit 0]\n", run("loop (" + init + ") with (" + names + ") -> if lt? (a1, 10) then recur ("
                + next + ") else add (a1, a300)\n"));
    }

    @Test
    void fiveThousandNestedBlocks() throws Exception {
        StringBuilder b = new StringBuilder("let a0 = 0\n");
        for (int i = 1; i <= 5000; i++) b.append("{ let a").append(i).append(" = inc (a").append(i - 1).append(")\n");
        b.append("a5000\n").append("}".repeat(5000)).append('\n');
        assertEquals("=> 5000\n[exit 0]\n", run(b.toString()));
        // the same inside a function, and a panic deep inside keeps its location
        StringBuilder g = new StringBuilder("fn f (a0) -> {\n");
        for (int i = 1; i <= 5000; i++) g.append("{ let a").append(i).append(" = inc (a").append(i - 1).append(")\n");
        g.append("if eq? (a5000, 5000) then { let 0 = a5000 } else a5000\n").append("}".repeat(5001)).append('\n');
        g.append("print! (f (1))\nf (0)\n");
        String out = run(g.toString());
        assertTrue(out.startsWith("5001\nLudus panicked on line 5002:\n"), out.substring(0, Math.min(300, out.length())));
    }

    @Test
    void aCallWith100000NestedBrackets() throws Exception {
        assertEquals("=> 100000\n[exit 0]\n", run("inc (".repeat(100_000) + "0" + ")".repeat(100_000) + "\n"));
        assertEquals("=> 1\n[exit 0]\n", run("count (" + "[".repeat(99_999) + "]".repeat(99_999) + ")\n"));
    }

    @Test
    void aScriptOf100000Prints() throws Exception {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 100_000; i++) b.append("print! (\"line ").append(i).append("\")\n");
        String out = run(b.toString());
        assertTrue(out.startsWith("line 0\nline 1\n"), out.substring(0, 100));
        assertTrue(out.endsWith("line 99999\n=> :ok\n[exit 0]\n"), out.substring(out.length() - 100));
    }

    @Test
    void aFunctionWith100000ClausesKeepsTailCalls() throws Exception {
        StringBuilder b = new StringBuilder("fn f {\n  (0) -> :done\n");
        for (int i = 1; i < 1000; i++) b.append("  (-").append(i).append(") -> ").append(i).append('\n');
        // past the first split: a clause that tail-calls f a million times (the stack must not grow)
        b.append("  (n) if gt? (n, 0) -> f (dec (n))\n");
        for (int i = 1000; i < 100_000; i++) b.append("  (-").append(i).append(") -> ").append(i).append('\n');
        b.append("}\nprint! (f (-99999))\nf (1_000_000)\n");
        assertEquals("99999\n=> :done\n[exit 0]\n", run(b.toString()));
    }

    @Test
    void formerlyTooLargeProgramsRun() throws Exception {
        // a 5,000-deep if chain, a fn of 5,000 clauses, 40,000 string constants, 70,000 lets in a fn
        assertEquals("5\n=> 1\n[exit 0]\n", run("let x = 5\nprint! (x)\n" + "if eq? (x, 0) then 0 else ".repeat(5_000) + "1\n"));
        StringBuilder b = new StringBuilder("fn f {\n");
        for (int i = 0; i < 5000; i++) b.append("  (").append(i).append(") -> ").append(i).append('\n');
        assertEquals("=> 4321\n[exit 0]\n", run(b.append("}\nf (4321)\n").toString()));
        b = new StringBuilder();
        for (int i = 0; i < 40_000; i++) b.append("let s").append(i).append(" = \"line ").append(i).append("\"\n");
        assertEquals("=> \"line 39999\"\n[exit 0]\n", run(b.append("s39999\n").toString()));
        b = new StringBuilder("fn f () -> {\n");
        for (int i = 0; i < 70_000; i++) b.append("  let x").append(i).append(" = ").append(i).append('\n');
        assertEquals("=> 69994\n[exit 0]\n", run(b.append("  add (x5, x69989)\n}\nf ()\n").toString()));
    }

    @Test
    void aTupleOf100000AndAWhenOf20000Clauses() throws Exception {
        assertEquals("=> (100000, 99999)\n[exit 0]\n",
                run("let t = (" + numbers(100_000, ", ") + ")\n(count (t), last (t))\n"));
        StringBuilder b = new StringBuilder("let x = 19998\nprint! (when {\n");
        for (int i = 0; i < 20_000; i++) b.append("  eq? (x, ").append(i).append(") -> ").append(i).append('\n');
        b.append("  else -> :none\n})\nwhen {\n");
        for (int i = 0; i < 20_000; i++) b.append("  eq? (x, ").append(-i).append(") -> ").append(i).append('\n');
        String out = run(b.append("}\n").toString());
        assertTrue(out.startsWith("19998\nLudus panicked on line 20005:\n"), out.substring(0, Math.min(200, out.length())));
    }

    @Test
    void callsWith100000Arguments() throws Exception {
        // were refused ("binds more than 2000 names"): the arguments now travel as one array
        String many = numbers(100_000, ", ");
        StringBuilder exprs = new StringBuilder();
        for (int i = 0; i < 3000; i++) exprs.append(i == 0 ? "" : ", ").append("add (y, ").append(i).append(')');
        assertEquals("100000\n100000\n3000\n4501500\n100001\n=> 100000\n[exit 0]\n", run("fn f {\n  (...xs) -> count (xs)\n}\n"
                + "print! (f (" + many + "))\n"
                + "fn g (y) -> { let n = f (" + many + ")\n  n }\nprint! (g (1))\n"
                + "fn h (y) -> f (" + exprs + ")\nprint! (h (1))\n"
                + "let y = 1\nprint! (add (" + exprs + "))\n"
                + "let p = f (_, " + many + ")\nprint! (p (1))\n"
                + "fn k () -> f (" + many + ")\nk ()\n"));
    }

    @Test
    void largeConstantLiteralsAreBuiltFromData() throws Exception {
        // a 100,000-number list was 100,000 class constants in split methods and part classes
        // (18-40 s to compile): now a few string constants decoded on first use
        StringBuilder mixed = new StringBuilder();
        for (int i = 0; i < 300; i++) mixed.append("\"s").append(i).append("\", :k").append(i).append(", ");
        mixed.append("true, false, nil, 1.5, -2, -0.25, 0.1, \"\u00e9\\nx\", \"\"");
        StringBuilder dict = new StringBuilder();
        for (int i = 0; i < 300; i++) dict.append(i == 0 ? "" : ", ").append(":k").append(i).append(' ').append(i);
        String source = "let xs = [" + numbers(100_000, ", ") + "]\nprint! (count (xs), last (xs))\n"
                + "let m = [" + mixed + "]\nprint! (count (m), first (m), at (m, 1), slice (m, 600, 609))\n"
                + "let d = #{" + dict + ", :k5 :five}\nprint! (count (d), d :k299, d :k5)\n"
                + "let s = ${" + numbers(300, ", ") + ", 1, 2}\nprint! (count (s), contains? (299, s))\n"
                + "fn t () -> (" + numbers(300, ", ") + ")\nprint! (eq? (t (), t ()), count (t ()))\n";
        assertEquals("100000 99999\n609 s0 :k0 [true, false, nil, 1.5, -2, -0.25, 0.1, \"\u00e9\nx\", \"\"]\n"
                + "300 299 :five\n300 true\ntrue 300\n=> :ok\n[exit 0]\n", run(source));
        dev.ludus.compiler.CompiledProgram p = BigStack.call("ludus-compile-test", () -> {
            java.nio.file.Path file = java.nio.file.Files.createTempDirectory("ludus-test").resolve("data.ld");
            java.nio.file.Files.writeString(file, source);
            return dev.ludus.compiler.LudusCompiler.compile(file, "data.ld");
        });
        assertEquals(1, p.classes().size(), p.classes().keySet().toString());
        int constants = new org.objectweb.asm.ClassReader(p.classes().values().iterator().next()).getItemCount();
        assertTrue(constants < 600, "constant pool entries: " + constants);
    }

    private static String names(int n, String prefix) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= n; i++) b.append(i == 1 ? "" : ", ").append(prefix).append(i);
        return b.toString();
    }

    @Test
    void patternsBinding3000NamesInAFunction() throws Exception {
        // were refused ("binds more than 2000 names in one function"): the names now go to an array
        String xs = names(3000, "x");
        String source = "let t = (" + numbers(3000, ", ") + ")\n"
                + "fn f (t) -> {\n  let (" + xs + ") = t\n  let g = fn () -> x2999\n  add (x1, add (x3000, g ()))\n}\n"
                + "print! (f (t))\n"
                + "fn h {\n  ((" + xs + ")) if eq? (x1, 0) -> x3000\n  (_) -> :other\n}\n"
                + "print! (h (t), h (:x))\n"
                + "fn k (" + xs + ") -> add (x1, add (x2, x3000))\nprint! (k (" + numbers(3000, ", ") + "))\n"
                + "print! (match t with { (" + xs + ") -> x7 })\n"
                + "fn m (t) -> if let (" + xs + ") = t then x10 else :no\nprint! (m (t))\n"
                + "let (" + names(3000, "y") + ") = t\nprint! (y3000)\n"
                // a panic inside keeps its location
                + "fn p (t) -> {\n  let (" + xs + ") = t\n  let 1 = x1\n}\np (t)\n";
        String out = run(source);
        assertTrue(out.startsWith("5997\n2999 :other\n3000\n6\n9\n2999\nLudus panicked on line 22:"), out.substring(0, Math.min(400, out.length())));
    }

    @Test
    void aLoopWith1000Names() throws Exception {
        // was refused in a fn ("binds more than 2000 names"): a loop of many names passes them in one array
        StringBuilder next = new StringBuilder();
        for (int i = 1; i <= 1000; i++) next.append(i == 1 ? "" : ", ").append(i == 1 ? "inc (a1)" : i == 1000 ? "add (a1000, 1)" : "a" + i);
        String loop = "loop (" + numbers(1000, ", ") + ") with (" + names(1000, "a") + ") -> if lt? (a1, 10) then recur (" + next
                + ") else add (a1, a1000)";
        assertEquals("=> 1019\n[exit 0]\n", run(loop + "\n"));
        assertEquals("=> 1019\n[exit 0]\n", run("fn f () -> " + loop + "\nf ()\n"));
    }

    @Test
    void patternsOfManyNamesThatAreNotPlainNamesAndLongLoopClauses() throws Exception {
        // each name bound by code of its own (typed, nested), into the pattern's array
        StringBuilder typed = new StringBuilder();
        for (int i = 1; i <= 2100; i++) {
            typed.append(i == 1 ? "" : ", ").append(i % 50 == 0 ? "(x" + i + ")" : i % 50 == 1 ? "x" + i + " as :number" : "x" + i);
        }
        StringBuilder value = new StringBuilder();
        for (int i = 0; i < 2100; i++) value.append(i == 0 ? "" : ", ").append((i + 1) % 50 == 0 ? "(" + i + ")" : String.valueOf(i));
        assertEquals("2099\n=> :ok\n[exit 0]\n", run("fn f (t) -> {\n  let (" + typed + ") = t\n  add (x1, x2100)\n}\n"
                + "print! (f ((" + value + ")))\n"));
        // a loop of 2,000 names whose clause list is moved into methods of its own (its arguments array travels)
        String a = names(2000, "a");
        String init = numbers(2000, ", ");
        String loop = "loop (" + init + ") with {\n  (" + a + ") if lt? (a1, 3) -> recur (inc (a1), " + names(2000, "a").substring(4)
                + ")\n  (" + a + ") -> add (a1, a2000)\n}";
        assertEquals("1999\n=> 2002\n[exit 0]\n", run("print! (1999)\n" + loop + "\n"));
    }

    @Test
    void anInterpolationOf50000NamesAndAPipelineOf100000Stages() throws Exception {
        // were refused ("its code exceeds the JVM's 64 KB method limit"): built in chunks, moved if large
        String parts = "{a}-".repeat(50_000);
        assertEquals("100000\n100000\n=> 100000\n[exit 0]\n", run("fn f (a) -> \"" + parts + "\"\nprint! (count (f (1)))\n"
                + "let a = 2\nprint! (count (\"" + parts + "\"))\n" + "do 0 " + "> inc ".repeat(100_000) + "\n"));
    }
}
