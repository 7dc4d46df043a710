// The turtle canvas: replays the drawing of a run (the SVG that `ludus run --svg` writes, spec
// §12.4) line by line on a <canvas>, showing the turtle as it goes, then the final turtle.
"use strict";

class TurtleCanvas {
  constructor(canvas) {
    this.canvas = canvas;
    this.ctx = canvas.getContext("2d");
    this.frame = 0;
    this.clear();
  }

  clear() {
    cancelAnimationFrame(this.frame);
    this.scene = null;
    this.ctx.fillStyle = "#000";
    this.ctx.fillRect(0, 0, this.canvas.width, this.canvas.height);
  }

  // Parses the SVG into background, lines and turtle (the geometry is the SVG's, unchanged).
  static parse(svg) {
    const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
    const root = doc.documentElement;
    const num = (el, a) => parseFloat(el.getAttribute(a));
    const rgba = (el, colour, opacity) => {
      const m = /rgb\(([^,]+),([^,]+),([^)]+)\)/.exec(el.getAttribute(colour) || "");
      const a = el.hasAttribute(opacity) ? num(el, opacity) : 1;
      return m ? `rgba(${m[1]},${m[2]},${m[3]},${a})` : "rgba(0,0,0,1)";
    };
    const bg = doc.getElementById("background");
    const line = el => ({ x1: num(el, "x1"), y1: num(el, "y1"), x2: num(el, "x2"), y2: num(el, "y2"),
      stroke: rgba(el, "stroke", "stroke-opacity"), width: num(el, "stroke-width") });
    const drawing = doc.getElementById("drawing");
    const turtle = doc.getElementById("turtle");
    let shape = null;
    if (turtle) {
      const poly = turtle.querySelector("polygon"), nose = turtle.querySelector("line");
      shape = { points: poly.getAttribute("points").trim().split(/\s+/).map(p => p.split(",").map(parseFloat)),
        fill: rgba(poly, "fill", "fill-opacity"), nose: line(nose) };
    }
    return { width: num(root, "width"), height: num(root, "height"),
      background: bg ? rgba(bg, "fill", "fill-opacity") : "#000",
      lines: drawing ? Array.from(drawing.querySelectorAll("line")).map(line) : [], turtle: shape };
  }

  // Replays `svg`: `perFrame` lines each animation frame (0: all at once). Calls done() at the end.
  play(svg, perFrame, done) {
    cancelAnimationFrame(this.frame);
    const s = this.scene = TurtleCanvas.parse(svg);
    this.canvas.width = s.width;
    this.canvas.height = s.height;
    let drawn = 0;
    const step = () => {
      const upto = perFrame > 0 ? Math.min(s.lines.length, drawn + perFrame) : s.lines.length;
      this.paint(upto);
      drawn = upto;
      if (drawn < s.lines.length) this.frame = requestAnimationFrame(step);
      else { this.paint(drawn, true); if (done) done(); }
    };
    step();
  }

  // Paints the background and the first `upto` lines, then the turtle: the final one when the
  // replay is complete, else a turtle at the end of the last line drawn, facing along it.
  paint(upto, final) {
    const c = this.ctx, s = this.scene;
    c.clearRect(0, 0, s.width, s.height);
    c.fillStyle = "#fff"; // the background may be translucent: over white, as an SVG viewer shows it
    c.fillRect(0, 0, s.width, s.height);
    c.fillStyle = s.background;
    c.fillRect(0, 0, s.width, s.height);
    c.lineCap = "round";
    for (let i = 0; i < upto; i++) TurtleCanvas.stroke(c, s.lines[i]);
    if (final) {
      if (s.turtle) {
        c.fillStyle = s.turtle.fill;
        c.beginPath();
        s.turtle.points.forEach(([x, y], k) => k ? c.lineTo(x, y) : c.moveTo(x, y));
        c.closePath();
        c.fill();
        TurtleCanvas.stroke(c, s.turtle.nose);
      }
    } else if (upto > 0) {
      const l = s.lines[upto - 1], angle = Math.atan2(l.y2 - l.y1, l.x2 - l.x1);
      c.save();
      c.translate(l.x2, l.y2);
      c.rotate(angle);
      c.fillStyle = "rgba(255,255,255,0.6)";
      c.beginPath(); c.moveTo(20, 0); c.lineTo(-15, 7.5); c.lineTo(-15, -7.5); c.closePath(); c.fill();
      c.restore();
    }
  }

  static stroke(c, l) {
    if (!(l.width > 0)) return;
    c.strokeStyle = l.stroke;
    c.lineWidth = l.width;
    c.beginPath();
    c.moveTo(l.x1, l.y1);
    c.lineTo(l.x2, l.y2);
    c.stroke();
  }

  // The finished drawing as a PNG blob (painted completely, whatever the replay's progress).
  png(callback) {
    cancelAnimationFrame(this.frame);
    if (this.scene) this.paint(this.scene.lines.length, true);
    this.canvas.toBlob(callback, "image/png");
  }
}
