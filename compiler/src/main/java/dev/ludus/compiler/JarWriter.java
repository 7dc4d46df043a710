package dev.ludus.compiler;

import dev.ludus.runtime.Launcher;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Writes a compiled program as a self-contained runnable jar: the generated classes plus every
 * class and resource of the runtime and the compiled standard library, taken from wherever they
 * are on this JVM's class path (a directory of classes, their own jars, or the shaded CLI jar,
 * from which only the entries under {@link #RUNTIME_PREFIXES} are copied). The manifest's
 * Main-Class is the program's main module, so {@code java -jar app.jar} runs it.
 */
public final class JarWriter {
    private JarWriter() {}

    /** The packages a compiled program needs at run time (as jar entry prefixes). */
    public static final List<String> RUNTIME_PREFIXES = List.of("dev/ludus/runtime/", "dev/ludus/stdlib/");

    /** The licence every jar carries (the build copies LICENSE there in each module). */
    static final String LICENSE = "META-INF/LICENSE";

    /** Fixed entry time so the same program gives the same jar bytes (2000-01-01T00:00Z). */
    private static final long ENTRY_TIME = 946_684_800_000L;

    /**
     * Whether a program whose main class has these bytes may use processes: its main module has
     * the {@code $processSite} field (the compiler adds it iff the program uses processes).
     * Unknown bytes count as yes; without the export, processes still run, as virtual threads.
     */
    static boolean mayUseProcesses(byte[] mainClassBytes) {
        if (mainClassBytes == null) return true;
        boolean[] found = {false};
        try {
            new org.objectweb.asm.ClassReader(mainClassBytes).accept(new org.objectweb.asm.ClassVisitor(org.objectweb.asm.Opcodes.ASM9) {
                @Override
                public org.objectweb.asm.FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
                    if (name.equals("$processSite")) found[0] = true;
                    return null;
                }
            }, org.objectweb.asm.ClassReader.SKIP_CODE | org.objectweb.asm.ClassReader.SKIP_DEBUG | org.objectweb.asm.ClassReader.SKIP_FRAMES);
        } catch (RuntimeException e) {
            return true;
        }
        return found[0];
    }

    /** Writes {@code program} and the runtime as a runnable jar at {@code jar}. */
    public static void writeJar(CompiledProgram program, Path jar) throws IOException {
        writeJar(classEntries(program), program.mainClass(), "ludus compile", jar);
    }

    /**
     * Writes a runnable jar holding {@code appEntries} (jar entry name such as
     * {@code ludus/app/M_main.class} -> bytes; they win over runtime entries of the same name; a
     * manifest among them is ignored) plus the runtime, with Main-Class {@code mainClass}
     * (a binary class name). Used by the Maven plugin for a whole output directory.
     */
    public static void writeJar(Map<String, byte[]> appEntries, String mainClass, String createdBy, Path jar) throws IOException {
        Map<String, byte[]> entries = new TreeMap<>(runtimeEntries());
        entries.putAll(appEntries);
        entries.remove(JarFile.MANIFEST_NAME);

        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.put(Attributes.Name.MAIN_CLASS, mainClass);
        main.put(new Attributes.Name("Created-By"), createdBy);
        // Processes (spec §16) run as JDK continuations when java -jar exports their package to us.
        // Only for a program that uses them: the export costs every start of the jar ~10 ms
        // (the JVM's launcher spins lambda and method-handle classes to apply it).
        if (mayUseProcesses(appEntries.get(mainClass.replace('.', '/') + ".class"))) {
            main.put(new Attributes.Name("Add-Exports"), "java.base/jdk.internal.vm");
        }

        jar = target(jar);
        Path parent = jar.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        // Not Files.createTempFile: its files are 0600; a new file gets the usual permissions
        // (0644 under umask 022), as `jar` makes them.
        Path tmp = (parent != null ? parent : Path.of("")).resolve(".ludus-" + Long.toHexString(System.nanoTime()) + ".jar.tmp");
        try {
            try (OutputStream os = Files.newOutputStream(tmp, java.nio.file.StandardOpenOption.CREATE_NEW,
                         java.nio.file.StandardOpenOption.WRITE);
                 JarOutputStream out = new JarOutputStream(os)) {
                JarEntry mf = new JarEntry(JarFile.MANIFEST_NAME);
                mf.setTime(ENTRY_TIME);
                JarEntry metaInf = new JarEntry("META-INF/");
                metaInf.setTime(ENTRY_TIME);
                out.putNextEntry(metaInf);
                out.closeEntry();
                out.putNextEntry(mf);
                manifest.write(out);
                out.closeEntry();
                Set<String> dirs = new LinkedHashSet<>();
                dirs.add("META-INF/"); // written above; app resources may live under it too
                for (var e : entries.entrySet()) {
                    String name = e.getKey();
                    for (int i = name.indexOf('/'); i >= 0; i = name.indexOf('/', i + 1)) {
                        String dir = name.substring(0, i + 1);
                        if (dirs.add(dir)) {
                            JarEntry d = new JarEntry(dir);
                            d.setTime(ENTRY_TIME);
                            out.putNextEntry(d);
                            out.closeEntry();
                        }
                    }
                    JarEntry je = stored(name, e.getValue());
                    out.putNextEntry(je);
                    out.write(e.getValue());
                    out.closeEntry();
                }
            }
            target(jar); // again: the path may have changed while the jar was written
            try {
                Files.move(tmp, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Where a jar may be written: a new file or an existing regular file (through a symbolic
     * link, its target). Anything else — a directory, a named pipe, a device such as /dev/full —
     * is refused: the jar replaces the file by an atomic move, which would replace those too.
     */
    static Path target(Path jar) throws IOException {
        if (Files.exists(jar)) {
            if (Files.isDirectory(jar)) throw new java.nio.file.FileSystemException(jar.toString(), null, "it is a directory");
            if (!Files.isRegularFile(jar)) throw new java.nio.file.FileSystemException(jar.toString(), null, "it is not a regular file");
            return jar.toRealPath();
        }
        if (Files.isSymbolicLink(jar)) throw new java.nio.file.FileSystemException(jar.toString(), null, "it is a broken symbolic link");
        return jar;
    }

    /** A short reason for an I/O failure, in words (no Java class names). */
    public static String describe(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        if (e instanceof java.nio.file.NoSuchFileException) return "no such file or directory";
        if (e instanceof java.nio.file.FileAlreadyExistsException f) return f.getFile() + " is in the way (not a directory)";
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) return f.getReason();
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /**
     * A file entry stored without compression: the JVM then reads each class it loads straight
     * from the jar instead of inflating it, a few milliseconds of a compiled program's start-up
     * (the jar is about twice as large).
     */
    static JarEntry stored(String name, byte[] bytes) {
        JarEntry je = new JarEntry(name);
        je.setTime(ENTRY_TIME);
        je.setMethod(JarEntry.STORED);
        je.setSize(bytes.length);
        je.setCompressedSize(bytes.length);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(bytes);
        je.setCrc(crc.getValue());
        return je;
    }

    /** Writes only the generated classes of {@code program} as .class files under {@code dir}. */
    public static void writeClasses(CompiledProgram program, Path dir) throws IOException {
        for (var e : classEntries(program).entrySet()) {
            Path file = dir.resolve(e.getKey());
            Files.createDirectories(file.getParent());
            Files.write(file, e.getValue());
        }
    }

    /** The generated classes as jar entries ({@code a/b/C.class} -> bytes). */
    static Map<String, byte[]> classEntries(CompiledProgram program) {
        Map<String, byte[]> out = new TreeMap<>();
        for (var e : program.classes().entrySet()) {
            String name = e.getKey().replace('.', '/');
            if (name.endsWith("/class")) name = name.substring(0, name.length() - "/class".length());
            out.put(name + ".class", e.getValue());
        }
        return out;
    }

    /**
     * Every entry under {@link #RUNTIME_PREFIXES} in the class path roots that hold the runtime
     * and the stdlib (first occurrence wins).
     */
    public static Map<String, byte[]> runtimeEntries() throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        for (Path root : runtimeRoots()) {
            if (Files.isDirectory(root)) {
                Path license = root.resolve(LICENSE);
                if (Files.isRegularFile(license)) out.putIfAbsent(LICENSE, Files.readAllBytes(license));
                for (String prefix : RUNTIME_PREFIXES) {
                    Path base = root.resolve(prefix);
                    if (!Files.isDirectory(base)) continue;
                    try (Stream<Path> files = Files.walk(base)) {
                        for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                            String name = root.relativize(f).toString().replace(File.separatorChar, '/');
                            out.putIfAbsent(name, Files.readAllBytes(f));
                        }
                    }
                }
            } else if (Files.isRegularFile(root)) {
                try (JarFile jf = new JarFile(root.toFile())) {
                    Enumeration<JarEntry> en = jf.entries();
                    while (en.hasMoreElements()) {
                        JarEntry je = en.nextElement();
                        String name = je.getName();
                        if (je.isDirectory() || out.containsKey(name) || !underRuntime(name)) continue;
                        try (InputStream in = jf.getInputStream(je)) {
                            out.put(name, in.readAllBytes());
                        }
                    }
                }
            }
        }
        if (!out.containsKey("dev/ludus/runtime/Launcher.class")) {
            throw new IOException("cannot find the Ludus runtime classes (dev/ludus/runtime/Launcher.class) on the class path");
        }
        return out;
    }

    private static boolean underRuntime(String name) {
        if (name.equals(LICENSE)) return true;
        for (String p : RUNTIME_PREFIXES) if (name.startsWith(p)) return true;
        return false;
    }

    /**
     * Where the runtime and stdlib live: the code source of {@link Launcher}, every root holding
     * one of the prefixes as a resource, and (in case a jar has no directory entries) the
     * entries of java.class.path.
     */
    static List<Path> runtimeRoots() throws IOException {
        Set<Path> roots = new LinkedHashSet<>();
        CodeSource cs = Launcher.class.getProtectionDomain().getCodeSource();
        if (cs != null && cs.getLocation() != null) addUrl(roots, cs.getLocation(), "");
        ClassLoader cl = Launcher.class.getClassLoader();
        if (cl == null) cl = ClassLoader.getSystemClassLoader();
        for (String prefix : RUNTIME_PREFIXES) {
            String dir = prefix.substring(0, prefix.length() - 1);
            Enumeration<URL> urls = cl.getResources(dir);
            while (urls.hasMoreElements()) addUrl(roots, urls.nextElement(), dir);
        }
        String cp = System.getProperty("java.class.path", "");
        for (String entry : cp.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                try {
                    roots.add(Paths.get(entry).toAbsolutePath().normalize());
                } catch (RuntimeException ignored) {
                    // not a usable path
                }
            }
        }
        return new ArrayList<>(roots);
    }

    private static void addUrl(Set<Path> roots, URL url, String resource) {
        try {
            if ("jar".equals(url.getProtocol())) {
                var conn = (JarURLConnection) url.openConnection();
                conn.setUseCaches(false);
                roots.add(Paths.get(conn.getJarFileURL().toURI()).toAbsolutePath().normalize());
            } else if ("file".equals(url.getProtocol())) {
                Path p = Paths.get(url.toURI()).toAbsolutePath().normalize();
                for (int i = resource.isEmpty() ? 0 : resource.split("/").length; i > 0 && p != null; i--) p = p.getParent();
                if (p != null) roots.add(p);
            }
        } catch (IOException | URISyntaxException | RuntimeException ignored) {
            // an unusual class loader URL: the java.class.path scan may still find the classes
        }
    }
}
