package dev.ludus.compiler.emit;

import dev.ludus.compiler.analyse.Analysis;
import dev.ludus.compiler.resolve.Binding;
import dev.ludus.compiler.resolve.Module;
import dev.ludus.compiler.resolve.Resolution;
import dev.ludus.compiler.syntax.Ast.*;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Emits one JVM class for one Ludus module: a static field per module-level binding, the
 * toplevel code in {@code $body<k>} methods (chunked to stay under the JVM method size limit),
 * {@code $run()} (evaluate once, cache the value), static body methods for every function, and
 * {@code main} for the main module.
 */
final class ModuleEmitter extends ModuleContext {
    /** Toplevel forms per $body chunk. */
    private static final int CHUNK = 64;

    private final Map<FnDef, FnCode> codes = new IdentityHashMap<>();
    private int nextFnId;
    final ExprGen exprs;

    ModuleEmitter(Module module, Analysis an, String className, Function<Module, String> classOf, boolean preludeMode) {
        super(module, an, className, classOf, preludeMode);
        this.exprs = new ExprGen(this);
    }


    byte[] emit(boolean isMain) {
        return emit(isMain, false);
    }

    /** The main module's: where the program first uses processes (null if nowhere), see {@link #emit}. */
    dev.ludus.compiler.syntax.Span processSite;

    /** {@code exposeBindings}: also emit {@code $bindings()} (REPL entries, see {@link #emitBindings}). */
    byte[] emit(boolean isMain, boolean exposeBindings) {
        this.isMain = isMain;
        cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, className, null, Rt.OBJ, null);
        cw.visitSource(file, null);
        cw.visitField(ACC_PRIVATE | ACC_STATIC, "$value", Rt.OBJ_D, null, null).visitEnd();
        cw.visitField(ACC_PRIVATE | ACC_STATIC, "$done", "Z", null, null).visitEnd();
        if (isMain && processSite != null) {
            // the launcher of a compiled jar refuses to start a program with processes on Java 17:
            // "file:line:col", readable without running the module
            cw.visitField(ACC_PUBLIC | ACC_STATIC | ACC_FINAL, "$processSite", "Ljava/lang/String;", null,
                    processSite.file() + ":" + processSite.line() + ":" + processSite.col()).visitEnd();
        }
        String exports = module.exports() == null ? null : String.join(" ", module.exports());
        if (exports != null && !LongStrings.tooLong(exports)) {
            // the member names of the ns this module ends with, readable without running it
            // (read only for the prelude, whose names are short; a constant cannot hold more)
            cw.visitField(ACC_PUBLIC | ACC_STATIC | ACC_FINAL, "$exports", "Ljava/lang/String;", null, exports).visitEnd();
        }
        Rt.CONSTANTS.set(main.constants);
        try {
            emitBodies();
            if (isMain) emitMain();
            if (exposeBindings) emitBindings();
        } catch (Frame.TooManyLocals e) {
            Node where = e.owner instanceof FnDef || e.owner instanceof Pattern || statement == null ? e.owner : statement;
            throw new TooLarge(module.source(), where.span(), TooLarge.LOCALS);
        } finally {
            Rt.CONSTANTS.remove();
        }
        emitClinit(main, true);
        for (ClassUnit u : parts) emitClinit(u, false);
        for (ClassUnit u : parts) partBytes.put(u.name.replace('/', '.'), bytes(u));
        return bytes(main);
    }

    /** The part classes made by {@link #emit} (binary name to class file), in order. */
    final Map<String, byte[]> partBytes = new java.util.LinkedHashMap<>();

    private byte[] bytes(ClassUnit u) {
        u.cw.visitEnd();
        try {
            return u.cw.toByteArray();
        } catch (org.objectweb.asm.MethodTooLargeException e) {
            Node where = methodSites.getOrDefault(e.getMethodName(), module.script());
            LongStrings method = methodVisitors.get(e.getMethodName());
            if (method != null && method.blame != null) where = method.blame;
            throw new TooLarge(module.source(), where.span(), TooLarge.METHOD);
        } catch (org.objectweb.asm.ClassTooLargeException e) {
            Node where = u.firstSite != null ? u.firstSite : module.script();
            throw new TooLarge(module.source(), where.span(), TooLarge.CLASS);
        }
    }


    /** The statement whose code is largest: the one to blame when its chunk is too large. */
    private static Node largest(List<Expr> part, Label[] starts, Label end) {
        int best = 0, size = -1;
        for (int i = 0; i < part.size(); i++) {
            int s = (i + 1 < part.size() ? starts[i + 1] : end).getOffset() - starts[i].getOffset();
            if (s > size) {
                size = s;
                best = i;
            }
        }
        return part.get(best);
    }


    /** A form whose JVM code exceeds the 64 KB method limit: reported as a compile error. */
    static final class TooLarge extends RuntimeException {
        static final String METHOD = "this expression is too large to compile: its code exceeds the JVM's 64 KB method limit; split it into smaller parts";
        static final String CLASS = "this file is too large to compile from here on: its module exceeds the JVM's limit of 65,535 "
                + "constants per class; move some of its code into another file and import it";
        static final String LOCALS = "this expression is too large to compile: it needs more than " + Frame.MAX_LOCALS
                + " local variables in one function; split it into smaller parts";
        final dev.ludus.compiler.syntax.SourceText source;
        final dev.ludus.compiler.syntax.Span span;
        final String reason;

        TooLarge(dev.ludus.compiler.syntax.SourceText source, dev.ludus.compiler.syntax.Span span, String reason) {
            super("too large", null, false, false);
            this.reason = reason;
            this.source = source;
            this.span = span;
        }
    }


    @Override
    FnCode code(FnDef fd) {
        FnCode c = codes.get(fd);
        if (c == null) {
            c = new FnGen(this, exprs, fd, nextFnId++).emit(codes);
        }
        return c;
    }


    /** Dynamic constants resolved per helper method (4 bytes each: far below the method size limit). */
    private static final int CONSTANTS_PER_METHOD = 4000;
    /** Field constants computed per helper method (~20 bytes each). */
    private static final int FIELDS_PER_METHOD = 1000;
    private static final String LOOKUP_D = "Ljava/lang/invoke/MethodHandles$Lookup;";

    private void emitClinit(ClassUnit unit, boolean isModule) {
        ClassUnit.Constants constants = unit.constants;
        ClassWriter cw = unit.cw;
        String className = unit.name;
        List<org.objectweb.asm.ConstantDynamic> dynamic = new java.util.ArrayList<>(constants.dynamic);
        int helpers = (dynamic.size() + CONSTANTS_PER_METHOD - 1) / CONSTANTS_PER_METHOD;
        for (int h = 0; h < helpers; h++) {
            MethodVisitor rv = new LongStrings(cw.visitMethod(ACC_PRIVATE | ACC_STATIC, "$resolve" + h, "()V", null, null), unit);
            rv.visitCode();
            for (var c : dynamic.subList(h * CONSTANTS_PER_METHOD, Math.min(dynamic.size(), (h + 1) * CONSTANTS_PER_METHOD))) {
                rv.visitLdcInsn(c);
                rv.visitInsn(POP);
            }
            rv.visitInsn(RETURN);
            rv.visitMaxs(0, 0);
            rv.visitEnd();
        }
        List<Map.Entry<org.objectweb.asm.ConstantDynamic, String>> fields = new java.util.ArrayList<>(constants.fields.entrySet());
        for (var e : fields) {
            cw.visitField(ACC_PRIVATE | ACC_STATIC | ACC_FINAL, e.getValue(), e.getKey().getDescriptor(), null, null).visitEnd();
        }
        int fieldHelpers = (fields.size() + FIELDS_PER_METHOD - 1) / FIELDS_PER_METHOD;
        for (int h = 0; h < fieldHelpers; h++) {
            emitConstantsHelper(unit, h, fields.subList(h * FIELDS_PER_METHOD, Math.min(fields.size(), (h + 1) * FIELDS_PER_METHOD)));
        }
        MethodVisitor mv = new LongStrings(cw.visitMethod(ACC_STATIC, "<clinit>", "()V", null, null), unit);
        mv.visitCode();
        if (isModule) registerSource(mv);
        // compute the field constants (static finals may only be set here), then resolve every
        // remaining dynamic constant, so that HotSpot can compile methods whose constants sit
        // in branches that have not run yet (it skips them otherwise)
        if (fieldHelpers > 0) {
            mv.visitMethodInsn(INVOKESTATIC, "java/lang/invoke/MethodHandles", "lookup", "()" + LOOKUP_D, false);
            mv.visitVarInsn(ASTORE, 0);
        }
        for (int h = 0; h < fieldHelpers; h++) {
            mv.visitVarInsn(ALOAD, 0);
            mv.visitMethodInsn(INVOKESTATIC, className, "$constants" + h, "(" + LOOKUP_D + ")" + Rt.OBJS_D, false);
            mv.visitVarInsn(ASTORE, 1);
            List<Map.Entry<org.objectweb.asm.ConstantDynamic, String>> part =
                    fields.subList(h * FIELDS_PER_METHOD, Math.min(fields.size(), (h + 1) * FIELDS_PER_METHOD));
            for (int i = 0; i < part.size(); i++) {
                String desc = part.get(i).getKey().getDescriptor();
                mv.visitVarInsn(ALOAD, 1);
                Rt.integer(mv, i);
                mv.visitInsn(AALOAD);
                if (!desc.equals(Rt.OBJ_D)) mv.visitTypeInsn(CHECKCAST, org.objectweb.asm.Type.getType(desc).getInternalName());
                mv.visitFieldInsn(PUTSTATIC, className, part.get(i).getValue(), desc);
            }
        }
        for (int h = 0; h < helpers; h++) mv.visitMethodInsn(INVOKESTATIC, className, "$resolve" + h, "()V", false);
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** Sources.register(file, text): the module's source for panic excerpts. */
    private void registerSource(MethodVisitor mv) {
        mv.visitLdcInsn(file);
        String text = module.source().text();
        if (text.length() <= 8000) {
            mv.visitLdcInsn(text);
        } else {
            mv.visitTypeInsn(NEW, "java/lang/StringBuilder");
            mv.visitInsn(DUP);
            mv.visitMethodInsn(INVOKESPECIAL, "java/lang/StringBuilder", "<init>", "()V", false);
            for (int i = 0; i < text.length(); i += 8000) {
                mv.visitLdcInsn(text.substring(i, Math.min(text.length(), i + 8000)));
                mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/StringBuilder", "append",
                        "(Ljava/lang/String;)Ljava/lang/StringBuilder;", false);
            }
            mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/StringBuilder", "toString", "()Ljava/lang/String;", false);
        }
        mv.visitMethodInsn(INVOKESTATIC, Rt.SOURCES, "register", "(Ljava/lang/String;Ljava/lang/String;)V", false);
    }

    /**
     * {@code $constants<h>(Lookup)}: the values of some field constants, in order, each computed
     * by calling its bootstrap method as a plain static method (lookup, name, type, arguments).
     */
    private void emitConstantsHelper(ClassUnit unit, int h, List<Map.Entry<org.objectweb.asm.ConstantDynamic, String>> part) {
        MethodVisitor mv = new LongStrings(unit.cw.visitMethod(ACC_PRIVATE | ACC_STATIC, "$constants" + h,
                "(" + LOOKUP_D + ")" + Rt.OBJS_D, null, null), unit);
        mv.visitCode();
        Rt.integer(mv, part.size());
        mv.visitTypeInsn(ANEWARRAY, Rt.OBJ);
        for (int i = 0; i < part.size(); i++) {
            org.objectweb.asm.ConstantDynamic c = part.get(i).getKey();
            org.objectweb.asm.Handle bsm = c.getBootstrapMethod();
            org.objectweb.asm.Type[] params = org.objectweb.asm.Type.getArgumentTypes(bsm.getDesc());
            if (bsm.getTag() != H_INVOKESTATIC || params.length != 3 + c.getBootstrapMethodArgumentCount()) {
                throw new IllegalStateException("unexpected bootstrap for a constant: " + bsm);
            }
            mv.visitInsn(DUP);
            Rt.integer(mv, i);
            mv.visitVarInsn(ALOAD, 0);
            mv.visitLdcInsn(c.getName());
            mv.visitLdcInsn(org.objectweb.asm.Type.getType(c.getDescriptor()));
            for (int a = 0; a < c.getBootstrapMethodArgumentCount(); a++) {
                pushStaticArgument(mv, c.getBootstrapMethodArgument(a), params[3 + a]);
            }
            mv.visitMethodInsn(INVOKESTATIC, bsm.getOwner(), bsm.getName(), bsm.getDesc(), false);
            mv.visitInsn(AASTORE);
        }
        mv.visitInsn(ARETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** A bootstrap method's static argument, as the JVM would pass it to a parameter of type t. */
    private static void pushStaticArgument(MethodVisitor mv, Object arg, org.objectweb.asm.Type t) {
        if (arg instanceof String str && t.getDescriptor().equals("Ljava/lang/String;")) {
            mv.visitLdcInsn(str);
        } else if (arg instanceof Integer n && t.getSort() == org.objectweb.asm.Type.INT) {
            Rt.integer(mv, n);
        } else if (arg instanceof Double d && t.getSort() == org.objectweb.asm.Type.DOUBLE) {
            mv.visitLdcInsn(d);
        } else if (arg instanceof Double d && t.getDescriptor().equals("Ljava/lang/Double;")) {
            mv.visitLdcInsn(d);
            mv.visitMethodInsn(INVOKESTATIC, "java/lang/Double", "valueOf", "(D)Ljava/lang/Double;", false);
        } else {
            throw new IllegalStateException("unexpected bootstrap argument " + arg + " for " + t);
        }
    }

    private void emitBodies() {
        List<Expr> body = module.script().body();
        int chunks = Math.max(1, (body.size() + CHUNK - 1) / CHUNK);
        String[] owners = new String[chunks];
        for (int c = 0; c < chunks; c++) {
            List<Expr> part = body.subList(Math.min(body.size(), c * CHUNK), Math.min(body.size(), (c + 1) * CHUNK));
            boolean big = Analysis.large(an.weight(part));
            if (big) for (Expr e : part) exprs.plan(e);
            Node site = part.isEmpty() ? module.script() : part.get(0);
            MethodVisitor mv = methodIn(unit(big, site), "$body" + c, "()" + Rt.OBJ_D, site);
            owners[c] = LongStrings.owner(mv);
            mv.visitCode();
            Frame f = new Frame(mv, module.script(), null, null, 0, false);
            f.scope = an.methodScope(module.script());
            f.method = "$body" + c;
            f.splitting = big;
            Label[] starts = new Label[part.size()];
            if (part.isEmpty()) Rt.nil(mv);
            else exprs.sequence(part, f, false, starts);
            Label end = new Label();
            mv.visitLabel(end);
            if (!part.isEmpty()) methodSites.put("$body" + c, largest(part, starts, end));
            mv.visitInsn(ARETURN);
            mv.visitMaxs(0, 0);
            mv.visitEnd();
        }
        MethodVisitor mv = method(ACC_PUBLIC | ACC_STATIC, "$run", "()" + Rt.OBJ_D, null, null);
        mv.visitCode();
        Label fresh = new Label();
        mv.visitFieldInsn(GETSTATIC, className, "$done", "Z");
        mv.visitJumpInsn(IFEQ, fresh);
        mv.visitFieldInsn(GETSTATIC, className, "$value", Rt.OBJ_D);
        mv.visitInsn(ARETURN);
        mv.visitLabel(fresh);
        for (int c = 0; c < chunks; c++) {
            if (c > 0) mv.visitInsn(POP);
            mv.visitMethodInsn(INVOKESTATIC, owners[c], "$body" + c, "()" + Rt.OBJ_D, false);
        }
        mv.visitInsn(DUP);
        mv.visitFieldInsn(PUTSTATIC, className, "$value", Rt.OBJ_D);
        mv.visitInsn(ICONST_1);
        mv.visitFieldInsn(PUTSTATIC, className, "$done", "Z");
        mv.visitInsn(ARETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** Bindings per $bindings helper method (keeps each far below the JVM's 64 KiB method limit). */
    private static final int BINDINGS_PER_METHOD = 1000;

    /**
     * {@code public static Object[] $bindings()}: the values of the module-level bindings, in the
     * order of {@code Resolution.moduleBindings} (null for one not initialised). The REPL copies
     * them into its session after an entry has run, pairing them with the names it already knows
     * from the resolution, so no field naming scheme leaks out of this class.
     */
    private void emitBindings() {
        List<Binding> all = res.moduleBindings;
        int parts = (all.size() + BINDINGS_PER_METHOD - 1) / BINDINGS_PER_METHOD;
        for (int p = 0; p < parts; p++) {
            MethodVisitor mv = method(ACC_PRIVATE | ACC_STATIC, "$bindings" + p, "(" + Rt.OBJS_D + ")V", null, null);
            mv.visitCode();
            for (int i = p * BINDINGS_PER_METHOD; i < Math.min(all.size(), (p + 1) * BINDINGS_PER_METHOD); i++) {
                mv.visitVarInsn(ALOAD, 0);
                Rt.integer(mv, i);
                FieldRef ref = field(all.get(i));
                mv.visitFieldInsn(GETSTATIC, ref.owner(), ref.name(), Rt.OBJ_D);
                mv.visitInsn(AASTORE);
            }
            mv.visitInsn(RETURN);
            mv.visitMaxs(0, 0);
            mv.visitEnd();
        }
        MethodVisitor mv = method(ACC_PUBLIC | ACC_STATIC, "$bindings", "()" + Rt.OBJS_D, null, null);
        mv.visitCode();
        Rt.integer(mv, all.size());
        mv.visitTypeInsn(ANEWARRAY, Rt.OBJ);
        for (int p = 0; p < parts; p++) {
            mv.visitInsn(DUP);
            mv.visitMethodInsn(INVOKESTATIC, className, "$bindings" + p, "(" + Rt.OBJS_D + ")V", false);
        }
        mv.visitInsn(ARETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    private void emitMain() {
        MethodVisitor mv = method(ACC_PUBLIC | ACC_STATIC, "main", "([Ljava/lang/String;)V", null, null);
        mv.visitCode();
        mv.visitLdcInsn(org.objectweb.asm.Type.getObjectType(className));
        mv.visitVarInsn(ALOAD, 0);
        mv.visitMethodInsn(INVOKESTATIC, Rt.LAUNCHER, "main", "(Ljava/lang/Class;[Ljava/lang/String;)V", false);
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }
}
