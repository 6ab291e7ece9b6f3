// sql-cell.js: <sql-cell>, an editable SQL cell that enhances the server's
// <pre><code> and result in place (the page reads without JavaScript).
import { renderResult, renderError } from "./results.js";

const ui = {
  run: "Run",
  running: "Running…",
  hint: "Ctrl+Enter runs",
  failed: "The engine could not run this cell: ",
};

// SQLCell turns its source into a textarea and runs it through the page,
// which owns the database (see lesson.js).
export class SQLCell extends HTMLElement {
  connectedCallback() {
    if (this.editor) return;
    const pre = this.querySelector("pre.source");
    this.output = this.querySelector(".output");
    this.editor = document.createElement("textarea");
    this.editor.value = pre.textContent;
    this.editor.spellcheck = false;
    this.editor.rows = Math.max(2, this.editor.value.split("\n").length);
    this.editor.setAttribute("aria-label", "SQL");
    this.editor.addEventListener("keydown", (ev) => {
      if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) {
        ev.preventDefault();
        this.run();
      }
    });
    this.button = document.createElement("button");
    this.button.type = "button";
    this.button.textContent = ui.run;
    this.button.addEventListener("click", () => this.run());
    this.status = document.createElement("span");
    this.status.className = "status";
    this.status.textContent = ui.hint;
    const toolbar = document.createElement("div");
    toolbar.className = "toolbar";
    toolbar.append(this.button, this.status);
    pre.replaceWith(this.editor, toolbar);
  }

  get index() {
    return Number(this.dataset.index);
  }

  get source() {
    return this.editor ? this.editor.value : this.querySelector("pre.source").textContent;
  }

  // run asks the page to run this cell (and the cells above it).
  run() {
    this.dispatchEvent(new CustomEvent("cell-run", { bubbles: true }));
  }

  // busy shows that a run is under way, or over.
  busy(on) {
    this.button.disabled = on;
    this.status.textContent = on ? ui.running : ui.hint;
  }

  // show replaces the cell's output with result.
  show(result) {
    this.output.replaceChildren(renderResult(result));
  }

  // fail shows that the engine itself could not run.
  fail(message) {
    this.output.replaceChildren(renderError({ line: 1, column: 1, message: ui.failed + message }));
  }

  // mark selects the character at offset in the editor: where an error is.
  mark(offset) {
    const end = Math.min(offset + 1, this.editor.value.length);
    this.editor.focus();
    this.editor.setSelectionRange(offset, end);
  }
}
