// tierup.js: exercise the engine's hot code while the reader reads, so
// that V8 compiles it with its optimizing tier and writes that code to
// the browser's code cache: the next visit starts from compiled code.
// V8 caches a module's code only once enough of it has been optimized,
// which a short visit never reaches. Loaded by worker.js (and the
// benchmark's worker) with importScripts; it defines TierUp.
"use strict";

// tierUpSQL is the work: what a lesson page does (create, insert, query,
// group, join, index, update, delete, JSON), on a scratch database.
const tierUpSQL = [
  "create table t (id integer primary key, name text not null, price real, kind integer)",
  "with recursive n(i) as (select 1 union all select i + 1 from n where i < 500) insert into t select i, 'item ' || i, i * 1.25, i % 17 from n",
  "select kind, count(*), avg(price), max(name) from t group by kind order by 2 desc, 1",
  "select id, name from t where name like '%99%' order by price desc limit 20",
  "select a.id, b.id from t a join t b on a.kind = b.kind and a.id < b.id where a.id < 60",
  "create index t_kind on t(kind, price)",
  "select count(*) from t where kind = 3 and price > 100",
  "update t set price = price * 1.1 where id % 3 = 0",
  "select json_group_array(json_object('id', id, 'name', name)) from t where id < 200",
  "delete from t where id % 7 = 0",
  "select sum(length(name)), min(price), total(price) from t",
  "drop table t",
];

// TierUp runs tierUpSQL over and over on a database of its own, one short
// statement per turn of the event loop so that the worker keeps answering
// the page between them, until budgetMs of running time is spent.
class TierUp {
  // open resolves to a new database (engine.js's Database).
  constructor(open, budgetMs) {
    this.open = open;
    this.left = budgetMs;
    this.db = null;
    this.next = 0;
  }

  // step runs one statement and reports whether there is budget left.
  async step() {
    if (this.left <= 0) return false;
    if (!this.db) this.db = await this.open();
    const began = performance.now();
    this.db.execScript(tierUpSQL[this.next]);
    this.next = (this.next + 1) % tierUpSQL.length;
    this.left -= performance.now() - began;
    if (this.left > 0) return true;
    this.db.close();
    this.db = null;
    return false;
  }
}

globalThis.TierUp = TierUp;
