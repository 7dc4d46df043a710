package dev.ludus.cli;

import dev.ludus.compiler.CompiledProgram;
import dev.ludus.compiler.resolve.Program;
import dev.ludus.compiler.resolve.SourceFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The classes {@code ludus run FILE} generated for a program, kept between runs (as Python keeps
 * .pyc files): running an unchanged program again skips parsing, resolving and generating code,
 * in a fresh JVM the larger part of a small program's start-up. The launchers turn it on with
 * {@code -Dludus.compileCache=DIR} (beside their class-data archive; LUDUS_CDS=0 turns both off).
 *
 * <p>An entry is used only if everything the classes were made from is the same: the compiler
 * (this jar's path, size and time), the Java version, the file's path and display name, and its
 * exact bytes (kept in the entry and compared). Only programs without imports are kept (an
 * import's file is found through paths and links that an entry could not cheaply re-check).
 * Any problem with the cache (unreadable, corrupt, not writable) is a miss: it never changes
 * what a run prints.
 */
final class CompileCache {
    private static final int MAGIC = 0x4C554443; // "LUDC"
    private static final int FORMAT = 1;

    private final Path dir;
    private final String compilerId;

    CompileCache(Path dir, String compilerId) {
        this.dir = dir;
        this.compilerId = compilerId;
    }

    /** The cache the launcher asked for ({@code ludus.compileCache}), or null (not asked, or not running from a jar). */
    static CompileCache configured() {
        String d = System.getProperty("ludus.compileCache");
        if (d == null || d.isBlank()) return null;
        try {
            var source = CompileCache.class.getProtectionDomain().getCodeSource();
            if (source == null) return null;
            Path jar = Path.of(source.getLocation().toURI());
            if (!Files.isRegularFile(jar)) return null; // classes directories change without a trace in their path
            String id = jar.toAbsolutePath() + "|" + Files.size(jar) + "|" + Files.getLastModifiedTime(jar).toMillis();
            return new CompileCache(Path.of(d), id);
        } catch (Exception e) {
            return null;
        }
    }

    /** The program compiled earlier from exactly this file, or null. */
    CompiledProgram lookup(Path file, String displayName) {
        try {
            Path entry = entryFor(file, displayName);
            if (!Files.isRegularFile(entry)) return null;
            byte[] source = SourceFiles.read(file);
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(entry)))) {
                if (in.readInt() != MAGIC || in.readInt() != FORMAT) return null;
                if (!in.readUTF().equals(compilerId) || in.readInt() != Runtime.version().feature()) return null;
                if (!in.readUTF().equals(file.toString()) || !in.readUTF().equals(displayName)) return null;
                if (!in.readUTF().equals(file.toRealPath().toString())) return null;
                byte[] kept = new byte[in.readInt()];
                in.readFully(kept);
                if (!Arrays.equals(kept, source)) return null;
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
                return new CompiledProgram(classes, mainClass);
            }
        } catch (Exception e) {
            return null;
        }
    }

    /**
     * Keeps {@code compiled}, made from {@code program} (read from {@code file}), if it can be
     * re-checked later: one module, whose file still holds the text that was compiled.
     */
    void store(Path file, String displayName, Program program, CompiledProgram compiled) {
        try {
            if (program.modules().size() != 1) return;
            String compiledText = program.main().source().text();
            byte[] source = SourceFiles.read(file);
            if (!compiledText.equals(stripBom(strictUtf8(source)))) return; // changed while compiling
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(8192);
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeInt(MAGIC);
                out.writeInt(FORMAT);
                out.writeUTF(compilerId);
                out.writeInt(Runtime.version().feature());
                out.writeUTF(file.toString());
                out.writeUTF(displayName);
                out.writeUTF(file.toRealPath().toString());
                out.writeInt(source.length);
                out.write(source);
                out.writeUTF(compiled.mainClass());
                out.writeInt(compiled.classes().size());
                for (var c : compiled.classes().entrySet()) {
                    out.writeUTF(c.getKey());
                    out.writeInt(c.getValue().length);
                    out.write(c.getValue());
                }
            }
            Files.createDirectories(dir);
            Path entry = entryFor(file, displayName);
            // written under a name of its own, then moved into place: a run at the same time never reads half an entry
            Path tmp = dir.resolve("." + entry.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
            Files.write(tmp, bytes.toByteArray());
            try {
                Files.move(tmp, entry, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, entry, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (Exception | StackOverflowError e) {
            // not kept: the next run compiles again
        }
    }

    /** One entry per file and display name (a changed file replaces its entry). */
    Path entryFor(Path file, String displayName) {
        long h = 0xcbf29ce484222325L; // FNV-1a, 64 bits: a file name, not a check (the entry holds the full key)
        for (byte b : (file.toAbsolutePath() + "\0" + displayName).getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return dir.resolve("ludus-" + Long.toHexString(h) + ".classes");
    }

    private static String strictUtf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }
}
