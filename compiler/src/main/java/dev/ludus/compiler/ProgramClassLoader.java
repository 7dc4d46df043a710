package dev.ludus.compiler;

import java.util.Map;

/** Defines the classes of a compiled program in memory (for `ludus run` and tests). */
public final class ProgramClassLoader extends ClassLoader {
    private final Map<String, byte[]> classes;

    public ProgramClassLoader(CompiledProgram program, ClassLoader parent) {
        super("ludus-program", parent);
        this.classes = program.classes();
    }

    @Override protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] bytes = classes.get(name);
        if (bytes == null) throw new ClassNotFoundException(name);
        return defineClass(name, bytes, 0, bytes.length);
    }

    public Class<?> load(String name) {
        try {
            return loadClass(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
