package dev.ludus.compiler;

import java.util.concurrent.Callable;

/**
 * Runs a task on a thread with a large stack (the compiler's recursive descent over deeply nested
 * source must not overflow the default stack). Exceptions are rethrown as they are.
 */
public final class BigStack {
    private BigStack() {}

    static final long STACK_SIZE = 512L << 20;

    @SuppressWarnings({"deprecation", "removal"})
    public static <T> T call(String name, Callable<T> task) throws Exception {
        Object[] result = new Object[1];
        Throwable[] failure = new Throwable[1];
        // a class, not a lambda: cheaper to start in a fresh JVM (see LudusCompiler.PARSER)
        Runnable body = new Runnable() {
            @Override
            public void run() {
                try {
                    result[0] = task.call();
                } catch (Throwable e) {
                    failure[0] = e;
                }
            }
        };
        Thread t = new Thread(null, body, name, STACK_SIZE);
        t.setDaemon(true);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            t.interrupt();
            try {
                t.join(200);
                if (t.isAlive()) t.stop(); // best effort (Java 17); the daemon is abandoned otherwise
            } catch (InterruptedException | UnsupportedOperationException ignored) {
                // abandoned
            }
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
