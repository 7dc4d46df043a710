package dev.ludus.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

// TODO(spec §12.3): needs code generator support for running `test` forms.
@Command(name = "test", description = "Run the tests of a Ludus file (not implemented yet).")
final class TestCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(paramLabel = "FILE", description = "The Ludus file.")
    String file;

    @Override
    public Integer call() {
        main.err.println("ludus: 'ludus test' is not implemented yet");
        return Main.EXIT_USAGE;
    }
}
