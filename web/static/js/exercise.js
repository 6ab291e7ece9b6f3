// exercise.js: what a reader's answer to an exercise is judged by, from the
// results the worker returns; judge.js judges it as `dbtour check` does
// (lessons/README.md, Judging).

import { explained, verdict } from "./judge.js";

// answer returns what an exercise is judged by: the last table of rows of
// result (the reader's SQL or the exercise's check query). When that table
// is a query plan, it is the answer's plan, and follow, the result of the
// query the plan explains (see followUp), gives its rows.
export function answer(result, follow) {
  const last = lastTable(result);
  if (last === null || explained(last.sql) === null) return { plan: null, rows: last };
  return { plan: last, rows: follow ? lastTable(follow) : null };
}

// followUp returns the query to run after result's SQL when its answer
// is a query plan (explain query plan Q): Q, whose rows are judged too.
// It returns null for any other result.
export function followUp(result) {
  const last = lastTable(result);
  return last === null ? null : explained(last.sql);
}

// compare returns what differs between got and want, for the reader, or
// null when got is right.
export function compare(got, want, ordered) {
  return verdict(got, want, ordered);
}

// lastTable returns the last statement of result that returned a table;
// null if none did.
function lastTable(result) {
  const tables = result.statements.filter((st) => st.columns !== null);
  return tables.length > 0 ? tables[tables.length - 1] : null;
}
