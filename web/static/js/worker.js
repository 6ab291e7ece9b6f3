// worker.js: the engine's one worker, for lesson pages and the playground.
// It keeps one database between requests. On a lesson page it also keeps
// the states the page's cells leave, named by the cells that built them
// (see Chain), so a Run costs its own cell: the cells above are not run
// again while their text is unchanged.
//
// Request {id, op, held, ...args}; reply {id, value} or {id, error, dead}
// (dead: the engine itself has died; the page starts a new worker). Before
// work that may change the database the worker posts {id, checkpoint:
// {key, image}}: the state it starts from, unless the page already holds
// that one (held). The page keeps the latest and gives it to a new worker
// (op restore) after it had to replace this one (Stop, or a dead engine).
importScripts("../engine/wasm_exec.js", "../engine/engine.js", "./tierup.js");

// imageBudget bounds the bytes of database images kept between runs; past
// it the least recently used go, and a run that needs one replays cells
// from the nearest state still kept. checkpointLimit bounds the one image
// the page keeps to restore after a Stop.
const imageBudget = 96 << 20;
const checkpointLimit = 64 << 20;

let engineFile = null;
let db = null;
let loadFailure = "the engine is not loaded";
let held = null; // key of the checkpoint the page holds
let chain = null;

// Requests run one at a time, in order: each may change the database.
// tierUp is the exception: it answers when its work is done, and its
// steps take turns with the requests.
let queue = Promise.resolve();
let lastRequest = 0; // when the page last asked for something, performance.now()
onmessage = ({ data }) => {
  if (data.op === "tierUp") return tierUp(data);
  lastRequest = performance.now();
  queue = queue.then(() => handle(data));
};

// idleMs is how long the page must have asked nothing before the tier-up
// takes a turn: a reader running cells never waits for it.
const idleMs = 2000;

// tierUp exercises the engine's hot code for budgetMs of running time, a
// statement at a time while the page is idle (see tierup.js), and answers
// {id, value: {}} when done.
function tierUp({ id, budgetMs }) {
  const work = new TierUp(() => openDB(), budgetMs);
  const turn = () => {
    const wait = lastRequest + idleMs - performance.now();
    if (wait > 0) return setTimeout(turn, wait);
    queue = queue.then(() => work.step()).then(
      (more) => (more ? setTimeout(turn) : postMessage({ id, value: {} })),
      (err) => postMessage({ id, error: message(err), dead: !alive() }));
  };
  turn();
}

// handle answers one request; it never throws.
async function handle({ id, op, held: pageHolds, ...args }) {
  try {
    if (pageHolds !== undefined) held = pageHolds;
    if (!Object.hasOwn(ops, op)) throw new Error(`unknown request ${op}`);
    if (op !== "load" && !db) throw new Error(loadFailure);
    const value = await ops[op](args, id);
    postMessage({ id, value }, buffersOf(value));
  } catch (err) {
    postMessage({ id, error: message(err), dead: !alive() });
  }
}

// ops are the requests a page makes.
const ops = {
  // load starts the engine file named (engine.wasm; engine-orm.wasm on
  // pages with example programs; engine-go.wasm once a reader edits Go)
  // on an empty database.
  async load({ engine }) {
    engineFile = engine;
    try {
      db = await openDB();
    } catch (err) {
      loadFailure = `the engine could not start: ${message(err)}`;
      throw err;
    }
    chain = new Chain(imageBudget);
    return {};
  },

  // restore puts back a state the page kept: the database image at key,
  // or an empty database when image is null.
  async restore({ key, image }) {
    await reopen(image);
    chain.restored(key, image);
    held = key;
    return { schema: db.schema() };
  },

  // handOver gives the database and the states kept of it to another
  // engine's worker (adopt), for a page that moves there; this worker
  // keeps none of them after. A state inside an open transaction cannot
  // travel as an image: the other worker starts empty and replays.
  // Value {live, image, images: [[key, {image, print}]], steps}.
  handOver() {
    const open = db.inTransaction();
    const value = {
      live: open ? "" : chain.live, image: open ? null : db.export(),
      images: [...chain.images], steps: [...chain.steps],
    };
    chain.forget();
    return value;
  },

  // adopt takes what another engine's worker handed over (handOver).
  async adopt({ live, image, images, steps }) {
    await reopen(image);
    chain.adopt(live, images, steps);
    return { schema: db.schema() };
  },

  // run makes the database what jobs build in order, running only what
  // no kept state covers, and always the last job (the cell the reader
  // runs) unless warm is set (a warm-up runs what it must, nothing more).
  // Value {results, prints, ran, schema}: one result per job that ran
  // (the last ran of them; undefined for the jobs before, whose results
  // the page shows already), a fingerprint of the database before the
  // first job and after each, and how many jobs ran.
  async run({ jobs, warm }, id) {
    const { results, prints, ran } = await chain.reach(jobs, !warm, id);
    return { results: results.map((r, j) => (j >= jobs.length - ran ? r : undefined)), prints, ran, schema: db.schema() };
  },

  // check judges an exercise: the cells above (jobs), then the reader's
  // job (mine: their SQL) and the exercise's check query, and the same with
  // the solution's job when there is one. Value {mine, theirs}: the
  // results of [job, check?] for each (theirs null without a solution).
  async check({ above, mine, solution, check }, id) {
    const extra = check ? [{ sql: check }] : [];
    const theirs = solution ? await chain.reachThen([...above, solution], extra, id) : null;
    const ours = await chain.reachThen([...above, mine], extra, id);
    return { mine: ours, theirs, schema: db.schema() };
  },

  // plan shows the query plan of each statement of sql, taken just before
  // the statement runs on the database the cells above build, so that a
  // statement sees the tables the ones before it made.
  async plan({ above, sql }, id) {
    await chain.reach(above, false, id);
    const { statements, error } = await onScratch(above, sql); // learn where the statements are
    db.setTimeLimit(0);
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
    chain.lost();
    return { plans, schema: db.schema() };
  },

  // The playground's requests work on the database as it is.

  // exec runs sql on the current database.
  exec({ sql }, id) {
    checkpointNow(id);
    return { result: db.execScript(sql), schema: db.schema() };
  },

  // state reports the schema without changing anything.
  state() {
    return { schema: db.schema() };
  },

  // open replaces the database with a .sqlite file's bytes; bytes that are
  // not a sound database leave the current one as it was.
  async open({ data }, id) {
    if (!hasHeader(data)) return failed("not-database", "the file does not start with SQLite's header");
    if (db.inTransaction()) return failed("transaction", inTransaction);
    const before = checkpointNow(id);
    try {
      db.import(data);
      const problem = integrityProblem();
      if (problem) {
        db.import(before);
        return failed("damaged", problem);
      }
    } catch (err) {
      db.import(before);
      return failed("damaged", err.message);
    }
    return { tables: db.schema().tables.length, schema: db.schema() };
  },

  // script runs a .sql file on the current database as one unit: if any
  // statement fails, the database is put back as it was.
  script({ sql }, id) {
    if (db.inTransaction()) return failed("transaction", inTransaction);
    const before = checkpointNow(id);
    const result = db.execScript(sql);
    if (result.error) {
      db.execScript("rollback"); // a dump opens a transaction; ends it if still open
      db.import(before);
      return { ...failed("sql", result.error.message), line: result.error.line, column: result.error.column };
    }
    return { statements: result.statements.length, schema: db.schema() };
  },

  // csv creates table from CSV text with a header line (the engine either
  // imports every row or changes nothing).
  csv({ table, text }, id) {
    if (db.schema().tables.some((t) => t.name.toLowerCase() === table.toLowerCase())) {
      return failed("exists", table);
    }
    checkpointNow(id);
    try {
      return { rows: db.importCSV(table, text), table, schema: db.schema() };
    } catch (err) {
      return failed("csv", err.message.replace(/^import [^:]*: /, ""));
    }
  },

  // export returns the database as .sqlite bytes.
  export() {
    if (db.inTransaction()) throw new Error(inTransaction);
    return { image: db.export() };
  },

  // dump returns SQL text that recreates the database.
  dump() {
    return { text: db.dump() };
  },
};

// Chain keeps what a lesson page's cells build. A state is named by a key
// derived from every job that built it (its text, parameters or inputs),
// so the state after cell k is reused exactly while cells 0..k are
// unchanged. It keeps each job's result and fingerprint (steps), and
// images of the states (the database file, taken when a job changed it
// and no transaction is open), within a byte budget.
class Chain {
  constructor(budget) {
    this.budget = budget;
    this.images = new Map(); // key -> {image, print}; several keys may share one
    this.steps = new Map(); // key after a job -> {result, print}
    this.live = ""; // key of the state the database is in; null: unknown
    this.emptyPrint = hash(db.export());
    this.counters = this.readCounters();
  }

  // reach makes the database the state jobs build and returns every job's
  // result, the fingerprints along the way and how many jobs it ran;
  // runLast runs the last job even when its result is kept.
  async reach(jobs, runLast, id) {
    const keys = chainKeys(jobs);
    const target = runLast ? jobs.length - 1 : jobs.length;
    let start = target;
    while (start > 0 && !this.has(keys[start])) start--;
    await this.moveTo(keys[start]);
    for (let j = start; j < jobs.length; j++) {
      this.checkpoint(keys[j], id);
      this.runJob(jobs[j], keys[j], keys[j + 1]);
    }
    return {
      results: keys.slice(1).map((k) => this.steps.get(k)?.result),
      prints: keys.map((k) => this.printOf(k)),
      ran: jobs.length - start,
    };
  }

  // reachThen reaches the state jobs build, then runs extra (a check
  // query) and returns the results of the last job and of extra.
  async reachThen(jobs, extra, id) {
    const { results } = await this.reach(jobs, true, id);
    const out = [results[results.length - 1]];
    for (const job of extra) out.push(runOne(job));
    if (extra.length > 0) this.lost();
    return out;
  }

  // has reports whether the state at key can be had without running jobs.
  has(key) {
    return key === "" || this.live === key || this.images.has(key);
  }

  // moveTo puts the database in the state at key, which has(key).
  async moveTo(key) {
    if (this.live === key) return;
    const kept = this.images.get(key);
    await reopen(key === "" ? null : kept.image);
    if (kept) this.touch(key, kept);
    this.live = key;
    this.counters = this.readCounters();
  }

  // runJob runs job on the state at from, which the database is in, and
  // keeps its result and the state it leaves at key to.
  runJob(job, from, to) {
    const result = runOne(job);
    const counters = this.readCounters();
    const same = job.sql !== undefined && counters === this.counters && !/pragma/i.test(job.sql);
    this.counters = counters;
    const before = this.images.get(from);
    let print;
    if (same) {
      print = this.printOf(from);
      if (before && !db.inTransaction()) this.touch(to, before);
    } else if (db.inTransaction()) {
      // SQLite takes no image inside a write transaction, and one would
      // not carry the transaction: the jobs that built the state name it.
      print = "open:" + to;
    } else {
      const image = db.export();
      print = hash(image);
      if (!db.inTransaction()) this.touch(to, { image, print });
    }
    this.steps.delete(to);
    this.steps.set(to, { result, print });
    this.live = to;
    trim(this.steps, 512);
  }

  // checkpoint posts the state at key to the page, when it is kept, small
  // enough and not what the page holds already.
  checkpoint(key, id) {
    if (key === held) return;
    const kept = this.images.get(key);
    if (key !== "" && (!kept || kept.image.length > checkpointLimit)) return;
    const image = kept ? kept.image.slice() : null;
    postMessage({ id, checkpoint: { key, image } }, image ? [image.buffer] : []);
    held = key;
  }

  // restored records a new worker's database as the state the page kept.
  restored(key, image) {
    this.live = key;
    if (image && key !== null) this.touch(key, { image: image.slice(), print: hash(image) });
    this.counters = this.readCounters();
  }

  // adopt takes the states and steps another worker kept, with the
  // database in the state live.
  adopt(live, images, steps) {
    this.images = new Map(images);
    this.steps = new Map(steps);
    this.live = live;
    this.counters = this.readCounters();
  }

  // forget drops every kept state and step.
  forget() {
    this.images.clear();
    this.steps.clear();
    this.lost();
  }

  // lost records that the database is in a state no key names (a check
  // query or a plan ran on it).
  lost() {
    this.live = null;
  }

  printOf(key) {
    return key === "" ? this.emptyPrint : this.steps.get(key)?.print ?? this.images.get(key)?.print;
  }

  // touch keeps kept at key as the most recently used image, dropping the
  // least recently used past the budget.
  touch(key, kept) {
    this.images.delete(key);
    this.images.set(key, kept);
    let bytes = 0;
    const counted = new Set();
    for (const k of [...this.images.keys()].reverse()) {
      const v = this.images.get(k);
      if (!counted.has(v)) bytes += v.image.length;
      counted.add(v);
      if (bytes > this.budget && k !== key) this.images.delete(k);
    }
  }

  // readCounters sums up what SQLite counts of changes: rows changed and
  // the schema's version. Equal counters after a SQL job: same database.
  readCounters() {
    return db.exec("select total_changes(), (select schema_version from pragma_schema_version)")[0].values[0].join(":");
  }
}

// onScratch runs jobs, then sql, on a scratch database and returns sql's
// result: where its statements are, without running them on the page's
// database. (Putting the page's database back from an image instead left
// Chromium's connection refusing the sql's create statements as existing.)
async function onScratch(jobs, sql) {
  const live = db;
  db = await openDB();
  try {
    jobs.forEach(runOne);
    return db.execScript(sql);
  } finally {
    db.close();
    db = live;
  }
}

// runOne runs one job on the database; a failure of the job itself
// becomes its result, so the jobs before it keep theirs.
function runOne(job) {
  db.setTimeLimit(job.limitMs || 0); // 0: the engine's default
  if (job.sql !== undefined) return db.execScript(job.sql, job.params);
  try {
    if (job.program !== undefined) return { program: db.runProgram(job.program, job.inputs, job.source, job.exercise) };
    return { imported: db.importCSV(job.table, job.csv) };
  } catch (err) {
    if (!alive()) throw err;
    return { error: { message: message(err) } };
  }
}

// chainKeys names the state before the first job ("", an empty database)
// and after each: a key hashes the previous key with the job's work. A
// job's time limit (limitMs) is not part of what it builds.
function chainKeys(jobs) {
  const keys = [""];
  const encoder = new TextEncoder();
  for (const { limitMs, ...work } of jobs) {
    keys.push(hash(encoder.encode(keys[keys.length - 1] + "\n" + JSON.stringify(work))));
  }
  return keys;
}

// checkpointNow posts the playground's database as it is now, before a
// request changes it, and returns its image. Inside a transaction it
// posts nothing (SQLite takes no image there) and returns null: the page
// keeps the state before the transaction began, so a Stop rolls back.
function checkpointNow(id) {
  if (db.inTransaction()) return null;
  const image = db.export();
  const copy = image.length <= checkpointLimit ? image.slice() : null;
  postMessage({ id, checkpoint: { key: null, image: copy, tooBig: copy === null } }, copy ? [copy.buffer] : []);
  held = null;
  return image;
}

// openDB opens a database on the loaded engine: empty, or a copy of image.
function openDB(image) {
  return dbtour.open({ wasm: "../engine/" + engineFile, data: image || undefined });
}

// reopen replaces the database with a new one (a copy of image, or empty):
// a new connection carries nothing of the old one's state.
async function reopen(image) {
  const next = await openDB(image);
  db.close();
  db = next;
}

// alive reports whether the engine still answers; after the Go program
// dies every call fails.
function alive() {
  if (!db) return true;
  try {
    db.exec("select 1");
    return true;
  } catch {
    return false;
  }
}

// buffersOf lists the buffers of the images in a reply, each once, to be
// moved to the page rather than copied.
function buffersOf(value) {
  if (!value) return [];
  const images = [value.image, ...(value.images ?? []).map(([, kept]) => kept.image)];
  return [...new Set(images.filter(Boolean).map((image) => image.buffer))];
}

// trim drops the oldest entries of map past limit.
function trim(map, limit) {
  for (const k of map.keys()) {
    if (map.size <= limit) break;
    map.delete(k);
  }
}

// sqliteHeader starts every SQLite database file.
const sqliteHeader = "SQLite format 3\0";

function hasHeader(data) {
  if (!(data instanceof Uint8Array) || data.length < sqliteHeader.length) return false;
  for (let i = 0; i < sqliteHeader.length; i++) if (data[i] !== sqliteHeader.charCodeAt(i)) return false;
  return true;
}

// inTransaction says why a file is not imported inside a transaction:
// a failed import puts the database back from an image, which SQLite
// cannot take there.
const inTransaction = "a transaction is open: end it with commit or rollback first";

// failed describes an import that changed nothing.
function failed(problem, message) {
  return { failed: problem, message, schema: db.schema() };
}

// integrityProblem reads the whole database, as SQLite's quick_check does,
// and returns what is wrong with it, or "" when it is sound.
function integrityProblem() {
  const r = db.execScript("pragma quick_check");
  if (r.error) return r.error.message;
  const rows = r.statements[0].rows.map((row) => String(row[0]));
  return rows.length === 1 && rows[0] === "ok" ? "" : rows.slice(0, 3).join("; ");
}

// hash is two 32-bit FNV-style hashes of bytes, with their length: equal
// databases (files) and equal chains of jobs hash alike.
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
