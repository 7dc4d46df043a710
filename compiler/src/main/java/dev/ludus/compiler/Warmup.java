package dev.ludus.compiler;

import dev.ludus.runtime.prelude.Prelude;
import java.util.concurrent.atomic.AtomicBoolean;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Start-up in parallel: while the main thread starts up, reads, scans and parses the program, a
 * second thread builds the prelude (~20 ms: ~150 function objects and the Ludus half's module)
 * and loads the bytecode writer, both needed right after parsing. Class initialisation is
 * thread-safe, so whichever thread comes second waits for, or reuses, the first one's work; the
 * prelude is entered through {@link Prelude#names()}, as the resolver enters it, so the two
 * threads take the same locks in the same order. (ANTLR's parser, whose ATN a third thread
 * used to deserialise here, now parses only programs with syntax errors: see FastParser.)
 */
public final class Warmup {
    private Warmup() {}

    private static final AtomicBoolean STARTED = new AtomicBoolean();

    /**
     * Set by the build's class-data-sharing/AOT training runs (cli/src/build/cds-archive.sh,
     * aot-cache.sh): ordinary runs parse without ANTLR's parser, so the training sets it up
     * itself, for the archive to hold the classes that the report of a syntax error needs.
     */
    static final String TRAIN_SYNTAX_ERRORS = "ludus.train.syntaxErrors";

    /** Starts the warm-up once per JVM; returns at once. */
    public static void start() {
        if (!STARTED.compareAndSet(false, true)) return;
        if (Boolean.getBoolean(TRAIN_SYNTAX_ERRORS)) dev.ludus.compiler.syntax.LudusParser.setUpErrorPath();
        Thread t = new Thread(new Runnable() { // a class, not Warmup::run: see LudusCompiler.PARSER
            @Override
            public void run() {
                Warmup.run();
            }
        }, "ludus-warmup");
        t.setDaemon(true);
        t.start();
    }

    private static void run() {
        try {
            Prelude.names();
            Prelude.get("print!");
            ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES);
            cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "ludus/Warmup", null, "java/lang/Object", null);
            MethodVisitor mv = cw.visitMethod(Opcodes.ACC_STATIC, "m", "()Ljava/lang/Object;", null, null);
            mv.visitCode();
            mv.visitInsn(Opcodes.ACONST_NULL);
            mv.visitInsn(Opcodes.ARETURN);
            mv.visitMaxs(0, 0);
            mv.visitEnd();
            cw.visitEnd();
            cw.toByteArray();
        } catch (Throwable ignored) {
            // only a head start: the main thread does (and reports) the same work itself
        }
    }
}
