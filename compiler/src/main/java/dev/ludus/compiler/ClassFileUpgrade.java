package dev.ludus.compiler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * Build step for the CLI's shaded jar (run by Maven after shading): rewrites class files older
 * than Java 6 (ASM and picocli ship Java 5 class files) as Java 8 class files with stack map
 * frames. The JVM's class-data sharing archive (the {@code ./ludus} launcher makes one) skips
 * pre-Java 6 classes, so without this the ~40 ASM classes every {@code ludus run} needs are
 * parsed and verified by the old inference verifier on every start; measured on hello.ld: about
 * 40 ms of ~250 ms (10 alternating runs each, wall-clock average). Bytecode is unchanged; a class
 * that cannot be given frames (JSR/RET) is kept as it was.
 *
 * <p>Usage: {@code ClassFileUpgrade JAR} (rewrites JAR in place).
 */
public final class ClassFileUpgrade {
    private ClassFileUpgrade() {}

    static final int JAVA_6 = 50;

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ClassFileUpgrade JAR");
            System.exit(2);
        }
        Path jar = Path.of(args[0]);
        upgrade(jar); // silent on success: a `mvn -q` build prints nothing but errors
    }

    /** Rewrites the jar in place; returns how many classes were upgraded. */
    public static int upgrade(Path jar) throws IOException {
        Path tmp = jar.resolveSibling(jar.getFileName() + ".upgrading");
        int upgraded = 0;
        try (URLClassLoader types = new URLClassLoader(new java.net.URL[] {jar.toUri().toURL()}, null);
             InputStream raw = Files.newInputStream(jar);
             ZipInputStream in = new ZipInputStream(raw);
             OutputStream rawOut = Files.newOutputStream(tmp);
             ZipOutputStream out = new ZipOutputStream(rawOut)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] bytes = in.readAllBytes();
                if (e.getName().endsWith(".class") && majorVersion(bytes) < JAVA_6) {
                    byte[] newer = withFrames(bytes, types);
                    if (newer != null) {
                        bytes = newer;
                        upgraded++;
                    }
                }
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTime(e.getTime());
                out.putNextEntry(copy);
                out.write(bytes);
                out.closeEntry();
            }
        }
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING);
        return upgraded;
    }

    static int majorVersion(byte[] classFile) {
        return classFile.length < 8 ? Integer.MAX_VALUE : (classFile[6] & 0xff) << 8 | (classFile[7] & 0xff);
    }

    /** The class as a Java 8 class file with computed frames, or null if ASM cannot compute them. */
    static byte[] withFrames(byte[] classFile, ClassLoader types) {
        try {
            ClassWriter w = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
                @Override
                protected ClassLoader getClassLoader() {
                    return types; // common superclasses come from the jar itself (and the JDK)
                }
            };
            new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9, w) {
                @Override
                public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
                    super.visit(Opcodes.V1_8, access, name, signature, superName, interfaces);
                }
            }, ClassReader.SKIP_FRAMES);
            return w.toByteArray();
        } catch (RuntimeException | LinkageError e) {
            return null; // e.g. JSR/RET, which frames cannot describe: keep the class as it is
        }
    }
}
