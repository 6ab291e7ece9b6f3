// sqljs-suite.js runs sql.js's own test suite (the test/ folder of a
// sql.js checkout, unchanged) against dbtour's sql.js API or, for
// comparison, against sql.js from node_modules, and counts the test files
// that pass:
//
//   node web/jstest/sqljs-suite.js PATH/TO/sql.js/test [dbtour|sql.js] [engine.wasm]
//
// The test files load the library as ../dist/sql-wasm.js (and the worker
// as ../dist/worker.sql-wasm.js), so the suite runs from a copy of test/
// beside a dist/ whose two files load the library under test.
"use strict";
const assert = require("node:assert");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const [testDir, which = "dbtour", wasmPath] = process.argv.slice(2);
process.argv.length = 2; // the suite reads a build name from argv[2]: the default build
if (!testDir) {
  console.error("usage: node web/jstest/sqljs-suite.js PATH/TO/sql.js/test [dbtour|sql.js] [engine.wasm]");
  process.exit(2);
}
const engineDir = path.resolve(__dirname, "..", "static", "engine");
const sqljsDist = path.dirname(require.resolve("sql.js"));

// layout copies test/ into a temporary folder and writes dist/ beside it.
function layout() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "sqljs-suite-"));
  fs.cpSync(testDir, path.join(root, "test"), { recursive: true });
  fs.mkdirSync(path.join(root, "dist"));
  const lib = which === "engine.js" ? engineJsLoader()
    : which === "dbtour"
    ? `const init = require(${JSON.stringify(path.join(engineDir, "sqljs.js"))});\n` +
      (wasmPath ? `module.exports = (config = {}) => init({ wasmBinary: require("fs").readFileSync(${JSON.stringify(path.resolve(wasmPath))}), ...config });\n` : "module.exports = init;\n")
    : `module.exports = require(${JSON.stringify(path.join(sqljsDist, "sql-wasm.js"))});\n`;
  const worker = which === "dbtour"
    ? (wasmPath ? `process.env.DBTOUR_WASM = ${JSON.stringify(path.resolve(wasmPath))};\n` : "") +
      `require(${JSON.stringify(path.join(engineDir, "sqljs-worker.js"))});\n`
    : `require(${JSON.stringify(path.join(sqljsDist, "worker.sql-wasm.js"))});\n`;
  fs.writeFileSync(path.join(root, "dist", "sql-wasm.js"), lib);
  fs.writeFileSync(path.join(root, "dist", "worker.sql-wasm.js"), worker);
  return root;
}

// engineJsLoader builds SQL.Database on engine.js's Database (what the
// engine offered before sqljs.js), for the count before.
function engineJsLoader() {
  const wasm = path.resolve(wasmPath || path.join(engineDir, "engine.wasm"));
  return `require(${JSON.stringify(path.join(engineDir, "wasm_exec.js"))});
require(${JSON.stringify(path.join(engineDir, "engine.js"))});
module.exports = async () => {
  const raw = await dbtour.init({ wasm: require("fs").readFileSync(${JSON.stringify(wasm)}) });
  function Database(data) {
    const db = new dbtour.Database(raw, JSON.parse(raw.open()).value);
    return data ? db.import(data) : db;
  }
  Database.prototype = dbtour.Database.prototype;
  return { Database, Statement: dbtour.Statement };
};
`;
}

// legacyAssert is node:assert with the throws(fn, "text") form the suite
// uses: the thrown value, as a string, contains the text.
const legacyAssert = Object.assign(Object.create(assert), {
  throws(fn, expected, message) {
    if (message === undefined) return assert.throws(fn, expected);
    if (typeof expected !== "string") return assert.throws(fn, expected, message);
    let thrown = null;
    try { fn(); } catch (err) { thrown = err; }
    assert.ok(thrown, message);
    assert.ok(String(thrown).includes(expected), `${message}: ${thrown} does not contain ${expected}`);
  },
});

// runFile runs one test file's exported test(SQL, assert, done): it passes
// when the test returns (or resolves, or calls done) without an error.
// An assertion that fails inside a test's own promise chain fails the
// file that runs.
let current = null;
process.on("unhandledRejection", (err) => current && current(err));
process.on("uncaughtException", (err) => current && current(err));

function runFile(SQL, file) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("no answer within 60 s")), 60_000);
    const finish = (err) => {
      clearTimeout(timer);
      current = null;
      err ? reject(err) : resolve();
    };
    current = finish;
    try {
      const test = require(file).test;
      const out = test(SQL, legacyAssert, finish);
      if (out && typeof out.then === "function") out.then(() => finish(), finish);
      else if (test.length < 3) finish();
    } catch (err) {
      finish(err);
    }
  });
}

async function main() {
  const root = layout();
  const SQL = await require(path.join(root, "dist", "sql-wasm.js"))();
  const files = fs.readdirSync(path.join(root, "test")).filter((f) => /^test_.+\.js$/.test(f)).sort();
  let passed = 0;
  for (const f of files) {
    try {
      await runFile(SQL, path.join(root, "test", f));
      passed++;
      console.log(`ok   ${f}`);
    } catch (err) {
      console.log(`FAIL ${f}: ${String(err && err.message || err).split("\n")[0]}`);
    }
  }
  console.log(`${which}: ${passed} of ${files.length} test files pass`);
  fs.rmSync(root, { recursive: true, force: true });
  process.exit(0);
}

main().catch((err) => { console.error(err); process.exit(1); });
