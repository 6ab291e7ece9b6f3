// worker-dbtour.js: dbtour's engine (engine.js over engine.wasm, as served
// by dbtour) behind the benchmark's adapter.
"use strict";
const base = new URLSearchParams(location.search).get("static") + "engine/";
importScripts(base + "wasm_exec.js", base + "engine.js", base + "../js/tierup.js");

const adapter = {
  files: ["engine/wasm_exec.js", "engine/engine.js", "engine/engine.wasm"],
  wasm: "engine/engine.wasm",
  compiledMark: "dbtour:compiled",
  load: () => dbtour.init({ wasm: base + "engine.wasm" }),
  open: () => dbtour.open({ wasm: base + "engine.wasm", maxRows: 1000000, timeLimitMs: 600000 }),
  openFrom: (data) => dbtour.open({ wasm: base + "engine.wasm", maxRows: 1000000, timeLimitMs: 600000, data }),
  // ownMs runs a script and returns its statements' own time, as the
  // engine measured each.
  ownMs: (db, sql) => db.execScript(sql).statements.reduce((sum, st) => sum + st.durationMs, 0),
  // tierUp exercises the engine's hot code as a lesson page's worker does
  // on a first visit (web/static/js/tierup.js).
  tierUp: async (budgetMs) => {
    const work = new TierUp(adapter.open, budgetMs);
    while (await work.step()) await new Promise((resolve) => setTimeout(resolve));
  },
};

importScripts("workload.js");
