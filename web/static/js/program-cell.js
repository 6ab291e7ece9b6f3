// program-cell.js: <program-cell>, a Go program the reader edits and runs
// (with the inputs in its form fields) and whose emitted SQL and output it
// shows: an example program, or a Go exercise checked against its
// solution. It enhances the server's markup in place (web/program.templ)
// and runs through the page, which owns the database (see lesson.js).
import { count, el, renderError } from "./results.js";
import { createGoEditor } from "./editor.bundle.js";
import { EditorCell } from "./cell.js";
import { ExerciseControls } from "./exercise-ui.js";

const ui = {
  edited: "Edited: runs interpreted",
  revertTitle: "Put back the lesson's program",
  sql: (n) => `${count(n, "SQL statement")} GORM emitted`,
  output: "Output",
  noOutput: "The program printed nothing.",
  rows: (n) => (n < 0 ? "" : count(n, "row")),
};

// ProgramCell is a Go program in an editor. Unedited, the page runs the
// program compiled into the engine; edited (and always for an exercise),
// it sends the source, which the engine interprets.
export class ProgramCell extends EditorCell {
  connectedCallback() {
    if (this.toolbar) return;
    super.connectedCallback();
    this.setUpEditor(createGoEditor, "editor go", {
      label: this.isExercise ? "Go exercise" : `Go source of the program ${this.dataset.program}`,
    });
    if (this.isExercise) {
      this.exercise = new ExerciseControls(this, () => this.check());
      for (const b of this.exercise.buttons) this.toolbar.insertBefore(b, this.revertButton);
    }
    this.showEdited();
  }

  // isExercise reports whether this cell is a Go exercise.
  get isExercise() {
    return this.dataset.exercise !== undefined;
  }

  get revertTitle() {
    return ui.revertTitle;
  }

  // editedNote says an edited example runs interpreted; an exercise
  // always does, so it says nothing.
  get editedNote() {
    return this.isExercise ? "" : ui.edited;
  }

  // job is the program with the inputs' values, and the source when the
  // engine must interpret it; a Check adds what the engine judges by.
  get job() {
    const job = this.jobFor("value", this.isExercise || this.edited ? this.source : undefined);
    if (!this.checking) return job;
    return { ...job, exercise: { solution: this.exercise.solution, check: this.exercise.check } };
  }

  // lessonJob is the lesson's program with the lesson's own inputs.
  get lessonJob() {
    return this.jobFor("defaultValue", this.isExercise ? this.original : undefined);
  }

  jobFor(value, source) {
    const fields = Array.from(this.querySelectorAll(".params input"));
    const job = { program: this.dataset.program ?? "", inputs: Object.fromEntries(fields.map((f) => [f.name, f[value]])) };
    return source === undefined ? job : { ...job, source };
  }

  // check runs the reader's program as a Run does, with the exercise's
  // solution and check query, so that the engine judges it.
  check() {
    if (this.running) return;
    this.checking = true;
    this.run();
  }

  busy(on) {
    if (!on) this.checking = false;
    super.busy(on);
  }

  // show shows a program's run, marks a compile error in the editor, and
  // the verdict of a Check ("" from the engine when right).
  show(result) {
    if (result.error) {
      this.output.replaceChildren(renderError({ message: result.error.message }));
      return;
    }
    const r = result.program;
    this.output.replaceChildren(renderProgram(r));
    if (r.line) this.editor.markAt(r.line, r.column, r.error);
    if (r.judged && this.exercise) this.exercise.judged(r.judged.problem === "" ? null : r.judged.problem);
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
