// A small code editor for Ludus: a transparent <textarea> over a highlighted copy of its text,
// with line numbers, Tab/Shift-Tab indenting, auto-indent and a marked error line. Written by hand
// (no bundler, no npm at build time) so the playground builds offline from Maven alone.
"use strict";

const LudusSyntax = (() => {
  const RESERVED = new Set(["as", "do", "else", "fn", "if", "import", "let", "loop", "match", "ns", "recur",
    "ref", "repeat", "test", "then", "use", "when", "with", "box", "pkg", "receive", "panic!"]);
  const CONSTANTS = new Set(["true", "false", "nil"]);
  const esc = s => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const span = (cls, text) => `<span class="tok-${cls}">${esc(text)}</span>`;

  // Highlights the whole text; returns HTML of one <span class="line"> per line.
  function highlight(text) {
    let out = "", i = 0, depth = 0;
    const n = text.length;
    while (i < n) {
      const c = text[i];
      if (c === "&") { // comment to the end of the line
        let j = text.indexOf("\n", i); if (j < 0) j = n;
        out += span("comment", text.slice(i, j)); i = j;
      } else if (c === '"') { // string, with \escapes and {word} interpolations
        let j = i + 1, buf = '"';
        const flush = () => { if (buf) { out += span("string", buf); buf = ""; } };
        while (j < n && text[j] !== '"') {
          if (text[j] === "\\" && j + 1 < n) { buf += text.slice(j, j + 2); j += 2; continue; }
          const m = /^\{[A-Za-z][A-Za-z0-9_?!*\/]*\}/.exec(text.slice(j, j + 64));
          if (m) { flush(); out += span("interp", m[0]); j += m[0].length; continue; }
          buf += text[j++];
        }
        if (j < n) { buf += '"'; j++; }
        flush(); i = j;
      } else if (c === ":" && /[A-Za-z]/.test(text[i + 1] || "")) {
        const m = /^:[A-Za-z][A-Za-z0-9_?!*\/]*/.exec(text.slice(i, i + 256));
        out += span("keyword", m[0]); i += m[0].length;
      } else if (/[0-9]/.test(c) || (c === "-" && /[0-9]/.test(text[i + 1] || ""))) {
        const m = /^-?[0-9][0-9_]*(\.[0-9][0-9_]*)?/.exec(text.slice(i, i + 256));
        out += span("number", m[0]); i += m[0].length;
      } else if (/[A-Za-z_]/.test(c)) {
        const m = /^[A-Za-z_][A-Za-z0-9_?!*\/]*/.exec(text.slice(i, i + 256));
        const w = m[0];
        out += RESERVED.has(w) ? span("reserved", w) : CONSTANTS.has(w) ? span("bool", w) : esc(w);
        i += w.length;
      } else if ("([{".includes(c) || (c === "#" && text[i + 1] === "{")) {
        const t = c === "#" ? "#{" : c;
        out += span("b" + (depth % 3), t); depth++; i += t.length;
      } else if (")]}".includes(c)) {
        depth = Math.max(0, depth - 1);
        out += span("b" + (depth % 3), c); i++;
      } else {
        out += esc(c); i++;
      }
    }
    // one span per line, so a line can be marked; spans never cross lines after this split
    return splitLines(out);
  }

  // Splits highlighted HTML into lines, closing and reopening a token span cut by a newline.
  function splitLines(html) {
    const lines = [];
    let cur = "", open = null;
    const re = /(<span class="[^"]*">)|(<\/span>)|(\n)|([^<\n]+)/g;
    let m;
    while ((m = re.exec(html))) {
      if (m[1]) { open = m[1]; cur += m[1]; }
      else if (m[2]) { open = null; cur += m[2]; }
      else if (m[3]) { if (open) cur += "</span>"; lines.push(cur); cur = open || ""; }
      else cur += m[4];
    }
    lines.push(cur);
    return lines;
  }
  return { highlight };
})();

class LudusEditor {
  constructor(host, { onRun, onChange } = {}) {
    this.gutter = document.createElement("div");
    this.gutter.className = "gutter";
    const code = document.createElement("div");
    code.className = "code";
    this.pre = document.createElement("pre");
    this.pre.setAttribute("aria-hidden", "true");
    this.area = document.createElement("textarea");
    this.area.spellcheck = false;
    this.area.setAttribute("autocapitalize", "off");
    this.area.setAttribute("autocomplete", "off");
    this.area.setAttribute("aria-label", "Ludus program");
    this.area.id = "source";
    code.append(this.pre, this.area);
    host.append(this.gutter, code);
    this.errorLine = 0;
    this.onRun = onRun || (() => {});
    this.onChange = onChange || (() => {});
    this.area.addEventListener("input", () => { this.errorLine = 0; this.render(); this.onChange(this.value); });
    this.area.addEventListener("scroll", () => this.syncScroll());
    this.area.addEventListener("keydown", e => this.key(e));
  }

  get value() { return this.area.value; }
  set value(v) { this.area.value = v; this.errorLine = 0; this.render(); }

  // Marks line n (1-based; 0 clears) as the error's line and scrolls it into view.
  markError(n) {
    this.errorLine = n;
    this.render();
    if (n > 0) {
      const top = (n - 1) * 20;
      if (top < this.area.scrollTop || top > this.area.scrollTop + this.area.clientHeight - 40) {
        this.area.scrollTop = Math.max(0, top - 60);
      }
    }
  }

  render() {
    const lines = LudusSyntax.highlight(this.area.value);
    this.pre.innerHTML = lines.map((l, i) =>
      `<span class="line${i + 1 === this.errorLine ? " error" : ""}">${l || " "}</span>`).join("") + "<span class=\"line\"> </span>";
    this.gutter.innerHTML = lines.map((_, i) =>
      `<div${i + 1 === this.errorLine ? ' class="error"' : ""}>${i + 1}</div>`).join("") + "<div></div>";
    this.syncScroll();
  }

  syncScroll() {
    this.pre.scrollTop = this.area.scrollTop;
    this.pre.scrollLeft = this.area.scrollLeft;
    this.gutter.scrollTop = this.area.scrollTop;
  }

  key(e) {
    const a = this.area;
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); this.onRun(); return; }
    if (e.key === "Tab") {
      e.preventDefault();
      const start = a.value.lastIndexOf("\n", a.selectionStart - 1) + 1;
      if (a.selectionStart === a.selectionEnd && !e.shiftKey) {
        a.setRangeText("  ", a.selectionStart, a.selectionEnd, "end");
      } else { // indent or dedent every selected line
        const end = a.selectionEnd, block = a.value.slice(start, end);
        const changed = e.shiftKey ? block.replace(/^ {1,2}/gm, "") : block.replace(/^/gm, "  ");
        a.setRangeText(changed, start, end, "select");
      }
      a.dispatchEvent(new Event("input"));
    } else if (e.key === "Enter" && !e.shiftKey) { // keep the indentation; indent after an opener
      e.preventDefault();
      const start = a.value.lastIndexOf("\n", a.selectionStart - 1) + 1;
      const line = a.value.slice(start, a.selectionStart);
      let indent = /^\s*/.exec(line)[0];
      if (/[({\[]\s*$|->\s*$|\b(then|else|with)\s*$/.test(line)) indent += "  ";
      a.setRangeText("\n" + indent, a.selectionStart, a.selectionEnd, "end");
      a.dispatchEvent(new Event("input"));
    }
  }
}
