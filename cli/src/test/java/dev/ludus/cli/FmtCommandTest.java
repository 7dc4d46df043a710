package dev.ludus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `ludus fmt`: in place, --check, directories, ignore files, stdin, files that do not parse. */
class FmtCommandTest {
    @TempDir
    Path dir;

    @Test
    void checkNamesFilesAndExitsOneThenFormatFixesThem() throws Exception {
        Path ugly = write("a/ugly.ld", "let x=add(1,2)\n");
        Path fine = write("a/fine.ld", "let y = 1\n");
        MainTest.Result check = MainTest.ludus("fmt", "--check", dir.toString());
        assertEquals(1, check.exit(), check.err());
        assertEquals(ugly + "\n", check.out());
        assertEquals("let x=add(1,2)\n", Files.readString(ugly), "--check changes nothing");

        MainTest.Result fmt = MainTest.ludus("fmt", dir.toString());
        assertEquals(0, fmt.exit(), fmt.err());
        assertTrue(fmt.err().contains("formatted " + ugly), fmt.err());
        assertEquals("let x = add (1, 2)\n", Files.readString(ugly));
        assertEquals("let y = 1\n", Files.readString(fine));
        assertEquals(0, MainTest.ludus("fmt", "--check", dir.toString()).exit());
    }

    @Test
    void fileThatDoesNotParseIsReportedAndLeftAlone() throws Exception {
        Path broken = write("broken.ld", "let x = (1,\n");
        MainTest.Result r = MainTest.ludus("fmt", broken.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("broken.ld:1:12: error:"), r.err());
        assertTrue(r.err().contains("not formatted: it does not parse"), r.err());
        assertEquals("let x = (1,\n", Files.readString(broken));
    }

    @Test
    void ignoreFileAndHiddenDirectoriesAreSkipped() throws Exception {
        write("keep/x.ld", "let x=1\n");
        write(".hidden/y.ld", "let y=1\n");
        write(".ludus-fmt-ignore", "# exact positions\nkeep/\n");
        MainTest.Result r = MainTest.ludus("fmt", "--check", dir.toString());
        assertEquals(0, r.exit(), r.out() + r.err());
    }

    @Test
    void standardInputToStandardOutput() {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = Main.execute(new ByteArrayInputStream("print!(1)".getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                "fmt", "-");
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertEquals("print! (1)\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void missingPathIsAUsageError() {
        MainTest.Result r = MainTest.ludus("fmt", dir.resolve("nope").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("no such file or directory"), r.err());
    }

    private Path write(String rel, String text) throws Exception {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }
}
