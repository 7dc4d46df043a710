package dev.ludus.runtime.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ludus.runtime.LudusPanic;
import dev.ludus.runtime.Values;
import dev.ludus.runtime.prelude.Console;
import dev.ludus.runtime.value.LFn;
import dev.ludus.runtime.value.Pid;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The mailbox (everywhere) and the scheduler through the Processes API (on Java 21+, with
 * whichever backend this JVM uses: Maven runs this class with both). Process bodies here are
 * Java functions standing in for compiled Ludus code.
 */
class ProcessSchedulerTest {
    @AfterEach void reset() { Processes.reset(); }

    /** A Ludus function of no arguments whose body is Java. */
    private static LFn fn(Runnable body) {
        return new dev.ludus.runtime.value.Builtin("test", null, "()") {
            @Override public Object call0() {
                body.run();
                return dev.ludus.runtime.value.Nil.NIL;
            }
        };
    }

    private static Object receiveAny() {
        Object node = Processes.next(null, false, "t.ld", 1, 1);
        Processes.take(node);
        return Processes.message(node);
    }

    // ---- the mailbox

    @Test void mailboxKeepsOrderAndRemovesFromAnywhere() {
        Proc p = new Proc(7, null, Proc.State.BLOCKED, null);
        for (int i = 1; i <= 4; i++) p.append((double) i);
        Proc.Node n1 = p.after(null), n2 = p.after(n1), n3 = p.after(n2), n4 = p.after(n3);
        assertNull(p.after(n4));
        p.remove(n2);
        assertSame(n3, p.after(n1));
        p.remove(n1);
        assertSame(n3, p.after(null));
        assertSame(n3, p.after(n1)); // a removed cursor starts again from the oldest
        p.remove(n4);
        p.remove(n4); // twice is harmless
        assertSame(n3, p.head);
        assertSame(n3, p.tail);
        p.remove(n3);
        assertNull(p.head);
        assertNull(p.tail);
        p.append("x");
        assertEquals("x", p.after(null).msg);
    }

    @Test void pidsAreValues() {
        Proc a = new Proc(1, null, Proc.State.QUEUED, null), b = new Proc(2, null, Proc.State.QUEUED, null);
        assertEquals("pid 1", Values.show(a));
        assertEquals(":pid", Values.show(Values.type(a)));
        assertTrue(Values.eq(a, a));
        assertFalse(Values.eq(a, b));
        assertEquals(Values.hash(a), Values.hash(a));
    }

    // ---- the scheduler

    @Test void spawnedProcessesRunInOrderWhenMainWaits() {
        assumeTrue(Processes.supported());
        List<String> log = new ArrayList<>();
        Pid a = Processes.spawn(fn(() -> { log.add("a1"); Processes.yieldNow(); log.add("a2"); }));
        Processes.spawn(fn(() -> log.add("b")));
        assertEquals(List.of(), log);
        assertTrue(Processes.alive(a));
        Processes.yieldNow();
        assertEquals(List.of("a1", "b"), log);
        Processes.yieldNow();
        assertEquals(List.of("a1", "b", "a2"), log);
        assertFalse(Processes.alive(a));
        assertEquals(0, ((Proc) Processes.self()).id);
    }

    @Test void sendWakesABlockedReceiverAtTheEndOfTheQueue() {
        assumeTrue(Processes.supported());
        List<Object> log = new ArrayList<>();
        Pid main = Processes.self();
        Pid echo = Processes.spawn(fn(() -> {
            Object m = receiveAny();
            log.add(m);
            Processes.send(main, m);
        }));
        Processes.yieldNow(); // echo blocks: empty mailbox
        assertTrue(Processes.alive(echo));
        assertEquals("hi", Processes.send(echo, "hi"));
        assertEquals("hi", receiveAny()); // main waits; echo runs, answers
        assertEquals(List.of("hi"), log);
        assertFalse(Processes.alive(echo));
        Processes.send(echo, "dropped"); // finished: no effect
    }

    @Test void virtualClockOrdersSleepersByTimeThenCallOrder() {
        assumeTrue(Processes.supported());
        List<String> log = new ArrayList<>();
        for (String[] s : new String[][] {{"slow", "30"}, {"fast", "10"}, {"tie", "10"}}) {
            Processes.spawn(fn(() -> { Processes.sleep(Double.parseDouble(s[1])); log.add(s[0]); }));
        }
        long start = System.nanoTime();
        Processes.sleep(1e9);
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "virtual time must not pass in real time");
        assertEquals(List.of("fast", "tie", "slow"), log);
    }

    @Test void mainWaitingForNothingIsADeadlockAtItsReceive() {
        assumeTrue(Processes.supported());
        Processes.spawn(fn(() -> receiveAny())); // blocks for ever
        LudusPanic p = assertThrows(LudusPanic.class, () -> Processes.next(null, false, "d.ld", 4, 9));
        assertEquals("Deadlock: receive in pid 0 can never be satisfied", p.getMessage());
        assertEquals(4, p.line());
        assertEquals(9, p.col());
        assertEquals("d.ld", p.file());
    }

    @Test void aPanicEndsOnlyItsProcess() {
        assumeTrue(Processes.supported());
        var out = new ByteArrayOutputStream();
        PrintStream saved = Console.out, savedErr = Console.err;
        Console.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        Console.err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        try {
            Pid bad = Processes.spawn(fn(() -> { throw new LudusPanic("boom"); }));
            List<String> log = new ArrayList<>();
            Processes.spawn(fn(() -> log.add("other ran")));
            Processes.yieldNow();
            assertFalse(Processes.alive(bad));
            assertEquals(List.of("other ran"), log);
            assertEquals("Process pid 1 panicked: boom\n", out.toString(StandardCharsets.UTF_8));
        } finally {
            Console.out = saved;
            Console.err = savedErr;
        }
    }

    @Test void aJavaErrorInAProcessEndsTheProgram() {
        assumeTrue(Processes.supported());
        Processes.spawn(fn(() -> { throw new IllegalStateException("bug"); }));
        IllegalStateException e = assertThrows(IllegalStateException.class, Processes::yieldNow);
        assertEquals("bug", e.getMessage());
    }

    @Test void selectiveReceiveLeavesOtherMessagesInOrder() {
        assumeTrue(Processes.supported());
        Pid me = Processes.self();
        for (Object m : new Object[] {1.0, "two", 3.0, "four"}) Processes.send(me, m);
        // take the first string: scan 1.0 (no), "two" (yes)
        Object n = Processes.next(null, false, "t.ld", 1, 1);
        while (!(Processes.message(n) instanceof String)) n = Processes.next(n, false, "t.ld", 1, 1);
        Processes.take(n);
        assertEquals("two", Processes.message(n));
        List<Object> rest = new ArrayList<>();
        for (int i = 0; i < 3; i++) rest.add(receiveAny());
        assertEquals(List.of(1.0, 3.0, "four"), rest);
    }

    @Test void resetDiscardsEveryProcessAndStartsAgainAtPidZero() {
        assumeTrue(Processes.supported());
        List<String> log = new ArrayList<>();
        Pid p = Processes.spawn(fn(() -> { receiveAny(); log.add("never"); }));
        Processes.yieldNow();
        Processes.reset();
        assertEquals(0, ((Proc) Processes.self()).id);
        Processes.yieldNow();
        assertEquals(List.of(), log);
        assertEquals(1, ((Proc) Processes.spawn(fn(() -> {}))).id);
        assertTrue(p instanceof Proc);
    }
}
