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

    /** Sets the editor's program as typing would (an input event follows). */
    void program(String source) throws Exception {
        browser.script("const a = document.getElementById('source'); a.value = arguments[0];"
                + " a.dispatchEvent(new Event('input')); return true;", source);
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
        browser.type("#source", "print! (\"hello\")\nrepeat 4 { forward! (100); right! (0.25) }\n:square");
        browser.type("#source", "\uE009\uE007\uE000"); // Ctrl-Enter runs
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
        assertTrue(browser.waitFor("return document.querySelector('#editor .line.error') !== null;", 10_000), console());
        assertEquals("3", browser.script("return document.querySelector('#editor .gutter .error').textContent;"));
        assertEquals("foo (x)", browser.script("return document.querySelector('#editor .line.error').textContent;"));
        assertTrue(console().contains("unbound name: foo"), console());
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
        assertTrue(browser.waitFor("return document.getElementById('source').value.length > 0;", 5000));
        assertEquals(source, browser.script("return document.getElementById('source').value;"));
    }

    @Test
    void anExampleDrawsStepByStep() throws Exception {
        browser.script("const s = document.getElementById('examples'); s.value = 'spiral';"
                + " s.dispatchEvent(new Event('change')); document.getElementById('speed').value = '1'; return true;");
        assertTrue(((String) browser.script("return document.getElementById('source').value;")).contains("spiral"));
        browser.click("#run");
        assertTrue(browser.waitFor("return document.getElementById('console').textContent.includes('=> :done');", 10_000),
                console());
        // slow replay: one line a frame, so right after the answer the spiral is not finished yet
        assertTrue(browser.waitFor("return document.getElementById('status').textContent.startsWith('done');", 2000));
        browser.screenshot(SHOTS.resolve("page-spiral.png"));
        // the star, drawn at once: the picture of the page in README (playground/docs/playground.png)
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
