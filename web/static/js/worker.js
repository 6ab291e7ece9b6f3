// worker.js: runs the page's cells in the engine, off the page's main thread.
// Request {id, engine, jobs}: load the engine file named (engine.wasm, or
// engine-orm.wasm on pages with example programs; a worker loads one) and
// run each job in order on a fresh database. A job is one cell:
//   {sql, params?}   a SQL script, with named parameters
//   {program, inputs} an example program (engine-orm.wasm only)
//   {csv, table}     CSV text imported into a new table
//   {plan}           SQL whose statements are run one by one, each after
//                    its EXPLAIN QUERY PLAN
// Reply {id, results, schema, fingerprints} (one result per job, the
// schema they left, and a fingerprint of the database's content before
// the first job and after each) or {id, error}. A SQL result is the
// engine's {statements, error}; a program's is {program: {statements,
// output, error, durationMs}}; a CSV's is {imported: rows} or {error}; a
// plan's is {plans: [{sql, nodes} or {sql, error}]}.
importScripts("../engine/wasm_exec.js", "../engine/engine.js");

let db = null;

onmessage = async ({ data: { id, engine, jobs } }) => {
  try {
    if (db) db.close();
    const options = { wasm: "../engine/" + (engine || "engine.wasm") };
    db = await dbtour.open(options);
    // A plan job first learns where its statements are by running them on
    // a scratch database that the jobs before it built alike.
    const planAt = jobs.findIndex((job) => job.plan !== undefined);
    const scratch = planAt < 0 ? null : await dbtour.open(options);
    if (scratch) jobs.slice(0, planAt).forEach((job) => run(job, scratch));
    const fingerprints = [fingerprint()];
    const results = jobs.map((job) => {
      const result = job.plan !== undefined ? { plans: plan(job.plan, scratch) } : run(job, db);
      fingerprints.push(fingerprint());
      return result;
    });
    if (scratch) scratch.close();
    postMessage({ id, results, schema: db.schema(), fingerprints });
  } catch (err) {
    postMessage({ id, error: message(err) });
  }
};

// run runs one job; failures of the job itself become its result, so the
// jobs before it keep theirs.
function run(job, db) {
  if (job.sql !== undefined) return db.execScript(job.sql, job.params);
  try {
    if (job.program !== undefined) return { program: db.runProgram(job.program, job.inputs) };
    return { imported: db.importCSV(job.table, job.csv) };
  } catch (err) {
    return { error: { message: message(err) } };
  }
}

// plan returns the query plan of each statement of sql, taken just before
// the statement runs, so a statement sees the tables the ones before it
// made. A first run on scratch finds where the statements are.
function plan(sql, scratch) {
  const { statements, error } = scratch.execScript(sql);
  const plans = [];
  for (const st of statements) {
    try {
      plans.push({ sql: st.sql, nodes: db.plan(st.sql) });
    } catch (err) {
      plans.push({ sql: st.sql, error: message(err) });
    }
    db.execScript(st.sql);
  }
  if (error) plans.push({ sql: sql.slice(error.offset), error: error.message });
  return plans;
}

// fingerprint is a hash of the database's content (its SQL dump): equal
// content, equal fingerprint, however the database got there.
function fingerprint() {
  const dump = db.dump();
  let h1 = 0x811c9dc5, h2 = 0x01000193;
  for (let i = 0; i < dump.length; i++) {
    const c = dump.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return `${dump.length}:${(h1 >>> 0).toString(16)}:${(h2 >>> 0).toString(16)}`;
}

function message(err) {
  return String(err && err.message ? err.message : err);
}
