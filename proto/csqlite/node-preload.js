// node-preload.js: runs Node code written for today's engine (web/jstest)
// on the prototype. `NODE_OPTIONS=--require=proto/csqlite/node-preload.js`
// loads csqlite.js with SQLite compiled, and hands out out/engine.wasm
// wherever web/static/engine/engine.wasm is read.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const out = path.join(__dirname, "out");
require(path.join(__dirname, "csqlite.js"));
dbtourCSQLite.loadSync(fs.readFileSync(path.join(out, "sqlite3-side.wasm")));

const engine = path.join(__dirname, "..", "..", "web", "static", "engine", "engine.wasm");
const readFileSync = fs.readFileSync;
fs.readFileSync = function (file, ...rest) {
  if (typeof file === "string" && path.resolve(file) === engine) file = path.join(out, "engine.wasm");
  return readFileSync.call(this, file, ...rest);
};
