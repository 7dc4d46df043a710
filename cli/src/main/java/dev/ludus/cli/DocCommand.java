package dev.ludus.cli;

import dev.ludus.compiler.diagnostic.CompileErrors;
import dev.ludus.compiler.emit.PatternText;
import dev.ludus.compiler.syntax.Ast;
import dev.ludus.compiler.syntax.LudusParser;
import dev.ludus.compiler.syntax.SourceText;
import dev.ludus.runtime.prelude.Prelude;
import dev.ludus.runtime.value.LFn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "doc", description = {
        "Show the documentation of a prelude function, or of a function in your own file.",
        "An entry is the function's name, its docstring and its clause patterns, as `doc!` prints them. Without NAME, lists every prelude name."},
        footer = {"", "Examples:", "  ludus doc join", "  ludus doc greet --in hello.ld", "  ludus doc", "", Main.EXIT_STATUS})
final class DocCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(paramLabel = "NAME", arity = "0..1", description = "The function to describe.")
    String name;

    @Option(names = "--in", paramLabel = "FILE", description = "Look NAME up among the top-level functions of FILE (not run, only read).")
    Path file;

    @Option(names = "--markdown", description = "Print the whole prelude reference as Markdown (the build writes docs/prelude-reference.md with it).")
    boolean markdown;

    @Override
    public Integer call() {
        if (markdown) {
            main.out.print(PreludeReference.markdown());
            return Main.EXIT_OK;
        }
        if (name == null) {
            main.out.print(PreludeReference.index());
            return Main.EXIT_OK;
        }
        if (file != null) return userFunction();
        Object v = Prelude.get(name);
        if (v instanceof LFn fn) {
            main.out.print(PreludeReference.entry(fn) + "\n");
            return Main.EXIT_OK;
        }
        if (v != null) {
            main.out.print(name + " is a prelude value, not a function\n");
            return Main.EXIT_OK;
        }
        String near = dev.ludus.runtime.diag.Suggest.closest(name, Prelude.names());
        throw new Main.UserError("no prelude function named " + name
                + (near == null ? "" : " (did you mean " + near + "?)")
                + "; `ludus doc` lists them all, `ludus doc NAME --in FILE` looks in your file");
    }

    /** A top-level {@code fn NAME} of the file: its docstring and clause patterns, read from the syntax tree. */
    private int userFunction() {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Main.UserError("cannot read " + file + ": " + (Files.exists(file) ? e.getMessage() : "no such file"));
        }
        Ast.Script script;
        try {
            script = LudusParser.parse(new SourceText(file.toString(), file.toAbsolutePath(), text));
        } catch (CompileErrors e) {
            return ProgramRunner.reportCompileErrors(e, main.out, main.err);
        }
        List<String> fns = new ArrayList<>();
        for (Ast.Expr e : script.body()) {
            if (e instanceof Ast.FnDef f) {
                if (f.name().equals(name)) {
                    StringBuilder sb = new StringBuilder(f.name()).append('\n').append(f.doc() == null ? "" : f.doc());
                    for (Ast.Clause c : f.clauses()) sb.append('\n').append(PatternText.show(c.pattern()));
                    main.out.print(sb.append('\n'));
                    return Main.EXIT_OK;
                }
                fns.add(f.name());
            }
        }
        throw new Main.UserError("no top-level function " + name + " in " + file
                + (fns.isEmpty() ? "" : " (its functions: " + String.join(", ", fns) + ")"));
    }
}
