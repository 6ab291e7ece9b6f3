// worker.test.js: the engine's worker (web/static/js/worker.js) under Node,
// on the built engine.wasm: what a Run runs, what it keeps, what it posts
// to the page. Run: node --test web/jstest/
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const staticDir = path.join(__dirname, "..", "static");
const load = (file) => vm.runInThisContext(fs.readFileSync(file, "utf8"), { filename: file });

// The worker's world: the engine's scripts, loaded here (the worker's
// importScripts of them does nothing: the engine is compiled from bytes
// first, as Node has no URL to fetch it from), and what the worker posts,
// kept per request id.
globalThis.importScripts = () => {};
const posted = [];
globalThis.postMessage = (message) => posted.push(message);
load(path.join(staticDir, "engine", "wasm_exec.js"));
load(path.join(staticDir, "engine", "engine.js"));
load(path.join(staticDir, "js", "tierup.js"));
const ready = dbtour.open({ wasm: fs.readFileSync(path.join(staticDir, "engine", "engine.wasm")) }); // compiles once
load(path.join(staticDir, "js", "worker.js"));

let nextID = 1;

// call sends a request as the page does and resolves with the worker's
// final reply, {value} or {error, dead}, with the checkpoints it posted.
async function call(op, args = {}) {
  await ready;
  const id = nextID++;
  onmessage({ data: { ...args, op, id } });
  for (;;) {
    const reply = posted.find((m) => m.id === id && !m.checkpoint);
    if (reply) return { ...reply, checkpoints: posted.filter((m) => m.id === id && m.checkpoint).map((m) => m.checkpoint) };
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

const sql = (text) => ({ sql: text });
const value = (result) => result.statements[result.statements.length - 1].rows[0][0];

test("a Run runs its own cell; the cells above only when they change", async () => {
  await call("load", { engine: "engine.wasm" });
  const page = [sql("create table log (n); insert into log values (random())"), sql("select n from log"), sql("select count(*) from log")];
  const first = await call("run", { jobs: page.slice(0, 2) });
  assert.equal(first.value.ran, 2);
  const again = await call("run", { jobs: page.slice(0, 2) });
  assert.equal(again.value.ran, 1, "a second Run of cell 1 runs cell 1 only");
  assert.equal(value(again.value.results[1]), value(first.value.results[1]), "cell 0 did not run again");
  assert.equal(again.value.results[0], undefined, "cell 0's result stays where the page shows it");
  const below = await call("run", { jobs: page });
  assert.equal(below.value.ran, 1, "cell 2 runs on the state cells 0 and 1 left");
  assert.deepEqual(below.value.results.map(Boolean), [false, false, true], "the results of the cells that ran come back");
  const edited = await call("run", { jobs: [sql("create table log (n); insert into log values (1), (2)"), ...page.slice(1)] });
  assert.equal(edited.value.ran, 3, "an edit above runs everything below it");
  assert.equal(value(edited.value.results[2]), 2);
  const back = await call("run", { jobs: page });
  assert.equal(back.value.ran, 1, "going back to the first text uses its kept state");
  assert.equal(value(back.value.results[2]), 1);
});

test("a warm run runs nothing it has; fingerprints follow the database", async () => {
  await call("load", { engine: "engine.wasm" });
  const page = [sql("create table t (x)"), sql("select * from t"), sql("insert into t values (1)")];
  const cold = await call("run", { jobs: page, warm: true });
  assert.equal(cold.value.ran, 3);
  const warm = await call("run", { jobs: page, warm: true });
  assert.equal(warm.value.ran, 0);
  const [empty, created, selected, inserted] = warm.value.prints;
  assert.notEqual(empty, created);
  assert.equal(created, selected, "a select leaves the fingerprint as it was");
  assert.notEqual(selected, inserted);
});

test("a state inside a transaction is not kept: later runs replay to it", async () => {
  await call("load", { engine: "engine.wasm" });
  const page = [sql("create table t (x)"), sql("begin; insert into t values (1)"), sql("rollback"), sql("select count(*) from t")];
  const first = await call("run", { jobs: page });
  assert.equal(first.error, undefined);
  assert.equal(value(first.value.results[3]), 0);
  assert.match(first.value.prints[2], /^open:/, "the state inside the transaction is named by its jobs");
  const again = await call("run", { jobs: page.slice(0, 3) });
  assert.equal(again.value.results[2].error, undefined, "rollback finds the transaction cell 1 opened");
  assert.equal(again.value.ran, 2, "cell 1's state (in a transaction) was not kept: it runs again");
});

test("handOver gives a new worker the database and the kept states", async () => {
  await call("load", { engine: "engine.wasm" });
  const page = [sql("create table t (x); insert into t values (random())"), sql("select x from t"), sql("select count(*) from t")];
  const first = await call("run", { jobs: page.slice(0, 2) });
  const given = await call("handOver");
  assert.ok(given.value.image.length > 0 && given.value.images.length > 0, "the database and its kept states are handed over");
  // A new worker (the same engine file here; the page moves to
  // engine-go.wasm) takes them.
  await call("load", { engine: "engine.wasm" });
  await call("adopt", given.value);
  const again = await call("run", { jobs: page.slice(0, 2) });
  assert.equal(again.value.ran, 1, "the cells above do not run again after the move");
  assert.equal(value(again.value.results[1]), value(first.value.results[1]), "the random value cell 0 made came along");
  const below = await call("run", { jobs: page });
  assert.equal(below.value.ran, 1);
  assert.equal(value(below.value.results[2]), 1);
});

test("handOver inside a transaction hands over no state: the new worker replays", async () => {
  await call("load", { engine: "engine.wasm" });
  const page = [sql("create table t (x)"), sql("begin; insert into t values (1)"), sql("commit")];
  await call("run", { jobs: page.slice(0, 2) });
  const given = await call("handOver");
  assert.equal(given.error, undefined);
  assert.equal(given.value.image, null);
  await call("load", { engine: "engine.wasm" });
  await call("adopt", given.value);
  const done = await call("run", { jobs: page });
  assert.equal(done.error, undefined);
  assert.equal(done.value.results[2].error, undefined, "commit finds the transaction cell 1 opened, replayed");
  assert.equal(done.value.ran, 2, "cell 0's state came along; cell 1 runs again");
});

test("checkpoints: the state before the cell, posted once", async () => {
  await call("load", { engine: "engine.wasm" });
  const page = [sql("create table t (x); insert into t values (42)"), sql("select x from t")];
  const first = await call("run", { jobs: page });
  const before = first.checkpoints[first.checkpoints.length - 1];
  assert.ok(before.image instanceof Uint8Array && before.image.length > 0, "the state after cell 0 is posted before cell 1 runs");
  const again = await call("run", { jobs: page, held: before.key });
  assert.deepEqual(again.checkpoints, [], "the page holds it already");
  // A new worker given the checkpoint runs cell 1 alone.
  await call("load", { engine: "engine.wasm" });
  await call("restore", before);
  const restored = await call("run", { jobs: page });
  assert.equal(restored.value.ran, 1);
  assert.equal(value(restored.value.results[1]), 42);
});

test("the reader's cells get the default time limit", async () => {
  await call("load", { engine: "engine.wasm" });
  const slow = "with recursive c(x) as (select 1 union all select x + 1 from c) select count(*) from c";
  const reader = await call("run", { jobs: [sql(slow)] });
  assert.match(reader.value.results[0].error.message, /5s time limit/);
});

test("a job's limitMs bounds its statements (the lesson's own cells get the lesson's)", async () => {
  await call("load", { engine: "engine.wasm" });
  const slow = "with recursive c(x) as (select 1 union all select x + 1 from c) select count(*) from c";
  const lesson = await call("run", { jobs: [{ sql: slow, limitMs: 300 }] });
  assert.match(lesson.value.results[0].error.message, /300ms time limit/);
});

test("check judges on the state the cells above build", async () => {
  await call("load", { engine: "engine.wasm" });
  const above = [sql("create table t (x); insert into t values (1), (2)")];
  const { value } = await call("check", { above, mine: sql("update t set x = x * 10"), solution: sql("update t set x = x + 9"), check: "select sum(x) from t" });
  assert.equal(value.mine[1].statements[0].rows[0][0], 30);
  assert.equal(value.theirs[1].statements[0].rows[0][0], 21);
});

test("plan shows each statement's plan after the ones before it ran", async () => {
  await call("load", { engine: "engine.wasm" });
  const { value } = await call("plan", { above: [sql("create table t (x)")], sql: "create index t_x on t(x); select * from t where x = 1" });
  assert.equal(value.plans.length, 2);
  assert.match(value.plans[1].nodes[0].detail, /USING COVERING INDEX t_x/);
});

test("a dead engine is reported as dead", async () => {
  await call("load", { engine: "engine.wasm" });
  const raw = globalThis.dbtourEngine;
  const saved = { ...raw };
  for (const k of Object.keys(raw)) raw[k] = () => { throw new Error("Go program has already exited"); };
  try {
    const reply = await call("run", { jobs: [sql("select 1")] });
    assert.equal(reply.dead, true);
    assert.match(reply.error, /already exited/);
  } finally {
    Object.assign(raw, saved);
  }
  const healthy = await call("run", { jobs: [sql("select 1")] });
  assert.equal(healthy.dead, undefined);
});

test("tierUp exercises the engine while the page is idle", async () => {
  await call("load", { engine: "engine.wasm" });
  const done = call("tierUp", { budgetMs: 1500 });
  let finished = false;
  done.then(() => (finished = true));
  const run = await call("run", { jobs: [sql("select 6 * 7")] });
  assert.equal(value(run.value.results[0]), 42);
  assert.equal(finished, false, "a request is answered before the tier-up's work");
  const reply = await done;
  assert.deepEqual(reply.value, {});
});

test("the playground works inside a transaction; what needs an image says to end it", async () => {
  await call("load", { engine: "engine.wasm" });
  await call("exec", { sql: "create table t (x)" });
  const begun = await call("exec", { sql: "begin; insert into t values (1)" });
  assert.equal(begun.value.result.error, undefined);
  const more = await call("exec", { sql: "insert into t values (2)" });
  assert.equal(more.error, undefined, "a statement inside the transaction runs");
  assert.deepEqual(more.checkpoints, [], "no image is taken inside it: the page keeps the state before it");
  const exported = await call("export");
  assert.match(exported.error, /transaction is open: end it with commit or rollback/);
  const script = await call("script", { sql: "insert into t values (3)" });
  assert.equal(script.value.failed, "transaction");
  const done = await call("exec", { sql: "commit; select count(*) from t" });
  assert.equal(value(done.value.result), 2);
  assert.ok((await call("export")).value.image.length > 0);
});
