// worker-proto.js: the engine prototype (proto/csqlite: go-sqlite3's Go
// driver over clang-built SQLite) behind the benchmark's adapter: dbtour's
// wasm_exec.js and engine.js as served by dbtour, the prototype's loader
// and two wasm files as served by the benchmark.
"use strict";
const base = new URLSearchParams(location.search).get("static") + "engine/";
importScripts(base + "wasm_exec.js", "proto/csqlite.js", base + "engine.js");

const adapter = {
  files: ["engine/wasm_exec.js", "engine/engine.js", "proto/csqlite.js", "proto/engine.wasm", "proto/sqlite3-side.wasm"],
  wasm: ["proto/engine.wasm", "proto/sqlite3-side.wasm"],
  compiledMark: "dbtour:compiled",
  load: () => dbtourCSQLite.load("proto/sqlite3-side.wasm").then(() => dbtour.init({ wasm: "proto/engine.wasm" })),
  open: () => dbtour.open({ wasm: "proto/engine.wasm", maxRows: 1000000, timeLimitMs: 600000 }),
};

importScripts("workload.js");
