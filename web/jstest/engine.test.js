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
  assert.throws(() => db.exec(42), { message: "sql must be a string, got number" });
  assert.throws(() => db.exec("select ?", "x"), { message: "params must be an array or an object, got string" });
  assert.throws(() => db.exec("select ?", [Symbol()]), { message: "params[0]: cannot bind a symbol" });
  assert.throws(() => db.exec("select ?", [1, 2]), { message: "statement has 1 parameters, got 2 values" });
  assert.throws(() => db.import(new Uint8Array([1, 2, 3])), { message: "deserialize: not an SQLite database file" });
  const stmt = db.prepare("select 1");
  stmt.free();
  assert.throws(() => stmt.step(), { message: "statement is freed" });
  assert.throws(() => db.prepare("select 1; select 2"), { message: "prepare takes one statement; use exec for a script" });
  assert.throws(() => db.runProgram("gorm-basics"), /engine\.wasm\) runs SQL only; Go programs need engine-orm\.wasm or engine-go\.wasm/);
  db.close();
  db.close();
  assert.throws(() => db.exec("select 1"), { message: "database is closed" });
  assert.throws(() => db.prepare("select 1"), { message: "database is closed" });
  assert.throws(() => db.export(), { message: "database is closed" });
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

test("a runaway query stops at the time limit and the database survives", async () => {
  const db = await dbtour.open({ wasm, timeLimitMs: 200 });
  db.run("create table kept(x); insert into kept values (1)");
  const began = Date.now();
  assert.throws(() => db.exec("with recursive c(x) as (select 1 union all select x + 1 from c) select count(*) from c"), {
    message: "statement stopped: it ran past the 200ms time limit", code: 9,
  });
  assert.ok(Date.now() - began < 5000, "the limit must stop the query promptly");
  assert.deepEqual(db.exec("select x from kept"), [{ columns: ["x"], values: [[1]] }]);
  db.close();
});

test("rows are capped and the total is reported", async () => {
  const db = await dbtour.open({ wasm, maxRows: 3 });
  const { statements: [st] } = db.execScript("select value from generate_series(1, 10)");
  assert.deepEqual([st.rows.length, st.truncated, st.totalRows], [3, true, 10]);
  db.close();
});

test("schema, plan, dump and CSV import", async () => {
  const db = await open();
  assert.equal(db.importCSV("people", "name,age\nann,31\nbob,\n"), 2);
  db.run("create index people_age on people(age)");
  const [people] = db.schema().tables;
  assert.deepEqual(people.columns.map((c) => [c.name, c.type]), [["name", "TEXT"], ["age", "INTEGER"]]);
  assert.deepEqual(people.indexes.map((i) => i.name), ["people_age"]);
  const [step] = db.plan("select * from people where age = 31");
  assert.match(step.detail, /USING INDEX people_age/);
  assert.throws(() => db.plan("select * from nope"), { message: "no such table: nope" });
  const copy = await open();
  copy.run(db.dump());
  assert.deepEqual(copy.exec("select * from people order by name"), [{ columns: ["name", "age"], values: [["ann", 31], ["bob", null]] }]);
  copy.close();
  db.close();
});

test("exec through the module's exports agrees with the raw API", async () => {
  const db = await open();
  const direct = db.raw.execDirect;
  assert.equal(typeof direct, "function", "engine.wasm exports dbtourExec");
  db.run("create table t (a, b); insert into t values (1, 'é')");
  const cases = [
    ["select ? as a, ? as b", [1, "é"]],
    ["select ? as a, ? as b, ? as c, ? as d, ? as e", [2.5, 2n ** 62n, -0, false, undefined]],
    ["select :a as a, $b as b, @c as c", { ":a": null, b: true, c: "x" }],
    ["select ? as inf, ? as minus, ? as nan", [Infinity, -Infinity, NaN]],
    ["select 1; selec 2", undefined],
    ["select ?", [1, 2]],
    ["select ?", [2n ** 64n]],
    ["select * from t; select 'ü' as x", []],
  ];
  const strip = (res) => ({ ...res, statements: res.statements.map(({ durationMs, ...st }) => st) });
  for (const [sql, params] of cases) {
    const viaExports = strip(db.execScript(sql, params));
    db.raw.execDirect = undefined;
    const viaRaw = strip(db.execScript(sql, params));
    db.raw.execDirect = direct;
    assert.deepEqual(viaExports, viaRaw, sql);
  }
  db.close();
  assert.throws(() => db.exec("select 1"), { message: "database is closed" });
});
