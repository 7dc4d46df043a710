package dev.ludus.compiler.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ludus.compiler.LudusCompiler;
import dev.ludus.compiler.diagnostic.CompileErrors;
import dev.ludus.compiler.syntax.SourceText;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Imports confined by an {@link ImportPolicy} (the playground's DIR): inside yes, outside or through a link no. */
class ImportPolicyTest {
    @TempDir Path dir;

    Program analyse(Path root, String source, ImportPolicy policy) throws CompileErrors {
        return LudusCompiler.analyse(new SourceText("program.ld", root.resolve("program.ld"), source), policy);
    }

    @Test
    void insideTheDirectoryOnly() throws Exception {
        Path root = Files.createDirectories(dir.resolve("root"));
        Files.writeString(root.resolve("lib.ld"), "ns lib { :x 1 }\n");
        Files.writeString(dir.resolve("secret.ld"), "ns secret { :x 2 }\n");
        Files.createSymbolicLink(root.resolve("link.ld"), dir.resolve("secret.ld"));
        ImportPolicy policy = ImportPolicy.within(root, "outside");
        assertEquals(2, analyse(root, "import \"lib\" as lib\nlib", policy).modules().size());
        for (String path : new String[] {"../secret", "../secret.ld", dir.resolve("secret.ld").toString(), "link.ld"}) {
            CompileErrors e = assertThrows(CompileErrors.class,
                    () -> analyse(root, "import \"" + path + "\" as s\ns", policy), path);
            assertEquals("outside", e.diagnostics().get(0).message(), path);
        }
    }

    @Test
    void noneRefusesEveryImportBeforeReadingIt() {
        CompileErrors e = assertThrows(CompileErrors.class, () -> analyse(dir, "import \"/dev/zero\" as z\nz",
                ImportPolicy.none("no imports here")));
        assertEquals("no imports here", e.diagnostics().get(0).message());
        assertTrue(e.diagnostics().get(0).span().line() == 1);
    }
}
