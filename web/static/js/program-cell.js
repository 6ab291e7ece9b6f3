// program-cell.js: <program-cell>, a Go example program the reader runs
// (with the inputs in its form fields) and whose emitted SQL and output it
// shows, and <csv-cell>, CSV text imported into a table. Both enhance the
// server's markup in place (web/program.templ) and run through the page,
// which owns the database (see lesson.js).
import { el, renderError } from "./results.js";
import { button, showBusy, stopOnPurpose, toolbarUI } from "./toolbar.js";
import { createGoView } from "./editor.bundle.js";

const ui = {
  ...toolbarUI,
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
    this.button = button(ui.run, () => (this.running ? stopOnPurpose(this) : this.dispatchEvent(new CustomEvent("cell-run", { bubbles: true }))));
    this.status = document.createElement("span");
    this.status.className = "status";
    const toolbar = document.createElement("div");
    toolbar.className = "toolbar";
    toolbar.append(this.button, this.status);
    this.output.before(toolbar);
  }

  get index() {
    return Number(this.dataset.index);
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

  // mark has no editor to mark: these cells' text is not editable.
  mark() {}

  // setSchema has no autocomplete to feed.
  setSchema() {}
}

// ProgramCell runs a Go example program compiled into the engine; its
// source is shown highlighted, read-only.
export class ProgramCell extends RunnableCell {
  connectedCallback() {
    const pre = this.querySelector("pre.source");
    if (pre) {
      const host = document.createElement("div");
      host.className = "editor go";
      createGoView({ host, doc: pre.textContent, label: `Go source of the program ${this.dataset.program}` });
      pre.replaceWith(host);
    }
    super.connectedCallback();
  }

  get job() {
    return this.jobFor("value");
  }

  // lessonJob is the program with the lesson's own inputs.
  get lessonJob() {
    return this.jobFor("defaultValue");
  }

  jobFor(value) {
    const fields = Array.from(this.querySelectorAll(".params input"));
    return { program: this.dataset.program, inputs: Object.fromEntries(fields.map((f) => [f.name, f[value]])) };
  }

  show(result) {
    if (result.error) this.output.replaceChildren(renderError({ message: result.error.message }));
    else this.output.replaceChildren(renderProgram(result.program));
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
