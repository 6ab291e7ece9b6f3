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
    go.run(instance);
    return globalThis.dbtourEngine;
  }

  // open resolves to a new, empty in-memory Database.
  async function open(options) {
    const raw = await init(options);
    const handle = raw.open();
    if (typeof handle !== "number") throw new Error(`dbtour: ${handle}`);
    return new Database(raw, handle);
  }

  // Database is one in-memory SQLite database.
  class Database {
    constructor(raw, handle) {
      this.raw = raw;
      this.handle = handle;
    }

    // execScript runs every statement of sql and returns the full result
    // ({statements, error}); it never throws. Offsets are string indexes.
    execScript(sql, params) {
      if (this.handle === 0) return failure("database is closed");
      if (typeof sql !== "string") return failure("sql must be a string");
      const res = JSON.parse(this.raw.exec(this.handle, sql, toParams(params)));
      const index = byteIndex(sql);
      for (const st of res.statements) {
        st.offset = index(st.offset);
        if (st.rows) st.rows = st.rows.map(fromRow);
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

    // close frees the database; later calls fail with "database is closed".
    close() {
      if (this.handle !== 0) this.raw.close(this.handle);
      this.handle = 0;
    }
  }

  // toParams passes bigints as {int: "digits"}, which Go can read.
  function toParams(params) {
    if (params === undefined || params === null) return undefined;
    if (!Array.isArray(params)) return params; // the engine reports the misuse
    return params.map((p) => (typeof p === "bigint" ? { int: p.toString() } : p));
  }

  // fromRow turns the engine's tagged values into JS values: a bigint for an
  // integer beyond 2^53, a Uint8Array for a blob, Infinity and NaN.
  function fromRow(row) {
    for (let i = 0; i < row.length; i++) {
      const v = row[i];
      if (v === null || typeof v !== "object") continue;
      if ("int" in v) row[i] = BigInt(v.int);
      else if ("real" in v) row[i] = Number(v.real);
      else if ("blob" in v) row[i] = Uint8Array.from(atob(v.blob), (c) => c.charCodeAt(0));
    }
    return row;
  }

  // byteIndex returns a function mapping UTF-8 byte offsets in sql, as the
  // engine reports them, to string indexes.
  function byteIndex(sql) {
    if (!/[^\x00-\x7f]/.test(sql)) return (offset) => offset;
    const bytes = new TextEncoder();
    return (offset) => {
      let b = 0, i = 0;
      for (const ch of sql) {
        if (b >= offset) break;
        b += bytes.encode(ch).length;
        i += ch.length;
      }
      return i;
    };
  }

  function failure(message) {
    return { statements: [], error: { message, code: 1, statement: 0, offset: 0, line: 1, column: 1 } };
  }

  // toError makes a JS Error carrying SQLite's code and the failing position.
  function toError(e) {
    const err = new Error(e.message);
    Object.assign(err, { code: e.code, offset: e.offset, line: e.line, column: e.column, statement: e.statement });
    return err;
  }

  globalThis.dbtour = { init, open, Database };
})();
