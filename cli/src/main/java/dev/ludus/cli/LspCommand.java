package dev.ludus.cli;

import dev.ludus.lsp.LudusLanguageServer;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "lsp", description = {
        "Run the Ludus language server (Language Server Protocol over standard input and output).",
        "Editors start it themselves: see README.md (VS Code, Neovim, Emacs, Helix)."})
final class LspCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Override
    public Integer call() throws InterruptedException {
        PrintStream protocol = main.out;
        // standard output carries the protocol only: anything else printed goes to stderr
        PrintStream previous = System.out;
        System.setOut(main.err);
        try {
            return LudusLanguageServer.run(main.in, protocol);
        } finally {
            System.setOut(previous);
        }
    }
}
