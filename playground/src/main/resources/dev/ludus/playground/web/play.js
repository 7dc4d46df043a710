// The playground page: editor, Run/Stop, console, turtle canvas, examples, share link. Talks to
// the server through the JSON API (POST /api/run, POST /api/stop, GET /api/examples).
"use strict";

const $ = id => document.getElementById(id);
const STORE = "ludus-playground-source";
const FIRST = `& Welcome to Ludus! Press Run (or Ctrl-Enter).
& The turtle draws a spiral: change the numbers and run again.
pencolor! ((255, 215, 80))
loop (1) with (n) -> if gt? (n, 100)
  then :done
  else {
    forward! (mult (n, 3))
    right! (0.24)
    recur (inc (n))
  }
`;

const client = localStorage.getItem("ludus-client") || randomId();
localStorage.setItem("ludus-client", client);
let current = null; // the id of the run in flight
let lastSvg = null;

const turtle = new TurtleCanvas($("canvas"));
const editor = new LudusEditor($("editor"), {
  onRun: run,
  onChange: text => { localStorage.setItem(STORE, text); $("share-link").hidden = true; },
});
editor.value = fromHash() ?? localStorage.getItem(STORE) ?? FIRST;

$("run").addEventListener("click", run);
$("stop").addEventListener("click", stop);
$("share").addEventListener("click", share);
$("examples").addEventListener("change", e => {
  const ex = examples.find(x => x.name === e.target.value);
  if (ex) { editor.value = ex.source; localStorage.setItem(STORE, ex.source); }
  e.target.value = "";
  editor.showTop(); // show an example from its first line
});
$("download-svg").addEventListener("click", () => {
  if (lastSvg) download(new Blob([lastSvg], { type: "image/svg+xml" }), "drawing.svg");
});
$("download-png").addEventListener("click", () => turtle.png(blob => download(blob, "drawing.png")));
window.addEventListener("hashchange", () => { const s = fromHash(); if (s !== null) editor.value = s; });

let examples = [];
fetch("/api/examples").then(r => r.json()).then(list => {
  examples = list;
  for (const ex of list) $("examples").append(new Option(ex.name, ex.name));
}).catch(() => {});

async function run() {
  if (current) await stop();
  const id = randomId();
  current = id;
  busy(true);
  editor.markError(0);
  $("console").textContent = "";
  status("running…");
  let result;
  try {
    const r = await fetch("/api/run", { method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ source: editor.value, id, client }) });
    result = await r.json();
    if (!r.ok) result = { stdout: "", stderr: result.error || `server error ${r.status}`, exit: 2, svg: null, limit: null };
  } catch (e) {
    result = { stdout: "", stderr: "The playground server cannot be reached (is `ludus play` still running?)", exit: 2 };
  }
  if (current !== id) return; // a newer run replaced this one
  current = null;
  busy(false);
  show(result);
}

async function stop() {
  const id = current;
  if (!id) return;
  status("stopping…");
  try {
    await fetch("/api/stop", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ id }) });
  } catch (e) { /* the run's own answer reports it */ }
}

function show(r) {
  const con = $("console");
  const add = (text, cls) => {
    if (!text) return;
    const s = document.createElement("span");
    if (cls) s.className = cls;
    s.textContent = text;
    con.append(s);
  };
  const out = r.stdout || "";
  const resultAt = r.exit === 0 ? out.lastIndexOf("=> ") : -1;
  if (resultAt >= 0) { add(out.slice(0, resultAt)); add(out.slice(resultAt), "result"); } else add(out);
  if (r.stderr) {
    if (out && !out.endsWith("\n")) add("\n");
    add(r.stderr, r.limit ? "limit" : "err");
  }
  if (r.exit !== 0 && r.line > 0) editor.markError(r.line, (r.stderr || "").split("\n")[0]);
  lastSvg = r.svg || null;
  $("download-svg").disabled = $("download-png").disabled = !lastSvg;
  if (lastSvg) turtle.play(lastSvg, parseInt($("speed").value, 10));
  else turtle.clear();
  const what = r.limit ? `stopped: ${r.limit} limit` : r.exit === 0 ? "done" : "failed";
  status(`${r.limit === "stopped" ? "stopped" : what} in ${r.millis ?? "?"} ms`);
  con.scrollTop = con.scrollHeight;
}

// Drawings shown from elsewhere (the REPL's :show posts to /api/show): polled while the page is
// visible; only those posted after the page opened are shown.
let shownVersion = null;
async function pollShown() {
  if (!document.hidden) {
    try {
      const r = await fetch("/api/show?after=" + (shownVersion ?? 1e18));
      const s = await r.json();
      if (shownVersion !== null && s.svg && s.version > shownVersion && !current) {
        lastSvg = s.svg;
        $("download-svg").disabled = $("download-png").disabled = false;
        turtle.play(lastSvg, parseInt($("speed").value, 10));
        status("drawing shown from the REPL");
      }
      shownVersion = s.version;
    } catch (e) { /* the server is away: try again later */ }
  }
  setTimeout(pollShown, 1500);
}
pollShown();

function busy(on) {
  $("run").disabled = on;
  $("stop").disabled = !on;
  document.body.classList.toggle("running", on);
}

function status(text) { $("status").textContent = text; }

// The share link carries the program in the address's fragment (never sent to a server).
function share() {
  const bytes = new TextEncoder().encode(editor.value);
  let bin = "";
  bytes.forEach(b => { bin += String.fromCharCode(b); });
  const code = btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  history.replaceState(null, "", "#code=" + code);
  const link = $("share-link");
  link.value = location.href;
  link.hidden = false;
  link.select();
  if (navigator.clipboard) navigator.clipboard.writeText(location.href).then(() => status("link copied"), () => {});
}

function fromHash() {
  const m = /^#code=([A-Za-z0-9_-]*)$/.exec(location.hash);
  if (!m) return null;
  try {
    const bin = atob(m[1].replace(/-/g, "+").replace(/_/g, "/"));
    return new TextDecoder().decode(Uint8Array.from(bin, ch => ch.charCodeAt(0)));
  } catch (e) { return null; }
}

function download(blob, name) {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

function randomId() {
  return Array.from(crypto.getRandomValues(new Uint8Array(12)), b => b.toString(16).padStart(2, "0")).join("");
}
