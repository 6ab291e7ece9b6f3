// worker.js: runs the page's cells in the engine, off the page's main thread.
// Request {id, engine, jobs}: load the engine file named (engine.wasm, or
// engine-orm.wasm on pages with example programs; a worker loads one) and
// run each job in order on a fresh database. A job is one cell:
//   {sql, params?}   a SQL script, with named parameters
//   {program, inputs} an example program (engine-orm.wasm only)
//   {csv, table}     CSV text imported into a new table
// Reply {id, results, schema} (one result per job, and the schema they
// left) or {id, error}. A SQL result is the engine's {statements, error};
// a program's is {program: {statements, output, error, durationMs}}; a
// CSV's is {imported: rows} or {error}.
importScripts("../engine/wasm_exec.js", "../engine/engine.js");

let db = null;

onmessage = async ({ data: { id, engine, jobs } }) => {
  try {
    if (db) db.close();
    db = await dbtour.open({ wasm: "../engine/" + (engine || "engine.wasm") });
    const results = jobs.map(run);
    postMessage({ id, results, schema: db.schema() });
  } catch (err) {
    postMessage({ id, error: message(err) });
  }
};

// run runs one job; failures of the job itself become its result, so the
// jobs before it keep theirs.
function run(job) {
  if (job.sql !== undefined) return db.execScript(job.sql, job.params);
  try {
    if (job.program !== undefined) return { program: db.runProgram(job.program, job.inputs) };
    return { imported: db.importCSV(job.table, job.csv) };
  } catch (err) {
    return { error: { message: message(err) } };
  }
}

function message(err) {
  return String(err && err.message ? err.message : err);
}
