// playground.js: the playground page: one editor on a database of the
// reader's own that lives in a Web Worker; Run, results and the schema
// panel; import and export of database files; share links.
import { createEditor } from "./editor.bundle.js";
import { count, renderResult } from "./results.js";
import { loadEdit, saveEdit } from "./store.js";
import { Engine, isStopped } from "./client.js";
import { armStop, stopArmed, toolbarUI } from "./toolbar.js";
import { renderSchema } from "./playground-schema.js";
import { decodeShare, encodeShare, isShareLink } from "./playground-share.js";

// shareLimit is the most a share link may carry, compressed, with the
// database in it; past it the link carries the SQL alone.
const shareLimit = 64 * 1024;

const ui = {
  ...toolbarUI,
  working: "Working…",
  keys: "Ctrl+Enter runs",
  ran: (ms) => `Ran in ${ms < 10 ? ms.toFixed(1) : Math.round(ms)} ms · Ctrl+Enter runs`,
  stopped: "Stopped. The database is back as it was before this run.",
  stoppedLost: "Stopped. The database was too big to keep a copy of, so the playground starts again from an empty one.",
  failed: (why, dead) => dead
    ? `The engine stopped working (${why}). A new one has started with your database as it was before this request.`
    : `The engine could not run: ${why}`,
  unchanged: "Your database is unchanged.",
  unknownKind: (name) => `“${name}” is not a file the playground imports: choose a .sqlite (or .db), .sql or .csv file.`,
  notDatabase: (name) => `“${name}” is not an SQLite database file (it does not start with “SQLite format 3”).`,
  damaged: (name, why) => `“${name}” looks like an SQLite database but is damaged: ${why}.`,
  sqlFailed: (name, line, column, why) => `“${name}” failed at line ${line}, column ${column}: ${why}. Nothing from it was kept.`,
  csvFailed: (name, why) => `“${name}” is not CSV the playground can read: ${why}.`,
  transaction: (name, why) => `“${name}” was not imported: ${why}.`,
  exists: (name, table) => `“${name}” would become table ${table}, which already exists: rename the file or drop the table first.`,
  opened: (name, n) => `Opened “${name}”: ${count(n, "table")}.`,
  script: (name, n) => `Ran “${name}”: ${count(n, "statement")}.`,
  csv: (name, rows, table) => `Imported ${count(rows, "row")} from “${name}” into table ${table}.`,
  exported: (name) => `Saved ${name} (in your downloads).`,
  shared: "The link holds your SQL. It is also in the address bar; anyone who opens it gets the same playground. Nothing is sent to a server.",
  sharedDB: "The link holds your SQL and your database. It is also in the address bar; anyone who opens it gets the same playground. Nothing is sent to a server.",
  tooBig: (kb) => `The database is too big for a link (${kb} KB compressed, at most ${shareLimit / 1024} KB), so the link holds your SQL only; export the database to share it as a file.`,
  copied: "Link copied.",
  copyByHand: "Select the link and copy it (Ctrl+C).",
  openedLink: "Opened a shared playground: its SQL is in the editor.",
  openedLinkDB: (n) => `Opened a shared playground: its SQL is in the editor and its database (${count(n, "table")}) is loaded.`,
  badLink: (why) => `This share link cannot be opened: ${why}. Your SQL and database are unchanged.`,
};

const page = document.querySelector("[data-testid=playground]");
const app = page.querySelector("[data-testid=pg-app]");
const output = app.querySelector("[data-testid=output]");
const status = app.querySelector("[data-testid=pg-status]");
const message = app.querySelector("[data-testid=pg-message]");
const tables = app.querySelector("[data-testid=pg-tables]");
const runButton = app.querySelector("button[data-action=run]");
const fileInput = app.querySelector("[data-testid=pg-file]");
const shareDB = app.querySelector("[data-testid=pg-share-db]");
const shareBox = app.querySelector("[data-testid=pg-share]");
const linkInput = app.querySelector("[data-testid=pg-link]");
const dropZone = page.querySelector("[data-testid=pg-drop]");

const engine = new Engine(new URL("./worker.js", import.meta.url));

let running = false;
const closedTables = new Set();

const editor = mountEditor();
app.hidden = false;

// mountEditor replaces the page's example with the editor, holding the
// reader's text from an earlier visit if there is one.
function mountEditor() {
  const pre = app.querySelector("[data-testid=pg-editor] pre");
  const example = pre.textContent;
  const host = document.createElement("div");
  host.className = "editor";
  const ed = createEditor({
    host,
    doc: loadEdit(0) ?? example,
    onRun: run,
    onRunNext: run,
    onChange: (text) => {
      saveEdit(0, text, example);
      // A shared link in the address bar no longer says what the editor
      // holds; dropping it keeps a reload from bringing the old SQL back.
      if (isShareLink(location.hash)) history.replaceState(null, "", location.pathname + location.search);
    },
  });
  // The editor fills its host (whose height the page's CSS sets) and
  // scrolls inside it; a constructed style sheet passes the CSP.
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(".cm-editor { height: 100%; } .cm-editor .cm-scroller { overflow-y: auto; }");
  host.shadowRoot.adoptedStyleSheets = [...host.shadowRoot.adoptedStyleSheets, sheet];
  pre.replaceWith(host);
  return ed;
}

// keep shows what a reply says about the database: the schema, in the
// panel and for autocomplete.
function keep(reply) {
  if (reply.schema) {
    tables.replaceChildren(renderSchema(reply.schema, closedTables));
    editor.setSchema(reply.schema);
  }
}

// say shows a message about the last action; kind "error" marks a failure.
function say(text, kind = "ok") {
  message.textContent = text;
  message.className = "pg-message " + kind;
  message.setAttribute("role", kind === "error" ? "alert" : "status");
}

// setRunning shows a run under way, during which Run becomes Stop.
function setRunning(on) {
  running = on;
  armStop(runButton, on, () => running);
  app.setAttribute("aria-busy", String(on));
  if (on) status.textContent = ui.running;
}

// run executes the editor's SQL on the current database.
async function run() {
  if (running) return;
  setRunning(true);
  say("");
  try {
    const reply = await engine.call("exec", { sql: editor.text });
    keep(reply);
    output.replaceChildren(renderResult(reply.result));
    const ms = reply.result.statements.reduce((sum, st) => sum + st.durationMs, 0);
    status.textContent = ui.ran(ms);
    if (reply.result.error) editor.markError(reply.result.error.offset, reply.result.error.message);
  } catch (err) {
    status.textContent = ui.keys;
    if (!isStopped(err)) say(ui.failed(err.message, err.dead), "error");
  } finally {
    setRunning(false);
  }
}

// stop replaces the busy worker; the new one starts from the database as
// it was before the run (the engine client keeps it), unless it was too
// big to keep.
async function stop() {
  const lost = engine.checkpoint?.tooBig;
  engine.stop();
  output.replaceChildren();
  say(lost ? ui.stoppedLost : ui.stopped, lost ? "error" : "ok");
  keep(await engine.call("state"));
}

// task runs an action that is not a run (import, export, share), showing
// that it works and any failure of the engine itself.
async function task(action) {
  status.textContent = ui.working;
  try {
    await action();
  } catch (err) {
    if (!isStopped(err)) say(ui.failed(err.message, err.dead), "error");
  } finally {
    if (!running) status.textContent = ui.keys;
  }
}

// sqliteHeader starts every SQLite database file.
const sqliteHeader = "SQLite format 3\0";

// kindOf tells how to import file: "sqlite" for a database (by its first
// bytes or its name), "sql" or "csv" by its name, or null.
async function kindOf(file) {
  const head = new Uint8Array(await file.slice(0, sqliteHeader.length).arrayBuffer());
  if (String.fromCharCode(...head) === sqliteHeader) return "sqlite";
  const ext = file.name.toLowerCase().split(".").pop();
  if (["sqlite", "sqlite3", "db", "db3"].includes(ext)) return "sqlite";
  if (ext === "sql" || ext === "csv") return ext;
  return null;
}

// tableName makes a CSV file's name a table name that needs no quoting.
function tableName(fileName) {
  let name = fileName.replace(/\.[^.]*$/, "").replace(/[^A-Za-z0-9_]+/g, "_").replace(/^_+|_+$/g, "");
  if (name === "") name = "data";
  if (/^[0-9]/.test(name)) name = "t_" + name;
  return name;
}

// importFile adds file to the database (.sql, .csv) or replaces the
// database with it (.sqlite). A failed import changes nothing.
async function importFile(file) {
  const kind = await kindOf(file);
  if (!kind) {
    say(ui.unknownKind(file.name), "error");
    return;
  }
  let reply;
  if (kind === "sqlite") {
    const data = new Uint8Array(await file.arrayBuffer());
    reply = await engine.call("open", { data }, [data.buffer]);
  } else if (kind === "sql") {
    reply = await engine.call("script", { sql: await file.text() });
  } else {
    reply = await engine.call("csv", { table: tableName(file.name), text: await file.text() });
  }
  keep(reply);
  say(importMessage(file.name, reply), reply.failed ? "error" : "ok");
}

// importMessage says what an import did, or why it did nothing.
function importMessage(name, r) {
  switch (r.failed) {
    case "not-database": return ui.notDatabase(name) + " " + ui.unchanged;
    case "damaged": return ui.damaged(name, r.message) + " " + ui.unchanged;
    case "sql": return ui.sqlFailed(name, r.line, r.column, r.message) + " " + ui.unchanged;
    case "csv": return ui.csvFailed(name, r.message) + " " + ui.unchanged;
    case "exists": return ui.exists(name, r.message) + " " + ui.unchanged;
    case "transaction": return ui.transaction(name, r.message) + " " + ui.unchanged;
  }
  if (r.tables !== undefined) return ui.opened(name, r.tables);
  if (r.statements !== undefined) return ui.script(name, r.statements);
  return ui.csv(name, r.rows, r.table);
}

// exportAs downloads the database as playground.sqlite or playground.sql.
async function exportAs(kind) {
  const name = "playground." + kind;
  const blob = kind === "sqlite"
    ? new Blob([(await engine.call("export")).image], { type: "application/vnd.sqlite3" })
    : new Blob([(await engine.call("dump")).text], { type: "application/sql" });
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
  say(ui.exported(name));
}

// share puts the SQL, and the database if asked and small enough, in the
// page's URL fragment and shows the link.
async function share() {
  let note = shareDB.checked ? ui.sharedDB : ui.shared;
  let link = await encodeShare(editor.text, shareDB.checked ? (await engine.call("export")).image : null);
  if (link.size > shareLimit && shareDB.checked) {
    note = ui.tooBig(Math.ceil(link.size / 1024));
    link = await encodeShare(editor.text, null);
  }
  history.replaceState(null, "", link.fragment);
  shareBox.hidden = false;
  linkInput.value = location.href;
  linkInput.select();
  say(note);
}

// copyLink puts the shown link on the clipboard.
async function copyLink() {
  linkInput.select();
  try {
    await navigator.clipboard.writeText(linkInput.value);
    say(ui.copied);
  } catch {
    say(ui.copyByHand);
  }
}

// openShare restores the SQL and database of a share link; a link that
// cannot be read changes nothing. The fragment is dropped afterwards, so
// a reload keeps the reader's later edits.
async function openShare(hash) {
  try {
    const { sql, image } = await decodeShare(hash);
    let note = ui.openedLink;
    if (image) {
      const reply = await engine.call("open", { data: image }, [image.buffer]);
      keep(reply);
      if (reply.failed) {
        say(ui.badLink("its database is damaged (" + reply.message + ")"), "error");
        return;
      }
      note = ui.openedLinkDB(reply.tables);
    }
    editor.replace(sql);
    output.replaceChildren();
    say(note);
  } catch (err) {
    say(ui.badLink(err.message), "error");
  } finally {
    history.replaceState(null, "", location.pathname + location.search);
  }
}

// hasFiles reports whether a drag carries files (not text or a link).
function hasFiles(ev) {
  return ev.dataTransfer !== null && Array.from(ev.dataTransfer.types).includes("Files");
}

// importAll imports dropped or picked files, one after another.
function importAll(files) {
  return task(async () => {
    for (const f of files) await importFile(f);
  });
}

// listen wires the controls, the keyboard and drag and drop.
function listen() {
  runButton.addEventListener("click", () => (!running ? run() : stopArmed(runButton) && stop()));
  app.querySelector("button[data-action=export-sqlite]").addEventListener("click", () => task(() => exportAs("sqlite")));
  app.querySelector("button[data-action=export-sql]").addEventListener("click", () => task(() => exportAs("sql")));
  app.querySelector("button[data-action=share]").addEventListener("click", () => task(share));
  app.querySelector("button[data-action=copy]").addEventListener("click", copyLink);
  fileInput.addEventListener("change", () => {
    const files = Array.from(fileInput.files);
    fileInput.value = ""; // picking the same file again imports it again
    importAll(files);
  });
  // Ctrl/Cmd+Enter runs from anywhere on the page; the editor handles it
  // itself when it has focus.
  document.addEventListener("keydown", (ev) => {
    if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey) && !ev.defaultPrevented) {
      ev.preventDefault();
      run();
    }
  });
  window.addEventListener("hashchange", () => {
    if (isShareLink(location.hash)) task(() => openShare(location.hash));
  });
  // A file dropped anywhere on the page is imported; capturing the drop
  // keeps the editor from pasting the file's text instead.
  let depth = 0;
  const showDrop = (on) => {
    dropZone.hidden = !on;
    page.classList.toggle("dragging", on);
  };
  document.addEventListener("dragenter", (ev) => {
    if (hasFiles(ev) && depth++ === 0) showDrop(true);
  }, true);
  document.addEventListener("dragleave", (ev) => {
    if (hasFiles(ev) && --depth <= 0) {
      depth = 0;
      showDrop(false);
    }
  }, true);
  document.addEventListener("dragover", (ev) => {
    if (!hasFiles(ev)) return;
    ev.preventDefault();
    ev.dataTransfer.dropEffect = "copy";
  }, true);
  document.addEventListener("drop", (ev) => {
    if (!hasFiles(ev)) return;
    ev.preventDefault();
    ev.stopPropagation();
    depth = 0;
    showDrop(false);
    importAll(Array.from(ev.dataTransfer.files));
  }, true);
}

listen();
// Start the engine now (it takes a moment to compile) and open a shared
// playground if the address holds one: a link that cannot be read says so
// at once, without waiting for the engine.
task(async () => {
  const opening = isShareLink(location.hash) ? openShare(location.hash) : null;
  keep(await engine.call("state"));
  await opening;
});
