package dev.ludus.runtime.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class FrameNamesTest {
    @Test
    void functionNamesRoundTrip() {
        for (String name : new String[] {"f", "eq?", "print!", "c*", "turn/deg", "a/b/c", "x_1"}) {
            String method = FrameNames.fnBase(12, name) + "$2";
            assertEquals(new FrameNames.Decoded(FrameNames.Kind.FN, name), FrameNames.decode(method), method);
            assertEquals(name, FrameNames.decode(FrameNames.fnBase(0, name) + "$v").name());
            assertEquals(name, FrameNames.decode(FrameNames.fnBase(3, name) + "$2d").name(), "numeric entry");
        }
    }

    @Test
    void generatedMethodNamesAreLegalJvmNames() {
        String m = FrameNames.fnBase(1, "a/b?") + "$1";
        for (char c : new char[] {'.', ';', '[', '/', '<', '>'}) {
            assertEquals(-1, m.indexOf(c), m);
        }
    }

    @Test
    void otherKinds() {
        assertEquals(FrameNames.Kind.LAMBDA, FrameNames.decode(FrameNames.fnBase(4, null) + "$0").kind());
        assertEquals(FrameNames.Kind.TOPLEVEL, FrameNames.decode("$body3").kind());
        assertEquals(FrameNames.Kind.TEST, FrameNames.decode("$test0").kind());
    }

    @Test
    void javaAndRuntimeMethodsAreNotLudusFrames() {
        for (String m : new String[] {"main", "$run", "call2", "lambda$run$0", "fn$x$f$1", "fn$1$f$", "fn$1$f$2a", "fn$1$f$d",
                "$body", "$bodyx", "fn$1"}) {
            assertNull(FrameNames.decode(m), m);
        }
    }
}
