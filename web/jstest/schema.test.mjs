// schema.test.mjs: what the database panel and the playground's schema
// panel say of a database (web/static/js/schema.js), on schemas the
// engine (engine.wasm, as the worker uses it) reports.
// Run: node --test web/jstest/
import test from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { load } from "./modules.mjs";

const { describeTable } = await load("schema.js");
const engineDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "static", "engine");
const require = createRequire(import.meta.url);
require(path.join(engineDir, "wasm_exec.js"));
require(path.join(engineDir, "engine.js"));
const wasm = fs.readFileSync(path.join(engineDir, "engine.wasm"));

// describe returns describeTable of every table and view sql makes.
async function describe(sql) {
  const db = await globalThis.dbtour.open({ wasm });
  try {
    db.run(sql);
    return db.schema().tables.map(describeTable);
  } finally {
    db.close();
  }
}

test("tables, views, columns, keys and indexes", async () => {
  const got = await describe(`
    create table authors (id integer primary key, name text not null unique);
    create table books (
      id integer primary key,
      title text not null default 'untitled',
      author integer references authors(id),
      year
    );
    create unique index books_title on books(title, author);
    create index books_year on books(year);
    create table tags (book integer, tag text, primary key (book, tag)) without rowid;
    create view recent as select title from books where year > 2000;
  `);
  assert.deepEqual(got, [
    { name: "authors", view: false, indexes: ["unique (name)"], columns: [
      { name: "id", type: "INTEGER", keys: "primary key" },
      { name: "name", type: "TEXT", keys: "not null" },
    ] },
    { name: "books", view: false, indexes: ["unique index books_title (title, author)", "index books_year (year)"], columns: [
      { name: "id", type: "INTEGER", keys: "primary key" },
      { name: "title", type: "TEXT", keys: "not null, default 'untitled'" },
      { name: "author", type: "INTEGER", keys: "→ authors(id)" },
      { name: "year", type: "", keys: "" },
    ] },
    { name: "recent", view: true, indexes: [], columns: [{ name: "title", type: "TEXT", keys: "" }] },
    { name: "tags", view: false, indexes: ["primary key (book, tag)"], columns: [
      { name: "book", type: "INTEGER", keys: "primary key, not null" },
      { name: "tag", type: "TEXT", keys: "primary key, not null" },
    ] },
  ]);
});

test("an empty database describes no tables", async () => {
  assert.deepEqual(await describe("select 1"), []);
});

test("names are kept as they are, markup and all", async () => {
  const [t] = await describe(`create table "<b>x</b>" ("a, b" text)`);
  assert.deepEqual([t.name, t.columns[0].name], ["<b>x</b>", "a, b"]);
});
