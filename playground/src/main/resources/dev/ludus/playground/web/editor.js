// The playground's editor: CodeMirror 5 (from the org.webjars.npm:codemirror WebJar, served from the
// jar under /vendor/codemirror/) with a Ludus mode: brackets, comments, strings with {interpolation},
// keywords, numbers, reserved words. Line numbers, Ctrl/Cmd-Enter runs, Tab indents, Shift-Tab
// dedents, Ctrl-/ comments lines out, the error line is marked.
"use strict";

// Reserved words (spec §1), the extension words box, pkg (§15) and receive (§16), and panic!.
const LUDUS_RESERVED = ["as", "do", "else", "fn", "if", "import", "let", "loop", "match", "ns", "recur",
  "ref", "repeat", "test", "then", "use", "when", "with", "box", "pkg", "receive", "panic!"];
const LUDUS_WORD_END = "(?![A-Za-z0-9_?!*/])";

CodeMirror.defineSimpleMode("ludus", {
  start: [
    { regex: /&.*/, token: "comment" },
    { regex: /"/, token: "string", push: "string" },
    { regex: /:[A-Za-z][A-Za-z0-9_?!*/]*/, token: "atom" },
    { regex: /-?[0-9][0-9_]*(?:\.[0-9][0-9_]*)?/, token: "number" },
    { regex: new RegExp("(?:" + LUDUS_RESERVED.map(w => w.replace("!", "\\!")).join("|") + ")" + LUDUS_WORD_END),
      token: "keyword" },
    { regex: new RegExp("(?:true|false|nil)" + LUDUS_WORD_END), token: "builtin" },
    { regex: /_?[A-Za-z][A-Za-z0-9_?!*/]*/, token: "variable" },
    { regex: /#\{|[([{]/, token: "bracket", indent: true },
    { regex: /[)\]}]/, token: "bracket", dedent: true },
  ],
  // inside a string: \escapes, {name} interpolations, and the closing quote
  string: [
    { regex: /"/, token: "string", pop: true },
    { regex: /\\./, token: "string-2" },
    { regex: /\{[A-Za-z][A-Za-z0-9_?!*/]*\}/, token: "interp" },
    { regex: /[^"\\{]+/, token: "string" },
    { regex: /\{/, token: "string" },
  ],
  meta: { lineComment: "&", dontIndentStates: ["string"] },
});

class LudusEditor {
  constructor(host, { onRun, onChange } = {}) {
    this.onRun = onRun || (() => {});
    this.onChange = onChange || (() => {});
    this.errorLine = 0;
    const run = () => this.onRun();
    this.cm = CodeMirror(host, {
      mode: "ludus",
      theme: "ludus",
      lineNumbers: true,
      autofocus: true,
      indentUnit: 2,
      tabSize: 2,
      indentWithTabs: false,
      matchBrackets: true,
      styleActiveLine: true,
      gutters: ["CodeMirror-linenumbers", "ludus-error-gutter"],
      screenReaderLabel: "Ludus program",
      extraKeys: {
        "Ctrl-Enter": run,
        "Cmd-Enter": run,
        "Tab": cm => cm.somethingSelected() ? cm.indentSelection("add")
          : cm.replaceSelection(" ".repeat(cm.getOption("indentUnit") - cm.getCursor().ch % cm.getOption("indentUnit")), "end"),
        "Shift-Tab": cm => cm.indentSelection("subtract"),
        "Ctrl-/": "toggleComment",
        "Cmd-/": "toggleComment",
      },
    });
    this.cm.on("change", (cm, change) => {
      if (change.origin !== "setValue") this.markError(0);
      this.onChange(this.value);
    });
  }

  get value() { return this.cm.getValue(); }
  set value(v) {
    this.cm.setValue(v);
    this.cm.clearHistory();
    this.markError(0);
  }

  focus() { this.cm.focus(); }

  /** Shows the program from its first line, cursor there. */
  showTop() {
    this.cm.setCursor(0, 0);
    this.cm.scrollTo(0, 0);
    this.cm.focus();
  }

  // Marks line n (1-based; 0 clears) as the error's line, with a marker in the gutter, and
  // scrolls it into view.
  markError(n, message) {
    if (this.errorLine > 0 && this.errorLine <= this.cm.lineCount()) {
      this.cm.removeLineClass(this.errorLine - 1, "wrap", "ludus-error-line");
      this.cm.removeLineClass(this.errorLine - 1, "gutter", "ludus-error-gutter-line");
    }
    this.cm.clearGutter("ludus-error-gutter");
    this.errorLine = n > 0 && n <= this.cm.lineCount() ? n : 0;
    if (!this.errorLine) return;
    const line = this.errorLine - 1;
    this.cm.addLineClass(line, "wrap", "ludus-error-line");
    this.cm.addLineClass(line, "gutter", "ludus-error-gutter-line");
    const mark = document.createElement("span");
    mark.className = "ludus-error-mark";
    mark.textContent = "●";
    if (message) mark.title = message;
    this.cm.setGutterMarker(line, "ludus-error-gutter", mark);
    this.cm.scrollIntoView({ line, ch: 0 }, 60);
  }
}
