package dev.ludus.compiler.emit;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * One class being written for a module: the module's own class, or one of its part classes
 * ({@code <module>$<k>}, same package) that take the module's code once the module's class
 * nears the JVM's limit of 65,535 constant-pool entries (issue 12). Code, fn entries, fields and
 * constants move freely between them: every member they share is package-private and static.
 * Each class has its own constants ({@link Constants}, see Rt.ldc), computed by its own class initializer.
 */
final class ClassUnit {
    /** Constant-pool entries after which new code goes to a new part class (room is left for open methods). */
    static final int POOL_LIMIT = 30_000;
    /** Methods made between two size probes of an ordinary method (a probe costs one pool entry). */
    static final int PROBE_EVERY = 64;
    private static final String OBJECT = "java/lang/Object";

    /** The constants of one class (see Rt.ldc): kept in static final fields, or left dynamic past Rt.FIELD_LIMIT. */
    static final class Constants {
        final String owner;
        final java.util.LinkedHashMap<org.objectweb.asm.ConstantDynamic, String> fields = new java.util.LinkedHashMap<>();
        final java.util.LinkedHashSet<org.objectweb.asm.ConstantDynamic> dynamic = new java.util.LinkedHashSet<>();

        Constants(String owner) { this.owner = owner; }
    }

    final String name;
    final ClassWriter cw;
    final Constants constants;
    /** The Ludus code of the first method placed here (blamed if this class still overflows). */
    dev.ludus.compiler.syntax.Ast.Node firstSite;
    private int methodsSinceProbe;
    private int probes;

    ClassUnit(String name) {
        this.name = name;
        this.constants = new Constants(name);
        this.cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override protected String getCommonSuperClass(String a, String b) {
                return OBJECT; // every merged value is used through checkcast, so Object is always sound
            }
        };
    }

    /** A part class: package-private, final, with the module's source file name (stack traces). */
    static ClassUnit part(String name, String file) {
        ClassUnit u = new ClassUnit(name);
        u.cw.visit(Opcodes.V17, Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, name, null, OBJECT, null);
        u.cw.visitSource(file, null);
        return u;
    }

    /**
     * Whether this class is full. Probed before every large method (big: it may add up to ~20,000
     * entries) and every PROBE_EVERY others; an ordinary module is never probed.
     */
    boolean full(boolean big) {
        if (!big && ++methodsSinceProbe < PROBE_EVERY) return false;
        methodsSinceProbe = 0;
        return cw.newUTF8("$p" + probes++) >= POOL_LIMIT;
    }
}
