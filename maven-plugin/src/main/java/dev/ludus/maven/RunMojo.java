package dev.ludus.maven;

import dev.ludus.compiler.diagnostic.CompileErrors;
import dev.ludus.compiler.diagnostic.Diagnostic;
import dev.ludus.runtime.Launcher;
import dev.ludus.runtime.RunOptions;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Compiles a Ludus program in memory and runs it as {@code ludus run FILE} does. In a project,
 * {@code mvn ludus:run} runs the configured {@code mainModule} (or the only source file);
 * {@code -Dludus.main=FILE} runs another file, also outside a project. The program's output (and the
 * {@code => value} line) goes to standard output; the build fails if it does not compile or panics.
 * Works outside a project too (the path is then relative to the current directory).
 */
@Mojo(name = "run", requiresProject = false, threadSafe = true)
public class RunMojo extends AbstractMojo {
    /** The program to run (relative to the project directory); default: the main module. */
    @Parameter(property = "ludus.main")
    File main;

    /** The main module, relative to {@code sourceDirectory}, as for the jar goal. */
    @Parameter(property = "ludus.mainModule")
    String mainModule;

    @Parameter(property = "ludus.sourceDirectory", defaultValue = "${project.basedir}/src/main/ludus")
    File sourceDirectory;

    @Parameter(defaultValue = "${basedir}", readonly = true)
    File baseDir;

    /** Seed for {@code random} (unset: a random seed each run). */
    @Parameter(property = "ludus.seed")
    Long seed;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        File file;
        if (main != null) {
            file = main.isAbsolute() ? main : new File(baseDir, main.getPath());
        } else {
            if (!sourceDirectory.isDirectory()) {
                throw new MojoFailureException("no program to run: name one with -Dludus.main=FILE (there is no "
                        + SourceFiles.relative(baseDir.toPath(), sourceDirectory.toPath()) + " directory here)");
            }
            file = new File(sourceDirectory, MainModule.choose(sourceDirectory.toPath(), baseDir.toPath(), mainModule));
        }
        if (!file.isFile()) throw new MojoFailureException("Ludus program not found: " + file);
        String name = SourceFiles.relative(baseDir.toPath(), file.toPath());
        Class<?> module;
        try {
            module = Programs.compileAndLoad(file.toPath(), name);
        } catch (CompileErrors e) {
            for (Diagnostic d : e.diagnostics()) getLog().error(Diagnostics.format(d));
            int n = e.diagnostics().size();
            throw new MojoFailureException(name + " does not compile: " + n + " error" + (n == 1 ? "" : "s"));
        } catch (Exception | LinkageError e) {
            throw new MojoExecutionException("Ludus internal error compiling " + name + ": " + e, e);
        }
        int code;
        synchronized (Programs.RUNTIME_LOCK) {
            PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
            code = Launcher.run(module, RunOptions.defaults().withSeed(seed), out, System.err);
            out.flush();
        }
        if (code == Launcher.EXIT_PANIC) throw new MojoFailureException("the Ludus program " + name + " panicked");
        if (code != Launcher.EXIT_OK) throw new MojoExecutionException("Ludus internal error running " + name);
    }
}
