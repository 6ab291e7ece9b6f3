// hostile.test.js: the JavaScript API's part of the hostile catalogue
// (docs/hostile.md), under Node on the built engine.wasm. Each case attacks
// a database holding the table kept and must end with a clear message,
// leave kept as it was and leave the engine answering.
// Run: node --test web/jstest/hostile.test.js
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");

const engineDir = path.join(__dirname, "..", "static", "engine");
require(path.join(engineDir, "wasm_exec.js"));
require(path.join(engineDir, "engine.js"));
const wasm = fs.readFileSync(path.join(engineDir, "engine.wasm"));

const big = (n) => "a".repeat(n);

// message runs f and returns the message it threw, or the error of the
// result it returned, or "" when it worked.
function message(f) {
  try {
    const out = f();
    return (out && out.error && out.error.message) || "";
  } catch (err) {
    return err.message;
  }
}

// hostile runs one case: attack(db) must give a message matching want.
function hostile(name, options, attack, want) {
  test(name, async () => {
    const db = await dbtour.open({ wasm, ...options });
    db.run("create table kept(x); insert into kept values (1), ('two')");
    const before = db.exec("select * from kept");
    const got = await attack(db);
    assert.match(got, want);
    const after = await dbtour.open({ wasm }); // the engine still opens databases
    assert.deepEqual(after.exec("select 41 + 1"), [{ columns: ["41 + 1"], values: [[42]] }]);
    after.close();
    if (db.handle) {
      assert.deepEqual(db.exec("select * from kept"), before, "kept is as it was");
      db.close();
    }
  });
}

hostile("a column name of 1 MB", {}, (db) => message(() => db.exec(`select 1 as "${big(1e6)}"`)), /statement too long/);
hostile("a declared type of 1 MB", {}, (db) => message(() => db.exec(`create table t(x "${big(1e6)}")`)), /statement too long/);
hostile("a parameter name of 1 MB", {}, (db) => message(() => db.exec(`select :${big(1e6)}`, {})), /statement too long/);
hostile("prepare with a name of 1 MB", {}, (db) => message(() => db.prepare(`select 1 as "${big(1e6)}"`)), /statement too long/);
// Parsing is bounded twice: by the statement's length and, through
// SQLite's progress handler, which it calls while parsing too, by time.
hostile("an IN list of a million items", {}, (db) => message(() => db.exec(`select 1 in (${"1,".repeat(1e6)}1)`)), /statement too long|time limit/);
hostile("bind 12 MB with 8 MiB of memory", { maxMemory: 8 << 20, maxLength: 64 << 20 }, (db) => {
  const st = db.prepare("select length(?)");
  const msg = message(() => st.bind([big(12 << 20)]));
  st.free();
  return msg;
}, /out of memory/);
hostile("step into out of memory", { maxMemory: 8 << 20, maxLength: 64 << 20 }, (db) => {
  const st = db.prepare("select length(randomblob(50e6))");
  const msg = message(() => st.step());
  st.free();
  return msg;
}, /out of memory/);
hostile("CSV import larger than memory", { maxMemory: 8 << 20 }, (db) =>
  message(() => db.importCSV("c", "a,b\n" + `1,${big(1e6)}\n`.repeat(12))), /import c: out of memory/);
// The getters below run inside the engine's own reading of the
// parameters (the raw API), not in engine.js.
const closing = (db) => {
  const params = [];
  Object.defineProperty(params, 0, { get() { db.close(); return 1; }, enumerable: true });
  return params;
};
hostile("a getter that closes the database during exec", {}, (db) =>
  JSON.parse(db.raw.exec(db.handle, "select ?", closing(db))).error.message, /database is closed/);
hostile("a getter that closes the database during bind", {}, (db) => {
  const st = db.prepare("select ?");
  return JSON.parse(db.raw.bind(st.handle, closing(db))).error.message;
}, /statement is freed/);
hostile("a getter that frees the statement during bind", {}, (db) => {
  const st = db.prepare("select ?");
  const params = [];
  Object.defineProperty(params, 0, { get() { st.free(); return 1; }, enumerable: true });
  return JSON.parse(db.raw.bind(st.handle, params)).error.message;
}, /statement is freed/);
hostile("attach a computed path", {}, (db) => message(() => db.exec("attach '/tmp/dbtour-x' || '.db' as x")), /not allowed/);
hostile("attach a bound path", {}, (db) => message(() => db.exec("attach ? as x", ["/tmp/dbtour-x.db"])), /not allowed/);
hostile("vacuum into a bound path", {}, (db) => message(() => db.exec("vacuum into ?", ["/tmp/dbtour-y.db"])), /not allowed/);
hostile("writable_schema", {}, (db) =>
  message(() => db.exec("pragma writable_schema = on; update sqlite_schema set sql = 'x' where name = 'kept'")), /may not be modified/);
hostile("instr on 2 MB strings within the time limit", { timeLimitMs: 2000 }, (db) => {
  const began = Date.now();
  db.exec("select instr(printf('%.*c', 2000000, 'a'), printf('%.*c', 1000000, 'a') || 'b')");
  return Date.now() - began < 2000 ? "done" : "too slow";
}, /done/);
hostile("a GLOB pattern past 32 bytes", {}, (db) => message(() => db.exec(`select 'x' glob '${big(33)}'`)), /GLOB pattern may have at most 32 bytes/);
hostile("LIKE at its worst stops at the time limit", { timeLimitMs: 500 }, (db) =>
  message(() => db.exec("select printf('%.*c', 2000000, 'a') like '%' || printf('%.*c', 40000, 'a') || 'b'")), /500ms time limit/);
hostile("a result of 40 rows of 1.5 MB", { timeLimitMs: 60000 }, (db) => {
  const res = db.execScript("with m as materialized (select printf('%.*c', 1500000, 'a') x) select x from m, generate_series(1, 40)");
  const [st] = res.statements;
  return !res.error && st.truncated && st.byteLimit && st.rows.length < 40 && st.totalRows === 40 ? "truncated" : JSON.stringify(res.error);
}, /truncated/);
hostile("execScript past the result size with a raised time limit", { timeLimitMs: 60000 }, (db) => {
  const res = db.execScript("with m as materialized (select printf('%.*c', 2000000, 'a') x) select x from m, generate_series(1, 300)");
  return res.statements[0].byteLimit ? "truncated" : "not truncated";
}, /truncated/);
hostile("a view over a dropped table", {}, (db) => {
  db.run("create table gone(x); create view v as select x from gone; drop table gone");
  const note = db.schema().tables.find((t) => t.name === "v").note;
  db.run("drop view v");
  return note;
}, /cannot be described: no such table/);
hostile("a CSV with a byte order mark", {}, (db) => {
  db.importCSV("bom", "\ufeffname\nann\n");
  const [{ columns }] = db.exec("select * from bom");
  db.run("drop table bom");
  return columns.join();
}, /^name$/);
hostile("a dump with generated columns and NUL replays", {}, async (db) => {
  db.run("create table g(a, b generated always as (a * 2), t); insert into g(a, t) values (1, 'x' || char(0) || 'y')");
  const copy = await dbtour.open({ wasm });
  const msg = message(() => copy.exec(db.dump()));
  const rows = JSON.stringify(copy.exec("select a, b, hex(t) from g"));
  copy.close();
  db.run("drop table g");
  return msg || rows;
}, /\[1,2,"780079"\]/);
hostile("an .sqlite import that is not a database", {}, (db) => message(() => db.import(new Uint8Array(100))), /not an SQLite database/);
hostile("an .sqlite import cut short", {}, async (db) => {
  const src = await dbtour.open({ wasm });
  src.run("create table t(x); insert into t select randomblob(1000) from generate_series(1, 50)");
  const bytes = src.export();
  src.close();
  return message(() => db.import(bytes.subarray(0, bytes.length / 2)));
}, /deserialize/);

// Scripts cost their length: 8,000 statements take about four times as
// long as 2,000 (quadratic growth would be sixteen), with a non-ASCII
// character in the script, as in the playground's own exports. The two are
// measured in one run, best of three, so the ratio and not the machine's
// speed decides.
test("a script costs its length, not its length times its statements", async () => {
  const db = await dbtour.open({ wasm });
  const time = (n) => {
    const script = "create table t(x);\n" + "insert into t values ('café, naïve; not the end');\n".repeat(n);
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      db.run("drop table if exists t");
      const began = performance.now();
      const res = db.execScript(script);
      best = Math.min(best, performance.now() - began);
      assert.equal(res.statements.length, n + 1);
      assert.equal(res.statements[n].offset, script.lastIndexOf("insert"));
    }
    return best;
  };
  const small = time(2000), large = time(8000);
  const ratio = large / small;
  console.log(`2,000 statements ${small.toFixed(0)} ms, 8,000 statements ${large.toFixed(0)} ms: ratio ${ratio.toFixed(1)}`);
  assert.ok(ratio < 8, `8,000 statements took ${ratio.toFixed(1)} times as long as 2,000; linear is 4, quadratic 16`);
  db.close();
});
