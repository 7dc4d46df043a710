package dev.ludus.runtime.turtle;

import static dev.ludus.runtime.turtle.Turtles.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ludus.runtime.NumberFormat;
import dev.ludus.runtime.collection.LList;
import dev.ludus.runtime.prelude.Turtle;
import dev.ludus.runtime.value.Keyword;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/** The SVG of language.md §12.4, parsed back with the JDK's DOM parser. */
class SvgRendererTest {
    static final String SVG_NS = "http://www.w3.org/2000/svg";
    static final double EPS = 1e-6;

    @BeforeEach void reset() { Turtles.reset(); }

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    static Document render(int w, int h) throws Exception {
        return parse(SvgRenderer.render(Turtles.scene(w, h)));
    }

    static Element byId(Document d, String id) {
        NodeList all = d.getElementsByTagNameNS(SVG_NS, "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (id.equals(e.getAttribute("id"))) return e;
        }
        return null;
    }

    static List<Element> children(Element parent, String tag) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && SVG_NS.equals(e.getNamespaceURI()) && tag.equals(e.getLocalName())) out.add(e);
        }
        return out;
    }

    static double num(Element e, String attr) {
        String s = e.getAttribute(attr);
        assertFalse(s.isEmpty(), () -> "missing " + attr);
        return Double.parseDouble(s);
    }

    static String rgb(double[] c) {
        return "rgb(" + NumberFormat.format(c[0]) + "," + NumberFormat.format(c[1]) + "," + NumberFormat.format(c[2]) + ")";
    }

    /** Checks every drawn line against the model: count, screen coordinates, colour, width, caps. */
    static void assertLines(Document d, Turtles.Model m, int w, int h) {
        List<Element> lines = children(byId(d, "drawing"), "line");
        assertEquals(m.lines.size(), lines.size(), "segment count");
        for (int i = 0; i < lines.size(); i++) {
            Element l = lines.get(i);
            Turtles.Expected e = m.lines.get(i);
            String at = "line " + i;
            assertEquals(w / 2.0 - e.x1(), num(l, "x1"), EPS, at);
            assertEquals(h / 2.0 - e.y1(), num(l, "y1"), EPS, at);
            assertEquals(w / 2.0 - e.x2(), num(l, "x2"), EPS, at);
            assertEquals(h / 2.0 - e.y2(), num(l, "y2"), EPS, at);
            assertEquals(rgb(e.rgba()), l.getAttribute("stroke"), at);
            assertEquals(e.rgba()[3] / 255, num(l, "stroke-opacity"), 1e-15, at);
            assertEquals(e.width(), num(l, "stroke-width"), 0, at);
            assertEquals("round", l.getAttribute("stroke-linecap"), at);
        }
    }

    /** The visible turtle: triangle (0,20), rotate(±0.385 turn), turned by heading, at (x, y). */
    static void assertTurtle(Document d, double x, double y, double heading, double penwidth, int w, int h) {
        Element g = byId(d, "turtle");
        List<Element> polys = children(g, "polygon");
        assertEquals(1, polys.size());
        Element poly = polys.get(0);
        String[] points = poly.getAttribute("points").trim().split("\\s+");
        assertEquals(3, points.length);
        double[] angles = {0, 0.385, -0.385};
        for (int i = 0; i < 3; i++) {
            // rotating (0, 20) by a turns gives (−20 sin 2πa, 20 cos 2πa)
            double a = 2 * Math.PI * (angles[i] + heading);
            double tx = x - 20 * Math.sin(a), ty = y + 20 * Math.cos(a);
            String[] xy = points[i].split(",");
            assertEquals(w / 2.0 - tx, Double.parseDouble(xy[0]), EPS, "vertex " + i);
            assertEquals(h / 2.0 - ty, Double.parseDouble(xy[1]), EPS, "vertex " + i);
        }
        assertEquals("rgb(255,255,255)", poly.getAttribute("fill"));
        assertEquals(150 / 255.0, num(poly, "fill-opacity"), 1e-15);
        assertEquals("none", poly.getAttribute("stroke"));
        List<Element> nose = children(g, "line");
        assertEquals(1, nose.size());
        Element l = nose.get(0);
        assertEquals(w / 2.0 - x, num(l, "x1"), EPS);
        assertEquals(h / 2.0 - y, num(l, "y1"), EPS);
        assertEquals(w / 2.0 - (x - 20 * Math.sin(2 * Math.PI * heading)), num(l, "x2"), EPS);
        assertEquals(h / 2.0 - (y + 20 * Math.cos(2 * Math.PI * heading)), num(l, "y2"), EPS);
        assertEquals("rgb(0,0,0)", l.getAttribute("stroke"));
        assertEquals(1, num(l, "stroke-opacity"));
        assertEquals(penwidth, num(l, "stroke-width"));
    }

    @Test void square() throws Exception {
        Turtles.Model m = Turtles.square();
        Document d = render(640, 640);
        Element svg = d.getDocumentElement();
        assertEquals("svg", svg.getLocalName());
        assertEquals("640", svg.getAttribute("width"));
        assertEquals("640", svg.getAttribute("height"));
        assertEquals("0 0 640 640", svg.getAttribute("viewBox"));
        Element bg = byId(d, "background");
        assertEquals("rect", bg.getLocalName());
        assertEquals("0", bg.getAttribute("x"));
        assertEquals("0", bg.getAttribute("y"));
        assertEquals("640", bg.getAttribute("width"));
        assertEquals("640", bg.getAttribute("height"));
        assertEquals("rgb(0,0,0)", bg.getAttribute("fill"));
        assertEquals("1", bg.getAttribute("fill-opacity"));
        assertLines(d, m, 640, 640);
        // Orientation: heading 0 is up the screen and right! turns clockwise, so the square goes
        // up, right, down, left: corners (320,320) (320,220) (420,220) (420,320).
        List<Element> lines = children(byId(d, "drawing"), "line");
        assertEquals(220, num(lines.get(0), "y2"), EPS);
        assertEquals(420, num(lines.get(1), "x2"), EPS);
        assertEquals(320, num(lines.get(2), "y2"), EPS);
        assertEquals(320, num(lines.get(3), "x2"), EPS);
        // §9.3 number format: integral values without ".0"
        assertEquals("320", lines.get(0).getAttribute("x1"));
        assertEquals("1", lines.get(0).getAttribute("stroke-width"));
        assertTurtle(d, m.x, m.y, m.h, 1, 640, 640);
    }

    @Test void spiral() throws Exception {
        Turtles.Model m = Turtles.spiral();
        Document d = render(640, 640);
        assertEquals(60, children(byId(d, "drawing"), "line").size());
        assertLines(d, m, 640, 640);
        assertTurtle(d, m.x, m.y, m.h, 1, 640, 640);
    }

    @Test void colouredStar() throws Exception {
        Turtles.Model m = Turtles.star();
        Document d = render(640, 640);
        assertLines(d, m, 640, 640);
        List<Element> lines = children(byId(d, "drawing"), "line");
        assertEquals(5, lines.size());
        assertEquals("rgb(255,160,0)", lines.get(1).getAttribute("stroke"));
        assertEquals(NumberFormat.format(128 / 255.0), lines.get(3).getAttribute("stroke-opacity"));
        assertEquals("4", lines.get(4).getAttribute("stroke-width"));
        assertEquals("rgb(10,20,30)", byId(d, "background").getAttribute("fill"));
        // a star closes: the last edge ends where the first began
        assertEquals(num(lines.get(0), "x1"), num(lines.get(4), "x2"), EPS);
        assertEquals(num(lines.get(0), "y1"), num(lines.get(4), "y2"), EPS);
        assertTurtle(d, m.x, m.y, m.h, 4, 640, 640);
    }

    @Test void canvasSizeMovesTheOrigin() throws Exception {
        Turtles.Model m = new Turtles.Model().go(10, 20).right(0.125).forward(30);
        Document d = render(800, 300);
        assertEquals("800", d.getDocumentElement().getAttribute("width"));
        assertEquals("300", d.getDocumentElement().getAttribute("height"));
        assertEquals("0 0 800 300", d.getDocumentElement().getAttribute("viewBox"));
        assertEquals("800", byId(d, "background").getAttribute("width"));
        assertLines(d, m, 800, 300);
        List<Element> lines = children(byId(d, "drawing"), "line");
        assertEquals("400", lines.get(0).getAttribute("x1"));
        assertEquals("150", lines.get(0).getAttribute("y1"));
        assertEquals("390", lines.get(0).getAttribute("x2"));
        assertEquals("130", lines.get(0).getAttribute("y2"));
        assertTurtle(d, m.x, m.y, m.h, 1, 800, 300);
    }

    @Test void numbersUseTheJavaScriptFormat() throws Exception {
        call("penup!");
        call("goto!", 320, 320);
        call("pendown!");
        call("goto!", 320.0000001, 0.5);
        call("pencolor!", Turtles.rgba(1.5, 2, 3, 127.5));
        call("penwidth!", 0.25);
        call("forward!", 1);
        String svg = SvgRenderer.render(Turtles.scene());
        assertTrue(svg.contains("x1=\"0\" y1=\"0\" x2=\"" + NumberFormat.format(320 - 320.0000001) + "\" y2=\"319.5\""), svg);
        assertTrue(svg.contains("e-7"), svg); // 320 - 320.0000001 in exponent form, lower-case e
        String body = svg.substring(svg.indexOf("<svg"));
        assertFalse(body.contains("E") || body.contains(".0\""), svg); // not Java's Double.toString
        assertTrue(svg.contains("stroke=\"rgb(1.5,2,3)\" stroke-opacity=\"0.5\" stroke-width=\"0.25\""), svg);
    }

    @Test void clearDiscardsEarlierSegmentsAndBackgroundIsTheFinalBgcolor() throws Exception {
        call("bg!", 200);
        call("forward!", 50);
        call("clear!");
        call("bg!", Turtles.rgba(1, 2, 3, 51));
        Turtles.Model m = new Turtles.Model();
        m.right(0.5).forward(10); // clear! kept the heading; the model starts at 0 after our turn
        Document d = render(640, 640);
        assertLines(d, m, 640, 640);
        assertEquals("rgb(1,2,3)", byId(d, "background").getAttribute("fill"));
        assertEquals("0.2", byId(d, "background").getAttribute("fill-opacity"));
    }

    @Test void penUpMovesDrawNothing() throws Exception {
        Turtles.Model m = new Turtles.Model().penUp().forward(40).right(0.25).forward(40).penDown().forward(5);
        Document d = render(640, 640);
        assertEquals(1, children(byId(d, "drawing"), "line").size());
        assertLines(d, m, 640, 640);
    }

    @Test void homeAndGotoDrawWithThePenDown() throws Exception {
        call("goto!", Turtles.rgba(30, 40));
        call("home!");
        Document d = render(640, 640);
        List<Element> lines = children(byId(d, "drawing"), "line");
        assertEquals(2, lines.size());
        assertEquals(290, num(lines.get(1), "x1"), 0);
        assertEquals(280, num(lines.get(1), "y1"), 0);
        assertEquals(320, num(lines.get(1), "x2"), 0);
    }

    @Test void invisibleTurtleIsNotDrawn() throws Exception {
        call("forward!", 10);
        Turtle.TURTLE_STATES.set(LList.of(Turtle.INITIAL.assoc(Keyword.of("visible?"), false)));
        Document d = render(640, 640);
        assertNull(byId(d, "turtle"));
        assertEquals(1, children(byId(d, "drawing"), "line").size());
    }

    @Test void undrawableValuesAreMadeSafe() throws Exception {
        // colours are not validated by the prelude; widths may be negative; moves may overflow
        call("pencolor!", Turtles.rgba(300, -5, Double.NaN, 999));
        call("penwidth!", -3);
        call("forward!", 10);
        call("goto!", Double.POSITIVE_INFINITY, 0);
        call("goto!", 5, 5);
        call("penwidth!", Double.NaN);
        call("goto!", 6, 6);
        Scene scene = Turtles.scene();
        Document d = parse(SvgRenderer.render(scene));
        List<Element> lines = children(byId(d, "drawing"), "line");
        assertEquals(2, lines.size(), "segments to or from infinity are left out");
        assertEquals("rgb(255,0,0)", lines.get(0).getAttribute("stroke"));
        assertEquals("1", lines.get(0).getAttribute("stroke-opacity"));
        assertEquals("0", lines.get(0).getAttribute("stroke-width"));
        assertEquals("0", lines.get(1).getAttribute("stroke-width"));
        assertFalse(SvgRenderer.render(scene).contains("NaN") || SvgRenderer.render(scene).contains("Infinity"));
        call("goto!", Double.NaN, 1);
        assertNull(byId(parse(SvgRenderer.render(Turtles.scene())), "turtle"), "a turtle at NaN is not drawn");
    }

    @Test void writesAFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        Turtles.square();
        java.nio.file.Path file = dir.resolve("square.svg");
        SvgRenderer.write(Turtles.scene(), file);
        assertEquals(SvgRenderer.render(Turtles.scene()), java.nio.file.Files.readString(file));
    }
}
