package dev.ludus.playground.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ludus.playground.Limits;
import dev.ludus.playground.Playground;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The page in a real browser (Debian's chromium, headless, through the system chromedriver):
 * type and run a program, read the console, check the canvas drew along the turtle's path, an
 * error marks its line, Stop ends an infinite loop, the share link carries the program. A failing
 * test leaves a screenshot in {@code target/browser-screenshots/}. Skipped, with one line, where
 * chromium is not installed.
 */
class PageBrowserTest {
    static final Path SHOTS = Path.of("target", "browser-screenshots");
    static Playground play;
    static WebDriver browser;

    @RegisterExtension
    final TestWatcher screenshotOnFailure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            try {
                browser.screenshot(SHOTS.resolve(context.getRequiredTestMethod().getName() + ".png"));
            } catch (Exception ignored) {
                // no screenshot
            }
        }
    };

    @BeforeAll
    static void start() throws Exception {
        String missing = WebDriver.missing();
        if (missing != null && Boolean.getBoolean("ludus.requireBrowser")) {
            throw new AssertionError("browser tests required (-Dludus.requireBrowser) but there is no " + missing);
        }
        if (missing != null) System.err.println("PageBrowserTest: skipped: no " + missing);
        Assumptions.assumeTrue(missing == null, "browser tests need " + missing);
        play = Playground.start(new Playground.Config("127.0.0.1", 0, null,
                Limits.defaults().withTime(Duration.ofSeconds(8)), 2));
        browser = new WebDriver();
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.close();
        if (play != null) play.close();
    }

    @BeforeEach
    void freshPage() throws Exception {
        browser.open(play.uri().toString());
        browser.script("localStorage.clear(); return true;");
        browser.open(play.uri().toString());
        assertTrue(browser.waitFor("return document.getElementById('examples').options.length > 3;", 5000));
    }

    static final String CM = "document.querySelector('#editor .CodeMirror').CodeMirror";

    /** Sets the editor's program (CodeMirror's own API, as a paste would). */
    void program(String source) throws Exception {
        browser.script(CM + ".setValue(arguments[0]); return true;", source);
    }

    String source() throws Exception {
        return (String) browser.script("return " + CM + ".getValue();");
    }

    /** Puts the keyboard focus in the editor, the cursor at the end of the program. */
    void focusEditor() throws Exception {
        browser.click("#editor .CodeMirror-code");
        browser.script("const cm = " + CM + "; cm.focus(); cm.setCursor(cm.lineCount(), 0); return true;");
    }

    String console() throws Exception {
        return (String) browser.script("return document.getElementById('console').textContent;");
    }

    /** The canvas pixel at (x, y) as r,g,b. */
    List<?> pixel(int x, int y) throws Exception {
        return (List<?>) browser.script("const c = document.getElementById('canvas').getContext('2d');"
                + " return Array.from(c.getImageData(" + x + ", " + y + ", 1, 1).data).slice(0, 3);");
    }

    static boolean bright(List<?> rgb) {
        return rgb.stream().allMatch(c -> ((Double) c) >= 100);
    }

    @Test
    void typeRunReadTheConsoleAndSeeTheDrawing() throws Exception {
        program("");
        browser.script("document.getElementById('speed').value = '0'; return true;");
        focusEditor();
        browser.keys("print! (\"hello\")\nrepeat 4 { forward! (100); right! (0.25) }\n:square");
        assertEquals("print! (\"hello\")\nrepeat 4 { forward! (100); right! (0.25) }\n:square", source());
        browser.keys("\uE009\uE007"); // Ctrl-Enter runs
        assertTrue(browser.waitFor("return document.getElementById('console').textContent.includes('=> ');", 10_000),
                console());
        assertEquals("hello\n=> :square\n", console());
        // the square's first side goes up from the centre (320, 320) to (320, 220), then right
        assertTrue(browser.waitFor("return !document.getElementById('download-png').disabled;", 5000));
        Thread.sleep(200);
        // a 1-pixel line on a pixel boundary covers two columns at half strength: grey or brighter
        assertTrue(bright(pixel(320, 250)), "on the first side: " + pixel(320, 250));
        assertTrue(bright(pixel(380, 220)), "on the second side: " + pixel(380, 220));
        assertTrue(bright(pixel(420, 280)), "on the third side: " + pixel(420, 280));
        assertEquals(List.of(0.0, 0.0, 0.0), pixel(100, 500), "off the path");
        assertEquals(List.of(0.0, 0.0, 0.0), pixel(370, 270), "inside the square");
        browser.screenshot(SHOTS.resolve("page-square.png"));
    }

    @Test
    void anErrorMarksItsLine() throws Exception {
        program("let x = 1\nprint! (x)\nfoo (x)\n");
        browser.click("#run");
        assertTrue(browser.waitFor("return document.querySelector('#editor .ludus-error-line') !== null;", 10_000), console());
        assertEquals("3", browser.script(
                "return document.querySelector('#editor .ludus-error-gutter-line .CodeMirror-linenumber').textContent;"));
        assertEquals("foo (x)", browser.script("return document.querySelector('#editor .ludus-error-line .CodeMirror-line').textContent;"));
        assertEquals(1.0, ((Number) browser.script("return document.querySelectorAll('#editor .ludus-error-mark').length;")).doubleValue());
        assertTrue(console().contains("unbound name: foo"), console());
        // editing clears the mark
        focusEditor();
        browser.keys(" ");
        assertEquals(0.0, ((Number) browser.script("return document.querySelectorAll('#editor .ludus-error-line').length;")).doubleValue());
    }

    @Test
    void theEditorHighlightsLudus() throws Exception {
        program("& a comment\nlet name = \"turtle {name}!\"\nfn f (x) -> if true then :yes else [x, #{:a 1}]\n");
        assertEquals("& a comment", text(".cm-comment"));
        assertEquals("{name}", text(".cm-interp"));
        assertTrue(text(".cm-string").startsWith("\"turtle"), text(".cm-string"));
        assertEquals("let,fn,if,then,else", texts(".cm-keyword"));
        assertEquals(":yes,:a", texts(".cm-atom"));
        assertEquals("true", texts(".cm-builtin"));
        assertEquals("()[#{}]", texts(".cm-bracket").replace(",", "")); // adjacent brackets share a span
        assertEquals("1,2,3,4", texts(".CodeMirror-code .CodeMirror-linenumber"));
    }

    String text(String css) throws Exception {
        return (String) browser.script("const e = document.querySelector('#editor ' + arguments[0]);"
                + " return e ? e.textContent : null;", css);
    }

    String texts(String css) throws Exception {
        return (String) browser.script("return Array.from(document.querySelectorAll('#editor ' + arguments[0]),"
                + " e => e.textContent).join(',');", css);
    }

    @Test
    void tabIndentsAndTheProgramSurvivesAReload() throws Exception {
        program("repeat 2 {\n}");
        browser.script("const cm = " + CM + "; cm.focus(); cm.setCursor(0, 10); return true;");
        browser.keys("\n\tprint! (:hi)");
        assertEquals("repeat 2 {\n    print! (:hi)\n}", source(), "auto-indent (2) and a Tab (2 more)");
        browser.keys("\uE008\t"); // Shift-Tab dedents the line
        assertEquals("repeat 2 {\n  print! (:hi)\n}", source());
        browser.open(play.uri().toString());
        assertTrue(browser.waitFor("return document.querySelector('#editor .CodeMirror') !== null;", 5000));
        assertEquals("repeat 2 {\n  print! (:hi)\n}", source(), "kept in the browser across a reload");
        browser.keys("\uE009\uE007"); // the focus is in the editor after a load: Ctrl-Enter runs
        assertTrue(browser.waitFor("return document.getElementById('console').textContent.includes('=> ');", 10_000),
                console());
        assertTrue(console().startsWith(":hi\n:hi\n=> "), console());
    }

    @Test
    void aDrawingShownFromTheReplAppears() throws Exception {
        assertTrue(browser.waitFor("return shownVersion !== null;", 5000));
        browser.script("document.getElementById('speed').value = '0'; return true;");
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" height=\"640\" viewBox=\"0 0 640 640\">"
                + "<rect width=\"640\" height=\"640\" fill=\"rgb(0,0,0)\"/><g id=\"drawing\">"
                + "<line x1=\"320\" y1=\"320\" x2=\"520\" y2=\"320\" stroke=\"rgb(255,255,255)\" stroke-width=\"3\"/>"
                + "</g></svg>";
        var http = java.net.http.HttpClient.newHttpClient();
        var r = http.send(java.net.http.HttpRequest.newBuilder(play.uri().resolve("/api/show"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(svg)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(browser.waitFor("return document.getElementById('status').textContent.includes('REPL');", 5000));
        Thread.sleep(300);
        assertTrue(bright(pixel(420, 320)), "the shown line: " + pixel(420, 320));
    }

    @Test
    void stopEndsAnInfiniteLoop() throws Exception {
        program("loop (0) with (n) -> recur (inc (n))");
        long start = System.nanoTime();
        browser.click("#run");
        assertTrue(browser.waitFor("return !document.getElementById('stop').disabled;", 5000));
        Thread.sleep(500);
        browser.click("#stop");
        assertTrue(browser.waitFor("return document.getElementById('console').textContent.includes('stopped');", 5000),
                console());
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms < 5000, "stopped after " + ms + " ms (time limit 8 s)");
        assertEquals(Boolean.FALSE, browser.script("return document.getElementById('run').disabled;"));
    }

    @Test
    void theShareLinkCarriesTheProgram() throws Exception {
        String source = "& shared\nprint! (\"ünïcode {:x} ok\")\n";
        program(source);
        browser.click("#share");
        String link = (String) browser.script("return document.getElementById('share-link').value;");
        assertTrue(link.contains("#code="), link);
        program("something else");
        browser.open("about:blank");
        browser.open(link);
        assertTrue(browser.waitFor("return " + CM + ".getValue().length > 0;", 5000));
        assertEquals(source, source());
    }

    @Test
    void anExampleDrawsStepByStep() throws Exception {
        browser.script("const s = document.getElementById('examples'); s.value = 'spiral';"
                + " s.dispatchEvent(new Event('change')); document.getElementById('speed').value = '1'; return true;");
        assertTrue(source().contains("spiral"));
        browser.click("#run");
        assertTrue(browser.waitFor("return document.getElementById('console').textContent.includes('=> :done');", 10_000),
                console());
        // slow replay: one line a frame, so right after the answer the spiral is not finished yet
        assertTrue(browser.waitFor("return document.getElementById('status').textContent.startsWith('done');", 2000));
        browser.screenshot(SHOTS.resolve("page-spiral.png"));
        // the star, drawn at once: the picture of the page in README (docs/playground.png)
        browser.script("const s = document.getElementById('examples'); s.value = 'turtle-star';"
                + " s.dispatchEvent(new Event('change')); document.getElementById('speed').value = '0'; return true;");
        browser.click("#run");
        assertTrue(browser.waitFor("return document.getElementById('console').textContent.includes('=> :star');", 10_000),
                console());
        Thread.sleep(200);
        assertEquals(List.of(20.0, 20.0, 30.0), pixel(40, 40), "the star's background");
        assertTrue(!pixel(320, 106).equals(List.of(20.0, 20.0, 30.0)), "the ring's top: " + pixel(320, 106));
        browser.screenshot(SHOTS.resolve("playground.png"));
    }
}
