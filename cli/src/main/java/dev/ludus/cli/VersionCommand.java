package dev.ludus.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "version", description = "Print the version and exit.", footer = {"", "Example:", "  ludus version"})
final class VersionCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Override
    public Integer call() {
        main.out.println(Version.line());
        return Main.EXIT_OK;
    }
}
