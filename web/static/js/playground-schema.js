// playground-schema.js: the playground's schema panel: each table and
// view, folded, with its columns, types, keys and indexes as schema.js
// describes them. Names are always inserted as text, never HTML.
import { el } from "./results.js";
import { describeTable, schemaUI } from "./schema.js";

// renderSchema returns the panel's contents for schema. closed names the
// tables the reader folded, which stay folded across runs.
export function renderSchema(schema, closed) {
  const frag = document.createDocumentFragment();
  if (schema.tables.length === 0) {
    frag.append(el("p", "note", "No tables yet."));
    return frag;
  }
  for (const t of schema.tables) frag.append(table(describeTable(t), closed));
  return frag;
}

// table shows one table or view described by describeTable, folded with
// <details>.
function table(d, closed) {
  const box = el("details", "pg-table");
  box.dataset.testid = "pg-table";
  box.dataset.name = d.name;
  box.open = !closed.has(d.name);
  box.addEventListener("toggle", () => (box.open ? closed.delete(d.name) : closed.add(d.name)));
  const summary = el("summary", "");
  summary.append(el("span", "pg-name", d.name));
  if (d.view) summary.append(" ", el("span", "pg-kind", schemaUI.view));
  box.append(summary);
  const cols = el("ul", "pg-columns");
  for (const c of d.columns) cols.append(column(c));
  box.append(cols);
  if (d.indexes.length > 0) {
    const list = el("ul", "pg-indexes");
    for (const text of d.indexes) list.append(el("li", "", text));
    box.append(list);
  }
  return box;
}

// column shows a column's name, type and constraints on one line.
function column(c) {
  const li = el("li", "");
  li.append(el("span", "pg-name", c.name));
  if (c.type) li.append(" ", el("span", "pg-type", c.type));
  if (c.keys) li.append(" ", el("span", "pg-marks", c.keys));
  return li;
}
