package dev.ludus.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.objectweb.asm.Opcodes.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

class JarWriterTest {
    static final String SOURCE = "print! (:hi)\npanic! \"boom\"\n";

    /**
     * A hand-made module class following the module class contract: registers its source,
     * $run() panics at line 2, main() hands over to the Launcher.
     */
    static byte[] moduleClass(String internalName) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, internalName, null, "java/lang/Object", null);
        MethodVisitor mv = cw.visitMethod(ACC_STATIC, "<clinit>", "()V", null, null);
        mv.visitCode();
        mv.visitLdcInsn("demo.ld");
        mv.visitLdcInsn(SOURCE);
        mv.visitMethodInsn(INVOKESTATIC, "dev/ludus/runtime/Sources", "register", "(Ljava/lang/String;Ljava/lang/String;)V", false);
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();

        mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, "$run", "()Ljava/lang/Object;", null, null);
        mv.visitCode();
        mv.visitTypeInsn(NEW, "dev/ludus/runtime/LudusPanic");
        mv.visitInsn(DUP);
        mv.visitLdcInsn("boom");
        mv.visitLdcInsn("demo.ld");
        mv.visitInsn(ICONST_2);
        mv.visitInsn(ICONST_1);
        mv.visitMethodInsn(INVOKESPECIAL, "dev/ludus/runtime/LudusPanic", "<init>", "(Ljava/lang/String;Ljava/lang/String;II)V", false);
        mv.visitInsn(ATHROW);
        mv.visitMaxs(0, 0);
        mv.visitEnd();

        mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, "main", "([Ljava/lang/String;)V", null, null);
        mv.visitCode();
        mv.visitLdcInsn(Type.getObjectType(internalName));
        mv.visitVarInsn(ALOAD, 0);
        mv.visitMethodInsn(INVOKESTATIC, "dev/ludus/runtime/Launcher", "main", "(Ljava/lang/Class;[Ljava/lang/String;)V", false);
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    record Result(String out, String err, int exit) {}

    static Result java(Path dir, String... args) throws IOException, InterruptedException {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var cmd = new java.util.ArrayList<String>();
        cmd.add(javaBin);
        cmd.addAll(java.util.List.of(args));
        Path out = dir.resolve("stdout"), err = dir.resolve("stderr");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "java timed out");
        return new Result(Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8), p.exitValue());
    }

    @Test
    void runnableJarNeedsNothingElse(@TempDir Path dir) throws Exception {
        var program = new CompiledProgram(Map.of("demo.Main", moduleClass("demo/Main")), "demo.Main");
        Path jar = dir.resolve("out/app.jar");
        JarWriter.writeJar(program, jar);

        try (JarFile jf = new JarFile(jar.toFile())) {
            assertEquals("demo.Main", jf.getManifest().getMainAttributes().getValue("Main-Class"));
            assertTrue(jf.getEntry("demo/Main.class") != null);
            assertTrue(jf.getEntry("dev/ludus/runtime/Launcher.class") != null);
            assertTrue(jf.getEntry("dev/ludus/runtime/LudusPanic.class") != null);
            assertTrue(jf.stream().allMatch(e -> e.getName().startsWith("META-INF/")
                    || e.getName().startsWith("demo/") || e.getName().startsWith("dev/")), "only program and runtime entries");
            assertFalse(jf.stream().anyMatch(e -> e.getName().startsWith("org/")), "no compiler dependencies");
            // classes are stored, not deflated: the JVM loads them without inflating (start-up time)
            assertTrue(jf.stream().filter(e -> e.getName().endsWith(".class"))
                    .allMatch(e -> e.getMethod() == java.util.zip.ZipEntry.STORED), "classes stored uncompressed");
        }

        Result r = java(dir, "-jar", jar.toString(), "--seed", "7");
        assertEquals("Ludus panicked on line 2:\npanic! \"boom\"\nboom\n", r.out(), r.err());
        assertEquals(1, r.exit(), r.err());
        // the human diagnostic: location and source line (the hand-made $run has no Ludus frames to trace)
        assertEquals("demo.ld:2:1: panic: boom\n 2 | panic! \"boom\"\n   | ^^^^^^\n", r.err());

        Result usage = java(dir, "-jar", jar.toString(), "--nonsense");
        assertEquals(2, usage.exit());
        assertTrue(usage.err().contains("unknown option '--nonsense'"), usage.err());
    }

    /** A jar gets the permissions of any new file (0644 under umask 022), not a temp file's 0600; it carries the licence. */
    /** The continuation package's export (a cost at every start) only for a program with processes. */
    @Test
    void onlyAProgramWithProcessesExportsTheContinuationPackage(@TempDir Path dir) throws Exception {
        String[][] cases = {{"print! (:hi)\n", "false"}, {"let me = self ()\nprint! (me)\n", "true"}};
        for (String[] c : cases) {
            var program = LudusCompiler.emit(LudusCompiler.analyse(new dev.ludus.compiler.syntax.SourceText("demo.ld", null, c[0])));
            Path jar = dir.resolve(c[1] + ".jar");
            JarWriter.writeJar(program, jar);
            try (JarFile jf = new JarFile(jar.toFile())) {
                String exports = jf.getManifest().getMainAttributes().getValue("Add-Exports");
                assertEquals(Boolean.parseBoolean(c[1]), exports != null, c[0]);
                if (exports != null) assertEquals("java.base/jdk.internal.vm", exports);
            }
        }
        assertTrue(JarWriter.mayUseProcesses(null), "unknown main class bytes: keep the export");
        assertFalse(JarWriter.mayUseProcesses(moduleClass("ludus/Plain")));
    }

    @Test
    void jarHasNormalPermissionsAndTheLicence(@TempDir Path dir) throws Exception {
        var program = new CompiledProgram(Map.of("demo.Main", moduleClass("demo/Main")), "demo.Main");
        Path jar = dir.resolve("app.jar");
        JarWriter.writeJar(program, jar);
        Path plain = Files.write(dir.resolve("plain"), new byte[0]); // a new file as the umask makes it
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(jar));
            assertTrue(Files.getPosixFilePermissions(jar).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ)
                    || !Files.getPosixFilePermissions(plain).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ));
        }
        try (JarFile jf = new JarFile(jar.toFile())) {
            var entry = jf.getEntry("META-INF/LICENSE");
            assertTrue(entry != null, "META-INF/LICENSE is missing");
            String text = new String(jf.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(text.contains("Apache License") && text.contains("Version 2.0"), text);
        }
    }

    @Test
    void sameProgramSameJarBytes(@TempDir Path dir) throws Exception {
        var program = new CompiledProgram(Map.of("demo.Main", moduleClass("demo/Main")), "demo.Main");
        JarWriter.writeJar(program, dir.resolve("a.jar"));
        JarWriter.writeJar(program, dir.resolve("b.jar"));
        assertEquals(-1L, Files.mismatch(dir.resolve("a.jar"), dir.resolve("b.jar")));
    }

    @Test
    void classesIntoADirectory(@TempDir Path dir) throws Exception {
        var program = new CompiledProgram(Map.of("demo.Main", moduleClass("demo/Main")), "demo.Main");
        JarWriter.writeClasses(program, dir.resolve("classes"));
        assertTrue(Files.isRegularFile(dir.resolve("classes/demo/Main.class")));
    }
}
