package dev.ludus.runtime.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void fusedPipelinesReadAsTheirFirstStage() {
        for (String stage : new String[] {"map", "filter", "fold"}) {
            String m = FrameNames.pipe(3, stage);
            assertEquals(stage, FrameNames.pipeStage(m));
            assertNull(FrameNames.decode(m), m); // not a call of its own
        }
        for (String m : new String[] {"pipe$", "pipe$3", "pipe$3$", "pipe$x$map", "fn$1$f$1", "$body0", "pipe$3$e", "pipe$x$map$e"}) {
            assertNull(FrameNames.pipeStage(m), m);
        }
    }

    @Test
    void aPipelinesElementMethodReadsAsThePipelinesFirstStage() {
        // the part of a fused pipeline that runs its stages on one element: the same stage, no call of its own
        for (String stage : new String[] {"map", "filter", "fold"}) {
            String m = FrameNames.pipeElement(FrameNames.pipe(12, stage));
            assertEquals("pipe$12$" + stage + "$e", m);
            assertEquals(stage, FrameNames.pipeStage(m));
            assertNull(FrameNames.decode(m), m);
        }
    }

    @Test
    void partsOfOneCall() {
        String f = FrameNames.fnBase(2, "f");
        assertTrue(FrameNames.partOfCall(f + "$1_s0", f + "$1", 5)); // split off the entry
        assertTrue(FrameNames.partOfCall(f + "$1_s4", f + "$1_s3", 5)); // split off a part
        assertFalse(FrameNames.partOfCall(f + "$1", f + "$1_s3", 5)); // a part calling the fn again
        assertFalse(FrameNames.partOfCall(f + "$1", f + "$1", 5)); // plain recursion
        assertTrue(FrameNames.partOfCall(f + "$1d", f + "$1", -1)); // the hand-over to doubles
        assertFalse(FrameNames.partOfCall(f + "$1d", f + "$1", 7)); // the usual entry's own call
        assertFalse(FrameNames.partOfCall(f + "$1d", f + "$1d", -1));
        // a typed entry's self tail call that left the numbers: through the bridge to the usual entry
        String bridge = FrameNames.tailBridge(f + "$1");
        assertEquals(FrameNames.Kind.FN, FrameNames.decode(bridge).kind());
        assertTrue(FrameNames.partOfCall(f + "$1", bridge, -1));
        assertTrue(FrameNames.partOfCall(bridge, f + "$1d", 3));
        assertTrue(FrameNames.partOfCall(bridge, f + "$1d_s2", 3));
        assertTrue(FrameNames.partOfCall(bridge, f + "$1", 3)); // the typed copy in the usual entry
        assertFalse(FrameNames.partOfCall(f + "$1", f + "$1d", 3)); // a call that is not a tail call
    }
}
