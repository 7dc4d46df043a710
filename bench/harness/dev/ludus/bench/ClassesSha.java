package dev.ludus.bench;

import dev.ludus.compiler.CompiledProgram;
import dev.ludus.compiler.LudusCompiler;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prints "FILE CLASS SHA-1" for every class the compiler generates for each .ld file named on
 * stdin (see bench/classes-sha): two runs, before and after a refactor of code generation,
 * must print the same lines.
 */
public final class ClassesSha {
    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        int files = 0, failed = 0;
        for (String name; (name = in.readLine()) != null; ) {
            name = name.trim();
            if (name.isEmpty()) continue;
            files++;
            Path p = Path.of(name);
            try {
                CompiledProgram prog = LudusCompiler.compile(p, p.getFileName().toString());
                for (Map.Entry<String, byte[]> e : new TreeMap<>(prog.classes()).entrySet()) {
                    byte[] d = MessageDigest.getInstance("SHA-1").digest(e.getValue());
                    System.out.println(name + " " + e.getKey() + " " + HexFormat.of().formatHex(d));
                }
            } catch (Exception e) {
                failed++;
                System.out.println(name + " not compiled: " + e.getClass().getSimpleName());
            }
        }
        System.err.println(files + " files, " + failed + " not compiled");
    }
}
