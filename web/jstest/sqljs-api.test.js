// sqljs-api.test.js: sqljs.js, dbtour's engine behind sql.js's API, call
// by call as sql.js documents it; where the behaviour is shared, the same
// program runs on sql.js 1.16 (npm, test-only) and on dbtour and must give
// the same output. DBTOUR_WASM names another engine.wasm to test.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const { Worker } = require("node:worker_threads");
const initSqlJsReal = require("sql.js");

const engineDir = path.join(__dirname, "..", "static", "engine");
const initSqlJs = require(path.join(engineDir, "sqljs.js"));
const wasmPath = process.env.DBTOUR_WASM || path.join(engineDir, "engine.wasm");
const config = { wasmBinary: fs.readFileSync(wasmPath) };

// both runs program(SQL) on sql.js and on dbtour and asserts equal outputs.
async function both(program) {
  const real = program(await initSqlJsReal());
  const ours = program(await initSqlJs(config));
  assert.deepEqual(ours, real, "dbtour differs from sql.js");
  return ours;
}

// catching returns the message program throws, or "no error".
function catching(program) {
  try {
    program();
    return "no error";
  } catch (err) {
    return err.message;
  }
}

test("initSqlJs resolves to one module whose Database is synchronous", async () => {
  const SQL = await initSqlJs(config);
  assert.equal(await initSqlJs(config), SQL);
  const db = new SQL.Database();
  assert.equal(Object.getPrototypeOf(db), SQL.Database.prototype);
  assert.deepEqual(db.exec("select 1 as one"), [{ columns: ["one"], values: [[1]] }]);
  db.close();
});

test("constructor: a file's bytes, as a Uint8Array or a plain array", async () => {
  await both((SQL) => {
    const db = new SQL.Database();
    db.run("create table t (a, b); insert into t values (1, 'x')");
    const bytes = db.export();
    db.close();
    const copies = [new SQL.Database(bytes), new SQL.Database(Array.from(bytes))];
    const out = copies.map((c) => c.exec("select * from t"));
    copies.forEach((c) => c.close());
    const junk = catching(() => new SQL.Database([1, 2, 3]).exec("select * from sqlite_master"));
    return { out, junk: /file is not a database/.test(junk) };
  });
});

test("run and exec bind params to each statement; exec's config.useBigInt", async () => {
  await both((SQL) => {
    const db = new SQL.Database();
    db.run("create table t (a, b, c)");
    db.run("insert into t values (?, ?, ?)", [1, "two"]); // c is NULL
    db.run("insert into t values (:a, @b, $c)", { ":a": 2, "@b": null, $c: new Uint8Array([7]) });
    const rows = db.exec("select a, b, c from t where a >= ? order by a; select count(*) as n from t where a >= ?", [1]);
    const big = db.exec("select 9007199254740993, 2.5", null, { useBigInt: true });
    const tooMany = catching(() => db.run("select ?", [1, 2]));
    return { rows, big, tooMany: /out of range/.test(tooMany) };
  });
});

test("each calls back per row, then done, whose value it returns", async () => {
  await both((SQL) => {
    const db = new SQL.Database();
    const rows = [];
    const doneValue = db.each("select 1 as a union all select ? as a", [2], (row) => rows.push(row), () => "done");
    db.each("select 'x' as b", (row) => rows.push(row));
    return { rows, doneValue };
  });
});

test("Statement: bind by position and name, fewer values are NULL, get and getAsObject", async () => {
  await both((SQL) => {
    const db = new SQL.Database();
    const stmt = db.prepare("select ? as a, ? as b");
    stmt.bind([1]);
    stmt.step();
    const fewer = stmt.get();
    const named = db.prepare("select :x as x, @y as y");
    const byName = named.getAsObject({ ":x": "only x" });
    const again = stmt.getAsObject([3, 4]);
    const big = db.prepare("select 9007199254740993 as n, 1 as one");
    big.step();
    const asNumbers = big.get();
    const asBigInts = big.getAsObject(null, { useBigInt: true });
    const tooMany = catching(() => stmt.bind([1, 2, 3]));
    return { fewer, byName, again, asNumbers, asBigInts, tooMany: /out of range/.test(tooMany), cols: stmt.getColumnNames() };
  });
});

test("Statement: step, run, reset, freemem and free", async () => {
  await both((SQL) => {
    const db = new SQL.Database();
    db.run("create table t (a)");
    const insert = db.prepare("insert into t values (?)");
    insert.run([1]);
    insert.run([2]);
    const reset = insert.reset();
    insert.freemem();
    const freed = insert.free();
    const select = db.prepare("select a from t order by a");
    const steps = [select.step(), select.get(), select.step(), select.get(), select.step()];
    const afterFree = (select.free(), catching(() => select.step()) !== "no error");
    return { reset, freed, steps, afterFree };
  });
});

test("getSQL and getNormalizedSQL", async () => {
  await both((SQL) => {
    const db = new SQL.Database();
    const sql = "select a, 'x' ,  1.5 -- note\n from (select 1 as a) where a = x'ff' and a in (1, 2) and :p";
    const stmt = db.prepare(sql);
    return [stmt.getSQL(), stmt.getNormalizedSQL()];
  });
});

test("iterateStatements, StatementIterator and getRemainingSQL", async () => {
  await both((SQL) => {
    const db = new SQL.Database();
    const sql = "create table t (x);\ninsert into t values (1); select x from t; -- end";
    const seen = [];
    const it = db.iterateStatements(sql);
    for (const stmt of it) {
      const rows = [];
      while (stmt.step()) rows.push(stmt.get());
      seen.push([stmt.getSQL(), rows, it.getRemainingSQL()]);
    }
    const bad = db.iterateStatements("select 1; nonsense here");
    bad.next();
    const error = /syntax error/.test(catching(() => bad.next()));
    return { seen, error, rest: bad.getRemainingSQL(), after: bad.next() };
  });
});

test("getRowsModified counts the last change", async () => {
  await both((SQL) => {
    const db = new SQL.Database();
    db.run("create table t (a); insert into t values (1), (2), (3)");
    const counts = [db.getRowsModified()];
    db.run("update t set a = 0 where a > 1");
    counts.push(db.getRowsModified());
    db.exec("select * from t");
    counts.push(db.getRowsModified());
    return counts;
  });
});

test("create_function: values in and out as sql.js converts them", async () => {
  await both((SQL) => {
    const db = new SQL.Database();
    db.create_function("echo", (x) => x);
    db.create_function("kind", (x) => (x instanceof Uint8Array ? "bytes" : x === null ? "null" : typeof x));
    db.create_function("yes", () => true);
    db.create_function("nil", () => undefined);
    db.create_function("bytes", () => [1, 2]);
    const values = db.exec("select echo(1), typeof(echo(1)), echo(2.5), echo('é'), echo(x'00ff'), echo(null), " +
      "kind(1), kind('s'), kind(x'00'), kind(null), yes(), typeof(yes()), nil(), bytes()");
    db.create_function("boom", () => { throw new Error("bananas"); });
    db.create_function("odd", () => ({}));
    const errors = [catching(() => db.exec("select boom()")), /Wrong API use/.test(catching(() => db.exec("select odd()")))];
    return { values, errors, after: db.exec("select echo('still works')") };
  });
});

test("create_aggregate: init, step and finalize, one state per group", async () => {
  await both((SQL) => {
    const db = new SQL.Database();
    db.create_aggregate("list", {
      init: () => [],
      step: (state, value) => [...state, value],
      finalize: (state) => state.join("+"),
    });
    db.create_aggregate("total", { step: (state, value) => (state || 0) + value }); // no init, no finalize
    db.run("create table t (g, v); insert into t values ('a', 1), ('b', 2), ('a', 3)");
    const grouped = db.exec("select g, list(v), total(v) from t group by g order by g");
    const empty = db.exec("select total(v) from t where 0");
    db.create_aggregate("fails", { step: () => { throw "shoes"; } });
    const error = catching(() => db.exec("select fails(v) from t"));
    return { grouped, empty, error, after: db.exec("select total(v) from t") };
  });
});

test("updateHook reports inserts, updates and deletes until removed", async () => {
  await both((SQL) => {
    const db = new SQL.Database();
    const calls = [];
    db.run("create table t (id integer primary key, a)");
    db.updateHook((...call) => calls.push(call));
    db.run("insert into t values (1, 'x'), (2, 'y'); update t set a = 'z' where id = 2; delete from t where id = 1");
    db.updateHook(null);
    db.run("insert into t values (3, 'w')");
    return calls;
  });
});

test("handleError: null for OK, an Error otherwise", async () => {
  const SQL = await initSqlJs(config);
  const db = new SQL.Database();
  assert.equal(db.handleError(0), null);
  assert.throws(() => db.handleError(19), { message: "constraint failed" });
  db.close();
});

test("a function that throws fails its statement, and the database goes on", async () => {
  const SQL = await initSqlJs(config);
  const db = new SQL.Database();
  db.run("create table t (a); insert into t values (1)");
  db.create_function("fail", () => { throw new Error("no thanks"); });
  assert.throws(() => db.run("insert into t values (fail())"), { message: "no thanks" });
  assert.deepEqual(db.exec("select count(*) from t")[0].values, [[1]]);
  db.close();
});

test("a function called too often is stopped with its statement by the time limit", async () => {
  const SQL = await initSqlJs(config);
  const db = new SQL.Database(null, { timeLimitMs: 200 });
  db.create_function("spin", (x) => {
    for (const end = Date.now() + 1; Date.now() < end;); // a millisecond's work
    return x === null ? 0 : 1;
  });
  const count = "with recursive c(x) as (select 1 union all select x + 1 from c limit ?) select sum(spin(x)) from c";
  assert.deepEqual(db.exec(count, [10])[0].values, [[10]], "a few calls finish");
  const began = Date.now();
  assert.throws(() => db.exec(count, [1e9]), /time limit/);
  assert.ok(Date.now() - began < 5000, `stopped after ${Date.now() - began} ms`);
  assert.deepEqual(db.exec("select 1")[0].values, [[1]]);
  db.close();
});

test("a function that closes its database or re-enters it gets a clear error", async () => {
  const SQL = await initSqlJs(config);
  const db = new SQL.Database();
  const seen = [];
  db.create_function("meddle", () => {
    seen.push(catching(() => db.close()));
    seen.push(catching(() => db.exec("select 1")));
    return 7;
  });
  assert.deepEqual(db.exec("select meddle()")[0].values, [[7]]);
  assert.match(seen[0], /cannot close the database while one of its statements runs/);
  assert.match(seen[1], /busy/);
  assert.deepEqual(db.exec("select 2")[0].values, [[2]], "the database stays open");
  db.close();
  assert.throws(() => db.exec("select 1"), /Database closed/);
  const other = new SQL.Database();
  assert.deepEqual(other.exec("select 3")[0].values, [[3]], "the engine lives on");
  other.close();
});

// talk sends messages to a worker one at a time and collects its replies
// until each one's last (an "each" sends rows before its end).
async function talk(file, env, messages) {
  const worker = new Worker(file, { env: { ...process.env, ...env } });
  const replies = [];
  try {
    for (const msg of messages) {
      await new Promise((resolve, reject) => {
        const onMessage = (data) => {
          replies.push(data);
          if (data.finished !== false) {
            worker.off("message", onMessage);
            resolve();
          }
        };
        worker.on("message", onMessage);
        worker.once("error", reject);
        worker.postMessage(msg);
      });
    }
  } finally {
    await worker.terminate();
  }
  return replies.map((r) => (r.buffer ? { id: r.id, header: String.fromCharCode(...r.buffer.slice(0, 15)) } : r));
}

test("sqljs-worker.js answers sql.js's worker messages as worker.sql-wasm.js does", async () => {
  const messages = [
    { id: 1, action: "open" },
    { id: 2, action: "exec", sql: "create table t (a, b); insert into t values (1, 'x'), (:n, @s); select * from t", params: { ":n": 2, "@s": "y" } },
    { id: 3, action: "each", sql: "select a from t where a > ?", params: [0] },
    { id: 4, action: "getRowsModified" },
    { id: 5, action: "export" },
    { id: 6, action: "exec", sql: "select * from nowhere" },
    { id: 7, action: "close" },
  ];
  const real = await talk(path.join(path.dirname(require.resolve("sql.js")), "worker.sql-wasm.js"), {}, messages);
  const ours = await talk(path.join(engineDir, "sqljs-worker.js"), { DBTOUR_WASM: wasmPath }, messages);
  assert.deepEqual(ours, real);
});
