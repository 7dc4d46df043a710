package dev.ludus.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.util.CheckClassAdapter;

class ClassFileUpgradeTest implements Opcodes {
    /** A Java 5 class: static int pick(boolean b, int x) { return b ? x + 1 : x - 1; } (branches need frames). */
    private static byte[] java5Class() {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(V1_5, ACC_PUBLIC, "old/Pick", null, "java/lang/Object", null);
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_STATIC, "pick", "(ZI)I", null, null);
        mv.visitCode();
        Label no = new Label();
        mv.visitVarInsn(ILOAD, 0);
        mv.visitJumpInsn(IFEQ, no);
        mv.visitVarInsn(ILOAD, 1);
        mv.visitInsn(ICONST_1);
        mv.visitInsn(IADD);
        mv.visitInsn(IRETURN);
        mv.visitLabel(no);
        mv.visitVarInsn(ILOAD, 1);
        mv.visitInsn(ICONST_1);
        mv.visitInsn(ISUB);
        mv.visitInsn(IRETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    @Test
    void java5ClassesBecomeVerifiableJava8ClassesAndOtherEntriesStay(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("app.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("old/Pick.class"));
            out.write(java5Class());
            out.closeEntry();
            out.putNextEntry(new JarEntry("notes.txt"));
            out.write("kept".getBytes());
            out.closeEntry();
        }
        assertEquals(1, ClassFileUpgrade.upgrade(jar));
        byte[] upgraded;
        try (JarFile j = new JarFile(jar.toFile())) {
            upgraded = j.getInputStream(j.getEntry("old/Pick.class")).readAllBytes();
            assertEquals("kept", new String(j.getInputStream(j.getEntry("notes.txt")).readAllBytes()));
        }
        assertEquals(52, ClassFileUpgrade.majorVersion(upgraded));
        StringWriter problems = new StringWriter();
        CheckClassAdapter.verify(new ClassReader(upgraded), getClass().getClassLoader(), false, new PrintWriter(problems));
        assertTrue(problems.toString().isEmpty(), problems.toString());
        try (URLClassLoader l = new URLClassLoader(new java.net.URL[] {jar.toUri().toURL()}, null)) {
            Class<?> c = l.loadClass("old.Pick");
            assertEquals(8, c.getMethod("pick", boolean.class, int.class).invoke(null, true, 7));
            assertEquals(6, c.getMethod("pick", boolean.class, int.class).invoke(null, false, 7));
        }
        assertEquals(0, ClassFileUpgrade.upgrade(jar), "a second pass finds nothing old");
    }
}
