// judge.test.mjs: the page's exercise judge (web/static/js/judge.js) on the
// vectors its Go twin (lessons/judge) passes. Run: node --test web/jstest/
import test from "node:test";
import assert from "node:assert/strict";
import { load, table, testdata } from "./modules.mjs";

const { verdict, explained, same } = await load("judge.js");
const { cases } = testdata("lessons/testdata/judge.json");

test("the vectors are there", () => assert.ok(cases.length >= 20, `${cases.length} cases`));

for (const c of cases) {
  test(`judge: ${c.name}`, () => {
    const answer = (a) => ({ plan: table(a.plan), rows: table(a.rows) });
    assert.equal(verdict(answer(c.got), answer(c.want), c.ordered) ?? "", c.verdict);
  });
}

test("same", () => {
  for (const [a, b, want] of [
    [1, 1, true], [440, 440.00000000000006, true], [0.1 + 0.2, 0.3, true], [12.3456, 12.35, false],
    [1000000000, 1000000001, false], [9007199254740993n, 9007199254740992, false], [7n, 7, true],
    ["7", 7, false], [null, null, true], [null, "", false], [new Uint8Array([97]), "a", false],
    [new Uint8Array([97]), new Uint8Array([97]), true],
  ]) {
    assert.equal(same(a, b), want, `same(${a}, ${b})`);
    assert.equal(same(b, a), want, `same(${b}, ${a})`);
  }
});

test("explained", () => {
  assert.equal(explained("EXPLAIN  QUERY\nPLAN\nselect x from t"), "select x from t");
  assert.equal(explained("explain select 1"), null);
  assert.equal(explained("select 'explain query plan'"), null);
});

test("exercise answers: the last table, a plan with the explained query's rows", async () => {
  const { answer, followUp } = await load("exercise.js");
  const st = (sql, columns, rows) => ({ sql, columns, rows });
  const plan = st("explain query plan select count(*) from t", ["id", "parent", "notused", "detail"], [[2, 0, 0, "SCAN t"]]);
  const made = { statements: [st("create table t(x)", null, null), plan] };
  assert.equal(followUp(made), "select count(*) from t");
  const count = { statements: [st("select count(*) from t", ["count(*)"], [[3]])] };
  assert.deepEqual(answer(made, count), { plan, rows: count.statements[0] });
  assert.deepEqual(answer(count), { plan: null, rows: count.statements[0] });
  assert.equal(followUp(count), null);
  assert.deepEqual(answer({ statements: [st("insert into t values (1)", null, null)] }), { plan: null, rows: null });
});
