package dev.ludus.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ludus.compiler.LudusCompiler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** Dict literals with constant keys as shaped records; keyword reads through DictSites. */
class RecordFormsTest {
    @Test
    void splatsAndRestPatternsKeepTheDictAsItWouldBe() {
        // #{...d, :k v} (the builder following shapes) and #{..., ...rest} patterns on records, dicts and
        // the empty dict: replaced keys keep their place, new ones come last, in order
        String src = """
                let p = #{:id 1, :pos #{:x 1, :y 2}, :vel 3}
                let #{pos, ...rest} = p
                print! (rest, #{...rest, :pos pos, :vel 9}, #{...p, :id 7}, #{...p, :new 1, :id 2})
                let big = #{:a 1, :b 2, :c 3, :d 4, :e 5, :f 6, :g 7}
                print! (#{...big, :h 8}, #{...big, :h 8, :i 9}, #{...big, :a nil})
                let e = #{}
                print! (#{...e, :a 1}, eq? (#{...p, :id 7}, #{:id 7, :pos #{:x 1, :y 2}, :vel 3}), keys (#{...p, :z 0, :id 2}))
                let m = dict ([(:k, 1), (:j, 2)])
                print! (#{...m, :k 5}, m :j, assoc (m, :q, 1) :q, dissoc (#{...p, :w 0}, :id))
                fn f (d) -> #{...d, :x 1}
                print! (f (#{:y 2}), f (#{:x 0}), f (#{}), f (m))
                print! (f ([1, 2]))
                """;
        assertEquals("""
                #{:id 1, :vel 3} #{:id 1, :vel 9, :pos #{:x 1, :y 2}} #{:id 7, :pos #{:x 1, :y 2}, :vel 3} #{:id 2, :pos #{:x 1, :y 2}, :vel 3, :new 1}
                #{:a 1, :b 2, :c 3, :d 4, :e 5, :f 6, :g 7, :h 8} #{:a 1, :b 2, :c 3, :d 4, :e 5, :f 6, :g 7, :h 8, :i 9} #{:a nil, :b 2, :c 3, :d 4, :e 5, :f 6, :g 7}
                #{:a 1} true [:id, :pos, :vel, :z]
                #{:k 5, :j 2} 2 1 #{:pos #{:x 1, :y 2}, :vel 3, :w 0}
                #{:y 2, :x 1} #{:x 1} #{:x 1} #{:k 1, :j 2, :x 1}
                Ludus panicked!
                Cannot splat [1, 2] into a dict
                [exit 1]
                """, Programs.runSource(src));
    }

    @Test
    void aSplatOfANonDictPanicsOnItsLine() {
        for (String body : new String[] {"#{\n  ...d,\n  :x 1}", "#{:a 1,\n  ...d, :y 2}"}) {
            String out = Programs.runSource("fn f (d) -> " + body + "\nf ([1])\n", true);
            assertTrue(out.contains("test.ld:2: panic: Cannot splat [1] into a dict"), out);
            assertTrue(out.contains("at f (test.ld:2)"), out);
        }
    }

    @Test
    void recordsBehaveAsTheDictsTheyAre() {
        String src = """
                fn make (i) -> #{:id i, :kind if even? (i) then :checking else :savings, :balance mult (i, 10)}
                fn interest {
                  (#{:kind :savings, :balance b}) -> div (b, 10)
                  (_) -> 0
                }
                fn credit (acct) -> assoc (acct, :balance, add (acct :balance, interest (acct)))
                let accts = map (credit, map (make, range (4)))
                print! (accts)
                print! (map (:kind, accts), map (fn (a) -> a :balance, accts), keys (first (accts)))
                print! (eq? (first (accts), #{:kind :checking, :balance 0, :id 0}), eq? (first (accts), make (1)))
                print! (count (${first (accts), #{:balance 0, :kind :checking, :id 0}, assoc (#{:id 0, :kind :checking}, :balance, 0)}))
                let big = #{:a 1, :b 2, :c 3, :d 4, :e 5, :f 6, :g 7, :h 8}
                print! (big, assoc (big, :i, 9), dissoc (big, :a), update (big, :h, inc))
                let #{:e e, :h h, ...rest} = big
                print! (e, h, rest, big :c, get (:g, big), get (:zz, big, :none), big :zz)
                let r = #{:x 1}
                print! (assoc (r, :y, 2), dissoc (r, :x), assoc (dissoc (assoc (r, :y, 2), :x), :x, 3))
                print! (match #{:x 1, :y 2} with { #{:x 1, :z z} -> z; #{:y y} -> y })
                print! (:x (#{:x nil}), :y (#{:x 1}), :x (3), dict? (r), type (big))
                let m = #{:a 1, :b 2}
                print! (#{...m, :b 3, :c 4}, values (#{:p :q, :r (1, 2)}), diff (m, #{:a 1, :b 5}), dict (m), list (m))
                """;
        assertEquals("""
                [#{:id 0, :kind :checking, :balance 0}, #{:id 1, :kind :savings, :balance 11}, #{:id 2, :kind :checking, :balance 20}, #{:id 3, :kind :savings, :balance 33}]
                [:checking, :savings, :checking, :savings] [0, 11, 20, 33] [:id, :kind, :balance]
                true false
                1
                #{:a 1, :b 2, :c 3, :d 4, :e 5, :f 6, :g 7, :h 8} #{:a 1, :b 2, :c 3, :d 4, :e 5, :f 6, :g 7, :h 8, :i 9} #{:b 2, :c 3, :d 4, :e 5, :f 6, :g 7, :h 8} #{:a 1, :b 2, :c 3, :d 4, :e 5, :f 6, :g 7, :h 9}
                5 8 #{:a 1, :b 2, :c 3, :d 4, :f 6, :g 7} 3 7 :none nil
                #{:x 1, :y 2} #{} #{:y 2, :x 3}
                2
                nil nil nil true :dict
                #{:a 1, :b 3, :c 4} [:q, (1, 2)] #{:b (2, 5)} #{:a 1, :b 2} [(:a, 1), (:b, 2)]
                => :ok
                [exit 0]
                """, Programs.runSource(src));
    }

    /**
     * Records with numbers keep them unboxed (runtime NumRec); a number field replaced by a
     * string and back, updated, matched, compared and hashed against the same dicts built by
     * assoc onto #{} (the general form): the same output as the twin program that builds every
     * record that way.
     */
    @Test
    void recordsKeepingNumbersUnboxedBehaveAsTheirTwinBuiltByAssoc() {
        String src = """
                fn make (i) -> #{:n i, :name "a", :m mult (i, 2)}
                fn plain (n, m) -> assoc (assoc (assoc (#{}, :n, n), :name, "a"), :m, m)
                fn step (r) -> assoc (r, :n, add (r :n, 1))
                fn odd (r) -> assoc (r, :m, if eq? (r :m, 4) then "four" else r :m)
                fn back (r) -> update (r, :m, fn (m) -> if string? (m) then 40 else inc (m))
                fn label (r) -> match r with {
                  #{:n 2, :m m} -> ("two", m)
                  #{:n n, :m "four"} -> ("str", n)
                  #{:n n, :name name} -> (name, n)
                }
                let rs = map (fn (i) -> back (odd (step (make (i)))), range (6))
                let odds = map (fn (i) -> odd (step (make (i))), range (6))
                print! (rs)
                print! (odds)
                print! (map (label, rs), map (label, odds))
                print! (map (fn (r) -> eq? (r, plain (r :n, r :m)), rs), map (fn (r) -> eq? (plain (r :n, r :m), r), odds))
                print! (count (set (concat (rs, map (fn (r) -> plain (r :n, r :m), rs)))), count (set (concat (odds, rs))))
                print! (keys (first (rs)), values (last (odds)), map (fn (r) -> r :m, odds), assoc (last (rs), :n, nil), dissoc (first (rs), :m))
                print! (map (fn (r) -> show (r), odds))
                """;
        String twin = src.replace("fn make (i) -> #{:n i, :name \"a\", :m mult (i, 2)}", "fn make (i) -> plain (i, mult (i, 2))");
        assertTrue(!twin.equals(src));
        String out = Programs.runSource(src);
        assertEquals("""
                [#{:n 1, :name "a", :m 1}, #{:n 2, :name "a", :m 3}, #{:n 3, :name "a", :m 40}, #{:n 4, :name "a", :m 7}, #{:n 5, :name "a", :m 9}, #{:n 6, :name "a", :m 11}]
                [#{:n 1, :name "a", :m 0}, #{:n 2, :name "a", :m 2}, #{:n 3, :name "a", :m "four"}, #{:n 4, :name "a", :m 6}, #{:n 5, :name "a", :m 8}, #{:n 6, :name "a", :m 10}]
                [("a", 1), ("two", 3), ("a", 3), ("a", 4), ("a", 5), ("a", 6)] [("a", 1), ("two", 2), ("str", 3), ("a", 4), ("a", 5), ("a", 6)]
                [true, true, true, true, true, true] [true, true, true, true, true, true]
                6 12
                [:n, :name, :m] [6, "a", 10] [0, 2, "four", 6, 8, 10] #{:n nil, :name "a", :m 11} #{:n 1, :name "a"}
                ["#{:n 1, :name "a", :m 0}", "#{:n 2, :name "a", :m 2}", "#{:n 3, :name "a", :m "four"}", "#{:n 4, :name "a", :m 6}", "#{:n 5, :name "a", :m 8}", "#{:n 6, :name "a", :m 10}"]
                => :ok
                [exit 0]
                """, out);
        assertEquals(Programs.runSource(twin), out);
    }

    /** The calls and invokedynamics of a program's classes, as "call Owner.nameDesc" / "indy Owner.bsm nameDesc [args]". */
    private static List<String> calls(String src) throws Exception {
        Path file = Files.createTempDirectory("ludus-test").resolve("t.ld");
        Files.writeString(file, src);
        List<String> insns = new ArrayList<>();
        for (byte[] bytes : LudusCompiler.compile(file, "t.ld").classes().values()) {
            new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override public MethodVisitor visitMethod(int acc, String name, String d, String sig, String[] ex) {
                    return new MethodVisitor(Opcodes.ASM9) {
                        @Override public void visitMethodInsn(int op, String owner, String n, String desc, boolean itf) {
                            insns.add("call " + owner + "." + n + desc);
                        }
                        @Override public void visitInvokeDynamicInsn(String n, String desc, Handle bsm, Object... args) {
                            insns.add("indy " + bsm.getOwner() + "." + bsm.getName() + " " + n + desc + " " + List.of(args));
                        }
                    };
                }
            }, 0);
        }
        return insns;
    }

    /**
     * A literal whose values are proven numbers or proven not (keywords, strings, an if or block
     * ending in them) is made in the layout keeping the numbers unboxed, its values computed in
     * source order: the same dicts, output and effects as the twin built by assoc onto #{}.
     */
    @Test
    void literalsOfProvenKindsAreMadeInTheirLayoutAndAreTheSameDicts() throws Exception {
        String src = """
                fn twice (x as :number) -> { print! ("twice", x); mult (x, 2) }
                fn make (i as :number) -> #{
                  :a twice (i),
                  :b if gt? (i, 2) then { print! ("big", i); :big } else "small",
                  :c inc (i),
                  :d 0.5
                }
                fn plain (a, b, c, d) -> assoc (assoc (assoc (assoc (#{}, :a, a), :b, b), :c, c), :d, d)
                let rs = map (make, range (5))
                let twins = map (fn (r) -> plain (r :a, r :b, r :c, r :d), rs)
                print! (rs)
                print! (map (fn (r) -> (r :a, r :b, r :c), rs), keys (first (rs)), values (last (rs)))
                print! (eq? (rs, twins), count (set (concat (rs, twins))), eq? (map (fn (r) -> show (r), rs), map (fn (r) -> show (r), twins)))
                print! (map (fn (r) -> match r with {
                  #{:b :big, :a a} -> ("big", a)
                  #{:b b, :c 1} -> (b, 1)
                  _ -> :other
                }, rs))
                print! (assoc (first (rs), :a, "x"), update (last (rs), :c, inc), dissoc (first (rs), :b))
                """;
        String twin = src.replace("fn make (i as :number) -> #{", "fn make (i as :number) -> plain (twice (i), if gt? (i, 2) then { print! (\"big\", i); :big } else \"small\", inc (i), 0.5)\nfn unused (i) -> #{");
        assertTrue(!twin.equals(src));
        String out = Programs.runSource(src);
        assertEquals("""
                twice 0
                twice 1
                twice 2
                twice 3
                big 3
                twice 4
                big 4
                [#{:a 0, :b "small", :c 1, :d 0.5}, #{:a 2, :b "small", :c 2, :d 0.5}, #{:a 4, :b "small", :c 3, :d 0.5}, #{:a 6, :b :big, :c 4, :d 0.5}, #{:a 8, :b :big, :c 5, :d 0.5}]
                [(0, "small", 1), (2, "small", 2), (4, "small", 3), (6, :big, 4), (8, :big, 5)] [:a, :b, :c, :d] [8, :big, 5, 0.5]
                true 5 true
                [("small", 1), :other, :other, ("big", 6), ("big", 8)]
                #{:a "x", :b "small", :c 1, :d 0.5} #{:a 8, :b :big, :c 6, :d 0.5} #{:a 0, :c 1, :d 0.5}
                => :ok
                [exit 0]
                """, out);
        String twinOut = Programs.runSource(twin);
        assertEquals(out, twinOut);
        String rec = "dev/ludus/runtime/collection/Rec";
        String shape = "Ldev/ludus/runtime/collection/Shape;";
        List<String> insns = calls(src);
        assertTrue(insns.contains("call " + rec + ".ofLayout(" + shape + "Ljava/lang/Object;D".repeat(4) + ")Ldev/ludus/runtime/collection/LDict;"),
                insns::toString);
        assertTrue(insns.stream().anyMatch(c -> c.startsWith("call dev/ludus/runtime/bootstrap/Bootstraps.layout(")), insns::toString);
        assertFalse(insns.stream().anyMatch(c -> c.startsWith("call " + rec + ".of(")), insns::toString);
        // five to eight keys: the same (WideNumRecs); nine, more than a record has, not
        assertTrue(calls(twin.replace("fn unused (i) -> #{", "fn unused (i as :number) -> #{:z i,")).contains(
                "call " + rec + ".ofLayout(" + shape + "Ljava/lang/Object;D".repeat(5) + ")Ldev/ludus/runtime/collection/LDict;"));
        assertFalse(calls(twin.replace("fn unused (i) -> #{", "fn unused (i) -> #{:z i, :y i, :x i, :w i, :v i,")).stream().anyMatch(c -> c.contains("ofLayout")));
    }

    @Test
    void literalsBuildRecordsAndReadsGoThroughTheShapeCache() throws Exception {
        String src = """
                fn f (i) -> #{:id i, :kind :x, :balance 3}
                fn g (i) -> #{:a i, :b 2, :c 3, :d 4, :e 5}
                fn h {
                  (#{:kind :x, :balance b}) -> b
                  (_) -> 0
                }
                fn k (acct) -> acct :balance
                fn credit (acct, x) -> assoc (acct, :balance, x)
                fn viaKey (acct, key, x) -> assoc (acct, key, x)
                fn bump (acct) -> update (acct, :balance, inc)
                let top = f (1)
                assoc (top, :kind, :y)
                top :kind
                """;
        List<String> insns = calls(src);
        String rec = "dev/ludus/runtime/collection/Rec";
        String shape = "Ldev/ludus/runtime/collection/Shape;";
        String obj = "Ljava/lang/Object;";
        String dict = "Ldev/ludus/runtime/collection/LDict;";
        assertTrue(insns.contains("call " + rec + ".of(" + shape + obj.repeat(3) + ")" + dict), insns::toString);
        assertTrue(insns.contains("call " + rec + ".of(" + shape + "[" + obj + ")" + dict), insns::toString);
        assertTrue(insns.contains("call dev/ludus/runtime/bootstrap/Bootstraps.shape(Ljava/lang/invoke/MethodHandles$Lookup;"
                + "Ljava/lang/String;Ljava/lang/Class;Ljava/lang/String;)" + obj), "the shape is a class constant: " + insns);
        assertFalse(insns.stream().anyMatch(s -> s.contains("ofDistinct")), insns::toString);
        String sites = "dev/ludus/runtime/bootstrap/DictSites";
        assertTrue(insns.contains("indy " + sites + ".bsm_get get(" + obj + ")" + obj + " [kind]"), insns::toString);
        assertTrue(insns.contains("indy " + sites + ".bsm_get get(" + obj + ")" + obj + " [balance]"), insns::toString);
        // a lookup site's location is in its static argument, after the key: typed (Object)Object, it links through archived code
        assertTrue(insns.stream().anyMatch(s -> s.startsWith("indy " + sites + ".bsm_lookup lookup(" + obj + ")" + obj + " [balance\0")), insns::toString);
        assertFalse(insns.stream().anyMatch(s -> s.contains("LDict.get")), insns::toString);
        // top-level code runs once: no site to link there (start-up time), the generic lookup
        assertTrue(insns.contains("call dev/ludus/runtime/bootstrap/Invoke.lookup(" + obj + "Ldev/ludus/runtime/value/Keyword;"
                + "Ljava/lang/String;II)" + obj), insns::toString);
        assertFalse(insns.stream().anyMatch(s -> s.contains("[kind]") && s.contains("bsm_lookup")), insns::toString);
        // assoc (d, :k, v) in a fn: a shape-cached site; with a key known only at run time, or at top level, the prelude's
        assertTrue(insns.contains("indy " + sites + ".bsm_assoc assoc(" + obj + obj + ")" + obj + " [balance]"), insns::toString);
        assertTrue(insns.stream().filter(s -> s.contains("bsm_assoc")).allMatch(s -> s.endsWith("[balance]")), insns::toString);
        assertTrue(insns.contains("indy " + sites + ".bsm_update update(" + obj + obj + ")" + obj + " [balance]"), insns::toString);
        assertTrue(insns.stream().filter(s -> s.equals("call dev/ludus/runtime/prelude/Colls.assoc(" + obj.repeat(3) + ")" + obj)).count() >= 2,
                insns::toString);
    }
}
