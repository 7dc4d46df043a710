package dev.ludus.compiler.emit;

import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/** Runtime class names, descriptors and constant loaders shared by the emitters. */
final class Rt implements Opcodes {
    private Rt() {}

    static final String OBJ = "java/lang/Object";
    static final String OBJ_D = "Ljava/lang/Object;";
    static final String OBJS_D = "[Ljava/lang/Object;";
    static final String NIL = "dev/ludus/runtime/value/Nil";
    static final String NIL_D = "Ldev/ludus/runtime/value/Nil;";
    static final String KEYWORD = "dev/ludus/runtime/value/Keyword";
    static final String KEYWORD_D = "Ldev/ludus/runtime/value/Keyword;";
    static final String TUPLE = "dev/ludus/runtime/value/Tuple";
    static final String CLOSURE = "dev/ludus/runtime/value/Closure";
    static final String CLOSURE_D = "Ldev/ludus/runtime/value/Closure;";
    static final String FNCODE = "dev/ludus/runtime/value/FnCode";
    static final String FNCODE_D = "Ldev/ludus/runtime/value/FnCode;";
    static final String CELL = "dev/ludus/runtime/value/Cell";
    static final String REF = "dev/ludus/runtime/value/Ref";
    static final String NS = "dev/ludus/runtime/value/Ns";
    static final String LLIST = "dev/ludus/runtime/collection/LList";
    static final String LLIST_B = "dev/ludus/runtime/collection/LList$Builder";
    static final String LSET = "dev/ludus/runtime/collection/LSet";
    static final String LSET_B = "dev/ludus/runtime/collection/LSet$Builder";
    static final String LDICT = "dev/ludus/runtime/collection/LDict";
    static final String REC = "dev/ludus/runtime/collection/Rec";
    static final String SHAPE_D = "Ldev/ludus/runtime/collection/Shape;";
    static final String LDICT_B = "dev/ludus/runtime/collection/LDict$Builder";
    static final String INVOKE = "dev/ludus/runtime/bootstrap/Invoke";
    static final String CALLS = "dev/ludus/runtime/prelude/Calls";
    static final String BOOTSTRAPS = "dev/ludus/runtime/bootstrap/Bootstraps";
    static final String CALLSITES = "dev/ludus/runtime/bootstrap/CallSites";
    static final String PATTERNS = "dev/ludus/runtime/Patterns";
    static final String VALUES = "dev/ludus/runtime/Values";
    static final String NUMBER_FORMAT = "dev/ludus/runtime/NumberFormat";
    static final String PANIC = "dev/ludus/runtime/LudusPanic";
    static final String SOURCES = "dev/ludus/runtime/Sources";
    static final String LAUNCHER = "dev/ludus/runtime/Launcher";
    static final String TAILCALL = "dev/ludus/runtime/TailCall";
    static final String RECUR_ARGS = "dev/ludus/runtime/RecurArgs";
    static final String PROCESSES = "dev/ludus/runtime/process/Processes";

    private static final String LOOKUP_D = "Ljava/lang/invoke/MethodHandles$Lookup;";

    static final Handle KW_BSM = new Handle(H_INVOKESTATIC, BOOTSTRAPS, "keyword",
            "(" + LOOKUP_D + "Ljava/lang/String;Ljava/lang/Class;Ljava/lang/String;)" + OBJ_D, false);
    static final Handle KEYS_BSM = new Handle(H_INVOKESTATIC, BOOTSTRAPS, "keys",
            "(" + LOOKUP_D + "Ljava/lang/String;Ljava/lang/Class;Ljava/lang/String;)" + OBJ_D, false);
    static final Handle SHAPE_BSM = new Handle(H_INVOKESTATIC, BOOTSTRAPS, "shape",
            "(" + LOOKUP_D + "Ljava/lang/String;Ljava/lang/Class;Ljava/lang/String;)" + OBJ_D, false);
    static final Handle LAYOUT_BSM = new Handle(H_INVOKESTATIC, BOOTSTRAPS, "layout",
            "(" + LOOKUP_D + "Ljava/lang/String;Ljava/lang/Class;Ljava/lang/String;I)" + OBJ_D, false);
    static final Handle NUM_BSM = new Handle(H_INVOKESTATIC, BOOTSTRAPS, "number",
            "(" + LOOKUP_D + "Ljava/lang/String;Ljava/lang/Class;Ljava/lang/Double;)" + OBJ_D, false);
    static final Handle PRELUDE_BSM = new Handle(H_INVOKESTATIC, BOOTSTRAPS, "prelude",
            "(" + LOOKUP_D + "Ljava/lang/String;Ljava/lang/Class;Ljava/lang/String;)" + OBJ_D, false);
    static final String SESSION = "dev/ludus/runtime/Session";
    static final Handle SESSION_BSM = new Handle(H_INVOKESTATIC, SESSION, "bootstrap",
            "(" + LOOKUP_D + "Ljava/lang/String;Ljava/lang/Class;I)" + OBJ_D, false);
    static final Handle FNCODE_BSM = new Handle(H_INVOKESTATIC, BOOTSTRAPS, "fnCode",
            "(" + LOOKUP_D + "Ljava/lang/String;Ljava/lang/Class;Ljava/lang/String;)" + OBJ_D, false);
    static final String DICTSITES = "dev/ludus/runtime/bootstrap/DictSites";
    /**
     * The indy bootstraps have StringConcatFactory's type, {@code (Lookup, String, MethodType,
     * String, Object...)CallSite}, with one String static argument (a dict site's key, else ""):
     * the JDK invokes a bootstrap of exactly that type without spinning an invoker class, which
     * any other type costs every compiled program at its first site (start-up).
     */
    private static final String SITE_BSM_D = "(" + LOOKUP_D
            + "Ljava/lang/String;Ljava/lang/invoke/MethodType;Ljava/lang/String;[Ljava/lang/Object;)Ljava/lang/invoke/CallSite;";
    static final Handle DICT_LOOKUP_BSM = new Handle(H_INVOKESTATIC, DICTSITES, "bsm_lookup", SITE_BSM_D, false);
    static final Handle DICT_GET_BSM = new Handle(H_INVOKESTATIC, DICTSITES, "bsm_get", SITE_BSM_D, false);
    static final Handle DICT_ASSOC_BSM = new Handle(H_INVOKESTATIC, DICTSITES, "bsm_assoc", SITE_BSM_D, false);
    static final Handle DICT_UPDATE_BSM = new Handle(H_INVOKESTATIC, DICTSITES, "bsm_update", SITE_BSM_D, false);
    static final Handle CALL_BSM = new Handle(H_INVOKESTATIC, CALLSITES, "bsm_call", SITE_BSM_D, false);

    /** Constants per class kept in fields (see CONSTANTS); the rest stay dynamic. */
    static final int FIELD_LIMIT = 4000;

    /**
     * The constants of the class being emitted (ModuleEmitter; one module at a time per thread).
     * Each is computed once by its bootstrap method, called as a plain static method from the
     * class initializer, and kept in a static final field: a constant to the JIT as an ldc of a
     * dynamic constant would be, without the JVM's bootstrap machinery, which spins
     * method-handle classes (~8 ms when a compiled program starts). Past {@link #FIELD_LIMIT}
     * constants (class initializer size) the rest stay dynamic constants, which the class
     * initializer resolves all the same: HotSpot will not JIT-compile a method containing an ldc
     * of a dynamic constant that is still unresolved (a never-taken branch keeps it so forever).
     */
    static final ThreadLocal<ClassUnit.Constants> CONSTANTS = new ThreadLocal<>();

    static void ldc(MethodVisitor mv, ConstantDynamic c) {
        ClassUnit.Constants k = mv instanceof LongStrings ls ? ls.unit.constants : CONSTANTS.get();
        if (k != null) {
            String field = k.fields.get(c);
            if (field == null && (k.fields.size() < FIELD_LIMIT || longArgument(c))) {
                field = "c$" + k.fields.size();
                k.fields.put(c, field);
            }
            if (field != null) {
                mv.visitFieldInsn(GETSTATIC, k.owner, field, c.getDescriptor());
                return;
            }
            k.dynamic.add(c);
        }
        mv.visitLdcInsn(c);
    }

    /** A constant with a string argument too long for the class file: only a field constant can hold it. */
    private static boolean longArgument(ConstantDynamic c) {
        for (int i = 0; i < c.getBootstrapMethodArgumentCount(); i++) {
            if (c.getBootstrapMethodArgument(i) instanceof String s && LongStrings.tooLong(s)) return true;
        }
        return false;
    }

    static void keyword(MethodVisitor mv, String name) {
        ldc(mv, new ConstantDynamic("kw", KEYWORD_D, KW_BSM, name));
    }

    /** An array of these keywords, one per class (never written to: Patterns.dictRest reads it). */
    static void keys(MethodVisitor mv, java.util.List<String> names) {
        ldc(mv, new ConstantDynamic("keys", "[" + KEYWORD_D, KEYS_BSM, String.join(" ", names)));
    }

    /** The interned Shape of a record literal with these keys, in order. */
    static void shape(MethodVisitor mv, java.util.List<String> keys) {
        ldc(mv, new ConstantDynamic("shape", SHAPE_D, SHAPE_BSM, String.join(" ", keys)));
    }

    /** The layout of that Shape keeping the values at mask's positions as doubles (Shape.layout). */
    static void layout(MethodVisitor mv, java.util.List<String> keys, int mask) {
        ldc(mv, new ConstantDynamic("layout", SHAPE_D, LAYOUT_BSM, String.join(" ", keys), mask));
    }

    static void number(MethodVisitor mv, double value) {
        ldc(mv, new ConstantDynamic("num", "Ljava/lang/Double;", NUM_BSM, value));
    }

    static void prelude(MethodVisitor mv, String name) {
        ldc(mv, new ConstantDynamic("prelude", OBJ_D, PRELUDE_BSM, name));
    }

    /** A REPL session name: the value in its slot of the session store (dev.ludus.runtime.Session). */
    static void session(MethodVisitor mv, int slot) {
        ldc(mv, new ConstantDynamic("session", OBJ_D, SESSION_BSM, slot));
    }

    static final String CANCELLATION = "dev/ludus/runtime/Cancellation";
    static final Handle POLL_BSM = new Handle(H_INVOKESTATIC, CANCELLATION, "pollSite", SITE_BSM_D, false);

    /**
     * How cancellation polls are compiled: "indy" (default) links every poll to one shared
     * MutableCallSite whose target is a no-op until a cancel retargets it, so compiled code
     * pays nothing and a cancel deoptimises; "volatile" reads a volatile flag and branches;
     * "none" omits them (for measuring their cost only: such programs cannot be stopped).
     */
    static final String POLL_KIND = System.getProperty("ludus.poll", "indy");

    /** A cancellation poll (function entries, loop heads): see {@link #POLL_KIND}. */
    static void poll(MethodVisitor mv) {
        switch (POLL_KIND) {
            case "none" -> { }
            case "volatile" -> {
                Label go = new Label();
                mv.visitFieldInsn(GETSTATIC, CANCELLATION, "requested", "Z");
                mv.visitJumpInsn(IFEQ, go);
                mv.visitMethodInsn(INVOKESTATIC, CANCELLATION, "stop", "()V", false);
                mv.visitLabel(go);
            }
            default -> {
                // answers null, dropped: see Cancellation.pollSite and POLL_TYPE
                mv.visitInvokeDynamicInsn("poll", "()" + OBJ_D, POLL_BSM, "");
                mv.visitInsn(POP);
            }
        }
    }

    static void nil(MethodVisitor mv) {
        mv.visitFieldInsn(GETSTATIC, NIL, "NIL", NIL_D);
    }

    static void bool(MethodVisitor mv, boolean b) {
        mv.visitFieldInsn(GETSTATIC, "java/lang/Boolean", b ? "TRUE" : "FALSE", "Ljava/lang/Boolean;");
    }

    static void integer(MethodVisitor mv, int i) {
        if (i >= -1 && i <= 5) mv.visitInsn(ICONST_0 + i);
        else if (i >= Byte.MIN_VALUE && i <= Byte.MAX_VALUE) mv.visitIntInsn(BIPUSH, i);
        else if (i >= Short.MIN_VALUE && i <= Short.MAX_VALUE) mv.visitIntInsn(SIPUSH, i);
        else mv.visitLdcInsn(i);
    }

    static String objDesc(int n) {
        return "(" + OBJ_D.repeat(n) + ")" + OBJ_D;
    }

    static String methodDesc(Type ret, Type... args) {
        return Type.getMethodDescriptor(ret, args);
    }

    /** The double in the Double on the stack (the caller knows it is one). */
    static void unbox(MethodVisitor mv) {
        mv.visitTypeInsn(Opcodes.CHECKCAST, "java/lang/Double");
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/lang/Double", "doubleValue", "()D", false);
    }

    /** Boxes the double on the stack. */
    static void box(MethodVisitor mv) {
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Double", "valueOf", "(D)Ljava/lang/Double;", false);
    }
}
