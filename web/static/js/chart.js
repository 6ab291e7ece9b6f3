// chart.js: a bar or line chart of a result table that has a label column
// and numeric columns, drawn as SVG by hand (a few shapes need no
// library); colours come from CSS classes, so charts follow light and
// dark mode. What a chart shows is chartData, a pure function of a
// statement's columns and typed values: the worker's result when the page
// rendered one, else the values the server's table (web/cell.templ)
// writes, read back exactly by readCell.
import { formatValue } from "./results.js";
import { isReal } from "./sqlvalue.js";

const svgNS = "http://www.w3.org/2000/svg";
const maxRows = 200;
const ui = { table: "Table", bar: "Bar", line: "Line", views: "Show the result as", of: "chart of" };

// enhanceResults offers a chart toggle on every chartable result in root:
// result's statements when given (root shows them, one block each, as
// results.js renders them), else the tables the server rendered.
export function enhanceResults(root, result) {
  root.querySelectorAll(".statement").forEach((block, i) => {
    const grid = block.querySelector(".grid");
    if (!grid || block.querySelector(".views")) return;
    const data = chartData(result ? result.statements[i] : tableStatement(grid.querySelector("table")));
    if (data) addToggle(block, grid, data);
  });
}

// chartData returns {columns, labels, series: [{name, values}]} for a
// statement ({columns, rows, reals} with values as the worker returns
// them: null, number, bigint, string, Uint8Array) whose first column
// labels rows, with 1 to maxRows rows and at least one numeric column
// after the first; null for any other. A numeric column holds only
// numbers and NULLs, at least one number finite; a NULL, and a value a
// chart cannot place (±Inf, NaN), is a gap. Labels read as the table
// shows them, shortened.
export function chartData(st) {
  const { columns, rows } = st;
  if (!columns || columns.length < 2 || rows.length === 0 || rows.length > maxRows) return null;
  const series = [];
  for (let j = 1; j < columns.length; j++) {
    const column = rows.map((row) => row[j]);
    if (!column.every((v) => v === null || typeof v === "number" || typeof v === "bigint")) continue;
    const values = column.map((v) => (v === null || !Number.isFinite(Number(v)) ? null : Number(v)));
    if (values.some((v) => v !== null)) series.push({ name: columns[j], values });
  }
  if (series.length === 0) return null;
  const real = isReal(st);
  const labels = rows.map((row, i) => shorten(formatValue(row[0], real(i, 0))[0]));
  return { columns, labels, series };
}

// tableStatement reads a result table the server rendered back into a
// statement for chartData: its columns, and each cell's value and
// whether it is a REAL, by readCell.
function tableStatement(table) {
  const columns = Array.from(table.tHead.rows[0].cells, (th) => th.textContent);
  const reals = [];
  const rows = Array.from(table.tBodies[0].rows, (tr, r) => Array.from(tr.cells, (td, c) => {
    const { value, real } = readCell(td.querySelector(".all")?.textContent ?? td.textContent, td.className);
    if (real) reals.push(r * columns.length + c);
    return value;
  }));
  return { columns, rows, reals };
}

// readCell returns the value a cell of a server-rendered table shows,
// from its text and class (web.FormatValue): "null" is NULL; "num" is a
// number written as SQLite writes it, which reads back as the same
// value (a REAL in 15 or 17 significant digits, whichever reads back; an
// integer beyond 2^53 as a bigint, as the worker returns it), and it is a
// REAL when it has a point, an exponent or is Inf; any other class is
// the text itself (a blob's x'…' as shown).
export function readCell(text, cls) {
  const classes = cls.split(" ");
  if (classes.includes("null")) return { value: null, real: false };
  if (!classes.includes("num")) return { value: text, real: false };
  if (/^-?\d+$/.test(text)) {
    const n = Number(text);
    return { value: Number.isSafeInteger(n) ? n : BigInt(text), real: false };
  }
  const value = text === "Inf" ? Infinity : text === "-Inf" ? -Infinity : Number(text);
  return { value, real: true };
}

// addToggle puts Table / Bar / Line buttons before the grid.
function addToggle(block, grid, data) {
  const group = document.createElement("div");
  group.className = "views";
  group.setAttribute("role", "group");
  group.setAttribute("aria-label", ui.views);
  const box = document.createElement("div");
  box.className = "chart";
  box.dataset.testid = "chart";
  box.hidden = true;
  const kinds = data.labels.length >= 2 ? ["table", "bar", "line"] : ["table", "bar"];
  const buttons = kinds.map((kind) => {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = ui[kind];
    b.dataset.view = kind;
    b.setAttribute("aria-pressed", String(kind === "table"));
    b.addEventListener("click", () => {
      buttons.forEach((o) => o.setAttribute("aria-pressed", String(o === b)));
      grid.hidden = kind !== "table";
      box.hidden = kind === "table";
      if (kind !== "table") box.replaceChildren(...draw(kind, data, grid.clientWidth || block.clientWidth));
    });
    return b;
  });
  group.append(...buttons);
  grid.before(group, box);
}

// draw returns the chart of kind for data at about width pixels, with a
// legend when there are several series.
function draw(kind, data, width) {
  const w = Math.max(280, Math.min(width || 600, 640));
  const svg = kind === "bar" ? bars(data, w) : lines(data, w);
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", `${ui[kind]} ${ui.of} ${data.series.map((s) => s.name).join(", ")} by ${data.columns[0]}`);
  const out = [svg];
  if (data.series.length > 1) {
    const legend = document.createElement("ul");
    legend.className = "legend";
    data.series.forEach((s, j) => {
      const li = document.createElement("li");
      const swatch = document.createElement("span");
      swatch.className = series(j);
      li.append(swatch, s.name);
      legend.append(li);
    });
    out.push(legend);
  }
  return out;
}

// bars draws horizontal bars, one group per row, from a zero line.
function bars({ labels, series: all }, w) {
  const band = all.length * 14 + 10, labelW = Math.min(w * 0.35, 8 + 7 * Math.max(...labels.map((l) => l.length)));
  const valueW = 56, plotW = w - labelW - valueW, h = labels.length * band + 8;
  const [lo, hi] = extent(all, true);
  const x = (v) => labelW + ((v - lo) / (hi - lo)) * plotW;
  const svg = node("svg", { viewBox: `0 0 ${w} ${h}`, width: w, height: h });
  labels.forEach((label, i) => {
    const top = 4 + i * band;
    svg.append(text(label, labelW - 6, top + band / 2, "end"));
    all.forEach((s, j) => {
      const v = s.values[i];
      if (v === null) return;
      const y = top + 5 + j * 14;
      const rect = node("rect", { x: Math.min(x(0), x(v)), y, width: Math.max(1, Math.abs(x(v) - x(0))), height: 12, class: series(j) });
      rect.append(title(`${label} · ${s.name}: ${v}`));
      svg.append(rect, text(String(v), Math.max(x(0), x(v)) + 4, y + 6, "start"));
    });
  });
  svg.append(node("line", { x1: x(0), x2: x(0), y1: 0, y2: h, class: "axis" }));
  return svg;
}

// lines draws one line per series across the rows, with the value range
// marked on the left and some row labels below.
function lines({ labels, series: all }, w) {
  const h = 240, left = 52, right = 16, top = 10, bottom = 30;
  const [lo, hi] = extent(all, false);
  const n = labels.length;
  const x = (i) => left + (i * (w - left - right)) / (n - 1);
  const y = (v) => top + (1 - (v - lo) / (hi - lo)) * (h - top - bottom);
  const svg = node("svg", { viewBox: `0 0 ${w} ${h}`, width: w, height: h });
  for (let k = 0; k <= 4; k++) {
    const v = lo + (k * (hi - lo)) / 4;
    svg.append(node("line", { x1: left, x2: w - right, y1: y(v), y2: y(v), class: "grid-line" }));
    svg.append(text(String(Number(v.toPrecision(4))), left - 6, y(v), "end"));
  }
  const ticks = n <= 6 ? labels.map((_, i) => i) : [0, Math.floor((n - 1) / 2), n - 1];
  for (const i of ticks) svg.append(text(labels[i], x(i), h - 10, i === 0 ? "start" : i === n - 1 ? "end" : "middle"));
  all.forEach((s, j) => {
    let points = [];
    const flush = () => {
      if (points.length > 1) svg.append(node("polyline", { points: points.join(" "), class: series(j) }));
      points = [];
    };
    s.values.forEach((v, i) => {
      if (v === null) return flush();
      points.push(`${x(i)},${y(v)}`);
      if (n <= 60) {
        const dot = node("circle", { cx: x(i), cy: y(v), r: 3, class: series(j) });
        dot.append(title(`${labels[i]} · ${s.name}: ${v}`));
        svg.append(dot);
      }
    });
    flush();
  });
  svg.append(node("line", { x1: left, x2: left, y1: top, y2: h - bottom, class: "axis" }));
  return svg;
}

// extent is the range of every series' values; withZero stretches it to 0.
function extent(all, withZero) {
  const values = all.flatMap((s) => s.values.filter((v) => v !== null && Number.isFinite(v)));
  let lo = Math.min(...values), hi = Math.max(...values);
  if (withZero) [lo, hi] = [Math.min(lo, 0), Math.max(hi, 0)];
  if (lo === hi) [lo, hi] = [lo - 1, hi + 1];
  return [lo, hi];
}

function series(j) {
  return `s${j % 4}`;
}

function shorten(s) {
  return s.length > 24 ? s.slice(0, 23) + "…" : s;
}

// node makes an SVG element with attributes.
function node(tag, attrs) {
  const e = document.createElementNS(svgNS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  return e;
}

// text is an SVG label, vertically centred on y; its content is text.
function text(s, x, y, anchor) {
  const t = node("text", { x, y, "text-anchor": anchor, "dominant-baseline": "middle" });
  t.textContent = s;
  return t;
}

function title(s) {
  const t = node("title", {});
  t.textContent = s;
  return t;
}
