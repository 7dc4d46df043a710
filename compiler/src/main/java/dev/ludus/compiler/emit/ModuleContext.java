package dev.ludus.compiler.emit;

import dev.ludus.compiler.analyse.Analysis;
import dev.ludus.compiler.resolve.Binding;
import dev.ludus.compiler.resolve.Module;
import dev.ludus.compiler.resolve.Resolution;
import dev.ludus.compiler.syntax.Ast.*;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * What the code generators know of the module they emit: its resolution and analysis, the
 * classes its code goes into (ClassUnit), its static fields, panic sites, and the entries of its
 * fns ({@link #code}). ModuleEmitter, which drives the emission, is the one implementation; the
 * generators see only this, so emit's classes depend downwards.
 */
abstract class ModuleContext implements Opcodes {
    final Module module;
    final Resolution res;
    final String className;
    final String file;
    final ClassWriter cw;
    /** The module's own class; {@link #current}: where new code goes (see ClassUnit). */
    final ClassUnit main;
    private ClassUnit current;
    final List<ClassUnit> parts = new java.util.ArrayList<>();
    private final Map<String, ClassUnit> units = new HashMap<>();
    final Function<Module, String> classOf;
    private final Map<Binding, FieldRef> fields = new HashMap<>();

    /** A module-level binding's static field: in the module's class or one of its part classes. */
    record FieldRef(String owner, String name) {}
    /** What the analysis stage learned about this module (read only). */
    final Analysis an;
    /** The number of fused pipeline loops emitted so far (PipelineGen: their methods' names). */
    int nextPipe;
    /** The self tail call bridges emitted so far (CallGen.selfTailBridge): method name to its class. */
    final java.util.Map<String, String> tailBridges = new java.util.HashMap<>();
    boolean isMain;
    /** Prelude modules report panics without a location (spec §14 D18). */
    final boolean preludeMode;
    /** A method of the module's own class (entry points, initialisation). Long strings are split (LongStrings). */
    MethodVisitor method(int access, String name, String desc, String sig, String[] exceptions) {
        return new LongStrings(cw.visitMethod(access, name, desc, sig, exceptions), main);
    }

    /**
     * The class for new code (fn entries, toplevel chunks, tests, split code): the current one, or
     * a new part class once it is full. {@code big}: the code is large (always probe the pool).
     */
    ClassUnit unit(boolean big, Node site) {
        if (current.full(big)) {
            current = ClassUnit.part(className + "$" + (parts.size() + 1), file);
            parts.add(current);
            units.put(current.name, current);
        }
        if (current.firstSite == null) current.firstSite = site;
        return current;
    }

    /** A package-private static method in unit u (callable from the module's other classes). */
    MethodVisitor methodIn(ClassUnit u, String name, String desc, Node site) {
        methodSites.put(name, site);
        LongStrings mv = new LongStrings(u.cw.visitMethod(ACC_STATIC, name, desc, null, null), u);
        methodVisitors.put(name, mv);
        return mv;
    }

    /** {@code <baseName>$code()} in the fn's own class: its FnCode (resolved with that class's lookup). */
    String codeAccessor(FnCode code) {
        String name = code.baseName() + "$code";
        if (codeAccessors.add(name)) {
            MethodVisitor mv = new LongStrings(units.get(code.owner()).cw.visitMethod(ACC_STATIC, name, "()" + Rt.FNCODE_D, null, null),
                    units.get(code.owner()));
            mv.visitCode();
            Rt.ldc(mv, code.constant());
            mv.visitInsn(ARETURN);
            mv.visitMaxs(0, 0);
            mv.visitEnd();
        }
        return name;
    }

    private final java.util.Set<String> codeAccessors = new java.util.HashSet<>();
    /**
     * A dict lookup site's static argument: the key, then (not in prelude modules) the site's
     * file, line and column, each after a NUL (DictSites.bsm_lookup). In the static argument, not
     * pushed as arguments: a site typed (Object, String, int, int) spun ~5 LambdaForm classes at
     * its first link, (Object)Object none.
     */
    String lookupSiteArg(String key, dev.ludus.compiler.syntax.Span s) {
        return preludeMode ? key : key + '\0' + file + '\0' + s.line() + '\0' + s.col();
    }

    /** The toplevel statement being emitted (to blame for a limit met outside any fn). */
    Node statement;

    /** The Ludus code each generated method comes from (for the "too large" error). */
    final Map<String, Node> methodSites = new HashMap<>();
    /** The methods made by methodIn, by name (their largest pattern is blamed when too large). */
    final Map<String, LongStrings> methodVisitors = new HashMap<>();
    /** Pushes file, line, column of a panic site (null, 0, 0 in prelude modules: no location). */
    void site(MethodVisitor mv, dev.ludus.compiler.syntax.Span s) {
        if (preludeMode) {
            mv.visitInsn(ACONST_NULL);
            mv.visitInsn(ICONST_0);
            mv.visitInsn(ICONST_0);
        } else {
            mv.visitLdcInsn(file);
            Rt.integer(mv, s.line());
            Rt.integer(mv, s.col());
        }
    }

    /** The static field holding a module-level binding (null until the binding runs). */
    FieldRef field(Binding b) {
        FieldRef ref = fields.get(b); // not computeIfAbsent with a lambda: see LudusCompiler.PARSER
        if (ref == null) {
            String name = "v$" + sanitize(LongStrings.shortName(b.name)) + "$" + b.id;
            current.cw.visitField(ACC_STATIC, name, Rt.OBJ_D, null, null).visitEnd();
            fields.put(b, ref = new FieldRef(current.name, name));
        }
        return ref;
    }
    static String sanitize(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) b.append(Character.isLetterOrDigit(c) || c == '_' ? c : '_');
        return b.toString();
    }

    ModuleContext(Module module, Analysis an, String className, Function<Module, String> classOf, boolean preludeMode) {
        this.module = module;
        this.an = an;
        this.preludeMode = preludeMode;
        this.res = module.resolution();
        this.className = className;
        this.file = module.source().displayName();
        this.classOf = classOf;
        this.main = new ClassUnit(className);
        this.current = main;
        this.units.put(className, main);
        this.cw = main.cw;
    }

    /** The entries of fd (its FnCode constant and direct entries): emitted when first needed. */
    abstract FnCode code(FnDef fd);
}
