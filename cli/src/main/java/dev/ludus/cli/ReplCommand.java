package dev.ludus.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "repl", description = "Interactive Ludus (not implemented yet).")
final class ReplCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Override
    public Integer call() {
        main.err.println("ludus: 'ludus repl' is not implemented yet");
        return Main.EXIT_USAGE;
    }
}
