package dev.ludus.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * update! with a partial written in the call, run in place (analyse.RefUpdates, RefUpdateGen):
 * each program prints, returns and panics exactly as its twin, whose update! is a local name
 * the analysis leaves alone (so the partial is made and the prelude's update! calls it).
 */
class RefUpdatesTest {
    private static final String HEADER = "let upd = update!\nfn twice (x, y) -> add (x, x, y)\n";
    private static final String SHADOW = "let update! = update!\nfn twice (x, y) -> add (x, x, y)\n";

    private static String same(String body) {
        return Programs.sameAsTwin(HEADER + body, SHADOW + body);
    }

    @Test void updatesWithAWrittenPartialRunInPlace() throws Exception {
        String body = """
                ref n = 1
                ref d = #{:a 1, :b 2}
                ref xs = []
                let k = :b
                let inc3 = fn (x) -> add (x, 3)
                fn go (i) -> {
                  print! (update! (n, add (_, i)), update! (n, sub (100, _)), update! (n, twice (_, i)))
                  print! (update! (d, update (_, :a, inc)), update! (d, assoc (_, k, i)), update! (d, update (_, :c, fn (v) -> if nil? (v) then 0 else inc (v))))
                  print! (update! (xs, append (_, i)), update! (n, inc3 (_)), update! (xs, concat (_, [i, i])))
                }
                each! (go, range (3))
                print! (deref (n), deref (d), deref (xs))
                print! (update! (n, add (_, { print! (:arg); 1 })), update! ({ print! (:ref); n }, mult (2, _)))
                fn resets (x) -> { store! (n, 1000); inc (x) }
                print! (update! (n, resets (_)), deref (n))
                """;
        String out = same(body);
        assertTrue(out.startsWith("1 99 198\n#{:a 2, :b 2} #{:a 2, :b 0} #{:a 2, :b 0, :c 0}\n[0] 201 [0, 0, 0]\n"), out);
        List<String> code = Programs.calls(HEADER + body);
        assertTrue(code.contains("Ref.get") && code.contains("Ref.set"), code.toString());
        assertFalse(Programs.calls(SHADOW + body).contains("Ref.get"), "the twin makes the partial");
    }

    @Test void panicsAreTheOnesTheCallMakes() {
        String[] cases = {
                "ref r = 1\nupdate! (r, add (_, :a))",
                "ref r = 1\nfn f () -> update! (r, twice (_, :a))\nf ()",
                "let r = 1\nupdate! (r, add (_, 2))",
                "fn f (r) -> update! (r, add (_, { print! (:evaluated); 2 }))\nf (:nope)",
                "ref r = 1\nlet g = 5\nupdate! (r, g (_, 1))",
                "ref r = #{:a 1}\nfn f () -> update! (r,\n  update (_, :a, :b))\nf ()",
                "ref r = 1\nfn f () -> update! (r, later (_))\nf ()\nfn later (x) -> x",
                "ref r = 1\nfn f () -> update! (r, twice (_))\nf ()",
        };
        for (String c : cases) {
            String out = same(c);
            assertTrue(out.contains("panic"), out);
        }
    }

    @Test void theFallbackIsExactlyTheWrittenPartial() throws Exception {
        // a value that is not a ref goes to the prelude's update! with the partial
        String body = "fn f (r) -> update! (r, add (_, 1))\nref b = 1\nprint! (f (b))\nf (1)";
        String out = same(body);
        assertTrue(out.startsWith("2\n"), out);
        List<String> code = Programs.calls(HEADER + body);
        assertTrue(code.contains("Invoke.partial") && code.contains("Ref.get"), code.toString());
    }
}
