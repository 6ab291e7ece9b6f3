// results.test.mjs: how the page shows a value (web/static/js/results.js),
// on the vectors web.FormatValue and web.Clip pass too. Run: node --test web/jstest/
import test from "node:test";
import assert from "node:assert/strict";
import { load, table, testdata } from "./modules.mjs";

const { formatValue, clip } = await load("results.js");
const { isReal } = await load("sqlvalue.js");
const vectors = testdata("web/testdata/format.json");

test("the vectors are there", () => assert.ok(vectors.values.length >= 25 && vectors.clip.length >= 4));

for (const c of vectors.values) {
  test(`formatValue: ${c.name}`, () => {
    // One value as the engine sends it, decoded as engine.js does.
    const st = table({ columns: ["v"], rows: [[c.value]] });
    assert.deepEqual(formatValue(st.rows[0][0], isReal(st)(0, 0)), [c.text, c.class]);
  });
}

for (const c of vectors.clip) {
  test(`clip: ${c.name}`, () => assert.equal(clip(c.text), c.head));
}
