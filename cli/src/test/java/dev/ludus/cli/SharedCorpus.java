package dev.ludus.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * Where the shared golden corpus is: {@code -Dludus.shared=DIR} (the parent pom sets it to
 * ../shared beside the repository), else ../shared seen from the module. On a fresh clone without
 * it, the tests that read it are skipped, with one line on stderr saying where it was expected;
 * {@code -Dludus.requireShared=true} (set by .ci/run) makes its absence a failure instead.
 * (The same small class lives in the compiler and cli tests: test classes are not shared between modules.)
 */
public final class SharedCorpus {
    private SharedCorpus() {}

    private static boolean told;

    private static Path candidate() {
        return candidate(System.getProperty("ludus.shared"));
    }

    private static Path candidate(String prop) {
        return (prop != null && !prop.isBlank() ? Path.of(prop) : Path.of("..", "..", "shared")).toAbsolutePath().normalize();
    }

    /** Whether the corpus is there (without skipping anything). */
    public static boolean present() {
        return Files.isDirectory(candidate().resolve("conformance"));
    }

    /** The shared directory (holding conformance/), or the test is skipped (or fails, if required). */
    public static synchronized Path dir() {
        try {
            return locate(System.getProperty("ludus.shared"), Boolean.getBoolean("ludus.requireShared"));
        } catch (TestAbortedException e) {
            if (!told) System.err.println("[ludus] SKIPPED the shared-corpus tests: " + e.getMessage());
            told = true;
            throw e;
        }
    }

    /** {@link #dir()} for the given property values. */
    static synchronized Path locate(String sharedProperty, boolean required) {
        Path dir = candidate(sharedProperty);
        if (Files.isDirectory(dir.resolve("conformance"))) return dir;
        String where = "shared golden corpus not found at " + dir.resolve("conformance")
                + " (put the shared/ directory beside the repository or pass -Dludus.shared=PATH)";
        if (required) throw new AssertionFailedError(where);
        Assumptions.abort(where);
        return dir;
    }
}
