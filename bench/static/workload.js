// workload.js: the benchmark's SQL, run the same way on either engine.
// A worker script loads its engine, defines `adapter` and then this file:
//   adapter.files:  names of the engine's files (counted as bytes on the wire)
//   adapter.wasm:   the engine's .wasm file name (or names)
//   adapter.load(): Promise that resolves when the runtime is ready
//   adapter.open(): Promise of a database with exec(sql, params) and
//                   run(sql, params) shaped as in sql.js, and close()
"use strict";

// now is an absolute time in ms, comparable across the page and workers.
const now = () => performance.timeOrigin + performance.now();

// firstScript is a lesson's first cell: a table of 50 books and a query.
const firstScript = `create table books (id integer primary key, title text, year integer, price real);
with recursive n(x) as (select 1 union all select x + 1 from n where x < 50)
insert into books select x, 'Book ' || x, 1950 + x, x * 1.5 + 0.99 from n;
select * from books;`;

// lessonQuery is the round-trip query: 50 rows of four columns.
const lessonQuery = "select id, title, year, price from books order by id";

const N = 100000;

// bulk is the bulk workload, in order, on one fresh database. Each step
// returns what it computed so that the two engines can be compared.
const bulk = [
  ["insert 100k rows, one statement", (db) => {
    db.run("create table t (id integer primary key, name text, price real, cat integer)");
    db.run(`with recursive c(x) as (select 1 union all select x + 1 from c where x < ${N})
      insert into t select x, 'item ' || x, x * 0.25, x % 97 from c`);
    return db.exec("select count(*), sum(price) from t");
  }],
  ["insert 100k rows, parameterized calls, one transaction", (db) => {
    db.run("create table u (id integer primary key, t_id integer, qty integer, note text)");
    db.run("begin");
    for (let i = 1; i <= N; i++) db.run("insert into u values (?, ?, ?, ?)", [i, (i * 7919) % N + 1, i % 10, "note " + i]);
    db.run("commit");
    return db.exec("select count(*), sum(t_id), sum(qty) from u");
  }],
  ["1,000 primary-key lookups", (db) => {
    const out = [];
    for (let i = 0; i < 1000; i++) out.push(db.exec("select name, price from t where id = ?", [(i * 7919) % N + 1])[0].values[0]);
    return out;
  }],
  ["20 LIKE scans", (db) => {
    const out = [];
    for (let i = 0; i < 20; i++) out.push(db.exec("select count(*) from t where name like ?", ["%" + (i * 37 + 11) + "%"])[0].values[0][0]);
    return out;
  }],
  ["GROUP BY + ORDER BY", (db) =>
    db.exec("select cat, count(*) as n, sum(price) as total, avg(price) as mean from t group by cat order by total desc, cat")],
  ["two-table join", (db) =>
    db.exec("select t.cat, count(*) as n, sum(u.qty * t.price) as value from u join t on t.id = u.t_id group by t.cat order by t.cat")],
  ["SELECT * of 100k rows into JS", (db) => db.exec("select * from t")],
];

// digest is a short fingerprint of a result: its JSON's length and FNV-1a.
function digest(value) {
  const s = JSON.stringify(value, (_, v) => (typeof v === "bigint" ? v.toString() + "n" : v));
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return s.length + ":" + h.toString(16);
}

// marks returns the start-up milestones, absolute ms.
function marks(t) {
  const res = performance.getEntriesByType("resource");
  // adapter.wasm is one file or several (the prototype's Go and SQLite):
  // downloaded when the last arrived, their bytes added up.
  const wasms = res.filter((e) => [adapter.wasm].flat().some((w) => e.name.split("?")[0].endsWith(w)));
  const compiled = performance.getEntriesByName(adapter.compiledMark)[0];
  const bytes = res.filter((e) => adapter.files.some((f) => e.name.split("?")[0].endsWith(f)))
    .reduce((sum, e) => sum + e.encodedBodySize, 0);
  return {
    scripts: t.scripts,
    downloaded: wasms.length ? performance.timeOrigin + Math.max(...wasms.map((e) => e.responseEnd)) : 0,
    compiled: compiled ? performance.timeOrigin + compiled.startTime : 0,
    ready: t.ready,
    first: t.first,
    bytes,
    wasmBytes: wasms.reduce((sum, e) => sum + e.encodedBodySize, 0),
    files: res.map((e) => e.name + " " + e.encodedBodySize),
  };
}

let db = null;
const t = { scripts: now() };

// Start at once, as a lesson page's worker does, and report the first result.
adapter.load().then(async () => {
  t.ready = now();
  db = await adapter.open();
  const res = db.exec(firstScript);
  t.first = now();
  postMessage({ op: "started", marks: marks(t), digest: digest(res) });
}).catch((err) => postMessage({ op: "error", error: String(err && err.stack || err) }));

// script makes a SQL script of n insert statements, about 230 bytes each,
// as a reader pastes one into a cell.
function script(n) {
  const lines = ["create table pasted (id integer primary key, name text, note text);"];
  for (let i = 1; i < n; i++) {
    lines.push(`insert into pasted (id, name, note) values (${i}, 'name ${i}', '${"x".repeat(160)} ${i}');`);
  }
  return lines.join("\n");
}

// lessonCell is what a Run of one cell of a lesson page needs from an
// engine that keeps its database: the state the cells above left (built
// once, then restored from its image each run) and the cell.
let above = null;

onmessage = async ({ data }) => {
  try {
    if (data.op === "above") {
      const base = await adapter.open();
      for (const sql of data.above) base.exec(sql);
      above = base.export();
      base.close();
      postMessage({ op: "above" });
    } else if (data.op === "cell") {
      const cellDB = await adapter.openFrom(above);
      const res = cellDB.exec(data.sql);
      cellDB.close();
      postMessage({ op: "cell", digest: digest(res) });
    } else if (data.op === "tierUp") {
      if (adapter.tierUp) await adapter.tierUp(data.budgetMs);
      postMessage({ op: "tierUp" });
    } else if (data.op === "script") {
      const sql = script(data.n);
      const scriptDB = await adapter.open();
      const began = performance.now();
      const own = adapter.ownMs(scriptDB, sql);
      postMessage({ op: "script", bytes: sql.length, ms: performance.now() - began, ownMs: own });
      scriptDB.close();
    } else if (data.op === "query") {
      postMessage({ op: "result", values: db.exec(lessonQuery) });
    } else if (data.op === "bulk") {
      const bulkDB = db;
      const out = [];
      for (const [name, step] of bulk) {
        const began = performance.now();
        const value = step(bulkDB);
        const ms = performance.now() - began;
        out.push({ name, ms, digest: digest(value) });
      }
      postMessage({ op: "bulk", steps: out });
    }
  } catch (err) {
    postMessage({ op: "error", error: String(err && err.stack || err) });
  }
};
