package dev.ludus.cli;

import dev.ludus.runtime.RunOptions;
import picocli.CommandLine.Option;

/** The --seed option that run, test and repl share (a picocli mixin). */
final class SeedOption {
    @Option(names = "--seed", paramLabel = "N", description = "Seed for `random` (default: a random seed).")
    Long seed;

    /** The default run options with this seed (null: a random one). */
    RunOptions options() {
        return RunOptions.defaults().withSeed(seed);
    }
}
