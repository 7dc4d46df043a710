package dev.ludus.compiler.resolve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ludus.compiler.LudusCompiler;
import dev.ludus.compiler.diagnostic.CompileErrors;
import java.io.ByteArrayInputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Source files are read with a size bound; imports only from regular files (issue 12). */
class SourceFilesTest {
    @TempDir Path dir;

    private Path sparse(String name, long size) throws Exception {
        Path p = dir.resolve(name);
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(size);
        }
        return p;
    }

    @Test
    void readsUpToTheBound() throws Exception {
        Path p = dir.resolve("small.ld");
        Files.writeString(p, "1");
        assertArrayEquals(new byte[] {'1'}, SourceFiles.read(p));
        assertThrows(SourceFiles.TooLarge.class, () -> SourceFiles.read(sparse("huge.ld", SourceFiles.MAX_BYTES + 1L)));
        assertThrows(SourceFiles.TooLarge.class, () -> SourceFiles.read(new ByteArrayInputStream(new byte[SourceFiles.MAX_BYTES + 1])));
    }

    @Test
    void aDeviceEndsAtTheBound() throws Exception {
        Path zero = Path.of("/dev/zero");
        if (Files.exists(zero)) assertThrows(SourceFiles.TooLarge.class, () -> SourceFiles.read(zero));
    }

    @Test
    void importsOfDevicesDirectoriesAndHugeFilesAreCompileErrors() throws Exception {
        sparse("huge.ld", SourceFiles.MAX_BYTES + 1L);
        Files.createDirectory(dir.resolve("sub"));
        Path main = dir.resolve("main.ld");
        Files.writeString(main, "import \"/dev/zero\" as z\nimport \"sub\" as s\nimport \"huge\" as h\n");
        CompileErrors e = assertThrows(CompileErrors.class, () -> LudusCompiler.analyse(main, "main.ld"));
        assertEquals(3, e.diagnostics().size());
        assertEquals("cannot read import \"/dev/zero\": it is not a regular file", e.diagnostics().get(0).message());
        assertEquals("cannot read import \"sub\": it is a directory", e.diagnostics().get(1).message());
        assertTrue(e.diagnostics().get(2).message().startsWith("cannot read import \"huge\": it is larger than 64 MB"),
                e.diagnostics().get(2).message());
    }

    @Test
    void aHugeMainFileIsACompileError() throws Exception {
        Path huge = sparse("huge.ld", SourceFiles.MAX_BYTES + 1L);
        CompileErrors e = assertThrows(CompileErrors.class, () -> LudusCompiler.analyse(huge, "huge.ld"));
        assertTrue(e.diagnostics().get(0).message().startsWith("cannot read this program: it is larger than"));
    }

    @Test
    void aByteOrderMarkIsSkipped() throws Exception {
        Path p = dir.resolve("bom.ld");
        Files.write(p, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'x', 'y'});
        CompileErrors e = assertThrows(CompileErrors.class, () -> LudusCompiler.analyse(p, "bom.ld"));
        // the first character is `x`, at column 1 (before: "unexpected character" at the mark)
        assertEquals("unbound name: xy", e.diagnostics().get(0).message());
        assertEquals(1, e.diagnostics().get(0).span().col());
    }
}
