package dev.ludus.runtime.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ludus.runtime.LudusPanic;
import dev.ludus.runtime.collection.LDict;
import dev.ludus.runtime.prelude.Prelude;
import dev.ludus.runtime.value.Keyword;
import dev.ludus.runtime.value.LFn;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import org.junit.jupiter.api.Test;

/** The indy call sites: results through every state of the inline cache, and when it links. */
class CallSitesTest {
    private static CallSites.Site site(String name, int argc) throws ReflectiveOperationException {
        return (CallSites.Site) CallSites.bsm_call(MethodHandles.lookup(), name, MethodType.genericMethodType(argc + 1), "", new Object[0]);
    }

    /** A builtin-like function answering its own tag, to tell callees apart. */
    private static LFn tagged(String tag) {
        return new LFn() {
            @Override public String name() { return tag; }
            @Override public Object call1(Object a) { return tag + ":" + a; }
            @Override public Object callN(Object[] args) { return tag + args.length; }
        };
    }

    @Test void firstCallLinksNothingSecondCallLinksAnEntry() throws Throwable {
        CallSites.Site s = site("call", 1);
        MethodHandle initial = s.getTarget();
        LFn f = tagged("f");
        assertEquals("f:1", s.dynamicInvoker().invoke((Object) f, (Object) "1"));
        assertSame(initial, s.getTarget(), "a site run once builds no entry");
        assertEquals(0, s.entries);
        assertEquals("f:2", s.dynamicInvoker().invoke((Object) f, (Object) "2"));
        assertEquals(1, s.entries);
        assertNotSame(initial, s.getTarget());
        assertEquals("f:3", s.dynamicInvoker().invoke((Object) f, (Object) "3"), "through the linked entry");
        assertEquals(1, s.entries, "a cached callee links nothing more");
    }

    @Test void manyCalleesGoMegamorphicAndStayCorrect() throws Throwable {
        CallSites.Site s = site("call", 1);
        MethodHandle call = s.dynamicInvoker();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < CallSites.MAX_ENTRIES + 3; i++) {
                LFn f = tagged("g" + i);
                assertEquals("g" + i + ":" + round, call.invoke((Object) f, (Object) String.valueOf(round)));
            }
        }
        assertEquals(CallSites.MAX_ENTRIES, s.entries);
    }

    @Test void everyArityAndTailSitesAnswerTheGenericResult() throws Throwable {
        Object add = Prelude.get("add");
        for (String kind : new String[] {"call", "tail"}) {
            CallSites.Site s2 = site(kind, 2);
            for (int i = 0; i < 3; i++) assertEquals(5.0, s2.dynamicInvoker().invoke(add, (Object) 2.0, (Object) 3.0));
            CallSites.Site s0 = site(kind, 0);
            for (int i = 0; i < 3; i++) assertEquals(0.0, s0.dynamicInvoker().invoke(add));
            CallSites.Site s3 = site(kind, 3);
            for (int i = 0; i < 3; i++) {
                assertEquals(6.0, s3.dynamicInvoker().invoke(add, (Object) 1.0, (Object) 2.0, (Object) 3.0));
            }
        }
    }

    @Test void keywordsAndNonFunctions() throws Throwable {
        CallSites.Site s = site("call", 1);
        Keyword k = Keyword.of("a");
        Object d = LDict.of(k, 1.0);
        for (int i = 0; i < 3; i++) assertEquals(1.0, s.dynamicInvoker().invoke((Object) k, d));
        for (int i = 0; i < 3; i++) {
            assertThrows(LudusPanic.class, () -> s.dynamicInvoker().invoke((Object) "not a fn", (Object) 1.0));
        }
    }
}
