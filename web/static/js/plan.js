// plan.js: a cell's query plan (EXPLAIN QUERY PLAN) as a tree of nested
// lists, one per statement that has a plan. Text only, never HTML.
import { el, firstLine } from "./results.js";

const ui = {
  title: "Query plan",
  none: "No query plan: these statements read no tables.",
  help: "How SQLite will run each statement: SCAN reads every row of a table, SEARCH uses an index or the primary key to find only some.",
};

// renderPlan returns the box that shows plans, a list of {sql, nodes} or
// {sql, error} for a cell's statements.
export function renderPlan(plans) {
  const box = el("section", "plan");
  box.dataset.testid = "plan";
  box.setAttribute("aria-label", ui.title);
  box.append(el("h3", "", ui.title));
  const shown = plans.filter((p) => p.error || p.nodes.length > 0);
  if (shown.length === 0) box.append(el("p", "note", ui.none));
  for (const p of shown) {
    const stmt = el("div", "stmt");
    stmt.append(el("div", "caption", firstLine(p.sql)));
    stmt.append(p.error ? el("div", "error", p.error) : tree(p.nodes));
    box.append(stmt);
  }
  if (shown.some((p) => !p.error)) box.append(el("p", "note", ui.help));
  return box;
}

// tree is nodes and their children as nested lists.
function tree(nodes) {
  const ul = el("ul", "");
  for (const n of nodes) {
    const li = el("li", "", n.detail);
    if (n.children && n.children.length > 0) li.append(tree(n.children));
    ul.append(li);
  }
  return ul;
}
