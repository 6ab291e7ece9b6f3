// judge.js: whether a reader's answer to an exercise is right, by the policy
// in lessons/README.md (Judging); package lessons/judge is its Go twin and
// both pass lessons/testdata/judge.json. It compares results only.
//
// An answer is {plan, rows}: rows is the last table of rows the SQL (or
// the exercise's check query) returned, or null; plan is set when that
// table was a query plan, and rows then holds what the explained query
// returned. A table is a result statement: {columns, rows, reals}.

import { formatNumber, isReal } from "./sqlvalue.js";

// tolerance is the relative difference under which two numbers are equal.
const tolerance = 1e-9;

// verdict returns null when got is right, else what differs, for the
// reader.
export function verdict(got, want, ordered) {
  if (want.plan) {
    if (!got.plan) return "The exercise asks for a query plan: keep explain query plan in front of the query.";
    const g = planShape(got.plan), w = planShape(want.plan);
    if (g !== w) return `The query plan differs: expected (${w}), got (${g}).`;
  }
  return compareRows(got.rows ?? null, want.rows ?? null, ordered);
}

// explained returns the query an `explain query plan Q` statement
// explains, or null for any other statement.
export function explained(sql) {
  const m = /^\s*explain\s+query\s+plan\s+/i.exec(sql);
  return m ? sql.slice(m[0].length) : null;
}

function compareRows(got, want, ordered) {
  if (got === null && want === null) return null;
  if (got === null) return "Your SQL returns no table of rows; the exercise asks for one.";
  if (want === null) return "Your SQL returns a table of rows; the exercise asks for none.";
  if (got.columns.length !== want.columns.length) {
    return `Expected ${plural(want.columns.length, "column")} (${want.columns.join(", ")}), got ${got.columns.length} (${got.columns.join(", ")}).`;
  }
  if (got.rows.length !== want.rows.length) return `Expected ${plural(want.rows.length, "row")}, got ${got.rows.length}.`;
  const missing = unmatched(got.rows, want.rows);
  if (missing >= 0) return `A row is missing or has a wrong value: expected a row (${show(want, missing)}).`;
  if (ordered) {
    const i = want.rows.findIndex((w, n) => !sameRow(got.rows[n], w));
    if (i >= 0) return `The rows are right but not in the right order: row ${i + 1} should be (${show(want, i)}).`;
  }
  return null;
}

// unmatched pairs each wanted row with an equal row of got, in want's
// order, and returns the index of the first wanted row without a partner,
// or -1.
function unmatched(got, want) {
  const used = new Array(got.length).fill(false);
  for (let i = 0; i < want.length; i++) {
    const j = got.findIndex((g, n) => !used[n] && sameRow(g, want[i]));
    if (j < 0) return i;
    used[j] = true;
  }
  return -1;
}

function sameRow(a, b) {
  return a.length === b.length && a.every((v, i) => same(v, b[i]));
}

// same reports whether two values are equal for judging: NULL equals
// NULL; numbers by value, exactly when both are whole numbers and else
// within the tolerance; text and blobs when identical; values of different
// kinds never.
export function same(a, b) {
  const aNum = isNumber(a), bNum = isNumber(b);
  if (aNum || bNum) return aNum && bNum && sameNumber(a, b);
  if (a === null || b === null) return a === b;
  if (a instanceof Uint8Array || b instanceof Uint8Array) {
    return a instanceof Uint8Array && b instanceof Uint8Array && a.length === b.length && a.every((x, i) => x === b[i]);
  }
  return a === b;
}

function isNumber(v) {
  return typeof v === "number" || typeof v === "bigint";
}

// sameNumber compares two numbers (a bigint is an integer beyond 2^53):
// whole numbers exactly, others within the tolerance.
function sameNumber(a, b) {
  if (typeof a === "bigint" || typeof b === "bigint") {
    const big = (v) => (typeof v === "bigint" ? v : Number.isInteger(v) ? BigInt(v) : null);
    const x = big(a), y = big(b);
    if (x !== null && y !== null) return x === y;
  }
  const x = Number(a), y = Number(b);
  if (x === y || (Number.isInteger(x) && Number.isInteger(y))) return x === y;
  return Math.abs(x - y) < tolerance * Math.max(1, Math.abs(x), Math.abs(y));
}

// planShape describes a plan by its steps (its last column, detail),
// without index names and without whether an index covers the query.
function planShape(t) {
  const col = t.columns.length - 1;
  return t.rows.filter((r) => col >= 0 && col < r.length)
    .map((r) => (typeof r[col] === "string" ? r[col] : "").replace(/USING (COVERING )?INDEX \S+/g, "USING INDEX"))
    .join("; ");
}

// show writes row i of table t for a message: NULL, 'text', numbers as
// the result grid shows them, blobs as x'hex'.
function show(t, i) {
  const real = isReal(t);
  return t.rows[i].map((v, c) => {
    if (v === null) return "NULL";
    if (typeof v === "string") return `'${v}'`;
    if (v instanceof Uint8Array) return `x'${Array.from(v, (b) => b.toString(16).padStart(2, "0")).join("")}'`;
    return formatNumber(v, real(i, c));
  }).join(", ");
}

function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
