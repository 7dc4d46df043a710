package dev.ludus.maven;

import dev.ludus.compiler.BigStack;
import dev.ludus.compiler.CompiledProgram;
import dev.ludus.compiler.LudusCompiler;
import dev.ludus.compiler.diagnostic.CompileErrors;
import dev.ludus.compiler.diagnostic.Diagnostic;
import dev.ludus.compiler.resolve.Module;
import dev.ludus.compiler.resolve.Program;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Compiles every .ld file under a source directory into class files in an output directory,
 * recompiling only what is stale. Each source file is compiled as the main module of its own
 * program (so every module class has a {@code main} and can start a runnable jar) under the
 * per-file names of {@link ClassNames}; a program's other modules are not written from it when
 * they are sources themselves (they are compiled on their own), only when they are imported
 * from outside the source directory.
 *
 * <p>A source is stale when it has no record in the {@link CompileState}, when one of its class
 * files is missing or older than it, or when any file of its program (itself or anything it
 * imports, transitively) has a different modification time than when it was compiled: an
 * importer depends on what the imported file exports (`use`, static checks), so it is
 * recompiled with it. Class files of sources that were deleted or that no longer compile are
 * removed, so a stale class is never left to run.
 */
final class IncrementalCompiler {
    /** What a compile did: sources compiled (relative names), how many were up to date, and the errors (deduplicated, in order). */
    record Result(List<String> compiled, int upToDate, List<Diagnostic> errors, List<String> failed) {}

    private final Path baseDir;
    private final Path sourceDir;
    private final Path outputDir;
    private final Path stateFile;
    private final String prefix;
    private final Consumer<String> info;

    IncrementalCompiler(Path baseDir, Path sourceDir, Path outputDir, Path stateFile, String prefix, Consumer<String> info) {
        this.baseDir = baseDir;
        this.sourceDir = sourceDir;
        this.outputDir = outputDir;
        this.stateFile = stateFile;
        this.prefix = ClassNames.checkPrefix(prefix);
        this.info = info;
    }

    Result compile() throws IOException, InterruptedException {
        Map<String, Path> sources = new TreeMap<>();
        Map<Path, String> ownByCanonical = new HashMap<>();
        Map<Path, Long> mtimes = new HashMap<>(); // taken before compiling: an edit made meanwhile shows up next time
        for (Path f : SourceFiles.find(sourceDir, true)) {
            String rel = SourceFiles.relative(sourceDir, f);
            Path canon = f.toRealPath();
            sources.put(rel, f);
            ownByCanonical.put(canon, rel);
            mtimes.put(canon, Files.getLastModifiedTime(canon).toMillis());
        }

        String config = fingerprint();
        CompileState old = CompileState.read(stateFile);
        Set<String> orphans = new LinkedHashSet<>(); // class files that may have lost their source
        if (!old.config.equals(config)) {
            for (var e : old.sources.values()) orphans.addAll(e.outputs());
            old = new CompileState(config, new TreeMap<>());
        }
        Map<String, CompileState.Entry> next = new TreeMap<>();
        List<String> stale = new ArrayList<>();
        for (var e : old.sources.entrySet()) {
            if (!sources.containsKey(e.getKey())) orphans.addAll(e.getValue().outputs());
        }
        for (var s : sources.entrySet()) {
            CompileState.Entry entry = old.sources.get(s.getKey());
            if (entry != null && upToDate(s.getValue(), entry)) {
                next.put(s.getKey(), entry);
            } else {
                stale.add(s.getKey());
                if (entry != null) orphans.addAll(entry.outputs());
            }
        }

        List<Diagnostic> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<String> failed = new ArrayList<>();
        if (!stale.isEmpty()) {
            info.accept("Compiling " + stale.size() + " Ludus source file" + (stale.size() == 1 ? "" : "s")
                    + " to " + SourceFiles.relative(baseDir, outputDir)
                    + (next.isEmpty() ? "" : " (" + next.size() + " up to date)"));
        }
        for (String rel : stale) {
            Path file = sources.get(rel);
            try {
                Program program = BigStack.call("ludus-compile", () -> LudusCompiler.analyse(file, SourceFiles.relative(baseDir, file)));
                next.put(rel, write(program, ownByCanonical, mtimes));
            } catch (CompileErrors e) {
                failed.add(rel);
                for (Diagnostic d : e.diagnostics()) {
                    // an error in an imported file is found again by each importer: report it once
                    if (seen.add(Diagnostics.format(d))) errors.add(d);
                }
                continue;
            } catch (IOException | RuntimeException | InterruptedException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        Set<String> owned = new HashSet<>();
        for (var e : next.values()) owned.addAll(e.outputs());
        for (String o : orphans) {
            if (!owned.contains(o)) Files.deleteIfExists(outputDir.resolve(o));
        }
        new CompileState(config, next).write(stateFile);
        return new Result(stale.stream().filter(r -> !failed.contains(r)).toList(), sources.size() - stale.size(), errors, failed);
    }

    /** Emits a program whose main module is a source, writes its class files, returns its state entry. */
    private CompileState.Entry write(Program program, Map<Path, String> own, Map<Path, Long> mtimes)
            throws IOException, CompileErrors {
        CompiledProgram compiled = LudusCompiler.emit(program, (mod, i) -> className(mod, own));
        List<String> outputs = new ArrayList<>();
        Map<Path, Long> deps = new LinkedHashMap<>();
        for (Module mod : program.modules()) {
            Path p = mod.source().path();
            boolean isOwnSource = own.containsKey(p);
            deps.put(p, isOwnSource ? mtimes.get(p) : Files.getLastModifiedTime(p).toMillis());
            if (mod == program.main() || !isOwnSource) {
                String name = className(mod, own);
                for (var c : compiled.classes().entrySet()) {
                    // the module's class and, for a large module, its part classes (name$1, name$2, ...)
                    if (!c.getKey().equals(name) && !c.getKey().matches(java.util.regex.Pattern.quote(name) + "\\$\\d+")) continue;
                    String rel = ClassNames.classFile(c.getKey());
                    Path out = outputDir.resolve(rel);
                    Files.createDirectories(out.getParent());
                    Files.write(out, c.getValue());
                    outputs.add(rel);
                }
            }
        }
        return new CompileState.Entry(outputs, deps);
    }

    private String className(Module mod, Map<Path, String> own) {
        String rel = own.get(mod.source().path());
        return rel != null ? ClassNames.forSource(prefix, rel) : ClassNames.forExternal(prefix, mod.source().path());
    }

    private boolean upToDate(Path source, CompileState.Entry entry) throws IOException {
        if (entry.outputs().isEmpty() || entry.deps().isEmpty()) return false;
        if (!entry.deps().containsKey(source.toRealPath())) return false;
        for (var d : entry.deps().entrySet()) {
            if (!Files.exists(d.getKey()) || Files.getLastModifiedTime(d.getKey()).toMillis() != d.getValue()) return false;
        }
        long sourceTime = Files.getLastModifiedTime(source).toMillis();
        for (String o : entry.outputs()) {
            Path out = outputDir.resolve(o);
            if (!Files.isRegularFile(out) || Files.getLastModifiedTime(out).toMillis() < sourceTime) return false;
        }
        return true;
    }

    /**
     * Settings and compiler identity: a different package prefix or a rebuilt compiler/plugin jar
     * (e.g. a new SNAPSHOT) makes every class stale.
     */
    private String fingerprint() {
        return "prefix=" + prefix + ";compiler=" + stamp(LudusCompiler.class) + ";plugin=" + stamp(IncrementalCompiler.class);
    }

    private static String stamp(Class<?> c) {
        try {
            CodeSource cs = c.getProtectionDomain().getCodeSource();
            if (cs == null || cs.getLocation() == null) return "?";
            Path p = Path.of(cs.getLocation().toURI());
            if (Files.isDirectory(p)) return p.toString();
            return p + "@" + Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis();
        } catch (Exception e) {
            return "?";
        }
    }
}
