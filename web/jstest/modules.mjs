// modules.mjs: imports the page's ES modules (web/static/js) under Node.
// Node reads a .js file outside a "type": "module" package as CommonJS, so
// the modules are copied once into a temporary folder that declares it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const source = path.join(here, "..", "static", "js");
let copy = null;

// load imports web/static/js/NAME.
export async function load(name) {
  if (copy === null) {
    copy = fs.mkdtempSync(path.join(os.tmpdir(), "dbtour-js-"));
    fs.cpSync(source, copy, { recursive: true });
    fs.writeFileSync(path.join(copy, "package.json"), '{"type": "module"}\n');
    process.on("exit", () => fs.rmSync(copy, { recursive: true, force: true }));
  }
  return import(pathToFileURL(path.join(copy, name)).href);
}

// testdata reads a JSON file of test vectors, relative to the repository.
export function testdata(relative) {
  return JSON.parse(fs.readFileSync(path.join(here, "..", "..", relative), "utf8"));
}

// table decodes a table of rows as the engine sends it to the page, as
// engine.js does: {"int": …} to a bigint, {"blob": …} to a Uint8Array,
// {"real": …} to a number whose position goes into the table's reals.
export function table(t) {
  if (!t) return null;
  const reals = [];
  const rows = t.rows.map((row, r) => row.map((v, c) => {
    if (v === null || typeof v !== "object") return v;
    if ("int" in v) return BigInt(v.int);
    if ("blob" in v) return Uint8Array.from(atob(v.blob), (ch) => ch.charCodeAt(0));
    reals.push(r * t.columns.length + c);
    return Number(v.real);
  }));
  return { columns: t.columns, rows, reals };
}
