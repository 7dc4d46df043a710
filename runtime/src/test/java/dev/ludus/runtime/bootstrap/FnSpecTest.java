package dev.ludus.runtime.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class FnSpecTest {
    @Test void roundTripsAnyText() {
        String doc = "3:x has colons: 12:and\nnewlines, digits 42, and \u0000 a NUL";
        FnSpec s = FnSpec.decode(FnSpec.encode("f:g", doc, "(x)\n(x, y)", "dir/a b.ld", 17, 0b1010, "fn$3$f_g"));
        assertEquals(new FnSpec("f:g", doc, "(x)\n(x, y)", "dir/a b.ld", 17, 0b1010, "fn$3$f_g"), s);
    }

    @Test void emptyFieldsSurvive() {
        FnSpec s = FnSpec.decode(FnSpec.encode(":anon", "", "", "", 0, 0, "fn$0"));
        assertEquals(new FnSpec(":anon", "", "", "", 0, 0, "fn$0"), s);
    }

    @Test void rejectsTruncatedOrTrailingText() {
        String ok = FnSpec.encode("f", "", "(x)", "a.ld", 1, 2, "fn$0$f");
        assertThrows(RuntimeException.class, () -> FnSpec.decode(ok.substring(0, ok.length() - 2)));
        assertThrows(IllegalArgumentException.class, () -> FnSpec.decode(ok + "1:x"));
    }
}
