// sqljs.test.js: examples in the style of sql.js's README, run on sql.js
// (npm, test-only) and on dbtour's engine side by side: same output.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const initSqlJs = require("sql.js");

const engineDir = path.join(__dirname, "..", "static", "engine");
require(path.join(engineDir, "wasm_exec.js"));
require(path.join(engineDir, "engine.js"));
const wasm = fs.readFileSync(path.join(engineDir, "engine.wasm"));

// engines opens a database on each engine: [name, db, reopen(bytes)].
async function engines() {
  const SQL = await initSqlJs();
  return [
    ["sql.js", new SQL.Database(), (bytes) => new SQL.Database(bytes)],
    ["dbtour", await dbtour.open({ wasm }), (bytes) => dbtour.open({ wasm, data: bytes })],
  ];
}

// same runs example on both engines and asserts equal outputs.
async function same(example) {
  const outputs = [];
  for (const [name, db, reopen] of await engines()) {
    outputs.push([name, await example(db, reopen)]);
    db.close();
  }
  assert.deepEqual(outputs[1][1], outputs[0][1], `dbtour differs from sql.js`);
  return outputs[0][1];
}

const hello = "CREATE TABLE hello (a int, b char); INSERT INTO hello VALUES (0, 'hello'); INSERT INTO hello VALUES (1, 'world');";

test("run, then exec a select", async () => {
  const out = await same((db) => {
    db.run(hello);
    return db.exec("SELECT * FROM hello");
  });
  assert.deepEqual(out, [{ columns: ["a", "b"], values: [[0, "hello"], [1, "world"]] }]);
});

test("prepare, getAsObject with named parameters, bind an array, step", async () => {
  const out = await same((db) => {
    db.run(hello);
    const stmt = db.prepare("SELECT * FROM hello WHERE a=:aval AND b=:bval");
    const seen = [stmt.getAsObject({ ":aval": 1, ":bval": "world" })];
    stmt.bind([0, "hello"]);
    while (stmt.step()) seen.push(stmt.get());
    stmt.free();
    return seen;
  });
  assert.deepEqual(out, [{ a: 1, b: "world" }, [0, "hello"]]);
});

test("run with positional parameters", async () => {
  await same((db) => {
    db.run("CREATE TABLE test (col1, col2);");
    db.run("INSERT INTO test VALUES (?,?), (?,?)", [1, 111, 2, 222]);
    return db.exec("SELECT * FROM test");
  });
});

test("iterate a statement with $-named bounds", async () => {
  const out = await same((db) => {
    db.run("CREATE TABLE test (col1, col2); INSERT INTO test VALUES (1, 111), (2, 222), (3, 333)");
    const stmt = db.prepare("SELECT * FROM test WHERE col1 BETWEEN $start AND $end");
    const rows = [stmt.getAsObject({ $start: 1, $end: 1 })];
    stmt.bind({ $start: 1, $end: 2 });
    while (stmt.step()) rows.push(stmt.getAsObject());
    stmt.free();
    return rows;
  });
  assert.equal(out.length, 3);
});

test("export, then open the bytes as a new database", async () => {
  await same(async (db, reopen) => {
    db.run(hello);
    const copy = await reopen(db.export());
    const out = copy.exec("SELECT b FROM hello ORDER BY a DESC");
    copy.close();
    return out;
  });
});

test("a syntax error throws", async () => {
  await same((db) => {
    try {
      db.exec("SELEC 1");
      return "no error";
    } catch (err) {
      return [err instanceof Error, err.message];
    }
  });
});

test("several result sets, blobs and NULL", async () => {
  await same((db) => db.exec("SELECT 1 AS one, NULL AS missing; SELECT x'cafe' AS blob, 2.5 AS real, 'text' AS text"));
});
