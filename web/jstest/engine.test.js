// engine.test.js: the public engine API (web/static/engine/engine.js) under
// Node, on the built engine.wasm. Run: node --test web/jstest/
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");

const engineDir = path.join(__dirname, "..", "static", "engine");
require(path.join(engineDir, "wasm_exec.js"));
require(path.join(engineDir, "engine.js"));
const wasm = fs.readFileSync(path.join(engineDir, "engine.wasm"));

const open = () => dbtour.open({ wasm });

test("exec returns sql.js-shaped results", async () => {
  const db = await open();
  db.run("create table hello (a int, b char); insert into hello values (0, 'hello'), (1, 'world')");
  assert.deepEqual(db.exec("select * from hello; select 2 as two where 0; select count(*) as n from hello"), [
    { columns: ["a", "b"], values: [[0, "hello"], [1, "world"]] },
    { columns: ["n"], values: [[2]] },
  ]);
  db.close();
});

test("values keep their SQLite type", async () => {
  const db = await open();
  const [res] = db.exec("select null, 1, 2.5, 'é', x'00ff', 9007199254740993, 9e999");
  assert.deepEqual(res.values, [[null, 1, 2.5, "é", new Uint8Array([0, 255]), 9007199254740993n, Infinity]]);
  db.close();
});

test("parameters bind by position", async () => {
  const db = await open();
  const [res] = db.exec("select ? as a, ? as b, ? as c, typeof(?) as d", [7, "x", 2n ** 62n, new Uint8Array([1])]);
  assert.deepEqual(res.values, [[7, "x", 2n ** 62n, "blob"]]);
  db.close();
});

test("errors are Errors with code and position", async () => {
  const db = await open();
  assert.throws(() => db.exec("select 1;\n  selec 2"), {
    name: "Error", message: 'near "selec": syntax error', code: 1, line: 2, column: 3, offset: 12, statement: 1,
  });
  assert.throws(() => db.exec("select 'é', nope"), { message: "no such column: nope", offset: 12, column: 13 });
  db.close();
});

test("misuse throws clear errors", async () => {
  const db = await open();
  assert.throws(() => db.exec(42), { message: "sql must be a string" });
  assert.throws(() => db.exec("select ?", "x"), { message: "params must be an array" });
  assert.throws(() => db.exec("select ?", [{}]), { message: "params[0]: cannot bind a object" });
  db.close();
  assert.throws(() => db.exec("select 1"), { message: "database is closed" });
});

test("execScript reports every statement and never throws", async () => {
  const db = await open();
  const res = db.execScript("create table t(x); insert into t values (1), (2); select x from t; nope");
  assert.deepEqual(res.statements.map((s) => [s.sql, s.offset, s.columns, s.rows, s.changes]), [
    ["create table t(x);", 0, null, null, 0],
    ["insert into t values (1), (2);", 19, null, null, 2],
    ["select x from t;", 50, ["x"], [[1], [2]], 0],
  ]);
  assert.equal(res.error.message, 'near "nope": syntax error');
  assert.equal(res.error.offset, 67);
  db.close();
});
