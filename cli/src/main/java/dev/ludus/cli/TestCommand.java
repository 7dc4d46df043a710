package dev.ludus.cli;

import dev.ludus.runtime.RunOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "test", description = {
        "Run Ludus files with their `test \"name\" expr` forms enabled (`ludus run` skips them).",
        "Each test prints one line: `test \"name\" passed`, or `test \"name\" FAILED on line N:` and why. Each file ends with `N tests: P passed, F failed`. A directory means every .ld file below it; tests in imported files are not run.",
        "The exit status is 0 only if every test passed and no file panicked outside a test."}, footer = {"", "Examples:", "  ludus test my_tests.ld", "  ludus test --seed 42 my_tests.ld", "  ludus test tests/", "", Main.EXIT_STATUS})
final class TestCommand implements Callable<Integer> {
    @ParentCommand
    Main main;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "The Ludus files or directories (`-` reads standard input).")
    List<String> files;

    @Mixin
    SeedOption seed;

    @Mixin
    TimeLimitOption timeLimit;

    @Override
    public Integer call() {
        RunOptions opts = timeLimit.apply(seed.options());
        List<String> all = SourceArgs.expand(files);
        if (all.size() == 1) return testOne(all.get(0), opts);
        // Several files: each under a header line, each with its own summary, then the files that failed.
        int status = Main.EXIT_OK;
        List<String> failing = new ArrayList<>();
        for (String f : all) {
            main.out.print("== " + f + "\n");
            int code;
            try {
                code = testOne(f, opts);
            } catch (Main.UserError e) {
                main.err.println("ludus: " + e.getMessage());
                code = Main.EXIT_USAGE;
            }
            if (code != Main.EXIT_OK) failing.add(f);
            status = Math.max(status, code);
        }
        main.out.print(all.size() + " files: " + (all.size() - failing.size()) + " passed"
                + (failing.isEmpty() ? "" : ", " + failing.size() + " failed (" + String.join(", ", failing) + ")") + "\n");
        main.out.flush();
        return status;
    }

    private int testOne(String file, RunOptions opts) {
        try (SourceInput in = SourceInput.open(file, main.in)) {
            return ProgramRunner.compileAndTest(in.path(), in.displayName(), opts, main.out, main.err);
        }
    }
}
