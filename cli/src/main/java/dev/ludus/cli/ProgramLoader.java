package dev.ludus.cli;

import java.util.HashMap;
import java.util.Map;

/**
 * Defines the classes of a compiled program in memory. A child of the loader that holds the
 * runtime, so the program and the launcher share one runtime (and its static state).
 */
public final class ProgramLoader extends ClassLoader {
    static {
        registerAsParallelCapable();
    }

    private final Map<String, byte[]> classes = new HashMap<>();

    /** {@code classes}: binary name ({@code a.b.C}; {@code a/b/C} is accepted too) -> class bytes. */
    public ProgramLoader(Map<String, byte[]> classes, ClassLoader parent) {
        super("ludus-program", parent);
        classes.forEach((name, bytes) -> this.classes.put(name.replace('/', '.'), bytes));
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = classes.get(name);
        if (bytes == null) throw new ClassNotFoundException(name);
        return defineClass(name, bytes, 0, bytes.length);
    }
}
