// results.js: renders an engine result as DOM, the same markup the server
// renders (web/cell.templ, web/format.go). Values are always inserted as
// text, never HTML.

import { formatNumber, isReal } from "./sqlvalue.js";

// blobShown and textShown mirror web.BlobShown and web.TextShown.
const blobShown = 16;
const textShown = 160;

// renderResult returns the nodes showing result: one block per statement,
// then the error that stopped the script, if any. Statements without rows
// also say how long they took in this browser (precomputed results carry
// no time: the server's would mean nothing to the reader).
export function renderResult(result) {
  const frag = document.createDocumentFragment();
  const many = result.statements.length > 1;
  for (const st of result.statements) {
    const block = el("div", "statement");
    block.dataset.testid = "statement";
    if (st.columns === null) {
      if (many) block.append(el("div", "caption", firstLine(st.sql)));
      const p = el("p", "changes", describe(st.changes));
      if (typeof st.durationMs === "number") p.append(" ", el("span", "time", formatMs(st.durationMs)));
      block.append(p);
    } else {
      block.append(...rows(st, many));
    }
    frag.append(block);
  }
  if (result.error) frag.append(renderError(result.error));
  return frag;
}

// renderError shows an error message, with its line and column when it
// has them (a program's or an import's error has none).
export function renderError(e) {
  const box = el("div", "error");
  box.setAttribute("role", "alert");
  box.dataset.testid = "error";
  if (e.line === undefined) box.textContent = e.message;
  else box.append(el("span", "where", `Line ${e.line}, column ${e.column}:`), ` ${e.message}`);
  return box;
}

// rows mirrors the rows component of web/cell.templ.
function rows(st, many) {
  const table = document.createElement("table");
  table.createCaption().replaceChildren(firstLine(st.sql));
  table.caption.className = "sr-only";
  const head = table.createTHead().insertRow();
  const numeric = numericColumns(st);
  st.columns.forEach((c, i) => {
    const th = el("th", numeric[i] ? "num" : "", c);
    th.scope = "col";
    head.append(th);
  });
  const body = table.createTBody();
  const real = isReal(st);
  st.rows.forEach((row, r) => {
    const tr = body.insertRow();
    row.forEach((v, c) => tr.append(value(v, real(r, c))));
  });
  const grid = el("div", "grid");
  grid.tabIndex = 0;
  grid.append(table);
  const out = [grid];
  if (many) {
    const caption = el("div", "caption", firstLine(st.sql));
    caption.setAttribute("aria-hidden", "true");
    out.unshift(caption);
  }
  if (st.rows.length === 0) out.push(el("p", "note", "No rows."));
  if (st.truncated) out.push(el("p", "note", truncationNote(st.rows.length, st.totalRows)));
  return out;
}

// value mirrors the value component of web/cell.templ: a long text shows
// its start and opens to show all of it. real marks a REAL.
function value(v, real) {
  const [text, cls] = formatValue(v, real);
  const head = cls === "text" ? clip(text) : null;
  if (head === null) return el("td", cls, text);
  const td = el("td", "text long");
  const details = document.createElement("details");
  const summary = document.createElement("summary");
  summary.append(el("span", "head", head + "…"), " ", el("span", "more", count(Array.from(text).length, "character")));
  details.append(summary, el("span", "all", text));
  td.append(details);
  return td;
}

// formatValue mirrors web.FormatValue: how a value reads and its class;
// real marks a REAL holding a whole number (see sqlvalue.js), shown 7.0.
export function formatValue(v, real = false) {
  if (v === null) return ["NULL", "null"];
  if (typeof v === "number" || typeof v === "bigint") return [formatNumber(v, real), "num"];
  if (v instanceof Uint8Array) {
    const hex = Array.from(v.subarray(0, blobShown), (b) => b.toString(16).padStart(2, "0")).join("");
    return [`x'${hex}${v.length > blobShown ? "…" : ""}' (${count(v.length, "byte")})`, "blob"];
  }
  return [String(v), "text"];
}

// clip mirrors web.Clip: the start of a text longer than textShown
// characters, shown until the reader opens it; null for a short text.
export function clip(text) {
  const chars = Array.from(text);
  return chars.length <= textShown ? null : chars.slice(0, textShown).join("");
}

// numericColumns mirrors web.NumericColumns.
function numericColumns(st) {
  return st.columns.map((_, i) => {
    const values = st.rows.map((r) => r[i]).filter((v) => v !== null);
    return values.length > 0 && values.every((v) => typeof v === "number" || typeof v === "bigint");
  });
}

// count mirrors web.Count: "1 byte", "2,048 bytes".
export function count(n, word) {
  return `${group(n)} ${word}${n === 1 ? "" : "s"}`;
}

// group mirrors web's group: commas between groups of three digits.
function group(n) {
  return (n < 0 ? "-" : "") + String(Math.abs(n)).replace(/\B(?=(\d{3})+$)/g, ",");
}

// describe mirrors web.Describe.
function describe(changes) {
  if (changes === 0) return "Done.";
  if (changes === 1) return "1 row changed.";
  return `${count(changes, "row")} changed.`;
}

// formatMs says how long a statement took, to a sensible precision.
function formatMs(ms) {
  if (ms < 1) return `${ms.toFixed(2)} ms`;
  if (ms < 100) return `${ms.toFixed(1)} ms`;
  return `${Math.round(ms)} ms`;
}

// truncationNote mirrors web.TruncationNote.
function truncationNote(shown, total) {
  if (total < 0) return `Showing the first ${count(shown, "row")}; there are more.`;
  return `Showing the first ${group(shown)} of ${count(total, "row")}.`;
}

// firstLine mirrors web.FirstLine.
export function firstLine(sql) {
  const nl = sql.indexOf("\n");
  const line = nl < 0 ? sql : sql.slice(0, nl);
  const chars = Array.from(line);
  if (chars.length > 72) return chars.slice(0, 72).join("") + "…";
  return nl < 0 ? line : line + " …";
}

// el makes an element with a class and text.
export function el(tag, cls, text) {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text !== undefined) node.textContent = text;
  return node;
}
