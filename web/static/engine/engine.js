// engine.js: dbtour's public engine API, shaped like sql.js, over engine.wasm.
// Load Go's wasm_exec.js first; then `const db = await dbtour.open()`.
(function () {
  "use strict";

  // here is where this script was loaded from; engine.wasm sits beside it.
  const here =
    (typeof document !== "undefined" && document.currentScript && document.currentScript.src) ||
    (typeof location !== "undefined" && location.href) || "";

  let ready = null; // Promise of the raw engine, globalThis.dbtourEngine

  // init loads engine.wasm once. options.wasm is its URL (default: beside
  // this script) or its bytes (an ArrayBuffer or typed array, e.g. in Node).
  function init(options = {}) {
    if (!ready) ready = start(options.wasm);
    return ready;
  }

  // start instantiates the module, streaming when the server allows it, and
  // runs the Go program, which publishes globalThis.dbtourEngine.
  async function start(source) {
    const go = new Go();
    let instance;
    if (source instanceof ArrayBuffer || ArrayBuffer.isView(source)) {
      ({ instance } = await WebAssembly.instantiate(source, go.importObject));
    } else {
      const url = new URL(source || "engine.wasm", here);
      const response = fetch(url);
      try {
        ({ instance } = await WebAssembly.instantiateStreaming(response, go.importObject));
      } catch (err) {
        const r = await response; // served without application/wasm: compile from bytes
        if (!r.ok) throw new Error(`dbtour: cannot load ${url}: HTTP ${r.status}`);
        ({ instance } = await WebAssembly.instantiate(await r.arrayBuffer(), go.importObject));
      }
    }
    // A User Timing mark lets a page or benchmark see when compiling ended.
    if (typeof performance !== "undefined" && performance.mark) performance.mark("dbtour:compiled");
    go.run(instance);
    const raw = globalThis.dbtourEngine;
    if (instance.exports.dbtourExec) raw.execDirect = execDirect(instance.exports);
    return raw;
  }

  // execDirect returns exec(db, sql, paramsJSON) over the module's exports,
  // which skip syscall/js: the SQL and parameters go into the module's
  // memory as UTF-8, the result comes back the same way.
  function execDirect(exports) {
    const encoder = new TextEncoder();
    const decoder = new TextDecoder();
    return (db, sql, params) => {
      const room = 3 * (sql.length + params.length); // UTF-8 needs at most 3 bytes per UTF-16 unit
      const at = exports.dbtourInput(room);
      const memory = new Uint8Array(exports.mem.buffer);
      const sqlLen = encoder.encodeInto(sql, memory.subarray(at, at + room)).written;
      const paramsLen = encoder.encodeInto(params, memory.subarray(at + sqlLen, at + room)).written;
      const n = exports.dbtourExec(db, sqlLen, paramsLen);
      const out = exports.dbtourOutput(); // memory may have grown: take a new view
      return decoder.decode(new Uint8Array(exports.mem.buffer, out, n));
    };
  }

  // open resolves to a new in-memory Database: empty, or a copy of the
  // .sqlite file in options.data. options.timeLimitMs, maxRows, maxLength,
  // maxMemory and maxResultBytes change the engine's limits; options.wasm
  // is as for init.
  async function open(options = {}) {
    const raw = await init(options);
    const db = new Database(raw, unwrap(raw.open(options)));
    if (options.data) {
      try {
        db.import(options.data);
      } catch (err) {
        db.close();
        throw err;
      }
    }
    return db;
  }

  // unwrap returns the value of a raw reply, or throws its error.
  function unwrap(json) {
    const reply = JSON.parse(json);
    if (reply.error) throw toError(reply.error);
    return reply.value;
  }

  // Database is one in-memory SQLite database.
  class Database {
    constructor(raw, handle) {
      this.raw = raw;
      this.handle = handle;
    }

    // execScript runs every statement of sql and returns the full result
    // ({statements, error}); it never throws: even a failure of the engine
    // itself comes back as the result's error. Offsets are string indexes.
    execScript(sql, params) {
      let res;
      try {
        const json = this.raw.execDirect && typeof sql === "string" ? jsonParams(params) : null;
        res = JSON.parse(json !== null
          ? this.raw.execDirect(this.handle, sql, json)
          : this.raw.exec(this.handle, sql, toParams(params)));
      } catch (err) {
        return { statements: [], error: { message: `the engine failed: ${err.message}`, code: 1, statement: 0, offset: 0, line: 1, column: 1 } };
      }
      if (typeof sql !== "string") return res;
      const index = byteIndex(sql);
      for (const st of res.statements) {
        st.offset = index(st.offset);
        if (st.rows) st.rows = fromRows(st);
      }
      if (res.error) res.error.offset = index(res.error.offset);
      return res;
    }

    // exec runs sql as sql.js does: it returns [{columns, values}] for each
    // statement that returned rows and throws an Error on failure.
    exec(sql, params) {
      const res = this.execScript(sql, params);
      if (res.error) throw toError(res.error);
      return res.statements
        .filter((st) => st.rows && st.rows.length > 0)
        .map((st) => ({ columns: st.columns, values: st.rows }));
    }

    // run executes sql for its effect and returns the database.
    run(sql, params) {
      this.exec(sql, params);
      return this;
    }

    // prepare compiles one statement for step-by-step use.
    prepare(sql, params) {
      const { handle, columns } = withIndex(sql, () => unwrap(this.raw.prepare(this.handle, sql)));
      const stmt = new Statement(this.raw, handle, columns);
      if (params !== undefined) stmt.bind(params);
      return stmt;
    }

    // export returns the database as the bytes of a .sqlite file.
    export() {
      const out = this.raw.serialize(this.handle);
      if (typeof out === "string") unwrap(out);
      return out;
    }

    // import replaces the database with a .sqlite file's bytes.
    import(data) {
      unwrap(this.raw.deserialize(this.handle, data instanceof ArrayBuffer ? new Uint8Array(data) : data));
      return this;
    }

    // dump returns SQL text that recreates the database.
    dump() {
      return unwrap(this.raw.dump(this.handle));
    }

    // importCSV creates table from CSV text with a header line and returns
    // the number of rows inserted.
    importCSV(table, csv) {
      return unwrap(this.raw.importCSV(this.handle, table, csv));
    }

    // runProgram runs one of the course's example programs (Go, with
    // database/sql or GORM) on this database, with inputs (an object of
    // strings), and returns {statements, output, error, durationMs}: the
    // SQL GORM emitted, what the program printed and the error it
    // returned. engine-orm.wasm and engine-go.wasm carry the programs.
    // With source, Go text, engine-go.wasm interprets it instead (a
    // reader's edit); with exercise ({solution, check}) it also judges it
    // (result.judged). An engine without them says so.
    runProgram(name, inputs = {}, source = null, exercise = null) {
      return unwrap(this.raw.runProgram(this.handle, name, inputs, source, exercise));
    }

    // schema describes the tables and views, with columns, indexes and
    // triggers.
    schema() {
      return unwrap(this.raw.schema(this.handle));
    }

    // plan returns EXPLAIN QUERY PLAN of sql's first statement as a tree
    // of {id, parent, detail, children}.
    plan(sql) {
      return withIndex(sql, () => unwrap(this.raw.plan(this.handle, sql)));
    }

    // setTimeLimit changes how long one statement may run from now on, in
    // milliseconds (0: the default, 5 s); other limits stay as opened.
    setTimeLimit(ms) {
      unwrap(this.raw.setTimeLimit(this.handle, ms));
    }

    // inTransaction reports whether a transaction is open: an export taken
    // now would not carry it.
    inTransaction() {
      return unwrap(this.raw.inTransaction(this.handle));
    }

    // close frees the database and its statements; closing twice is harmless.
    close() {
      this.raw.close(this.handle);
      this.handle = 0;
    }
  }

  // Statement is a prepared statement, stepped one row at a time.
  class Statement {
    constructor(raw, handle, columns) {
      this.raw = raw;
      this.handle = handle;
      this.columns = columns;
      this.row = null;
    }

    // bind resets the statement and binds params (an array, or an object
    // of named values).
    bind(params) {
      unwrap(this.raw.bind(this.handle, toParams(params)));
      this.row = null;
      return true;
    }

    // step advances to the next row and reports whether there is one.
    step() {
      const row = unwrap(this.raw.step(this.handle));
      this.row = row === null ? null : fromRow(row);
      return this.row !== null;
    }

    // get returns the current row's values; with params, it binds them
    // and steps first, as sql.js does.
    get(params) {
      if (params !== undefined && this.bind(params)) this.step();
      return this.row === null ? [] : this.row;
    }

    // getAsObject returns the current row as {column: value}.
    getAsObject(params) {
      const values = this.get(params);
      return Object.fromEntries(this.columns.map((c, i) => [c, values[i]]));
    }

    getColumnNames() {
      return this.columns;
    }

    // run binds params, runs the statement once and resets it.
    run(params) {
      if (params !== undefined) this.bind(params);
      this.step();
      this.reset();
    }

    reset() {
      unwrap(this.raw.reset(this.handle));
      this.row = null;
      return true;
    }

    // free releases the statement; freeing twice is harmless.
    free() {
      this.raw.free(this.handle);
      this.handle = 0;
      return true;
    }
  }

  // withIndex runs f and converts a thrown error's byte offset in sql to
  // a string index.
  function withIndex(sql, f) {
    try {
      return f();
    } catch (err) {
      if (typeof sql === "string" && typeof err.offset === "number") err.offset = byteIndex(sql)(err.offset);
      throw err;
    }
  }

  // toParams passes bigints as {int: "digits"}, which Go can read.
  function toParams(params) {
    const convert = (p) => (typeof p === "bigint" ? { int: p.toString() } : p);
    if (Array.isArray(params)) return params.map(convert);
    if (params && typeof params === "object" && !ArrayBuffer.isView(params)) {
      return Object.fromEntries(Object.entries(params).map(([k, v]) => [k, convert(v)]));
    }
    return params; // undefined, or a misuse the engine reports
  }

  // jsonParams encodes params for execDirect: "" for none, else JSON with
  // bigints as {int: "digits"} and Infinity and NaN as {real: "…"}. It
  // returns null for what JSON cannot carry as such (blobs, misuse), which
  // then goes through the raw API.
  function jsonParams(params) {
    if (params === undefined || params === null) return "";
    if (typeof params !== "object" || ArrayBuffer.isView(params)) return null;
    const array = Array.isArray(params);
    const out = array ? [] : {};
    for (const [k, v] of Object.entries(params)) {
      const x = jsonValue(v);
      if (x === undefined) return null;
      out[array ? Number(k) : k] = x;
    }
    if (array && out.length !== params.length) return null; // holes
    return JSON.stringify(out);
  }

  // jsonValue is one parameter as jsonParams encodes it, or undefined.
  function jsonValue(v) {
    switch (typeof v) {
      case "number": return Number.isFinite(v) ? v : { real: String(v) };
      case "string": case "boolean": return v;
      case "bigint": return { int: v.toString() };
      case "undefined": return null;
      case "object": return v === null ? null : undefined;
    }
    return undefined;
  }

  // fromRow turns the engine's tagged values into JS values: a bigint for an
  // integer beyond 2^53, a Uint8Array for a blob, a number for a tagged REAL
  // (a whole one, Infinity, NaN), whose index in the row it adds to reals.
  function fromRow(row, reals) {
    for (let i = 0; i < row.length; i++) {
      const v = row[i];
      if (v === null || typeof v !== "object") continue;
      if ("int" in v) row[i] = BigInt(v.int);
      else if ("real" in v) {
        row[i] = Number(v.real);
        if (reals) reals.push(i);
      } else if ("blob" in v) row[i] = Uint8Array.from(atob(v.blob), (c) => c.charCodeAt(0));
    }
    return row;
  }

  // fromRows converts a statement's rows and sets st.reals to where its
  // tagged REALs are (row * columns + column), which JSON alone would show
  // as integers: the page writes them as SQLite does, 7.0.
  function fromRows(st) {
    const reals = [], at = [];
    const rows = st.rows.map((row, r) => {
      at.length = 0;
      fromRow(row, at);
      for (const i of at) reals.push(r * row.length + i);
      return row;
    });
    if (reals.length > 0) st.reals = reals;
    return rows;
  }

  // byteIndex returns a function mapping UTF-8 byte offsets in sql, as the
  // engine reports them, to string indexes. It walks on from the offset it
  // mapped last, so mapping the ascending offsets of a script's statements
  // costs the script's length once, not once per statement.
  function byteIndex(sql) {
    if (!/[^\x00-\x7f]/.test(sql)) return (offset) => offset;
    let b = 0, i = 0; // byte b of the UTF-8 is string index i
    return (offset) => {
      if (offset < b) b = i = 0;
      while (b < offset && i < sql.length) {
        const c = sql.codePointAt(i); // a lone surrogate encodes as U+FFFD: 3 bytes
        b += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
        i += c > 0xffff ? 2 : 1;
      }
      return i;
    };
  }

  // toError makes a JS Error carrying SQLite's code and the failing position.
  function toError(e) {
    const err = new Error(e.message);
    Object.assign(err, { code: e.code, offset: e.offset, line: e.line, column: e.column, statement: e.statement });
    return err;
  }

  globalThis.dbtour = { init, open, Database, Statement };
})();
