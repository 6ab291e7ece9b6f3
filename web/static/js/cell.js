// cell.js: what the cells of a lesson page (<sql-cell>, <program-cell>,
// <csv-cell>) share. The page (lesson.js) drives every cell alike: it
// reads its index, job and lessonJob, and calls busy, show, stopped,
// fail, mark and setSchema; a cell asks the page for work with the
// bubbling events cell-run and cell-stop. RunnableCell is that contract
// with a toolbar (Run, which reads Stop while a run is under way, and a
// status line); EditorCell adds an editor the reader may change, kept
// across reloads (store.js), with Revert.
import { el, renderError } from "./results.js";
import { button, showBusy, stopOnPurpose, toolbarUI } from "./toolbar.js";
import { loadEdit, saveEdit } from "./store.js";

// cellUI are the strings every cell shows.
export const cellUI = {
  ...toolbarUI,
  keys: "Ctrl+Enter runs · Shift+Enter runs and moves on",
  revert: "Revert",
  stopped: "Stopped. The database is back as the cells above left it.",
  failed: "The engine could not run this cell: ",
  died: (why) => `The engine stopped working (${why}). A new one has started with the database as it was before this cell; what you typed is kept. Run the cell again.`,
};

// RunnableCell is a cell the page runs: it has an index, a toolbar whose
// Run button becomes Stop, and shows the page's busy, stopped and failed
// states in its output.
export class RunnableCell extends HTMLElement {
  // connectedCallback puts the toolbar before the output, once.
  connectedCallback() {
    if (this.toolbar) return;
    this.output = this.querySelector(".output");
    this.button = button(cellUI.run, () => (this.running ? stopOnPurpose(this) : this.run()));
    this.status = el("span", "status");
    this.toolbar = el("div", "toolbar");
    this.toolbar.append(this.button, this.status);
    this.output.before(this.toolbar);
  }

  // index is the cell's place on the page, from 0.
  get index() {
    return Number(this.dataset.index);
  }

  // run asks the page to run this cell (and the cells above it).
  run() {
    this.dispatchEvent(new CustomEvent("cell-run", { bubbles: true }));
  }

  // busy shows that a run is under way, or over; while it is, the Run
  // button stops it.
  busy(on) {
    showBusy(this, on);
  }

  // stopped shows that the reader stopped the run.
  stopped() {
    this.output.replaceChildren(renderError({ message: cellUI.stopped }));
  }

  // fail shows that the engine itself could not run; dead says that it
  // died and a new one took its place.
  fail(message, dead) {
    this.output.replaceChildren(renderError({ message: dead ? cellUI.died(message) : cellUI.failed + message }));
  }

  // mark shows where an error is; a cell without an editor shows errors
  // in its output only.
  mark() {}

  // setSchema hears of the page's schema after a run; only an editor with
  // autocomplete needs it.
  setSchema() {}
}

// EditorCell is a RunnableCell whose source (pre.source) the reader edits
// in an editor. Subclasses give revertTitle (Revert's tooltip) and
// editedNote (the status while the source differs from the lesson's).
export class EditorCell extends RunnableCell {
  // setUpEditor replaces pre.source with the editor newEditor makes from
  // options (plus the page's keys and the kept edit), adds Revert to the
  // toolbar, and returns the editor's host element.
  setUpEditor(newEditor, className, options = {}) {
    const pre = this.querySelector("pre.source");
    this.original = pre.textContent;
    this.originalOutput = this.output.cloneNode(true);
    const host = el("div", className);
    this.editor = newEditor({
      ...options,
      host,
      doc: loadEdit(this.index) ?? this.original,
      onRun: () => this.run(),
      onRunNext: () => {
        this.run();
        this.next()?.focus();
      },
      onChange: (text) => {
        saveEdit(this.index, text, this.original);
        this.showEdited();
      },
    });
    pre.replaceWith(host);
    this.revertButton = secondaryButton(cellUI.revert, () => this.revert(), "revert", this.revertTitle);
    this.toolbar.insertBefore(this.revertButton, this.status);
    return host;
  }

  // source is the cell's current text: the editor's, or the server's
  // before the editor exists.
  get source() {
    return this.editor ? this.editor.text : this.querySelector("pre.source").textContent;
  }

  // edited reports whether the reader changed the lesson's text.
  get edited() {
    return this.source !== this.original;
  }

  // showEdited shows whether the reader changed the lesson's text.
  showEdited() {
    this.revertButton.hidden = !this.edited;
    const note = this.edited ? this.editedNote : "";
    if (!this.running) this.status.textContent = note ? `${note} · ${cellUI.keys}` : cellUI.keys;
  }

  // revert puts back the lesson's text; undo (Ctrl+Z) brings the edit back.
  revert(focus = true) {
    if (this.edited) this.editor.replace(this.original);
    if (focus) this.editor.focus();
  }

  // restoreOutput shows the lesson's own result again.
  restoreOutput() {
    this.output.replaceChildren(...this.originalOutput.cloneNode(true).childNodes);
  }

  busy(on) {
    super.busy(on);
    if (!on) this.showEdited();
  }

  // focus puts the caret in this cell's editor.
  focus() {
    this.editor.focus();
  }

  // next returns the next cell of this kind on the page, if any.
  next() {
    const all = Array.from(document.querySelectorAll(this.localName));
    return all[all.indexOf(this) + 1];
  }
}

// secondaryButton makes a toolbar button drawn less loudly than Run.
export function secondaryButton(label, onClick, action, title) {
  const b = button(label, onClick, action);
  b.className = "secondary";
  if (title) b.title = title;
  return b;
}
