package dev.ludus.maven;

import dev.ludus.compiler.JarWriter;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Writes a self-contained runnable jar: everything in the output directory (the compiled Ludus
 * classes, and any other classes and resources of the project) plus the Ludus runtime, with
 * Main-Class the class of {@code mainModule}, so {@code java -jar target/NAME-app.jar} runs the
 * program. Needs the {@code compile} goal to have run first.
 */
@Mojo(name = "jar", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class JarMojo extends LudusSourcesMojo {
    /**
     * The main module: a source file relative to {@code sourceDirectory}, e.g. {@code app.ld}.
     * May be left out when there is only one source file.
     */
    @Parameter(property = "ludus.mainModule")
    String mainModule;

    /** The jar to write. */
    @Parameter(property = "ludus.jar", defaultValue = "${project.build.directory}/${project.build.finalName}-app.jar")
    File jarFile;

    /** Attach the jar to the project (installed and deployed with it) under this classifier. */
    @Parameter(defaultValue = "app")
    String classifier;

    /** Whether to attach the jar to the project. */
    @Parameter(defaultValue = "true")
    boolean attach;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Component
    MavenProjectHelper projectHelper;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        String main = chooseMainModule();
        String mainClass;
        try {
            mainClass = ClassNames.forSource(ClassNames.checkPrefix(packagePrefix), main);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
        Path out = outputDirectory.toPath();
        if (!Files.isRegularFile(out.resolve(ClassNames.classFile(mainClass)))) {
            throw new MojoFailureException("the main module " + main + " has not been compiled to "
                    + SourceFiles.relative(baseDir.toPath(), out) + ": bind the ludus compile goal before jar"
                    + " (or check mainModule, sourceDirectory and packagePrefix)");
        }
        try {
            JarWriter.writeJar(entries(out), mainClass, "ludus-maven-plugin", jarFile.toPath());
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write " + jarFile + ": " + e, e);
        }
        getLog().info("Runnable jar " + SourceFiles.relative(baseDir.toPath(), jarFile.toPath())
                + " (main module " + main + ", class " + mainClass + "); run it with: java -jar "
                + SourceFiles.relative(baseDir.toPath(), jarFile.toPath()));
        if (attach && project != null && projectHelper != null) {
            projectHelper.attachArtifact(project, "jar", classifier, jarFile);
        }
    }

    private String chooseMainModule() throws MojoFailureException, MojoExecutionException {
        return MainModule.choose(sourceDirectory.toPath(), baseDir.toPath(), mainModule);
    }

    /** Every file under the output directory as a jar entry. */
    private static Map<String, byte[]> entries(Path dir) throws IOException {
        Map<String, byte[]> entries = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                entries.put(SourceFiles.relative(dir, f), Files.readAllBytes(f));
            }
        }
        return entries;
    }
}
