// playground-schema.js: the schema panel: each table and view with its
// columns, types, keys and indexes, from the engine's db.schema(). Names
// are always inserted as text, never HTML.
import { el } from "./results.js";
import { columnKeys } from "./dbpanel.js";

// renderSchema returns the panel's contents for schema. closed names the
// tables the reader folded, which stay folded across runs.
export function renderSchema(schema, closed) {
  const frag = document.createDocumentFragment();
  if (schema.tables.length === 0) {
    frag.append(el("p", "note", "No tables yet."));
    return frag;
  }
  for (const t of schema.tables) frag.append(table(t, closed));
  return frag;
}

// table shows one table or view, folded with <details>.
function table(t, closed) {
  const box = el("details", "pg-table");
  box.dataset.testid = "pg-table";
  box.dataset.name = t.name;
  box.open = !closed.has(t.name);
  box.addEventListener("toggle", () => (box.open ? closed.delete(t.name) : closed.add(t.name)));
  const summary = el("summary", "");
  summary.append(el("span", "pg-name", t.name));
  if (t.type !== "table") summary.append(" ", el("span", "pg-kind", t.type));
  box.append(summary);
  const cols = el("ul", "pg-columns");
  for (const c of t.columns) cols.append(column(c));
  box.append(cols);
  const indexes = t.indexes.filter((i) => i.origin !== "pk");
  if (indexes.length > 0) {
    const list = el("ul", "pg-indexes");
    for (const i of indexes) {
      list.append(el("li", "", `${i.unique ? "unique " : ""}index ${i.name} (${i.columns.join(", ")})`));
    }
    box.append(list);
  }
  return box;
}

// column shows a column's name, type and constraints on one line.
function column(c) {
  const li = el("li", "");
  li.append(el("span", "pg-name", c.name));
  if (c.type) li.append(" ", el("span", "pg-type", c.type));
  const keys = columnKeys(c);
  if (keys) li.append(" ", el("span", "pg-marks", keys));
  return li;
}
