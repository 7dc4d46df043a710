package dev.ludus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** A fresh clone without ../shared skips the shared-corpus tests; .ci/run's ludus.requireShared makes that a failure. */
class SharedCorpusTest {
    @Test
    void missingCorpusSkipsOrFails(@TempDir Path dir) throws Exception {
        String missing = dir.resolve("nowhere").toString();
        TestAbortedException skipped = assertThrows(TestAbortedException.class, () -> SharedCorpus.locate(missing, false));
        assertTrue(skipped.getMessage().contains(missing) && skipped.getMessage().contains("-Dludus.shared"), skipped.getMessage());
        AssertionFailedError failed = assertThrows(AssertionFailedError.class, () -> SharedCorpus.locate(missing, true));
        assertTrue(failed.getMessage().contains("shared golden corpus not found"), failed.getMessage());

        java.nio.file.Files.createDirectories(dir.resolve("shared/conformance"));
        assertEquals(dir.resolve("shared"), SharedCorpus.locate(dir.resolve("shared").toString(), true));
    }
}
