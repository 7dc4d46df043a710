package dev.ludus.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Folds that build a dict or a set in place (analyse.DictFolds, Invoke.dictFold): each program
 * prints, returns and panics exactly as its twin, whose fold is a local name the analysis leaves
 * alone, and the dict or set given as init is never changed.
 */
class DictFoldsTest {
    private static final String HEADER = "let fOld = fold\nfn bump { (nil) -> 1; (n) -> inc (n) }\n";
    private static final String SHADOW = "let fold = fold\nfn bump { (nil) -> 1; (n) -> inc (n) }\n";

    /** Runs the program and its twin (stdout, stderr, exit), checks they agree, returns the output. */
    private static String same(String body) {
        return Programs.sameAsTwin(HEADER + body, SHADOW + body);
    }

    @Test void foldsThatOnlyUpdateTheirDictBuildItInPlace() throws Exception {
        String body = """
                let ws = [:a, :b, :a, :c, :b, :a, :d]
                let start = #{:z 0, :a 10}
                print! (fold (fn (counts, w) -> update (counts, w, bump), ws, #{}))
                print! (fold (fn (counts, w) -> update (counts, w, bump), ws, start), start)
                print! (fold (fn (d, w) -> assoc (d, w, :seen), ws, start), start)
                print! (fold (fn (d, w) -> if eq? (w, :b) then d else update (d, w, bump), ws, #{}))
                print! (fold (fn (d, w) -> when { eq? (w, :a) -> assoc (d, :first, w); eq? (w, :c) -> #{:reset true}; else -> update (d, w, bump) }, ws, #{}))
                print! (fold (fn (d, w) -> { print! (:at, w); update (d, w, bump) }, [:x, :y], #{}))
                print! (fold (fn (d, _) -> d, ws, #{:k 1}), fold (fn (d, w) -> update (d, w, inc), [], #{}))
                let xs = range (40)
                let big = fold (fn (d, i) -> assoc (d, at ([:k0, :k1, :k2, :k3, :k4, :k5, :k6, :k7, :k8, :k9, :k10, :k11], mod (i, 12)), i), xs, #{})
                print! (big, count (big), keys (big))
                let ks = [:k0, :k1, :k2, :k3, :k4]
                print! (fold (fn (d, i) -> update (d, at (ks, mod (i, 5)), fn (n) -> if nil? (n) then i else add (n, i)), range (23), start), start)
                print! (fold (fn (d, i) -> assoc (d, at (ks, mod (i, 3)), i), range (2.5, 9), #{}))
                print! (eq? (big, fold (fn (d, i) -> assoc (d, i, 1), [], big)))
                """;
        String out = same(body);
        assertTrue(out.startsWith("#{:a 3, :b 2, :c 1, :d 1}\n#{:z 0, :a 13, :b 2, :c 1, :d 1} #{:z 0, :a 10}\n"), out);
        List<String> code = Programs.calls(HEADER + body);
        assertTrue(code.contains("Invoke.dictFold") && code.contains("Invoke.accUpdate") && code.contains("Invoke.accAssoc"), code.toString());
        assertTrue(code.contains("Invoke.dictAccumulator") && code.contains("Pipes.rangeFusable"), "a fold over range counted out, in place: " + code);
        assertFalse(Programs.calls(SHADOW + body).contains("Invoke.dictFold"));
    }

    @Test void foldsThatOnlyAppendToTheirSetBuildItInPlace() throws Exception {
        String body = """
                let xs = [3, 1, 3, :a, "s", 1, (1, 2), [1], 0, -0, (1, 2), 2]
                let start = ${9, 3}
                print! (fold (fn (s, x) -> append (s, x), xs, ${}))
                print! (fold (fn (s, x) -> append (s, x), xs, start), start)
                print! (fold (fn (s, x) -> if eq? (x, 3) then s else append (s, x), xs, ${}))
                print! (fold (fn (s, x) -> append (s, sqrt (-1)), [1, 2, 3], ${}))
                print! (fold (fn (s, i) -> append (s, mod (mult (i, i), 97)), range (500), ${}))
                let sq = fold (fn (s, i) -> append (s, mod (mult (i, i), 1009)), range (3000), ${})
                print! (count (sq), contains? (4, sq), contains? (5, sq), eq? (sq, set (map (fn (i) -> mod (mult (i, i), 1009), range (3000)))))
                print! (fold (fn (l, x) -> append (l, x), [1, 2], [0]))
                print! (fold (fn (s, x) -> { print! (:at, x); append (s, x) }, [:x, :y], ${:y}))
                print! (fold (fn (s, w) -> append (s, w), [], ${:k}), start)
                """;
        String out = same(body);
        assertTrue(out.startsWith("${3, 1, :a, \"s\", (1, 2), [1], 0, 2}\n${9, 3, 1, :a, \"s\", (1, 2), [1], 0, 2} ${9, 3}\n"), out);
        assertTrue(out.contains("${NaN, NaN, NaN}\n") && out.contains("505 true true true\n") && out.contains("[0, 1, 2]\n") && out.endsWith("[exit 0]\n"), out);
        List<String> code = Programs.calls(HEADER + body);
        assertTrue(code.contains("Invoke.dictFold") && code.contains("Invoke.foldAppend"), code.toString());
        assertFalse(Programs.calls(SHADOW + body).contains("Invoke.foldAppend"));
    }

    @Test void anyOtherUseOfTheDictLeavesTheFoldAlone() throws Exception {
        String[] folds = {
                "fold (fn (d, w) -> update (d, w, fn (n) -> count (keys (d))), ws, #{})",  // captured by a closure
                "fold (fn (d, w) -> if empty? (d) then assoc (d, w, 1) else d, ws, #{})",  // read in a test
                "fold (fn (d, w) -> assoc (d, w, count (d)), ws, #{})",                     // read in a value
                "fold (fn (d, w) -> { print! (d); assoc (d, w, 1) }, ws, #{})",             // shown
                "fold (fn (d, w) -> assoc (assoc (d, w, 1), :n, 2), ws, #{})",             // not the tail call's own dict
                "fold (fn (d, (w)) -> assoc (d, w, 1), [(:a), (:b)], #{})",                 // a pattern that can fail
                "fold (fn (d, w) -> [d, w], ws, #{})",
        };
        for (String fold : folds) {
            String body = "let ws = [:a, :b, :a]\nprint! (" + fold + ")\n";
            same(body);
            assertFalse(Programs.calls(HEADER + body).contains("Invoke.dictFold"), fold);
        }
        // a partial of update holding the accumulator is no update of it: the dict it holds is a dict
        String partial = "let p = fold (fn (d, w) -> update (d, _, inc), [:a], #{:z 1})\nprint! (p (:z))\n";
        assertEquals("#{:z 2}\n=> :ok\n[stderr]\n[exit 0]\n", same(partial));
        assertFalse(Programs.calls(HEADER + partial).contains("Invoke.dictFold"));
    }

    @Test void panicsAreThePreludesShowingDictsNotAccumulators() {
        String notADict = same("print! (fold (fn (d, w) -> assoc (d, w, 1), [:a], :nope))\n");
        assertTrue(notADict.contains("No match found for (:nope, :a, 1) in function assoc"), notADict);
        String notAList = same("print! (fold (fn (d, w) -> assoc (d, w, 1), :nope, #{:a 1}))\n");
        assertTrue(notAList.contains("in function fold"), notAList);
        String badKey = same("print! (fold (fn (d, w) -> assoc (d, w, 1), [:a, \"b\"], #{:z 1}))\n");
        assertTrue(badKey.contains("No match found for (#{:z 1, :a 1}, \"b\", 1) in function assoc"), badKey);
        String badFn = same("print! (fold (fn (d, w) -> update (d, w, :inc), [:a], #{}))\n");
        assertTrue(badFn.contains("in function update"), badFn);
        String dictAppend = same("print! (fold (fn (d, w) -> append (d, w), [:a], #{:z 1}))\n");
        assertTrue(dictAppend.contains("No match found for (#{:z 1}, :a) in function append"), dictAppend);
        String setAssoc = same("print! (fold (fn (s, w) -> assoc (s, w, 1), [:a], ${:z}))\n");
        assertTrue(setAssoc.contains("in function assoc") && setAssoc.contains("${:z}"), setAssoc);
        String range = same("print! (fold (fn (d, i) -> assoc (d, :x, i), range (:a), #{}))\n");
        assertTrue(range.contains("in function range"), range);
        String inside = same("fn f (ws) -> fold (fn (d, w) -> update (d, w, fn (n) -> div (1, 0)), ws, #{})\nprint! (f ([:a]))\n");
        assertTrue(inside.contains("at f (test.ld:3)"), inside);
    }
}
