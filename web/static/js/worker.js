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
// schema they left, and a fingerprint of the database before the first
// job and after each: see Fingerprints) or {id, error}. A SQL result is the
// engine's {statements, error}; a program's is {program: {statements,
// output, error, durationMs}}; a CSV's is {imported: rows} or {error}; a
// plan's is {plans: [{sql, nodes} or {sql, error}]}.
importScripts("../engine/wasm_exec.js", "../engine/engine.js");

let db = null;

// Requests run one at a time, in order: each replaces the database, and
// two overlapping ones would both open one and leave the other unclosed.
let queue = Promise.resolve();
onmessage = ({ data }) => {
  queue = queue.then(() => handle(data));
};

async function handle({ id, engine, jobs }) {
  try {
    if (db) db.close();
    const options = { wasm: "../engine/" + (engine || "engine.wasm") };
    db = await dbtour.open(options);
    // A plan job first learns where its statements are by running them on
    // a scratch database that the jobs before it built alike.
    const planAt = jobs.findIndex((job) => job.plan !== undefined);
    const scratch = planAt < 0 ? null : await dbtour.open(options);
    if (scratch) jobs.slice(0, planAt).forEach((job) => run(job, scratch));
    const prints = new Fingerprints(db);
    const fingerprints = [prints.take(true)];
    const results = jobs.map((job) => {
      const result = job.plan !== undefined ? { plans: plan(job.plan, scratch) } : run(job, db);
      fingerprints.push(prints.take(job.sql === undefined));
      return result;
    });
    if (scratch) scratch.close();
    postMessage({ id, results, schema: db.schema(), fingerprints });
  } catch (err) {
    postMessage({ id, error: message(err) });
  }
}

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

// Fingerprints takes fingerprints of a database's content: equal
// fingerprints, equal databases. A fingerprint hashes the database file
// (export), which the same SQL run on a fresh database builds byte for
// byte alike. Exporting a large database after every cell would cost more
// than the cells, so after a SQL job the last fingerprint is kept when
// SQLite's change counters (rows changed, schema version) say nothing
// changed, as for a SELECT.
class Fingerprints {
  constructor(db) {
    this.db = db;
    this.counters = null;
    this.last = null;
  }

  // take returns the current fingerprint; always computes it anew, for
  // work the counters do not see (programs, imports).
  take(always) {
    const counters = this.db.exec("select total_changes(), (select schema_version from pragma_schema_version)")[0].values[0].join(":");
    if (always || counters !== this.counters) this.last = hash(this.db.export());
    this.counters = counters;
    return this.last;
  }
}

// hash is two 32-bit FNV-style hashes of bytes, with their length.
function hash(bytes) {
  let h1 = 0x811c9dc5, h2 = 0x01000193;
  for (let i = 0; i < bytes.length; i++) {
    h1 = Math.imul(h1 ^ bytes[i], 0x01000193);
    h2 = Math.imul(h2 ^ bytes[i], 0x5bd1e995);
  }
  return `${bytes.length}:${(h1 >>> 0).toString(16)}:${(h2 >>> 0).toString(16)}`;
}

function message(err) {
  return String(err && err.message ? err.message : err);
}
