package dev.ludus.cli;

import dev.ludus.compiler.CompiledProgram;
import dev.ludus.compiler.analyse.AstWalk;
import dev.ludus.compiler.resolve.Module;
import dev.ludus.compiler.resolve.Program;
import dev.ludus.compiler.resolve.SourceFiles;
import dev.ludus.compiler.syntax.Ast;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * The classes {@code ludus run FILE} generated for a program, kept between runs (as Python keeps
 * .pyc files): running an unchanged program again skips parsing, resolving, analysing and
 * generating code, in a fresh JVM the larger part of a small program's start-up. The launchers
 * turn it on with {@code -Dludus.compileCache=DIR} (the user's cache directory); {@code run
 * --no-cache}, LUDUS_COMPILE_CACHE=0 or LUDUS_CDS=0 turn it off.
 *
 * <p>An entry is used only if everything the classes were made from is the same: the compiler
 * (this jar's path, size and time), the Java version, the options that change code generation,
 * the file's path and display name, the exact bytes of the file and of every file it imports
 * (kept in the entry and compared), and where each import resolves to now. The entry's payload
 * carries a CRC-32 checked on load. The directory is the user's own (created 0700; one that
 * others may write to is not used), entries are written to a temporary file and moved into
 * place, and the directory is pruned to {@link #MAX_BYTES}, least recently used first. Any
 * problem with the cache is a miss: it never changes what a run prints.
 */
final class CompileCache {
    private static final int MAGIC = 0x4C554443; // "LUDC"
    private static final int FORMAT = 2;
    /** The most the directory keeps; pruning leaves three quarters of it. */
    static final long MAX_BYTES = 64L << 20;
    private static final String PREFIX = "ludus-";
    private static final String SUFFIX = ".classes";

    private final Path dir;
    private final String compilerId;
    private final long maxBytes;

    CompileCache(Path dir, String compilerId) {
        this(dir, compilerId, MAX_BYTES);
    }

    CompileCache(Path dir, String compilerId, long maxBytes) {
        this.dir = dir;
        // the options that change the generated code are part of the compiler's identity
        this.compilerId = compilerId + "|java " + Runtime.version().feature() + "|poll " + System.getProperty("ludus.poll", "");
        this.maxBytes = maxBytes;
    }

    /**
     * The cache the launcher asked for ({@code ludus.compileCache}), or null: not asked,
     * LUDUS_COMPILE_CACHE=0, or not running from a jar.
     */
    static CompileCache configured() {
        try {
            return configured(System.getProperty("ludus.compileCache"), System.getenv("LUDUS_COMPILE_CACHE"),
                    compilerJar(CompileCache.class, System.getProperty("java.class.path", "")));
        } catch (Exception e) {
            return null;
        }
    }

    /**
     * The jar {@code c} was loaded from, or null: its code source; for a class of the boot loader
     * (which has none), where the launchers put the jar (-Xbootclasspath/a, the same jar alone on
     * -cp), the class path {@code cp} if it is one file.
     */
    static Path compilerJar(Class<?> c, String cp) throws java.net.URISyntaxException {
        var source = c.getProtectionDomain().getCodeSource();
        if (source != null) return source.getLocation() == null ? null : Path.of(source.getLocation().toURI());
        if (c.getClassLoader() != null || cp.isEmpty() || cp.contains(java.io.File.pathSeparator)) return null;
        return Path.of(cp);
    }

    /** The cache in {@code dir} for the compiler in {@code jar}, unless {@code env} (LUDUS_COMPILE_CACHE) is 0. */
    static CompileCache configured(String dir, String env, Path jar) {
        if (dir == null || dir.isBlank() || "0".equals(env) || jar == null) return null;
        try {
            if (!Files.isRegularFile(jar)) return null; // classes directories change without a trace in their path
            String id = jar.toAbsolutePath() + "|" + Files.size(jar) + "|" + Files.getLastModifiedTime(jar).toMillis();
            return new CompileCache(Path.of(dir), id);
        } catch (Exception e) {
            return null;
        }
    }

    /** The program compiled earlier from exactly this file and its imports, or null. */
    CompiledProgram lookup(Path file, String displayName) {
        try {
            Path entry = entryFor(file, displayName);
            // a pipe or device is never read twice (nor kept: see store)
            if (!Files.isRegularFile(file) || !Files.isRegularFile(entry) || !private_(dir)) return null;
            DataInputStream in = payload(readAll(entry, Integer.MAX_VALUE - 16));
            if (in == null) return null;
            if (!in.readUTF().equals(compilerId)) return null;
            if (!in.readUTF().equals(file.toString()) || !in.readUTF().equals(displayName)) return null;
            int modules = in.readInt();
            String[] paths = new String[modules];
            for (int i = 0; i < modules; i++) {
                paths[i] = in.readUTF();
                byte[] kept = new byte[in.readInt()];
                in.readFully(kept);
                Path p = i == modules - 1 ? file.toRealPath() : Path.of(paths[i]);
                if (!p.toString().equals(paths[i]) || !Files.isRegularFile(p)) return null; // never block on a pipe
                if (!Arrays.equals(kept, readAll(p, kept.length + 1))) return null;
            }
            int imports = in.readInt();
            for (int i = 0; i < imports; i++) {
                Path importer = Path.of(in.readUTF());
                String written = in.readUTF();
                String resolved = in.readUTF();
                if (!resolved.equals(resolveImport(importer, written))) return null;
            }
            String mainClass = in.readUTF();
            int n = in.readInt();
            Map<String, byte[]> classes = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) {
                String name = in.readUTF();
                byte[] bytes = new byte[in.readInt()];
                in.readFully(bytes);
                classes.put(name, bytes);
            }
            if (!classes.containsKey(mainClass)) return null;
            // used: pruned last (java.io.File's call, not Files.setLastModifiedTime: on Java 17 that spins a lambda)
            entry.toFile().setLastModified(System.currentTimeMillis());
            return new CompiledProgram(classes, mainClass);
        } catch (Exception | StackOverflowError e) {
            return null;
        }
    }

    /**
     * At most {@code max} bytes of the file (java.io's stream: on the path of every hit, and
     * cheaper to start than the channels of Files.readAllBytes).
     */
    private static byte[] readAll(Path p, int max) throws IOException {
        try (java.io.FileInputStream in = new java.io.FileInputStream(p.toFile())) {
            return in.readNBytes(max);
        }
    }

    /** The entry's payload after its header and checksum were checked, or null. */
    private static DataInputStream payload(byte[] entry) throws IOException {
        if (entry.length < 16) return null;
        DataInputStream head = new DataInputStream(new ByteArrayInputStream(entry, 0, 16));
        if (head.readInt() != MAGIC || head.readInt() != FORMAT) return null;
        int length = head.readInt();
        int crc = head.readInt();
        if (length != entry.length - 16) return null;
        CRC32 c = new CRC32();
        c.update(entry, 16, length);
        if ((int) c.getValue() != crc) return null;
        return new DataInputStream(new ByteArrayInputStream(entry, 16, length));
    }

    /**
     * Where {@code import "written"} in the file {@code importer} resolves to now, as the
     * resolver finds it (the file as written, else with {@code .ld}), or null.
     */
    static String resolveImport(Path importer, String written) {
        try {
            Path base = importer.getParent() != null ? importer.getParent() : Path.of("").toAbsolutePath();
            Path p = base.resolve(written);
            if (!Files.exists(p) && !hasExtension(written)) p = base.resolve(written + ".ld");
            Path canon = p.toRealPath();
            return Files.isRegularFile(canon) ? canon.toString() : null;
        } catch (Exception e) {
            return null;
        }
    }

    /** As the resolver's: the last path segment has a dot. */
    private static boolean hasExtension(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(slash + 1).indexOf('.') >= 0;
    }

    /**
     * Keeps {@code compiled}, made from {@code program} (read from {@code file}), if it can be
     * re-checked later: every module's file still holds the text that was compiled.
     */
    void store(Path file, String displayName, Program program, CompiledProgram compiled) {
        try {
            List<Module> modules = program.modules();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeUTF(compilerId);
                out.writeUTF(file.toString());
                out.writeUTF(displayName);
                out.writeInt(modules.size());
                for (Module m : modules) {
                    Path p = m.source().path();
                    if (p == null || !Files.isRegularFile(p)) return; // a pipe would not give its text again
                    byte[] source = SourceFiles.read(p);
                    String text = decodedText(source);
                    if (text == null || !(m.source().text().equals(text) || m.source().text().equals(withoutBom(text)))) {
                        return; // changed while compiling
                    }
                    out.writeUTF(p.toString());
                    out.writeInt(source.length);
                    out.write(source);
                }
                List<String[]> imports = new ArrayList<>();
                for (Module m : modules) {
                    for (Ast.Node n : AstWalk.nodes(m.script())) {
                        if (!(n instanceof Ast.Import imp)) continue;
                        String resolved = resolveImport(m.source().path(), imp.path());
                        if (resolved == null) return;
                        imports.add(new String[] {m.source().path().toString(), imp.path(), resolved});
                    }
                }
                out.writeInt(imports.size());
                for (String[] i : imports) {
                    out.writeUTF(i[0]);
                    out.writeUTF(i[1]);
                    out.writeUTF(i[2]);
                }
                out.writeUTF(compiled.mainClass());
                out.writeInt(compiled.classes().size());
                for (var c : compiled.classes().entrySet()) {
                    out.writeUTF(c.getKey());
                    out.writeInt(c.getValue().length);
                    out.write(c.getValue());
                }
            }
            byte[] payload = bytes.toByteArray();
            CRC32 crc = new CRC32();
            crc.update(payload, 0, payload.length);
            ByteArrayOutputStream whole = new ByteArrayOutputStream(payload.length + 16);
            try (DataOutputStream out = new DataOutputStream(whole)) {
                out.writeInt(MAGIC);
                out.writeInt(FORMAT);
                out.writeInt(payload.length);
                out.writeInt((int) crc.getValue());
                out.write(payload);
            }
            if (!makeDirectory()) return;
            Path entry = entryFor(file, displayName);
            // written under a name of its own (mode 0600), then moved into place: a run at the same time never reads half an entry
            Path tmp = Files.createTempFile(dir, ".entry-", ".tmp");
            try {
                Files.write(tmp, whole.toByteArray());
                try {
                    Files.move(tmp, entry, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, entry, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
            prune(entry);
        } catch (Exception | StackOverflowError e) {
            // not kept: the next run compiles again
        }
    }

    /** The bytes as strict UTF-8, or null. */
    private static String decodedText(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return null;
        }
    }

    private static String withoutBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    /** Creates the directory (0700 where files have POSIX modes); false if it is not the user's own. */
    private boolean makeDirectory() throws IOException {
        if (!Files.isDirectory(dir)) {
            if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(dir);
            }
        }
        return private_(dir);
    }

    /** Whether {@code d} is a directory only its owner, this user, can write to (always true without POSIX modes). */
    private static boolean private_(Path d) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(d, PosixFileAttributeView.class);
        if (view == null) return Files.isDirectory(d);
        PosixFileAttributes a = view.readAttributes();
        if (!a.isDirectory()) return false;
        Set<PosixFilePermission> p = a.permissions();
        if (p.contains(PosixFilePermission.GROUP_WRITE) || p.contains(PosixFilePermission.OTHERS_WRITE)) return false;
        String me = System.getProperty("user.name");
        return me == null || a.owner().getName().equals(me);
    }

    /**
     * Keeps the directory under {@code maxBytes}: when over, deletes entries least recently
     * used first (their time is touched on each hit) down to three quarters of it, never
     * {@code keep}; also removes temporary files an interrupted run left behind.
     */
    void prune(Path keep) throws IOException {
        List<Path> entries = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        List<Long> sizes = new ArrayList<>();
        long total = 0;
        long now = System.currentTimeMillis();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path p : ds) {
                String name = p.getFileName().toString();
                try {
                    long time = Files.getLastModifiedTime(p).toMillis();
                    if (name.startsWith(".entry-") && name.endsWith(".tmp")) {
                        if (now - time > 3_600_000L) Files.deleteIfExists(p);
                        continue;
                    }
                    if (!name.startsWith(PREFIX) || !name.endsWith(SUFFIX)) continue;
                    long size = Files.size(p);
                    total += size;
                    if (p.equals(keep)) continue;
                    int at = 0;
                    while (at < entries.size() && times.get(at) <= time) at++; // oldest first
                    entries.add(at, p);
                    times.add(at, time);
                    sizes.add(at, size);
                } catch (IOException e) {
                    // gone meanwhile
                }
            }
        }
        if (total <= maxBytes) return;
        long target = maxBytes / 4 * 3;
        for (int i = 0; i < entries.size() && total > target; i++) {
            Files.deleteIfExists(entries.get(i));
            total -= sizes.get(i);
        }
    }

    /**
     * One entry per file, display name and Java version (a changed file replaces its entry;
     * runs on Java 17 and 25 keep one each).
     */
    Path entryFor(Path file, String displayName) {
        long h = 0xcbf29ce484222325L; // FNV-1a, 64 bits: a file name, not a check (the entry holds the full key)
        for (byte b : (file.toAbsolutePath() + "\0" + displayName).getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return dir.resolve(PREFIX + Long.toHexString(h) + "-j" + Runtime.version().feature() + SUFFIX);
    }
}
