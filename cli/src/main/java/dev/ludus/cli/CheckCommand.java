package dev.ludus.cli;

import dev.ludus.compiler.diagnostic.CompileErrors;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "check", description = {
        "Look for errors in Ludus files without running them.",
        "Reports syntax errors, unbound names and other mistakes found before a program runs. A directory means every .ld file below it."}, footer = {"", "Examples:", "  ludus check examples/*.ld", "  ludus check src", "", Main.EXIT_STATUS})
final class CheckCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "The files or directories to check (`-` reads standard input).")
    List<String> files;

    @Override
    public Integer call() {
        int status = Main.EXIT_OK;
        for (String f : SourceArgs.expand(files)) {
            try (SourceInput in = SourceInput.open(f, main.in)) {
                try {
                    ProgramRunner.analyse(in.path(), in.displayName());
                    main.err.println(in.displayName() + ": ok");
                } catch (CompileErrors e) {
                    ProgramRunner.reportCompileErrors(e, main.out, main.err);
                    status = Math.max(status, Main.EXIT_ERROR);
                } catch (Exception | LinkageError | StackOverflowError | OutOfMemoryError e) {
                    int s = ProgramRunner.compileFailed(e, in.displayName(), main.out, main.err);
                    status = Math.max(status, s);
                }
            } catch (Main.UserError e) {
                main.err.println("ludus: " + e.getMessage());
                status = Main.EXIT_USAGE;
            }
        }
        return status;
    }
}
