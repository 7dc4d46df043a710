package dev.ludus.cli;

import dev.ludus.runtime.RunOptions;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** The --time-limit option of run and test (a picocli mixin); compiled jars parse it in RunOptions. */
final class TimeLimitOption {
    @Option(names = "--time-limit", paramLabel = "SECONDS", converter = Seconds.class,
            description = "Stop the program after SECONDS with the panic `Time limit of SECONDS s exceeded` (exit 1).")
    Long seconds;

    RunOptions apply(RunOptions opts) {
        return seconds == null ? opts : opts.withTimeLimit(seconds);
    }

    static final class Seconds implements CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            try {
                return RunOptions.parseTimeLimit(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
