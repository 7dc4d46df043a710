package dev.ludus.maven;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Pattern;

/**
 * The class name of each Ludus source file of a project. All files are compiled into one output
 * directory, so the name must depend on the file alone (not on which program it was compiled
 * in, unlike the compiler's default "ludus.M<i>_<file>") and be distinct for distinct files:
 * {@code src/main/ludus/util/text-io.ld} becomes {@code <prefix>.util.M_text$002dio}.
 * Every path segment keeps {@code [A-Za-z0-9_]} and writes any other character as {@code $}
 * plus four hex digits (UTF-16 unit), so the mapping is injective and case-preserving.
 * Files imported from outside the source directory get {@code <prefix>.$ext.M_<name>_<hash of
 * their canonical path>}: no escaped segment can be {@code $ext}, so those never clash.
 */
public final class ClassNames {
    private ClassNames() {}

    private static final Pattern PACKAGE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");

    /** Throws IllegalArgumentException unless {@code prefix} is a dotted Java package name. */
    public static String checkPrefix(String prefix) {
        if (prefix == null || !PACKAGE.matcher(prefix).matches()) {
            throw new IllegalArgumentException("invalid Ludus class package prefix '" + prefix
                    + "': expected a Java package name such as 'ludus' or 'com.example.game'");
        }
        return prefix;
    }

    /** The binary class name of the source at {@code relative} (to the source directory, '/'-separated). */
    public static String forSource(String prefix, String relative) {
        String[] parts = relative.split("/");
        StringBuilder b = new StringBuilder(prefix);
        for (int i = 0; i < parts.length - 1; i++) b.append('.').append(escape(parts[i]));
        return b.append(".M_").append(escape(stripLd(parts[parts.length - 1]))).toString();
    }

    /** The binary class name of a module imported from outside the source directory. */
    public static String forExternal(String prefix, Path canonical) {
        Path name = canonical.getFileName();
        String base = name == null ? "module" : stripLd(name.toString());
        return prefix + ".$ext.M_" + escape(base) + "_" + hash(canonical.toString());
    }

    static String stripLd(String file) {
        return file.endsWith(".ld") && file.length() > 3 ? file.substring(0, file.length() - 3) : file;
    }

    static String escape(String segment) {
        StringBuilder b = new StringBuilder(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_') {
                b.append(c);
            } else {
                b.append('$').append(String.format("%04x", (int) c));
            }
        }
        return b.toString();
    }

    private static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < 8; i++) b.append(String.format("%02x", d[i] & 0xff));
            return b.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JVM has SHA-256
        }
    }

    /** The {@code .class} file of a binary class name, relative to an output directory ('/'-separated). */
    public static String classFile(String binaryName) {
        return binaryName.replace('.', '/') + ".class";
    }
}
