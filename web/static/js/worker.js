// worker.js: runs the page's SQL in engine.wasm, off the page's main thread.
// Request {id, scripts}: run each script in order on a fresh database.
// Reply {id, results, schema} (one engine result per script, and the
// schema they left) or {id, error}.
importScripts("../engine/wasm_exec.js", "../engine/engine.js");

let db = null;

onmessage = async ({ data: { id, scripts } }) => {
  try {
    if (db) db.close();
    db = await dbtour.open({ wasm: "../engine/engine.wasm" });
    const results = scripts.map((sql) => db.execScript(sql));
    postMessage({ id, results, schema: db.schema() });
  } catch (err) {
    postMessage({ id, error: String(err && err.message ? err.message : err) });
  }
};
