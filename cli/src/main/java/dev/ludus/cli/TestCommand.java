package dev.ludus.cli;

import dev.ludus.runtime.RunOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code ludus test FILE} (spec §12.3): runs the script with its test forms enabled. */
@Command(name = "test", description = {
        "Run a Ludus file and its `test` forms (spec §12.3).",
        "stdout: console output, one line per test, then `N tests: P passed, F failed`."})
final class TestCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(paramLabel = "FILE", description = "The Ludus file (`-` reads it from standard input).")
    String file;

    @Option(names = "--seed", paramLabel = "N", description = "Seed for `random` (default: a random seed).")
    Long seed;

    @Override
    public Integer call() {
        RunOptions opts = RunOptions.defaults().withSeed(seed);
        try (SourceInput in = SourceInput.open(file, System.in)) {
            return ProgramRunner.compileAndRun(in.path(), in.displayName(), opts, main.out, main.err, true);
        }
    }
}
