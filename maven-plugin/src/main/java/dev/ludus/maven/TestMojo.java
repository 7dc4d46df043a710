package dev.ludus.maven;

import dev.ludus.compiler.diagnostic.CompileErrors;
import dev.ludus.compiler.diagnostic.Diagnostic;
import dev.ludus.runtime.Launcher;
import dev.ludus.runtime.RunOptions;
import dev.ludus.runtime.Tests;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Runs the {@code test} forms of each {@code .ld} file directly in {@code testSourceDirectory}
 * as {@code ludus test FILE} does (spec §12.3): the script runs, each test prints
 * {@code test "name" passed} or {@code test "name" FAILED ...}, then {@code N tests: P passed, F failed}.
 * Files in subdirectories are not run (put imported helpers there). The build fails if a test
 * fails, a script panics outside its tests, or a file does not compile.
 */
@Mojo(name = "test", defaultPhase = LifecyclePhase.TEST, threadSafe = true)
public class TestMojo extends AbstractMojo {
    /** Where the Ludus test files are (only *.ld directly in it are run). */
    @Parameter(property = "ludus.testSourceDirectory", defaultValue = "${project.basedir}/src/test/ludus")
    File testSourceDirectory;

    @Parameter(defaultValue = "${project.basedir}", readonly = true)
    File baseDir;

    /** Skip running the tests (the usual {@code -DskipTests}). */
    @Parameter(property = "skipTests", defaultValue = "false")
    boolean skipTests;

    /** Skip the tests ({@code -Dmaven.test.skip}). */
    @Parameter(property = "maven.test.skip", defaultValue = "false")
    boolean mavenTestSkip;

    /** Seed for {@code random} (unset: a random seed each run). */
    @Parameter(property = "ludus.seed")
    Long seed;

    /** Fail the build when a test fails (false: report the failures and carry on). */
    @Parameter(property = "ludus.test.failOnFailure", defaultValue = "true")
    boolean failOnFailure;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipTests || mavenTestSkip) {
            getLog().info("Ludus tests are skipped.");
            return;
        }
        List<Path> files;
        try {
            files = SourceFiles.find(testSourceDirectory.toPath(), false);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot list " + testSourceDirectory + ": " + e, e);
        }
        if (files.isEmpty()) {
            getLog().info("No Ludus tests to run (no *.ld in " + SourceFiles.relative(baseDir.toPath(), testSourceDirectory.toPath()) + ")");
            return;
        }
        int passed = 0, failed = 0;
        List<String> problems = new ArrayList<>();
        for (Path file : files) {
            String name = SourceFiles.relative(baseDir.toPath(), file);
            getLog().info("Running " + name);
            Class<?> main;
            try {
                main = Programs.compileAndLoad(file, name);
            } catch (CompileErrors e) {
                for (Diagnostic d : e.diagnostics()) getLog().error(Diagnostics.format(d));
                problems.add(name + " does not compile");
                continue;
            } catch (Exception | LinkageError e) {
                throw new MojoExecutionException("Ludus internal error compiling " + name + ": " + e, e);
            }
            int code;
            int p, f;
            Log log = getLog();
            synchronized (Programs.RUNTIME_LOCK) {
                try (PrintStream out = LineSink.printStream(line -> {
                         if (line.startsWith("test \"") && line.contains("\" FAILED")) log.error(line);
                         else log.info(line);
                     });
                     PrintStream err = LineSink.printStream(log::warn)) {
                    code = Launcher.runTests(main, RunOptions.defaults().withSeed(seed), out, err);
                }
                p = Tests.passed();
                f = Tests.failed();
            }
            passed += p;
            failed += f;
            if (f > 0) problems.add(name + ": " + f + " of " + (p + f) + " tests failed");
            if (code == Launcher.EXIT_INTERNAL) {
                throw new MojoExecutionException("Ludus internal error running the tests of " + name + " (see the log above)");
            }
            if (code != Launcher.EXIT_OK && f == 0) problems.add(name + " panicked");
        }
        getLog().info("Ludus tests: " + (passed + failed) + " run, " + passed + " passed, " + failed + " failed"
                + " in " + files.size() + " file" + (files.size() == 1 ? "" : "s"));
        if (!problems.isEmpty()) {
            String msg = "There are Ludus test failures: " + String.join("; ", problems);
            if (failOnFailure) throw new MojoFailureException(msg);
            getLog().error(msg);
        }
    }
}
