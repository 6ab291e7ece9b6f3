// dbpanel.js: <db-panel>, the page's database as the last run left it:
// "fresh" (as the lesson's own SQL builds it) or "modified" (the reader's
// edits changed it), a Reset for it, a Reset page for every cell, and its
// schema: tables, columns, types, keys and indexes. The page (lesson.js)
// feeds it and acts on its "db-reset" and "page-reset" events.
import { el } from "./results.js";
import { describeTable, schemaUI } from "./schema.js";

const ui = {
  database: "Database:",
  fresh: "fresh",
  modified: "modified",
  freshTitle: "The database is as the lesson's SQL builds it.",
  modifiedTitle: "Your edits changed the database: it differs from what the lesson's SQL builds.",
  reset: "Reset database",
  resetTitle: "Put back the lesson's SQL in the cells whose edits changed the database, and run again",
  resetPage: "Reset page",
  resetPageTitle: "Put back the lesson's SQL in every cell",
  confirm: "Put back the lesson's original SQL in every cell of this page? Your edits are replaced (undo in a cell brings its edit back until you leave the page).",
  confirmYes: "Reset every cell",
  cancel: "Cancel",
  schema: (n) => (n === 0 ? "Schema: no tables yet" : `Schema: ${n} ${n === 1 ? "table" : "tables"}`),
};

// wide is when the panel sits beside the lesson, with room to show the schema.
const wide = matchMedia("(min-width: 88rem)");

// DBPanel shows the page's database.
export class DBPanel extends HTMLElement {
  connectedCallback() {
    if (this.stateLabel) return;
    this.setAttribute("role", "region");
    this.setAttribute("aria-label", "This page's database");
    this.className = "dbpanel";
    this.stateLabel = el("span", "state", "…");
    this.stateLabel.dataset.testid = "db-state";
    this.stateLabel.setAttribute("role", "status");
    this.resetButton = button(ui.reset, ui.resetTitle, "reset-db", () => this.emit("db-reset"));
    this.resetButton.hidden = true;
    const resetPage = button(ui.resetPage, ui.resetPageTitle, "reset-page", () => this.dialog.showModal());
    resetPage.className = "secondary";
    const bar = el("div", "dbstate");
    bar.append(el("span", "", ui.database), this.stateLabel, this.resetButton, resetPage);
    this.summary = el("summary", "", ui.schema(0));
    this.tables = el("ul", "tables");
    this.schemaBox = el("details", "schema");
    this.schemaBox.dataset.testid = "schema";
    this.schemaBox.open = wide.matches;
    this.schemaBox.append(this.summary, this.tables);
    this.dialog = this.confirmDialog();
    this.replaceChildren(bar, this.schemaBox, this.dialog);
  }

  // confirmDialog asks before every cell's text is put back.
  confirmDialog() {
    const dialog = document.createElement("dialog");
    dialog.dataset.testid = "reset-page-dialog";
    const text = el("p", "", ui.confirm);
    text.id = "reset-page-question";
    dialog.setAttribute("aria-labelledby", text.id);
    const yes = button(ui.confirmYes, "", "confirm-reset", () => {
      dialog.close();
      this.emit("page-reset");
    });
    const no = button(ui.cancel, "", "cancel-reset", () => dialog.close());
    no.className = "secondary";
    const actions = el("div", "actions");
    actions.append(no, yes);
    dialog.append(text, actions);
    return dialog;
  }

  // show shows the database's schema and whether it is fresh.
  show(schema, fresh) {
    this.stateLabel.textContent = fresh ? ui.fresh : ui.modified;
    this.stateLabel.className = "state " + (fresh ? "fresh" : "modified");
    this.stateLabel.title = fresh ? ui.freshTitle : ui.modifiedTitle;
    this.resetButton.hidden = fresh;
    this.summary.textContent = ui.schema(schema.tables.length);
    this.tables.replaceChildren(...schema.tables.map(table));
  }

  emit(name) {
    this.dispatchEvent(new CustomEvent(name, { bubbles: true }));
  }
}

// table shows one table or view: its columns and indexes (schema.js).
function table(t) {
  const d = describeTable(t);
  const li = el("li", "");
  li.dataset.table = d.name;
  const h = el("h3", "", d.name);
  if (d.view) h.append(" ", el("span", "type", `(${schemaUI.view})`));
  const cols = el("ul", "columns");
  for (const c of d.columns) {
    const item = el("li", "");
    item.append(el("span", "name", c.name));
    if (c.type) item.append(" ", el("span", "type", c.type));
    if (c.keys) item.append(" ", el("span", "key", c.keys));
    cols.append(item);
  }
  li.append(h, cols);
  if (d.indexes.length > 0) {
    const idx = el("ul", "indexes");
    for (const text of d.indexes) idx.append(el("li", "", text));
    li.append(idx);
  }
  return li;
}

function button(label, title, action, onClick) {
  const b = el("button", "", label);
  b.type = "button";
  if (title) b.title = title;
  b.dataset.action = action;
  b.addEventListener("click", onClick);
  return b;
}
