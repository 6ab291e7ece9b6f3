// program-cell.js: <program-cell>, a Go program the reader edits and runs
// (with the inputs in its form fields) and whose emitted SQL and output it
// shows: an example program, or a Go exercise checked against its
// solution; and <csv-cell>, CSV text imported into a table. Both enhance
// the server's markup in place (web/program.templ) and run through the
// page, which owns the database (see lesson.js).
import { el, renderError } from "./results.js";
import { button, showBusy, stopOnPurpose, toolbarUI } from "./toolbar.js";
import { createGoEditor } from "./editor.bundle.js";
import { loadEdit, saveEdit, loadSolved, saveSolved } from "./store.js";

const ui = {
  ...toolbarUI,
  keys: "Ctrl+Enter runs · Shift+Enter runs and moves on",
  edited: "Edited: runs interpreted",
  revert: "Revert",
  revertTitle: "Put back the lesson's program",
  check: "Check",
  hint: "Hint",
  noMoreHints: "No more hints",
  solution: "Show solution",
  correct: "Correct! Exercise solved.",
  solved: "Solved",
  notYet: "Not yet: ",
  stopped: "Stopped. The database is back as the cells above left it.",
  failed: "The engine could not run this cell: ",
  died: (why) => `The engine stopped working (${why}). A new one has started with the database as it was before this cell. Run the cell again.`,
  sql: (n) => (n === 1 ? "1 SQL statement GORM emitted" : `${n} SQL statements GORM emitted`),
  output: "Output",
  noOutput: "The program printed nothing.",
  rows: (n) => (n < 0 ? "" : n === 1 ? "1 row" : `${n} rows`),
  imported: (n, table) => `Imported ${n === 1 ? "1 row" : `${n} rows`} into ${table}.`,
};

// RunnableCell is what both cells share: an index, a Run/Stop button and
// the page's busy, stopped and failed states.
class RunnableCell extends HTMLElement {
  connectedCallback() {
    if (this.button) return;
    this.output = this.querySelector(".output");
    this.button = button(ui.run, () => (this.running ? stopOnPurpose(this) : this.run()));
    this.status = document.createElement("span");
    this.status.className = "status";
    this.toolbar = document.createElement("div");
    this.toolbar.className = "toolbar";
    this.toolbar.append(this.button, this.status);
    this.output.before(this.toolbar);
  }

  get index() {
    return Number(this.dataset.index);
  }

  // run asks the page to run this cell (and the cells above it).
  run() {
    this.dispatchEvent(new CustomEvent("cell-run", { bubbles: true }));
  }

  busy(on) {
    showBusy(this, on);
  }

  stopped() {
    this.output.replaceChildren(renderError({ message: ui.stopped }));
  }

  fail(message, dead) {
    this.output.replaceChildren(renderError({ message: dead ? ui.died(message) : ui.failed + message }));
  }

  // mark has nothing to mark: errors are marked by show.
  mark() {}

  // setSchema has no autocomplete to feed.
  setSchema() {}
}

// ProgramCell is a Go program in an editor. Unedited, the page runs the
// program compiled into the engine; edited (and always for an exercise),
// it sends the source, which the engine interprets. Edits are kept like
// SQL cells' (store.js).
export class ProgramCell extends RunnableCell {
  connectedCallback() {
    if (this.editor) return;
    const pre = this.querySelector("pre.source");
    this.original = pre.textContent;
    this.originalOutput = this.querySelector(".output").cloneNode(true);
    const host = document.createElement("div");
    host.className = "editor go";
    this.editor = createGoEditor({
      host,
      doc: loadEdit(this.index) ?? this.original,
      label: this.exercise ? "Go exercise" : `Go source of the program ${this.dataset.program}`,
      onRun: () => this.run(),
      onRunNext: () => {
        this.run();
        this.nextCell()?.focus();
      },
      onChange: (text) => {
        saveEdit(this.index, text, this.original);
        this.showEdited();
      },
    });
    pre.replaceWith(host);
    super.connectedCallback();
    this.revertButton = button(ui.revert, () => this.revert(), "revert");
    this.revertButton.title = ui.revertTitle;
    this.revertButton.className = "secondary";
    this.toolbar.insertBefore(this.revertButton, this.status);
    if (this.exercise) this.setUpExercise();
    this.showEdited();
  }

  // exercise reports whether this cell is a Go exercise.
  get exercise() {
    return this.dataset.exercise !== undefined;
  }

  get source() {
    return this.editor ? this.editor.text : this.querySelector("pre.source").textContent;
  }

  get edited() {
    return this.source !== this.original;
  }

  get job() {
    const job = this.jobFor("value", this.exercise || this.edited ? this.source : undefined);
    return this.checking ? { ...job, exercise: { solution: this.solution, check: this.checkSQL } } : job;
  }

  // lessonJob is the lesson's program with the lesson's own inputs.
  get lessonJob() {
    return this.jobFor("defaultValue", this.exercise ? this.original : undefined);
  }

  jobFor(value, source) {
    const fields = Array.from(this.querySelectorAll(".params input"));
    const job = { program: this.dataset.program ?? "", inputs: Object.fromEntries(fields.map((f) => [f.name, f[value]])) };
    return source === undefined ? job : { ...job, source };
  }

  // setUpExercise adds Check, Hint and Show solution, and shows whether
  // the reader solved the exercise on an earlier visit.
  setUpExercise() {
    const box = this.querySelector(".exercise");
    this.feedback = box.querySelector(".feedback");
    const hintsBox = box.querySelector(".hints");
    const hints = Array.from(box.querySelectorAll(".hints li"));
    const solutionBox = box.querySelector(".solution");
    this.solution = solutionBox.querySelector("code").textContent;
    this.checkSQL = box.querySelector("pre.check")?.textContent ?? "";
    const buttons = [button(ui.check, () => this.check(), "check")];
    if (hintsBox) {
      hintsBox.hidden = true;
      hints.forEach((li) => (li.hidden = true));
      const hint = button(ui.hint, () => {
        hintsBox.hidden = false;
        hintsBox.open = true;
        const next = hints.find((li) => li.hidden);
        if (next) next.hidden = false;
        if (!hints.some((li) => li.hidden)) {
          hint.disabled = true;
          hint.textContent = ui.noMoreHints;
        }
      }, "hint");
      buttons.push(hint);
    }
    solutionBox.hidden = true;
    buttons.push(button(ui.solution, () => {
      solutionBox.hidden = false;
      solutionBox.open = true;
    }, "solution"));
    for (const b of buttons) {
      b.className = "secondary";
      this.toolbar.insertBefore(b, this.revertButton);
    }
    if (loadSolved(this.index)) this.markSolved(ui.solved);
  }

  // check runs the reader's program as a Run does, with the exercise's
  // solution and check query, so that the engine judges it.
  check() {
    if (this.running) return;
    this.checking = true;
    this.run();
  }

  busy(on) {
    super.busy(on);
    if (!on) {
      this.checking = false;
      this.showEdited();
    }
  }

  // showEdited shows whether the reader changed the lesson's program.
  showEdited() {
    this.revertButton.hidden = !this.edited;
    if (!this.running) this.status.textContent = this.edited && !this.exercise ? `${ui.edited} · ${ui.keys}` : ui.keys;
  }

  // revert puts back the lesson's program; undo brings the edit back.
  revert(focus = true) {
    if (this.edited) this.editor.replace(this.original);
    if (focus) this.editor.focus();
  }

  // restoreOutput shows the lesson's own result again.
  restoreOutput() {
    this.output.replaceChildren(...this.originalOutput.cloneNode(true).childNodes);
  }

  focus() {
    this.editor.focus();
  }

  // nextCell returns the next program cell on the page, if any.
  nextCell() {
    const all = Array.from(document.querySelectorAll("program-cell"));
    return all[all.indexOf(this) + 1];
  }

  show(result) {
    if (result.error) {
      this.output.replaceChildren(renderError({ message: result.error.message }));
      return;
    }
    const r = result.program;
    this.output.replaceChildren(renderProgram(r));
    if (r.line) this.editor.markAt(r.line, r.column, r.error);
    if (r.judged && this.feedback) this.judged(r.judged.problem);
  }

  // judged shows the verdict on the reader's program: "" when right,
  // else what differs.
  judged(problem) {
    if (problem === "") {
      saveSolved(this.index);
      this.markSolved(ui.correct);
    } else {
      this.feedback.className = "feedback wrong";
      this.feedback.textContent = ui.notYet + problem;
    }
  }

  markSolved(message) {
    this.feedback.className = "feedback right";
    this.feedback.textContent = "✓ " + message;
    this.classList.add("solved");
  }
}

// CSVCell imports its CSV into a table of the page's database.
export class CSVCell extends RunnableCell {
  get job() {
    return { csv: this.querySelector("pre.source").textContent, table: this.dataset.table };
  }

  // lessonJob is the job: the reader cannot change a CSV cell.
  get lessonJob() {
    return this.job;
  }

  show(result) {
    if (result.error) this.output.replaceChildren(renderError({ message: result.error.message }));
    else this.output.replaceChildren(el("p", "changes", ui.imported(result.imported, this.dataset.table)));
  }
}

// renderProgram shows a program's run as web/program.templ does: the SQL
// GORM emitted, then what the program printed, then its error.
export function renderProgram(r) {
  const frag = document.createDocumentFragment();
  if (r.statements && r.statements.length > 0) {
    const log = el("details", "sql-log");
    log.open = true;
    log.dataset.testid = "sql-log";
    log.append(el("summary", "", ui.sql(r.statements.length)));
    const list = el("ol", "");
    for (const st of r.statements) {
      const li = el("li", st.error ? "failed" : "");
      li.append(el("code", "", st.sql));
      const rows = ui.rows(st.rows);
      if (rows) li.append(" ", el("span", "rows", rows));
      if (st.error) li.append(" ", el("span", "why", st.error));
      list.append(li);
    }
    log.append(list);
    frag.append(log);
  }
  const out = el("div", "program-output");
  out.dataset.testid = "program-output";
  out.append(el("p", "caption", ui.output), r.output ? el("pre", "", r.output) : el("p", "note", ui.noOutput));
  frag.append(out);
  if (r.error) frag.append(renderError({ message: r.error }));
  return frag;
}
