// sqljs.js: dbtour's engine behind sql.js's API, so that a sql.js program
// changes only the line that loads it:
//
//   const SQL = await initSqlJs({ locateFile: (file) => `/engine/${file}` });
//   const db = new SQL.Database(data);   // synchronous, as in sql.js
//
// In a page or worker, load this file (it defines globalThis.initSqlJs
// and loads wasm_exec.js and engine.js from beside it, unless they are
// loaded already); in Node or a bundler, require it. engine.js's
// dbtour.open stays as it is.
(function () {
  "use strict";

  const node = typeof process !== "undefined" && !!(process.versions && process.versions.node);
  if (typeof module === "object" && module.exports && typeof require === "function") {
    if (typeof Go === "undefined") require("./wasm_exec.js");
    if (typeof dbtour === "undefined") require("./engine.js");
  }
  // here is where this script was loaded from, for the scripts beside it.
  const here =
    (typeof document !== "undefined" && document.currentScript && document.currentScript.src) ||
    (typeof location !== "undefined" && location.href) || "";

  // load runs the script name from beside this one, in a page or worker.
  function load(name) {
    const url = new URL(name, here).href;
    if (typeof importScripts === "function") {
      importScripts(url);
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = url;
      script.onload = resolve;
      script.onerror = () => reject(new Error(`dbtour: cannot load ${url}`));
      document.head.appendChild(script);
    });
  }

  // scripts loads wasm_exec.js and engine.js where they are not loaded yet.
  async function scripts() {
    if (typeof Go === "undefined") await load("wasm_exec.js");
    if (typeof dbtour === "undefined") await load("engine.js");
  }

  let module_ = null; // the promise initSqlJs returns: one module, as in sql.js

  // initSqlJs loads the engine once and resolves to {Database, Statement,
  // StatementIterator}. config.wasmBinary: engine.wasm's bytes;
  // config.locateFile(name): its URL (default: beside this script, or read
  // from this file's folder in Node); config.dbtour: the engine's limits
  // for every Database (timeLimitMs, maxLength, maxMemory), as
  // dbtour.open takes them.
  function initSqlJs(config = {}) {
    if (!module_) {
      module_ = scripts().then(() => dbtour.init({ wasm: wasmSource(config) })).then((raw) => {
        engine = raw;
        limits = config.dbtour || {};
        return { Database, Statement, StatementIterator };
      });
    }
    return module_;
  }

  let engine = null; // the raw engine, globalThis.dbtourEngine
  let limits = {};

  // wasmSource is engine.wasm's bytes or URL, as dbtour.init takes it.
  function wasmSource(config) {
    if (config.wasmBinary) return config.wasmBinary;
    if (config.locateFile) return config.locateFile("engine.wasm", "");
    if (node && typeof __dirname === "string") {
      return require("fs").readFileSync(require("path").join(__dirname, "engine.wasm"));
    }
    return here ? new URL("engine.wasm", here).href : undefined; // beside this script
  }

  // unwrap returns the value of a raw reply, or throws its error as sql.js
  // does: an Error with SQLite's message (and dbtour's code).
  function unwrap(json) {
    const reply = JSON.parse(json);
    if (reply.error) {
      const err = new Error(reply.error.message);
      err.code = reply.error.code;
      throw err;
    }
    return reply.value;
  }

  // Database is sql.js's Database: one in-memory SQLite database, empty or
  // a copy of data (the bytes of a .sqlite file: a Uint8Array, an
  // ArrayBuffer or an array of numbers). options, dbtour's own, changes
  // the engine's limits for this database (as initSqlJs's config.dbtour).
  class Database {
    constructor(data, options) {
      if (!engine) throw new Error("call initSqlJs() and wait for it before creating a Database");
      this.handle = unwrap(engine.open({ ...limits, ...options }));
      this.statements = new Set();
      this.broken = null; // the error of a data that is not a database
      if (data !== undefined && data !== null) {
        try {
          unwrap(engine.deserialize(this.handle, toBytes(data)));
        } catch (err) {
          // sql.js opens any bytes and fails when the file is read.
          this.broken = new Error(`file is not a database (${err.message})`);
        }
      }
    }

    // live returns the handle, or throws for a closed or broken database.
    live() {
      if (!this.handle) throw new Error("Database closed");
      if (this.broken) throw this.broken;
      return this.handle;
    }

    // run executes sql (every statement when there are no params; the
    // first, with params bound, when there are) and returns the database.
    run(sql, params) {
      if (params === undefined || params === null) {
        this.exec(sql);
        return this;
      }
      const stmt = this.prepare(sql, params);
      try {
        stmt.step();
      } finally {
        stmt.free();
      }
      return this;
    }

    // exec runs every statement of sql, binding params to each, and
    // returns [{columns, values}] for those that returned rows.
    exec(sql, params, config) {
      const results = [];
      const it = this.iterateStatements(sql);
      try {
        for (let next = it.next(); !next.done; next = it.next()) {
          const stmt = next.value;
          if (params !== undefined && params !== null) stmt.bind(params);
          const values = stmt.rest(config);
          if (values.length > 0) results.push({ columns: stmt.getColumnNames(), values });
        }
      } finally {
        if (it.active) it.active.free();
      }
      return results;
    }

    // each calls callback with each row of sql as an object, then done;
    // params may be left out.
    each(sql, params, callback, done, config) {
      if (typeof params === "function") {
        [params, callback, done] = [undefined, params, callback];
      }
      const stmt = this.prepare(sql, params);
      try {
        while (stmt.step()) callback(stmt.getAsObject(null, config));
      } finally {
        stmt.free();
      }
      return typeof done === "function" ? done() : undefined;
    }

    // prepare compiles the first statement of sql (the rest is ignored, as
    // in sql.js) and binds params to it.
    prepare(sql, params) {
      const next = this.prepareNext(sql);
      if (next === null) throw new Error("Nothing to prepare");
      if (params !== undefined && params !== null) next.stmt.bind(params);
      return next.stmt;
    }

    // prepareNext compiles the first statement of sql: {stmt, tail}, or
    // null when sql holds none.
    prepareNext(sql) {
      if (typeof sql !== "string") throw new TypeError(`sql must be a string, got ${typeof sql}`);
      const got = unwrap(engine.prepareNext(this.live(), sql));
      if (got === null) return null;
      const text = sql.slice(0, sql.length - got.tail.length);
      const stmt = new Statement(this, got.handle, got.columns, got.params, text);
      this.statements.add(stmt);
      return { stmt, tail: got.tail };
    }

    // iterateStatements returns an iterator over the statements of sql,
    // each prepared when the iteration reaches it.
    iterateStatements(sql) {
      return new StatementIterator(sql, this);
    }

    // export returns the database as the bytes of a .sqlite file. Unlike
    // sql.js's, it keeps the statements and functions.
    export() {
      const out = engine.serialize(this.live());
      if (typeof out === "string") unwrap(out);
      return out;
    }

    // close frees the database, its statements and functions; closing
    // twice is harmless.
    close() {
      if (!this.handle) return;
      unwrap(engine.close(this.handle));
      for (const stmt of this.statements) stmt.handle = 0;
      this.statements.clear();
      this.handle = 0;
    }

    // handleError throws SQLite's error for a result code other than OK
    // (0), as sql.js does; returns null for OK.
    handleError(returnCode) {
      if (returnCode === 0) return null;
      throw new Error(unwrap(engine.errorString(returnCode)));
    }

    // getRowsModified is the number of rows the last INSERT, UPDATE or
    // DELETE changed.
    getRowsModified() {
      return unwrap(engine.changes(this.live()));
    }

    // create_function makes func callable from SQL as name, with as many
    // arguments as func declares (func.length).
    create_function(name, func) {
      if (typeof func !== "function") throw new TypeError(`create_function: ${name} must be given a function`);
      unwrap(engine.createFunction(this.live(), name, func.length, (...args) => answer(() => func(...args))));
      return this;
    }

    // create_aggregate makes an aggregate callable from SQL as name: init()
    // gives each group's first state (null if left out), step(state,
    // ...args) the next, finalize(state) the result (the state if left
    // out). It takes step.length - 1 arguments.
    create_aggregate(name, { init, step, finalize } = {}) {
      if (typeof step !== "function") throw new TypeError(`An aggregate function must have a step function in ${name}`);
      const start = init || (() => null);
      const end = finalize || ((state) => state);
      const run = () => {
        let state, started = false;
        return {
          step: (...args) => answer(() => {
            if (!started) [state, started] = [start(), true];
            state = step(state, ...args);
            return null;
          }),
          final: () => answer(() => end(state)),
        };
      };
      unwrap(engine.createAggregate(this.live(), name, step.length - 1, run));
      return this;
    }

    // updateHook calls callback(operation, databaseName, tableName, rowId)
    // after each row an INSERT, UPDATE or DELETE changes in a rowid table;
    // null removes it. An exception in the callback is reported on the
    // console (SQLite cannot stop a statement from its update hook).
    updateHook(callback) {
      const hook = callback ? (op, schema, table, rowid) => {
        try {
          callback(op, schema, table, rowid);
        } catch (err) {
          console.error("updateHook callback failed:", err);
        }
      } : null;
      unwrap(engine.updateHook(this.live(), hook));
      return this;
    }
  }

  // answer runs a JavaScript SQL function's body and tells the engine what
  // became of it: {ok: value} or {error: message}.
  function answer(f) {
    let value;
    try {
      value = f();
    } catch (err) {
      return { error: err instanceof Error ? err.message : String(err) };
    }
    return resultValue(value);
  }

  // resultValue is a function's result as the engine stores it, as sql.js
  // takes it: a number as REAL, a boolean as 0 or 1, an array or typed
  // array as a blob, undefined as NULL; another object is an error.
  function resultValue(v) {
    switch (typeof v) {
      case "bigint": return { ok: { int: v.toString() } };
      case "number": return { ok: v, real: true };
      case "boolean": case "string": return { ok: v };
      case "undefined": return { ok: null };
      case "object":
        if (v === null) return { ok: null };
        if (v.length != null) return { ok: toBytes(v) };
    }
    return { error: `Wrong API use: a function returned a value of an unknown type (${String(v)}); return null, a number, a bigint, a string, a boolean or a Uint8Array` };
  }

  // Statement is sql.js's Statement: a prepared statement stepped one row
  // at a time.
  class Statement {
    constructor(db, handle, columns, params, sql) {
      this.db = db;
      this.handle = handle;
      this.columns = columns;
      this.params = params;
      this.sql = sql;
      this.row = null;
    }

    live() {
      if (!this.handle) throw new Error("Statement closed");
      return this.handle;
    }

    // bind resets the statement and binds values: an array by position
    // (values left out are NULL), an object by name (":a", "@a", "$a" or
    // "a"; names left out are NULL).
    bind(values) {
      const handle = this.live();
      this.row = null;
      if (values === undefined || values === null) {
        this.clear(handle);
        return true;
      }
      unwrap(engine.bind(handle, this.positional(values)));
      return true;
    }

    // clear rewinds the statement and sets every parameter to NULL.
    clear(handle) {
      engine.reset(handle); // an error of the last step is not this call's
      unwrap(engine.bind(handle, null));
    }

    // positional turns bind's values into one value per parameter.
    positional(values) {
      const n = this.params.length;
      if (Array.isArray(values)) {
        if (values.length > n) {
          throw new Error(`column index out of range: the statement has ${n} parameters, ${values.length} values were given`);
        }
        return Array.from({ length: n }, (_, i) => paramValue(values[i]));
      }
      if (typeof values !== "object" || ArrayBuffer.isView(values)) {
        throw new TypeError(`bind takes an array or an object, got ${typeof values}`);
      }
      return this.params.map((name) => {
        if (name in values) return paramValue(values[name]);
        if (name.length > 1 && name.slice(1) in values) return paramValue(values[name.slice(1)]);
        return null;
      });
    }

    // step advances to the next row and reports whether there is one.
    step() {
      const row = unwrap(engine.step(this.live()));
      this.row = row;
      return row !== null;
    }

    // rest steps through the remaining rows and returns them, fetching
    // many per call to the engine (for exec).
    rest(config) {
      const useBigInt = !!(config && config.useBigInt);
      const values = [];
      for (let done = false; !done;) {
        const got = unwrap(engine.stepRows(this.live(), 512));
        for (const row of got.rows) values.push(row.map((v) => jsValue(v, useBigInt)));
        done = got.done;
      }
      this.row = null;
      return values;
    }

    // get returns the current row; with params it binds them and steps
    // first. config.useBigInt: integers as BigInts.
    get(params, config) {
      if (params !== undefined && params !== null && this.bind(params)) this.step();
      return this.row === null ? [] : this.row.map((v) => jsValue(v, config && config.useBigInt));
    }

    // getColumnNames names the result columns.
    getColumnNames() {
      return this.columns.slice();
    }

    // getAsObject returns the current row as {column: value}.
    getAsObject(params, config) {
      const values = this.get(params, config);
      const row = {};
      this.columns.forEach((c, i) => { row[c] = values[i]; });
      return row;
    }

    // getSQL is the text the statement was prepared from.
    getSQL() {
      return this.sql;
    }

    // getNormalizedSQL is the statement with its literals as ? and its
    // blank space and comments as single spaces (dbtour's approximation of
    // sqlite3_normalized_sql, which its SQLite does not build).
    getNormalizedSQL() {
      return normalize(this.sql);
    }

    // run binds values (when given), runs the statement once and resets it.
    run(values) {
      if (values !== undefined && values !== null) this.bind(values);
      this.step();
      return this.reset();
    }

    // reset rewinds the statement and sets its parameters to NULL.
    reset() {
      this.clear(this.live());
      this.row = null;
      return true;
    }

    // freemem is kept for sql.js programs: dbtour copies values out, so
    // there is no memory to free.
    freemem() {}

    // free releases the statement; freeing twice is harmless.
    free() {
      if (!this.handle) return false;
      unwrap(engine.free(this.handle));
      this.db.statements.delete(this);
      this.handle = 0;
      return true;
    }
  }

  // StatementIterator walks the statements of a script: next() prepares
  // the next one (freeing the one before), getRemainingSQL() is the text
  // not yet prepared.
  class StatementIterator {
    constructor(sql, db) {
      if (typeof sql !== "string") throw new TypeError(`sql must be a string, got ${typeof sql}`);
      this.db = db;
      this.rest = sql;
      this.active = null;
      this.done = false;
    }

    next() {
      if (this.active) {
        this.active.free();
        this.active = null;
      }
      if (this.done) return { done: true };
      let got;
      try {
        got = this.db.prepareNext(this.rest);
      } catch (err) {
        this.done = true;
        throw err;
      }
      if (got === null) {
        this.done = true;
        this.rest = "";
        return { done: true };
      }
      this.rest = got.tail;
      this.active = got.stmt;
      return { value: got.stmt, done: false };
    }

    getRemainingSQL() {
      return this.rest;
    }

    [Symbol.iterator]() {
      return this;
    }
  }

  // paramValue is one bound value as the engine takes it: a bigint as
  // {int: "digits"}, an array of bytes as a Uint8Array.
  function paramValue(v) {
    if (typeof v === "bigint") return { int: v.toString() };
    if (Array.isArray(v) || v instanceof ArrayBuffer) return toBytes(v);
    return v;
  }

  // toBytes makes data a Uint8Array.
  function toBytes(data) {
    if (data instanceof Uint8Array) return data;
    if (data instanceof ArrayBuffer) return new Uint8Array(data);
    if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    return Uint8Array.from(data);
  }

  // jsValue is one value of a row as sql.js returns it: integers as
  // numbers (BigInts with useBigInt), reals as numbers, blobs as
  // Uint8Arrays. The engine sends an integer as a plain JSON integer or
  // {int} beyond 2^53, a real as a JSON number or {real} when whole.
  function jsValue(v, useBigInt) {
    if (typeof v === "number") return useBigInt && Number.isInteger(v) ? BigInt(v) : v;
    if (v === null || typeof v !== "object") return v;
    if ("int" in v) return useBigInt ? BigInt(v.int) : Number(v.int);
    if ("real" in v) return Number(v.real);
    if ("blob" in v) return Uint8Array.from(atob(v.blob), (c) => c.charCodeAt(0));
    return v;
  }

  // normalize approximates sqlite3_normalized_sql: literals and
  // parameters become ?, a list of them after IN becomes (?,?,?), keywords
  // are upper case, blank space and comments go except between two words,
  // and a semicolon ends it.
  function normalize(sql) {
    const token = /\s+|--[^\n]*|\/\*[\s\S]*?(?:\*\/|$)|'(?:[^']|'')*'?|[xX]'[0-9a-fA-F]*'|0[xX][0-9a-fA-F]+|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|[?](?:\d+)?|[:@$][\w$]+(?:::[\w$]*)?|"(?:[^"]|"")*"?|`[^`]*`?|\[[^\]]*\]?|[A-Za-z_\u0080-\uffff][\w$\u0080-\uffff]*|[\s\S]/g;
    let out = "", word = false;
    for (const [t] of sql.matchAll(token)) {
      if (/^(\s|--|\/\*)/.test(t)) continue;
      let piece = t, isWord = false;
      if (/^('|[xX]'|\d|\.\d|[?:@$])/.test(t)) piece = "?";
      else if (/^[A-Za-z_\u0080-\uffff"`[]/.test(t)) {
        isWord = true;
        if (keywords.has(t.toUpperCase())) piece = t.toUpperCase();
      }
      out += (word && isWord ? " " : "") + piece;
      word = isWord;
    }
    out = out.replace(/IN\((?:\?,)*\?\)/g, "IN(?,?,?)"); // as SQLite writes any list of values
    return out.endsWith(";") ? out : out + ";";
  }

  // keywords are SQLite's (https://sqlite.org/lang_keywords.html).
  const keywords = new Set(("ABORT ACTION ADD AFTER ALL ALTER ALWAYS ANALYZE AND AS ASC ATTACH AUTOINCREMENT " +
    "BEFORE BEGIN BETWEEN BY CASCADE CASE CAST CHECK COLLATE COLUMN COMMIT CONFLICT CONSTRAINT CREATE " +
    "CROSS CURRENT CURRENT_DATE CURRENT_TIME CURRENT_TIMESTAMP DATABASE DEFAULT DEFERRABLE DEFERRED " +
    "DELETE DESC DETACH DISTINCT DO DROP EACH ELSE END ESCAPE EXCEPT EXCLUDE EXCLUSIVE EXISTS EXPLAIN " +
    "FAIL FILTER FIRST FOLLOWING FOR FOREIGN FROM FULL GENERATED GLOB GROUP GROUPS HAVING IF IGNORE " +
    "IMMEDIATE IN INDEX INDEXED INITIALLY INNER INSERT INSTEAD INTERSECT INTO IS ISNULL JOIN KEY LAST " +
    "LEFT LIKE LIMIT MATCH MATERIALIZED NATURAL NO NOT NOTHING NOTNULL NULL NULLS OF OFFSET ON OR ORDER " +
    "OTHERS OUTER OVER PARTITION PLAN PRAGMA PRECEDING PRIMARY QUERY RAISE RANGE RECURSIVE REFERENCES " +
    "REGEXP REINDEX RELEASE RENAME REPLACE RESTRICT RETURNING RIGHT ROLLBACK ROW ROWS SAVEPOINT SELECT " +
    "SET TABLE TEMP TEMPORARY THEN TIES TO TRANSACTION TRIGGER UNBOUNDED UNION UNIQUE UPDATE USING " +
    "VACUUM VALUES VIEW VIRTUAL WHEN WHERE WINDOW WITH WITHOUT").split(" "));

  if (typeof module === "object" && module.exports) {
    module.exports = initSqlJs;
    module.exports.default = initSqlJs;
  }
  globalThis.initSqlJs = initSqlJs;
})();
