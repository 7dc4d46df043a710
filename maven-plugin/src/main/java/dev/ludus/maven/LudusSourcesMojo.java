package dev.ludus.maven;

import java.io.File;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Parameter;

/** The parameters the compile and jar goals share: where the sources and classes are, and their package. */
abstract class LudusSourcesMojo extends AbstractMojo {
    /** Where the Ludus sources are (searched recursively for *.ld). */
    @Parameter(property = "ludus.sourceDirectory", defaultValue = "${project.basedir}/src/main/ludus")
    File sourceDirectory;

    /** Where the compiled class files go. */
    @Parameter(property = "ludus.outputDirectory", defaultValue = "${project.build.outputDirectory}")
    File outputDirectory;

    /**
     * The Java package the Ludus classes are put in: {@code app.ld} becomes {@code <prefix>.M_app},
     * {@code util/text.ld} {@code <prefix>.util.M_text}.
     */
    @Parameter(property = "ludus.packagePrefix", defaultValue = "ludus")
    String packagePrefix;

    @Parameter(defaultValue = "${project.basedir}", readonly = true)
    File baseDir;
}
