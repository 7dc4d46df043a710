package dev.ludus.maven;

import dev.ludus.compiler.diagnostic.Diagnostic;
import java.io.File;
import java.io.IOException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Compiles the Ludus sources (every {@code .ld} file under {@code sourceDirectory}) to class
 * files in the project's output directory. Only stale files are recompiled (see the state file
 * under {@code target/ludus}). Each compile error is logged as {@code path:line:col: message};
 * the build then fails once with the number of errors.
 */
@Mojo(name = "compile", defaultPhase = LifecyclePhase.COMPILE, threadSafe = true)
public class CompileMojo extends LudusSourcesMojo {
    /** The incremental-compile record (which outputs and imports each source had). */
    @Parameter(defaultValue = "${project.build.directory}/ludus/compile-state.txt", readonly = true)
    File stateFile;

    /** Skip compiling the Ludus sources. */
    @Parameter(property = "ludus.skip", defaultValue = "false")
    boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping Ludus compilation (ludus.skip)");
            return;
        }
        if (!sourceDirectory.isDirectory() && !stateFile.isFile()) { // (with a state file: remove the classes of the vanished sources)
            getLog().info("No Ludus sources: " + sourceDirectory + " does not exist");
            return;
        }
        IncrementalCompiler.Result result;
        try {
            result = new IncrementalCompiler(baseDir.toPath(), sourceDirectory.toPath(), outputDirectory.toPath(),
                    stateFile.toPath(), packagePrefix, getLog()::info).compile();
        } catch (IllegalArgumentException e) { // a bad parameter (package prefix)
            throw new MojoFailureException(e.getMessage(), e);
        } catch (IOException | java.io.UncheckedIOException e) { // e.g. a source deleted while the build runs
            throw new MojoExecutionException("Ludus compilation could not read or write a file: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("Ludus compilation was interrupted", e);
        } catch (RuntimeException | StackOverflowError e) {
            throw new MojoExecutionException("Ludus internal error (a bug in the compiler): " + e, e);
        }
        if (!result.errors().isEmpty()) {
            for (Diagnostic d : result.errors()) getLog().error(Diagnostics.format(d));
            int n = result.errors().size();
            throw new MojoFailureException("Ludus compilation failed: " + n + " error" + (n == 1 ? "" : "s")
                    + " (in " + String.join(", ", result.failed()) + ")");
        }
        if (result.compiled().isEmpty()) {
            getLog().info("Nothing to compile - all " + result.upToDate() + " Ludus source file"
                    + (result.upToDate() == 1 ? " is" : "s are") + " up to date");
        } else {
            getLog().info("Compiled " + String.join(", ", result.compiled()));
        }
    }
}
