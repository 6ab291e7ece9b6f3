// chart.test.mjs: which results the page offers as a chart and what the
// chart shows (web/static/js/chart.js), from the worker's typed values
// and from a table the server rendered. Run: node --test web/jstest/
import test from "node:test";
import assert from "node:assert/strict";
import { load, table, testdata } from "./modules.mjs";

const { chartData, readCell } = await load("chart.js");
const { formatValue } = await load("results.js");
const { isReal } = await load("sqlvalue.js");

// st is a statement as the worker returns it.
const st = (columns, rows, reals = []) => ({ columns, rows, reals });
const rowsOf = (n, row) => Array.from({ length: n }, (_, i) => row(i));

test("which results are chartable", () => {
  for (const [name, statement, want] of [
    ["a label and numbers", st(["k", "n"], [["a", 1], ["b", 2]]), { labels: ["a", "b"], series: [["n", [1, 2]]] }],
    ["numbers as labels", st(["year", "n"], [[2024, 1], [2025, 2]]), { labels: ["2024", "2025"], series: [["n", [1, 2]]] }],
    ["one row", st(["k", "n"], [["a", 1]]), { labels: ["a"], series: [["n", [1]]] }],
    ["a single column", st(["n"], [[1], [2]]), null],
    ["no rows", st(["k", "n"], []), null],
    ["no numeric column", st(["k", "v"], [["a", "x"], ["b", "y"]]), null],
    ["a column of text among numbers is left out", st(["k", "n", "t", "m"], [["a", 1, "x", 3], ["b", 2, 5, 4]]),
      { labels: ["a", "b"], series: [["n", [1, 2]], ["m", [3, 4]]] }],
    ["text that reads like a number is text", st(["k", "n"], [["a", "4.0"], ["b", "5"]]), null],
    ["a blob is not a number", st(["k", "n"], [["a", new Uint8Array([1])], ["b", 2]]), null],
    ["NULLs are gaps", st(["k", "n"], [["a", null], ["b", 2], ["c", null]]), { labels: ["a", "b", "c"], series: [["n", [null, 2, null]]] }],
    ["a column of NULLs only is left out", st(["k", "n", "z"], [["a", 1, null], ["b", 2, null]]), { labels: ["a", "b"], series: [["n", [1, 2]]] }],
    ["every numeric column NULL", st(["k", "z"], [["a", null]]), null],
    ["infinities are gaps", st(["k", "n"], [["a", Infinity], ["b", -Infinity], ["c", 3]]), { labels: ["a", "b", "c"], series: [["n", [null, null, 3]]] }],
    ["nothing but infinity", st(["k", "n"], [["a", Infinity]]), null],
    ["big integers as the nearest number", st(["k", "n"], [["a", 9007199254740993n]]), { labels: ["a"], series: [["n", [9007199254740992]]] }],
    ["200 rows", st(["k", "n"], rowsOf(200, (i) => [`r${i}`, i])), { labels: rowsOf(200, (i) => `r${i}`), series: [["n", rowsOf(200, (i) => i)]] }],
    ["201 rows are too many", st(["k", "n"], rowsOf(201, (i) => [`r${i}`, i])), null],
  ]) {
    const got = chartData(statement);
    const summary = got && { labels: got.labels, series: got.series.map((s) => [s.name, s.values]) };
    assert.deepEqual(summary, want, name);
    if (got) assert.deepEqual(got.columns, statement.columns, name);
  }
});

test("labels read as the table shows them, shortened", () => {
  const long = "a label far longer than twenty-four characters";
  const data = chartData(st(["k", "n"], [[7, 1], [7, 2], [null, 3], [long, 4], [new Uint8Array([1, 255]), 5], ["", 6]], [0]));
  assert.deepEqual(data.labels, ["7.0", "7", "NULL", "a label far longer than…", "x'01ff' (2 bytes)", ""]);
});

test("readCell reads back every value the server writes", () => {
  const { values } = testdata("web/testdata/format.json");
  for (const c of values) {
    // The value as the worker returns it, and as the server's table shows it.
    const want = table({ columns: ["v"], rows: [[c.value]] });
    const [text, cls] = formatValue(want.rows[0][0], isReal(want)(0, 0));
    const { value, real } = readCell(text, cls);
    // A blob reads back as the text it shows: a label, never a number.
    if (cls === "blob") assert.equal(value, c.text, c.name);
    else assert.deepEqual(formatValue(value, real), [c.text, c.class], c.name);
    // + 0: SQLite writes -0.0 as 0.0, and a chart draws them alike.
    if (cls === "num") assert.equal(Number(value) + 0, Number(want.rows[0][0]) + 0, c.name);
    if (cls === "null") assert.equal(value, null, c.name);
  }
  assert.deepEqual(readCell("long text", "text long"), { value: "long text", real: false });
});

test("a chart of the server's table is the chart of the worker's result", () => {
  const worker = st(["month", "total", "avg", "note"], [
    ["2025-01", 1250, 7, "x"], ["2025-02", null, 0.30000000000000004, null], [3.5, 9007199254740993n, -Infinity, "y"],
  ], [5, 9, 12]);
  const real = isReal(worker);
  const reals = [];
  const rows = worker.rows.map((row, r) => row.map((v, c) => {
    const cell = readCell(...formatValue(v, real(r, c)));
    if (cell.real) reals.push(r * worker.columns.length + c);
    return cell.value;
  }));
  assert.deepEqual(chartData(st(worker.columns, rows, reals)), chartData(worker));
});
