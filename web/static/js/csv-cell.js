// csv-cell.js: <csv-cell>, CSV text the page imports into a table of its
// database when the cell runs. It enhances the server's markup in place
// (web/program.templ) and runs through the page (lesson.js).
import { count, el, renderError } from "./results.js";
import { RunnableCell } from "./cell.js";

// ui mirrors web/program.templ's CSVCell.
const ui = {
  imported: (n, table) => `Imported ${count(n, "row")} into ${table}.`,
};

// CSVCell imports its CSV into a table of the page's database.
export class CSVCell extends RunnableCell {
  // job is the CSV and the table it goes into.
  get job() {
    return { csv: this.querySelector("pre.source").textContent, table: this.dataset.table };
  }

  // lessonJob is the job: the reader cannot change a CSV cell.
  get lessonJob() {
    return this.job;
  }

  // show shows how many rows the import added, or why it failed.
  show(result) {
    if (result.error) this.output.replaceChildren(renderError({ message: result.error.message }));
    else this.output.replaceChildren(el("p", "changes", ui.imported(result.imported, this.dataset.table)));
  }
}
