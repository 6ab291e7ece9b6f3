// results.js: renders an engine result as DOM, the same markup the server
// renders (web/cell.templ). Values are always inserted as text, never HTML.

// renderResult returns the nodes showing result: one block per statement,
// then the error that stopped the script, if any.
export function renderResult(result) {
  const frag = document.createDocumentFragment();
  const many = result.statements.length > 1;
  for (const st of result.statements) {
    const block = el("div", "statement");
    block.dataset.testid = "statement";
    if (many) block.append(el("div", "caption", firstLine(st.sql)));
    if (st.columns === null) block.append(el("p", "changes", describe(st.changes)));
    else block.append(...rows(st));
    frag.append(block);
  }
  if (result.error) frag.append(renderError(result.error));
  return frag;
}

// renderError shows an error message with its line and column.
export function renderError(e) {
  const box = el("div", "error");
  box.setAttribute("role", "alert");
  box.dataset.testid = "error";
  box.append(el("span", "where", `Line ${e.line}, column ${e.column}:`), ` ${e.message}`);
  return box;
}

function rows(st) {
  const table = document.createElement("table");
  const head = table.createTHead().insertRow();
  for (const c of st.columns) {
    const th = el("th", "", c);
    th.scope = "col";
    head.append(th);
  }
  const body = table.createTBody();
  for (const row of st.rows) {
    const tr = body.insertRow();
    for (const v of row) {
      const [text, cls] = formatValue(v);
      tr.append(el("td", cls, text));
    }
  }
  const grid = el("div", "grid");
  grid.append(table);
  const out = [grid];
  if (st.rows.length === 0) out.push(el("p", "note", "No rows."));
  if (st.truncated) out.push(el("p", "note", truncationNote(st.rows.length, st.totalRows)));
  return out;
}

// formatValue mirrors web.FormatValue: how a value reads and its class.
export function formatValue(v) {
  if (v === null) return ["NULL", "null"];
  if (typeof v === "number" || typeof v === "bigint") return [String(v), "num"];
  if (v instanceof Uint8Array) {
    return ["x'" + Array.from(v, (b) => b.toString(16).padStart(2, "0")).join("") + "'", "blob"];
  }
  return [String(v), "text"];
}

// describe mirrors web.Describe.
function describe(changes) {
  if (changes === 0) return "Done.";
  if (changes === 1) return "1 row changed.";
  return `${changes} rows changed.`;
}

// truncationNote mirrors web.TruncationNote.
function truncationNote(shown, total) {
  if (total < 0) return `Showing the first ${shown} rows; there are more.`;
  return `Showing the first ${shown} of ${total} rows.`;
}

// firstLine mirrors web.FirstLine.
function firstLine(sql) {
  const nl = sql.indexOf("\n");
  const line = nl < 0 ? sql : sql.slice(0, nl);
  const chars = Array.from(line);
  if (chars.length > 72) return chars.slice(0, 72).join("") + "…";
  return nl < 0 ? line : line + " …";
}

function el(tag, cls, text) {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text !== undefined) node.textContent = text;
  return node;
}
