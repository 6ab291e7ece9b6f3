// sqljs-worker.js: a worker that answers sql.js's worker messages
// (worker.sql-wasm.js) on dbtour's engine, with the same replies:
//
//   {id, action: "open", buffer?}          -> {id, ready: true}
//   {id, action: "exec", sql, params?, config?} -> {id, results}
//   {id, action: "each", sql, params?, config?} -> {id, row, finished: false}…, {id, finished: true}
//   {id, action: "getRowsModified"}        -> {id, rowsModified}
//   {id, action: "export"}                 -> {id, buffer}
//   {id, action: "close"}                  -> {id}
//   a failure                              -> {id, error: message}
//
// In a page: new Worker("/static/engine/sqljs-worker.js") (wasm_exec.js,
// engine.js, sqljs.js and engine.wasm beside it); in Node, as a
// worker_threads Worker.
"use strict";
(function () {
  let initSqlJs, post, listen;
  if (typeof importScripts === "function") {
    importScripts("sqljs.js"); // it loads wasm_exec.js and engine.js
    initSqlJs = globalThis.initSqlJs;
    post = (msg, transfer) => postMessage(msg, transfer);
    listen = (handle) => { self.onmessage = (event) => handle(event.data); };
  } else {
    const { parentPort } = require("worker_threads");
    const init = require("./sqljs.js");
    const wasm = process.env.DBTOUR_WASM; // another engine.wasm, for tests
    initSqlJs = () => init(wasm ? { wasmBinary: require("fs").readFileSync(wasm) } : {});
    post = (msg, transfer) => parentPort.postMessage(msg, transfer);
    listen = (handle) => parentPort.on("message", handle);
  }

  let db = null;
  const ready = initSqlJs();

  // open replaces the database with a new one, from buffer when given.
  function open(SQL, buffer) {
    if (db) db.close();
    db = new SQL.Database(buffer && new Uint8Array(buffer));
    return db;
  }

  // answer handles one message and returns its reply.
  function answer(SQL, data) {
    const { id, config = {} } = data;
    switch (data.action) {
      case "open":
        open(SQL, data.buffer);
        return { id, ready: true };
      case "exec":
        if (!data.sql) throw new Error("exec: Missing query string");
        return { id, results: (db || open(SQL)).exec(data.sql, data.params, config) };
      case "each":
        (db || open(SQL)).each(data.sql, data.params, (row) => post({ id, row, finished: false }), null, config);
        return { id, finished: true };
      case "getRowsModified":
        return { id, rowsModified: (db || open(SQL)).getRowsModified() };
      case "export": {
        const buffer = (db || open(SQL)).export();
        return { id, buffer };
      }
      case "close":
        if (db) db.close();
        db = null;
        return { id };
      default:
        throw new Error(`Invalid action : ${data.action}`);
    }
  }

  listen((data) => ready
    .then((SQL) => {
      const reply = answer(SQL, data);
      post(reply, reply.buffer ? [reply.buffer.buffer] : undefined);
    })
    .catch((err) => post({ id: data && data.id, error: err && err.message !== undefined ? err.message : String(err) })));
})();
