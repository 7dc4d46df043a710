package dev.ludus.compiler.emit;

import static org.junit.jupiter.api.Assertions.fail;

import dev.ludus.compiler.CompiledProgram;
import dev.ludus.compiler.LudusCompiler;
import dev.ludus.compiler.ProgramClassLoader;
import dev.ludus.compiler.diagnostic.CompileErrors;
import dev.ludus.compiler.diagnostic.ReferenceReport;
import dev.ludus.runtime.Launcher;
import dev.ludus.runtime.RunOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.util.CheckClassAdapter;

/** Test support: compile Ludus source, verify every class with ASM, run it, capture stdout. */
final class Programs {
    private Programs() {}

    /**
     * Compiles source (as test.ld) and runs code over the code of every method of every class
     * it generates: code gets the method's name and returns a visitor for its code, or null.
     */
    static void eachMethod(String source, java.util.function.Function<String, org.objectweb.asm.MethodVisitor> code)
            throws Exception {
        Path file = Files.createTempDirectory("ludus-test").resolve("test.ld");
        Files.writeString(file, source);
        for (byte[] bytes : LudusCompiler.compile(file, "test.ld").classes().values()) {
            new ClassReader(bytes).accept(new org.objectweb.asm.ClassVisitor(org.objectweb.asm.Opcodes.ASM9) {
                @Override public org.objectweb.asm.MethodVisitor visitMethod(int acc, String n, String d, String sig, String[] ex) {
                    return code.apply(n);
                }
            }, 0);
        }
    }

    /** The runtime and program methods the compiled source calls, as "Owner.name" (the class's simple name). */
    static java.util.List<String> calls(String source) throws Exception {
        java.util.List<String> out = new java.util.ArrayList<>();
        eachMethod(source, method -> new org.objectweb.asm.MethodVisitor(org.objectweb.asm.Opcodes.ASM9) {
            @Override public void visitMethodInsn(int op, String owner, String name, String desc, boolean itf) {
                out.add(owner.substring(owner.lastIndexOf('/') + 1) + "." + name);
            }
        });
        return out;
    }

    /** stdout of `ludus run` on the file, followed by "[exit N]\n" as in the golden files. */
    static String run(Path file, String displayName) {
        return run(file, displayName, false);
    }

    /** As run, with stderr (a panic's report: message, place, trace) after stdout when withErr. */
    static String run(Path file, String displayName, boolean withErr) {
        CompiledProgram program;
        try {
            program = LudusCompiler.compile(file, displayName);
        } catch (CompileErrors e) {
            return ReferenceReport.render(e.diagnostics()) + "[exit 1]\n";
        }
        ProgramClassLoader loader = new ProgramClassLoader(program, Programs.class.getClassLoader());
        verify(program, loader);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        RunOptions opts = RunOptions.parse(java.util.List.of("--seed", "1"));
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        int code = Launcher.run(loader.load(program.mainClass()), opts, out, new PrintStream(errBytes, true, StandardCharsets.UTF_8));
        out.flush();
        String err = withErr ? "[stderr]\n" + errBytes.toString(StandardCharsets.UTF_8) : "";
        return bytes.toString(StandardCharsets.UTF_8) + err + "[exit " + code + "]\n";
    }

    static String runSource(String source) {
        return runSource(source, false);
    }

    /** runSource, with stderr after stdout when withErr. */
    static String runSource(String source, boolean withErr) {
        try {
            Path dir = Files.createTempDirectory("ludus-test");
            Path file = dir.resolve("test.ld");
            Files.writeString(file, source);
            return run(file, "test.ld", withErr);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs a program and its twin, the same program written so that an optimisation leaves it
     * alone, and checks that their stdout, stderr and exit agree; returns the program's.
     */
    static String sameAsTwin(String program, String twin) {
        String a = runSource(program, true);
        String b = runSource(twin, true);
        org.junit.jupiter.api.Assertions.assertEquals(b, a, "differs from its twin:\n" + program);
        return a;
    }

    /** Every generated class must pass ASM's verifier. */
    static void verify(CompiledProgram program, ClassLoader loader) {
        for (Map.Entry<String, byte[]> e : program.classes().entrySet()) {
            StringWriter sw = new StringWriter();
            CheckClassAdapter.verify(new ClassReader(e.getValue()), loader, false, new PrintWriter(sw));
            if (!sw.toString().isEmpty()) fail("class " + e.getKey() + " does not verify:\n" + sw);
        }
    }
}
