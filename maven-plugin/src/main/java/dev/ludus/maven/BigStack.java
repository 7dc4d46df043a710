package dev.ludus.maven;

import java.util.concurrent.Callable;

/**
 * Runs a task on a thread with a large stack: the compiler's recursive descent over deeply nested
 * source must not overflow Maven's default thread stack. Exceptions are rethrown as they are.
 * (The CLI has its own copy; the plugin does not depend on the CLI.)
 */
final class BigStack {
    private BigStack() {}

    static final long STACK_SIZE = 512L << 20;

    static <T> T call(String name, Callable<T> task) throws Exception {
        Object[] result = new Object[1];
        Throwable[] failure = new Throwable[1];
        Thread t = new Thread(null, () -> {
            try {
                result[0] = task.call();
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, name, STACK_SIZE);
        t.setDaemon(true);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            t.interrupt();
            Thread.currentThread().interrupt();
            throw e;
        }
        Throwable f = failure[0];
        if (f == null) {
            @SuppressWarnings("unchecked")
            T value = (T) result[0];
            return value;
        }
        if (f instanceof Exception ex) throw ex;
        if (f instanceof Error er) throw er;
        throw new RuntimeException(f);
    }
}
