// sql-cell.js: <sql-cell>, an editable SQL cell that enhances the server's
// <pre><code> and result in place (the page reads without JavaScript).
import { createEditor } from "./editor.bundle.js";
import { renderResult } from "./results.js";
import { enhanceResults } from "./chart.js";
import { renderPlan } from "./plan.js";
import { EditorCell, secondaryButton } from "./cell.js";
import { ExerciseControls } from "./exercise-ui.js";

const ui = {
  edited: "Edited",
  revertTitle: "Put back the lesson's original SQL",
  plan: "Plan",
  hidePlan: "Hide plan",
  planTitle: "Show how SQLite runs this cell's queries (EXPLAIN QUERY PLAN)",
};

// SQLCell turns its source into an editor and runs it through the page,
// which owns the database (see lesson.js).
export class SQLCell extends EditorCell {
  connectedCallback() {
    if (this.toolbar) return;
    super.connectedCallback();
    const host = this.setUpEditor(createEditor, "editor");
    host.after(this.toolbar);
    enhanceResults(this.output);
    this.planButton = secondaryButton(ui.plan, () => this.togglePlan(), "plan", ui.planTitle);
    this.planButton.setAttribute("aria-expanded", "false");
    this.toolbar.insertBefore(this.planButton, this.status);
    if (this.dataset.exercise !== undefined) {
      this.exercise = new ExerciseControls(this, () => this.dispatchEvent(new CustomEvent("cell-check", { bubbles: true })));
      for (const b of this.exercise.buttons) this.toolbar.insertBefore(b, this.revertButton);
    }
    this.showEdited();
  }

  get revertTitle() {
    return ui.revertTitle;
  }

  get editedNote() {
    return ui.edited;
  }

  // solution, checkSQL and ordered are what a Check judges the reader's
  // SQL against (lesson.js).
  get solution() {
    return this.exercise.solution;
  }

  get checkSQL() {
    return this.exercise.check;
  }

  get ordered() {
    return this.exercise.ordered;
  }

  // judged shows the verdict on the reader's answer: null when right, else
  // what differs.
  judged(problem) {
    this.exercise.judged(problem);
  }

  // restoreOutput shows the lesson's own result again, without a plan.
  restoreOutput() {
    super.restoreOutput();
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

  // setSchema keeps autocomplete current with the page's database.
  setSchema(schema) {
    this.editor.setSchema(schema);
  }

  // selection returns the editor's selection as [from, to], for tests.
  selection() {
    return this.editor.selection();
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

  // show replaces the cell's output with result.
  show(result) {
    this.output.replaceChildren(renderResult(result));
    enhanceResults(this.output, result);
  }

  // mark shows in the editor where an error is.
  mark(error) {
    this.editor.markError(error.offset, error.message);
  }
}
