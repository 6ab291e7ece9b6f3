// playground-worker.js: the playground's database, kept in engine.wasm off
// the page's main thread. Unlike a lesson's worker, the database lives on
// between requests: a run changes it, an import adds to it or replaces it.
//
// Request {id, op, ...args}; reply {id, ...value} or {id, error}. Requests
// are handled one at a time, in order. Every reply that may follow a change
// carries `schema` and `image` (the database as .sqlite bytes), so the page
// can restore the last good state if it has to replace a busy worker.
importScripts("../engine/wasm_exec.js", "../engine/engine.js");

let db = null;
let queue = Promise.resolve();

onmessage = ({ data }) => {
  queue = queue.then(() => handle(data));
};

// handle answers one request; it never throws.
async function handle({ id, op, ...args }) {
  try {
    if (!db) db = await dbtour.open({ wasm: "../engine/engine.wasm" });
    if (!Object.hasOwn(ops, op)) throw new Error(`unknown request ${op}`);
    const value = ops[op](args);
    postMessage({ id, ...value }, value.image ? [value.image.buffer] : []);
  } catch (err) {
    postMessage({ id, error: String(err && err.message ? err.message : err) });
  }
}

// sqliteHeader starts every SQLite database file.
const sqliteHeader = "SQLite format 3\0";

// ops are the requests the page makes.
const ops = {
  // run executes sql on the current database.
  run({ sql }) {
    return { result: db.execScript(sql), ...state() };
  },

  // state reports the schema and image without changing anything.
  state() {
    return state();
  },

  // open replaces the database with a .sqlite file's bytes; bytes that are
  // not a sound database leave the current one as it was.
  open({ data }) {
    if (!hasHeader(data)) return failed("not-database", "the file does not start with SQLite's header");
    const before = db.export();
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
    return { tables: db.schema().tables.length, ...state() };
  },

  // script runs a .sql file on the current database as one unit: if any
  // statement fails, the database is put back as it was.
  script({ sql }) {
    const before = db.export();
    const result = db.execScript(sql);
    if (result.error) {
      db.execScript("rollback"); // a dump opens a transaction; ends it if still open
      db.import(before);
      return { ...failed("sql", result.error.message), line: result.error.line, column: result.error.column };
    }
    return { statements: result.statements.length, ...state() };
  },

  // csv creates table from CSV text with a header line (the engine either
  // imports every row or changes nothing).
  csv({ table, text }) {
    if (db.schema().tables.some((t) => t.name.toLowerCase() === table.toLowerCase())) {
      return failed("exists", table);
    }
    try {
      return { rows: db.importCSV(table, text), table, ...state() };
    } catch (err) {
      return failed("csv", err.message.replace(/^import [^:]*: /, ""));
    }
  },

  // export returns the database as .sqlite bytes.
  export() {
    return { image: db.export() };
  },

  // dump returns SQL text that recreates the database.
  dump() {
    return { text: db.dump() };
  },
};

// keepLimit is the largest database whose image the page keeps after each
// request (copying a bigger one on every run would cost more than it saves).
const keepLimit = 16 << 20;

// state is what the page keeps after each request: the schema for the
// panel and autocomplete, and the database image for a restore (null when
// the database is bigger than keepLimit).
function state() {
  const [[pages, pageSize]] = db.exec("select page_count, page_size from pragma_page_count(), pragma_page_size()")[0].values;
  return { schema: db.schema(), image: pages * pageSize <= keepLimit ? db.export() : null };
}

// failed describes an import that changed nothing.
function failed(problem, message) {
  return { failed: problem, message, ...state() };
}

function hasHeader(data) {
  if (!(data instanceof Uint8Array) || data.length < sqliteHeader.length) return false;
  for (let i = 0; i < sqliteHeader.length; i++) if (data[i] !== sqliteHeader.charCodeAt(i)) return false;
  return true;
}

// integrityProblem reads the whole database, as SQLite's quick_check does,
// and returns what is wrong with it, or "" when it is sound.
function integrityProblem() {
  const r = db.execScript("pragma quick_check");
  if (r.error) return r.error.message;
  const rows = r.statements[0].rows.map((row) => String(row[0]));
  return rows.length === 1 && rows[0] === "ok" ? "" : rows.slice(0, 3).join("; ");
}
