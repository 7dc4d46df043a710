package dev.ludus.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A poll reached with almost no stack left, once a cancel was asked for (a runaway recursion
 * cancelled near the stack limit): the program must end with the cancel's panic, never with
 * "Maximum call stack size exceeded" thrown from {@link Cancellation#stop} itself; and where
 * the JVM exits after the program, at once (not after unwinding the whole stack).
 */
class CancellationStopTest {
    private static final String MESSAGE = Cancellation.timeLimitMessage(1);
    private static volatile boolean polled;

    /**
     * Recurses until the stack overflows, unwinds {@code room} frames, then polls there as
     * generated code does at a function entry. Returns how many frames are still to unwind.
     * Once it has polled, whatever the poll throws goes on up.
     */
    private static int dive(int room) {
        int left;
        try {
            left = dive(room);
        } catch (StackOverflowError e) {
            if (polled) throw e;
            return room;
        }
        if (left == 0) {
            polled = true;
            Cancellation.stop();
        }
        return left - 1;
    }

    /** Runs dive(room) on a fresh thread once a cancel was asked for; answers what it threw (null: nothing yet). */
    private static Throwable pollWithRoom(int room) throws InterruptedException {
        Cancellation.reset();
        Cancellation.request(MESSAGE);
        polled = false;
        AtomicReference<Throwable> escaped = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                dive(room);
            } catch (Throwable e) {
                escaped.set(e);
            }
        }, "ludus-main", 1L << 20);
        t.setDaemon(true);
        t.start();
        assertTrue(Cancellation.awaitStop(() -> !t.isAlive(), 60_000), "the program neither ended nor stopped");
        return escaped.get();
    }

    @AfterEach
    void reset() {
        Cancellation.stopInPlace(false);
        Cancellation.reset();
    }

    /** The panic the launcher reports for a program thread that ended with {@code e} (null: parked). */
    private static LudusPanic reported(int room, Throwable e) {
        LudusPanic panic;
        if (Cancellation.stopped() != null) panic = Cancellation.stopped();
        else if (e instanceof LudusPanic p) panic = p;
        else if (e instanceof StackOverflowError so) panic = Launcher.overflow(so); // as Launcher.classify
        else throw new AssertionError("with " + room + " frames of room the poll threw " + e, e);
        assertEquals(MESSAGE, panic.getMessage(), "with " + room + " frames of room");
        return panic;
    }

    @Test
    void whereTheJvmExitsNextAPollWithNoStackLeftHandsOverTheCancelsPanicAtOnce() throws Exception {
        Cancellation.stopInPlace(true);
        for (int room = 1; room <= 48; room++) {
            Throwable e = pollWithRoom(room);
            reported(room, e);
            // with no room even to enter stop the overflow unwinds; with a little, the panic is handed over
            if (room >= 8) assertNotNull(Cancellation.stopped(), "with " + room + " frames of room: not handed over");
        }
    }

    @Test
    void whereTheJvmGoesOnAPollWithNoStackLeftEndsWithTheCancelsPanic() throws Exception {
        for (int room = 1; room <= 48; room++) reported(room, pollWithRoom(room));
    }
}
