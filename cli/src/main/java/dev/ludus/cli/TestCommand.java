package dev.ludus.cli;

import dev.ludus.runtime.RunOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "test", description = {
        "Run a Ludus file with its `test` forms enabled (spec §12.3).",
        "stdout: the program's console output, a line per test (`test \"name\" passed` or",
        "`test \"name\" FAILED on line N: ...`), then `N tests: P passed, F failed`.",
        "Exit status 0 iff no test failed and the script did not panic outside a test."}, footer = {"", "Examples:", "  ./ludus test my_tests.ld", "  ./ludus test --seed 42 my_tests.ld", "", Main.EXIT_STATUS})
final class TestCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(paramLabel = "FILE", description = "The Ludus file (`-` reads it from standard input).")
    String file;

    @Mixin
    SeedOption seed;

    @Override
    public Integer call() {
        RunOptions opts = seed.options();
        try (SourceInput in = SourceInput.open(file, main.in)) {
            return ProgramRunner.compileAndTest(in.path(), in.displayName(), opts, main.out, main.err);
        }
    }
}
