package dev.ludus.runtime.process;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Processes as {@code jdk.internal.vm.Continuation}s mounted on the main script's thread: a
 * switch is a freeze/thaw of the process's frames, with no thread hand-off; an idle process is
 * its suspended frames on the heap. Reached through method handles, so that this class compiles
 * for Java 17 and is only loaded on 21+ when the package is exported to us (the launcher's
 * {@code --add-exports java.base/jdk.internal.vm=ALL-UNNAMED}, or {@code Add-Exports} in a
 * compiled jar's manifest).
 */
final class ContinuationBackend implements Backend {
    static final String PKG = "jdk.internal.vm";
    private static final MethodHandle NEW;
    private static final MethodHandle RUN;
    private static final MethodHandle YIELD;
    private static final Object SCOPE;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            Class<?> scopeClass = Class.forName(PKG + ".ContinuationScope");
            Class<?> contClass = Class.forName(PKG + ".Continuation");
            SCOPE = l.findConstructor(scopeClass, MethodType.methodType(void.class, String.class)).invoke("ludus");
            NEW = l.findConstructor(contClass, MethodType.methodType(void.class, scopeClass, Runnable.class))
                    .bindTo(SCOPE).asType(MethodType.methodType(Object.class, Runnable.class));
            RUN = l.findVirtual(contClass, "run", MethodType.methodType(void.class))
                    .asType(MethodType.methodType(void.class, Object.class));
            YIELD = MethodHandles.insertArguments(
                    l.findStatic(contClass, "yield", MethodType.methodType(boolean.class, scopeClass)), 0, SCOPE);
        } catch (Throwable e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Override public void resume(Proc p) {
        Object c = p.handle;
        if (c == null) p.handle = c = newContinuation(p);
        try {
            RUN.invokeExact(c);
            if (p.state == Proc.State.DONE) p.handle = null; // the body has ended: its frames are garbage
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    private static Object newContinuation(Runnable body) {
        try {
            return (Object) NEW.invokeExact(body);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    @Override public void suspend(Proc p) {
        try {
            boolean ignored = (boolean) YIELD.invokeExact();
        } catch (IllegalStateException pinned) {
            // a native frame or a held monitor on the process's stack: it cannot be switched out here
            throw dev.ludus.runtime.Panics.panic("Cannot switch processes here: " + pinned.getMessage());
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    @Override public void discard(Proc p) {
        p.handle = null; // its frames are garbage once nothing refers to the continuation
    }

    @Override public boolean needsDiscard() { return false; }

    @Override public String name() { return "continuations"; }
}
