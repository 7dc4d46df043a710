package dev.ludus.compiler.resolve;

import dev.ludus.compiler.diagnostic.CompileErrors;
import dev.ludus.compiler.diagnostic.Diagnostic;
import dev.ludus.compiler.syntax.Ast;
import dev.ludus.compiler.syntax.SourceText;
import dev.ludus.compiler.syntax.Span;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The resolver stage (spec §4, §11, §13): loads the main file and its imports, builds the scopes,
 * resolves every name use and performs every static check. Entry points: {@link #analyse}.
 */
public final class Resolver {
    private final ScriptParser parser;
    /** Modules analysed so far, by canonical path. */
    private final Map<Path, Module> loaded = new HashMap<>();
    /** Dependencies first, main last (post-order). */
    private final List<Module> order = new ArrayList<>();
    /** Files whose analysis is in progress (for cycle detection), outermost first. */
    private final List<InProgress> stack = new ArrayList<>();

    private record InProgress(Path path, String displayName) {}

    /** What an import produced: the module (null if it could not be loaded) and errors to report at the import. */
    record ImportOutcome(Module module, List<Diagnostic> diagnostics) {}

    /** A lexical/syntax error ends the whole analysis (§11): carried out of the traversal unchecked. */
    static final class Fatal extends RuntimeException {
        final CompileErrors errors;
        Fatal(CompileErrors errors) {
            super(null, null, false, false);
            this.errors = errors;
        }
    }

    /** Which files may be imported. */
    private final ImportPolicy policy;

    private Resolver(ScriptParser parser, ImportPolicy policy) {
        this.parser = parser;
        this.policy = policy;
    }

    /**
     * Parses and resolves {@code main} and everything it imports.
     * @throws CompileErrors the first lexical/syntax error, or every static error (source order, at most 20)
     */
    public static Program analyse(SourceText main, ScriptParser parser) throws CompileErrors {
        return analyse(main, parser, List.of());
    }

    /**
     * As {@link #analyse(SourceText, ScriptParser)} for a REPL entry: {@code session} names (bound
     * by earlier entries) are visible to {@code main} (not to its imports) between the prelude and
     * its toplevel scope.
     */
    public static Program analyse(SourceText main, ScriptParser parser, List<SessionName> session) throws CompileErrors {
        return analyse(main, parser, session, ImportPolicy.ANY);
    }

    /** As {@link #analyse(SourceText, ScriptParser, List)}, importing only what {@code policy} allows. */
    public static Program analyse(SourceText main, ScriptParser parser, List<SessionName> session, ImportPolicy policy)
            throws CompileErrors {
        Resolver r = new Resolver(parser, policy);
        List<Diagnostic> errors;
        try {
            Path canon = main.path();
            if (canon != null) {
                try { canon = canon.toRealPath(); } catch (IOException e) { /* keep as given */ }
                main = new SourceText(main.displayName(), canon, main.text());
            }
            errors = r.analyseModule(main, session);
        } catch (Fatal f) {
            throw f.errors;
        }
        if (!errors.isEmpty()) throw new CompileErrors(errors);
        return new Program(List.copyOf(r.order));
    }

    /**
     * For editors: the analysis of {@code main} as far as it goes. {@code program} is null when a
     * lexical or syntax error ended it (then {@code errors} holds that one error, possibly in an
     * imported file); otherwise it holds every module, resolved even when {@code errors} (the
     * static errors, as {@link #analyse} would throw them) is not empty.
     */
    public record Analysis(Program program, List<Diagnostic> errors) {}

    public static Analysis analyseForTools(SourceText main, ScriptParser parser) {
        Resolver r = new Resolver(parser, ImportPolicy.ANY);
        Path canon = main.path();
        if (canon != null) {
            try { canon = canon.toRealPath(); } catch (IOException e) { /* keep as given */ }
            main = new SourceText(main.displayName(), canon, main.text());
        }
        try {
            List<Diagnostic> errors = r.analyseModule(main, List.of());
            List<Diagnostic> kept = errors.size() > CompileErrors.MAX ? errors.subList(0, CompileErrors.MAX) : errors;
            return new Analysis(new Program(List.copyOf(r.order)), List.copyOf(kept));
        } catch (Fatal f) {
            return new Analysis(null, f.errors.diagnostics());
        }
    }

    /** Reads {@code file} (UTF-8) and analyses it; {@code displayName} is the name used in reports. */
    public static Program analyse(Path file, String displayName, ScriptParser parser) throws CompileErrors, IOException {
        Path canon;
        try {
            canon = file.toRealPath();
        } catch (IOException e) {
            canon = file.toAbsolutePath().normalize(); // e.g. /dev/stdin: readable, but no real path
        }
        String text = decodeUtf8(SourceFiles.read(canon), displayName, canon);
        return analyse(new SourceText(displayName, canon, text), parser);
    }

    /** Source files are UTF-8 (spec §1): anything else is a compile error at the first bad byte. */
    private static String decodeUtf8(byte[] bytes, String displayName, Path path) throws CompileErrors {
        java.nio.charset.CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        java.nio.charset.CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            decoder.flush(out);
            return out.flip().toString();
        }
        String before = out.flip().toString();
        int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
        String lastLine = before.substring(before.lastIndexOf('\n') + 1);
        int col = lastLine.codePointCount(0, lastLine.length()) + 1;
        SourceText lenient = new SourceText(displayName, path, new String(bytes, StandardCharsets.UTF_8));
        throw new CompileErrors(List.of(new Diagnostic(lenient, new dev.ludus.compiler.syntax.Span(displayName, line, col, line, col + 1),
                "this file is not valid UTF-8 text")));
    }

    /** Parses and resolves one file; returns its static errors (including those of its imports), sorted. */
    private List<Diagnostic> analyseModule(SourceText src, List<SessionName> session) {
        stack.add(new InProgress(src.path(), src.displayName()));
        Ast.Script script;
        try {
            script = parser.parse(src);
        } catch (CompileErrors e) {
            throw new Fatal(e);
        }
        ModuleResolver mr = new ModuleResolver(this, src, script, session);
        mr.run();
        stack.remove(stack.size() - 1);
        Module m = new Module(src, script, mr.resolution, mr.exports);
        if (src.path() != null) loaded.put(src.path(), m);
        order.add(m);
        lastModule = m;
        return mr.diagnostics();
    }

    private Module lastModule;

    /** Loads the module named by {@code imp} in the file {@code importer} (spec §13). */
    ImportOutcome importModule(Ast.Import imp, SourceText importer) {
        Span at = ModuleResolver.head(imp.span(), "import".length());
        String written = imp.path();
        Path base = importer.path() != null && importer.path().getParent() != null
                ? importer.path().getParent() : Path.of("").toAbsolutePath();
        Path canon;
        String text;
        String displayRel = written;
        try {
            Path p = base.resolve(written);
            String refusal = policy.refuse(p);
            if (refusal != null) return refused(importer, at, refusal);
            if (!Files.exists(p) && !hasExtension(written)) {
                p = base.resolve(written + ".ld");
                displayRel = written + ".ld";
            }
            canon = p.toRealPath();
            refusal = policy.refuse(canon);
            if (refusal != null) return refused(importer, at, refusal);
            if (!Files.isRegularFile(canon)) {
                // a directory, a device such as /dev/zero, a pipe: never read (issue 12)
                String why = Files.isDirectory(canon) ? "it is a directory" : "it is not a regular file";
                return new ImportOutcome(null, List.of(new Diagnostic(importer, at,
                        "cannot read import \"" + written + "\": " + why, ResolveHints.IMPORT_PATH)));
            }
            text = loaded.containsKey(canon) ? null
                    : StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(SourceFiles.read(canon))).toString();
        } catch (SourceFiles.TooLarge e) {
            return new ImportOutcome(null, List.of(new Diagnostic(importer, at,
                    "cannot read import \"" + written + "\": " + e.getMessage(), ResolveHints.IMPORT_PATH)));
        } catch (IOException | InvalidPathException | java.io.UncheckedIOException e) {
            return new ImportOutcome(null, List.of(new Diagnostic(importer, at, "cannot read import \"" + written + "\"",
                    ResolveHints.IMPORT_PATH)));
        }
        for (int i = 0; i < stack.size(); i++) {
            if (canon.equals(stack.get(i).path())) {
                StringBuilder msg = new StringBuilder("import cycle: ");
                for (int j = i; j < stack.size(); j++) msg.append(stack.get(j).displayName()).append(" -> ");
                msg.append(stack.get(i).displayName());
                return new ImportOutcome(null, List.of(new Diagnostic(importer, at, msg.toString(), ResolveHints.IMPORT_CYCLE)));
            }
        }
        Module done = loaded.get(canon);
        if (done != null) return new ImportOutcome(done, List.of());
        List<Diagnostic> errors = analyseModule(new SourceText(displayName(importer.displayName(), displayRel), canon, text),
                List.of());
        return new ImportOutcome(lastModule, errors);
    }

    private static ImportOutcome refused(SourceText importer, Span at, String message) {
        return new ImportOutcome(null, List.of(new Diagnostic(importer, at, message)));
    }

    private static boolean hasExtension(String path) {
        String name = path;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        if (slash >= 0) name = name.substring(slash + 1);
        return name.indexOf('.') > 0;
    }

    /** The display name of an import: its path resolved against the importer's display path. */
    static String displayName(String importerDisplay, String written) {
        try {
            Path w = Path.of(written);
            if (w.isAbsolute()) return w.normalize().toString();
            Path parent = Path.of(importerDisplay).getParent();
            return (parent == null ? w : parent.resolve(w)).normalize().toString();
        } catch (InvalidPathException e) {
            return written;
        }
    }
}
