// exercise.js: judging a reader's answer to an exercise the way
// `dbtour check` does (server/check.go): the last result table of the
// reader's SQL (or of the exercise's check query) against the solution's,
// by position, rows in order only when the exercise says so.

// answer returns the result an exercise is judged by: the last statement
// of result that returned a table; null if none did.
export function answer(result) {
  const tables = result.statements.filter((st) => st.columns !== null);
  return tables.length > 0 ? tables[tables.length - 1] : null;
}

// compare returns what differs between got and want, for the reader, or
// null when got is right.
export function compare(got, want, ordered) {
  if (got === null) return "Your SQL returns no table of rows; the exercise asks for one.";
  if (got.columns.length !== want.columns.length) {
    return `Expected ${plural(want.columns.length, "column")} (${want.columns.join(", ")}), got ${got.columns.length} (${got.columns.join(", ")}).`;
  }
  if (got.rows.length !== want.rows.length) {
    return `Expected ${plural(want.rows.length, "row")}, got ${got.rows.length}.`;
  }
  const mine = got.rows.map(key), theirs = want.rows.map(key);
  const sortedMine = [...mine].sort(), sortedTheirs = [...theirs].sort();
  const missing = sortedTheirs.findIndex((k, i) => k !== sortedMine[i]);
  if (missing >= 0) {
    const row = want.rows[theirs.indexOf(sortedTheirs[missing])];
    return `A row is missing or has a wrong value: expected a row (${show(row)}).`;
  }
  if (ordered) {
    const i = mine.findIndex((k, n) => k !== theirs[n]);
    if (i >= 0) return `The rows are right but not in the right order: row ${i + 1} should be (${show(want.rows[i])}).`;
  }
  return null;
}

// key makes a row comparable; bigints and blobs included.
function key(row) {
  return JSON.stringify(row, (_, v) =>
    typeof v === "bigint" ? `${v}n` : v instanceof Uint8Array ? { blob: Array.from(v) } : v);
}

function show(row) {
  return row.map((v) => (v === null ? "NULL" : typeof v === "string" ? `'${v}'` : String(v))).join(", ");
}

function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
