// sql-cell.js: <sql-cell>, an editable SQL cell that enhances the server's
// <pre><code> and result in place (the page reads without JavaScript).
import { createEditor } from "./editor.bundle.js";
import { renderResult, renderError } from "./results.js";
import { enhanceResults } from "./chart.js";
import { renderPlan } from "./plan.js";
import { loadEdit, saveEdit, loadSolved, saveSolved } from "./store.js";
import { button, showBusy, stopOnPurpose, toolbarUI } from "./toolbar.js";

const ui = {
  ...toolbarUI,
  keys: "Ctrl+Enter runs · Shift+Enter runs and moves on",
  edited: "Edited",
  revert: "Revert",
  revertTitle: "Put back the lesson's original SQL",
  stopped: "Stopped. The database is back as the cells above left it.",
  check: "Check",
  hint: "Hint",
  noMoreHints: "No more hints",
  solution: "Show solution",
  correct: "Correct! Exercise solved.",
  solved: "Solved",
  notYet: "Not yet: ",
  failed: "The engine could not run this cell: ",
  died: (why) => `The engine stopped working (${why}). A new one has started with the database as it was before this cell; your SQL is kept. Run the cell again.`,
  plan: "Plan",
  hidePlan: "Hide plan",
  planTitle: "Show how SQLite runs this cell's queries (EXPLAIN QUERY PLAN)",
};

// SQLCell turns its source into an editor and runs it through the page,
// which owns the database (see lesson.js).
export class SQLCell extends HTMLElement {
  connectedCallback() {
    if (this.editor) return;
    const pre = this.querySelector("pre.source");
    this.output = this.querySelector(".output");
    this.originalOutput = this.output.cloneNode(true);
    enhanceResults(this.output);
    this.original = pre.textContent;
    const host = document.createElement("div");
    host.className = "editor";
    this.editor = createEditor({
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
    this.button = button(ui.run, () => (this.running ? stopOnPurpose(this) : this.run()));
    this.revertButton = button(ui.revert, () => this.revert());
    this.revertButton.title = ui.revertTitle;
    this.revertButton.className = "secondary";
    this.status = document.createElement("span");
    this.status.className = "status";
    const toolbar = document.createElement("div");
    toolbar.className = "toolbar";
    this.planButton = button(ui.plan, () => this.togglePlan(), "plan");
    this.planButton.title = ui.planTitle;
    this.planButton.className = "secondary";
    this.planButton.setAttribute("aria-expanded", "false");
    toolbar.append(this.button, this.revertButton, this.planButton, this.status);
    pre.replaceWith(host, toolbar);
    if (this.dataset.exercise !== undefined) this.setUpExercise(toolbar);
    this.showEdited();
  }

  // setUpExercise adds Check, Hint and Show solution, and shows whether
  // the reader solved the exercise on an earlier visit.
  setUpExercise(toolbar) {
    const box = this.querySelector(".exercise");
    this.feedback = box.querySelector(".feedback");
    this.hints = Array.from(box.querySelectorAll(".hints li"));
    const hintsBox = box.querySelector(".hints");
    const solutionBox = box.querySelector(".solution");
    this.solution = solutionBox.querySelector("code").textContent;
    this.checkSQL = box.querySelector("pre.check")?.textContent ?? "";
    this.ordered = box.dataset.ordered !== undefined;
    const buttons = [button(ui.check, () => this.dispatchEvent(new CustomEvent("cell-check", { bubbles: true })), "check")];
    if (hintsBox) {
      hintsBox.hidden = true;
      this.hints.forEach((li) => (li.hidden = true));
      const hint = button(ui.hint, () => {
        hintsBox.hidden = false;
        hintsBox.open = true;
        const next = this.hints.find((li) => li.hidden);
        if (next) next.hidden = false;
        if (!this.hints.some((li) => li.hidden)) {
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
      toolbar.insertBefore(b, this.revertButton);
    }
    if (loadSolved(this.index)) this.markSolved(ui.solved);
  }

  // judged shows the verdict on the reader's answer: null when right, else
  // what differs.
  judged(problem) {
    if (problem === null) {
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

  // showEdited shows whether the reader changed the lesson's SQL.
  showEdited() {
    const edited = this.editor.text !== this.original;
    this.revertButton.hidden = !edited;
    if (!this.running) this.status.textContent = edited ? `${ui.edited} · ${ui.keys}` : ui.keys;
  }

  // revert puts back the lesson's SQL; undo (Ctrl+Z) brings the edit back.
  revert(focus = true) {
    if (this.edited) this.editor.replace(this.original);
    if (focus) this.editor.focus();
  }

  // edited reports whether the reader changed the lesson's SQL.
  get edited() {
    return this.editor.text !== this.original;
  }

  // restoreOutput shows the lesson's own result again.
  restoreOutput() {
    this.output.replaceChildren(...this.originalOutput.cloneNode(true).childNodes);
    enhanceResults(this.output);
    this.planBox?.remove();
  }

  // togglePlan asks the page for this cell's query plan, or hides it.
  togglePlan() {
    if (this.planBox?.isConnected) {
      this.planBox.remove();
      this.planButton.textContent = ui.plan;
      this.planButton.setAttribute("aria-expanded", "false");
    } else {
      this.dispatchEvent(new CustomEvent("cell-plan", { bubbles: true }));
    }
  }

  // showPlan shows the query plans of this cell's statements.
  showPlan(plans) {
    this.planBox?.remove();
    this.planBox = renderPlan(plans);
    this.output.after(this.planBox);
    this.planButton.textContent = ui.hidePlan;
    this.planButton.setAttribute("aria-expanded", "true");
  }

  // next returns the cell after this one on the page, if any.
  next() {
    const all = Array.from(document.querySelectorAll("sql-cell"));
    return all[all.indexOf(this) + 1];
  }

  // focus puts the caret in this cell's editor.
  focus() {
    this.editor.focus();
  }

  // setSchema keeps autocomplete current with the page's database.
  setSchema(schema) {
    this.editor.setSchema(schema);
  }

  // selection returns the editor's selection as [from, to], for tests.
  selection() {
    return this.editor.selection();
  }

  get index() {
    return Number(this.dataset.index);
  }

  get source() {
    return this.editor ? this.editor.text : this.querySelector("pre.source").textContent;
  }

  // job is this cell's work for the worker: its SQL, with the values of
  // its parameter fields when it has any.
  get job() {
    return this.jobFor(this.source);
  }

  // lessonJob is the job of the lesson's own SQL and parameter values.
  get lessonJob() {
    return this.jobFor(this.original, "defaultValue");
  }

  jobFor(sql, value = "value") {
    const fields = Array.from(this.querySelectorAll(".params input"));
    if (fields.length === 0) return { sql };
    return { sql, params: Object.fromEntries(fields.map((f) => [f.name, f[value]])) };
  }

  // run asks the page to run this cell (and the cells above it).
  run() {
    this.dispatchEvent(new CustomEvent("cell-run", { bubbles: true }));
  }

  // busy shows that a run is under way, or over; while it is, the Run
  // button stops it.
  busy(on) {
    showBusy(this, on);
    if (!on) this.showEdited();
  }

  // stopped shows that the reader stopped the run.
  stopped() {
    this.output.replaceChildren(renderError({ line: 1, column: 1, message: ui.stopped }));
  }

  // show replaces the cell's output with result.
  show(result) {
    this.output.replaceChildren(renderResult(result));
    enhanceResults(this.output);
  }

  // fail shows that the engine itself could not run; dead says that it
  // died and a new one took its place.
  fail(message, dead) {
    this.output.replaceChildren(renderError({ line: 1, column: 1, message: dead ? ui.died(message) : ui.failed + message }));
  }

  // mark shows in the editor where an error is.
  mark(error) {
    this.editor.markError(error.offset, error.message);
  }
}
