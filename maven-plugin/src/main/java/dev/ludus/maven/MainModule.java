package dev.ludus.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/** Which source file starts the program: {@code mainModule} if set, else the only source file. Shared by the jar and run goals. */
final class MainModule {
    private MainModule() {}

    /** The main module's path relative to {@code src}. */
    static String choose(Path src, Path baseDir, String mainModule) throws MojoFailureException, MojoExecutionException {
        if (mainModule != null && !mainModule.isBlank()) {
            String m = mainModule.trim().replace('\\', '/');
            if (!Files.isRegularFile(src.resolve(m))) {
                throw new MojoFailureException("mainModule " + m + " is not a file in " + SourceFiles.relative(baseDir, src));
            }
            return SourceFiles.relative(src, src.resolve(m));
        }
        List<Path> all;
        try {
            all = Files.isDirectory(src) ? SourceFiles.find(src, true) : List.of();
        } catch (IOException e) {
            throw new MojoExecutionException("cannot list " + src + ": " + e, e);
        }
        if (all.size() == 1) return SourceFiles.relative(src, all.get(0));
        throw new MojoFailureException("set <mainModule> (the ludus.mainModule property) to the file of "
                + SourceFiles.relative(baseDir, src) + " that starts the program; there are "
                + all.size() + " source files" + (all.isEmpty() ? "" : ": " + String.join(", ", all.stream().map(p -> SourceFiles.relative(src, p)).toList())));
    }
}
