// worker-dbtour.js: dbtour's engine (engine.js over engine.wasm, as served
// by dbtour) behind the benchmark's adapter.
"use strict";
const base = new URLSearchParams(location.search).get("static") + "engine/";
importScripts(base + "wasm_exec.js", base + "engine.js");

const adapter = {
  files: ["engine/wasm_exec.js", "engine/engine.js", "engine/engine.wasm"],
  wasm: "engine/engine.wasm",
  compiledMark: "dbtour:compiled",
  load: () => dbtour.init({ wasm: base + "engine.wasm" }),
  open: () => dbtour.open({ wasm: base + "engine.wasm", maxRows: 1000000, timeLimitMs: 600000 }),
};

importScripts("workload.js");
