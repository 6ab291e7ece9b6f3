// exercise-ui.test.mjs: what an exercise's controls show
// (web/static/js/exercise-ui.js): hints revealed in order, one a click,
// then spent; the solution; the verdict and the solved state.
// Run: node --test web/jstest/
import test from "node:test";
import assert from "node:assert/strict";
import { load } from "./modules.mjs";

const { exerciseState, step, view, exerciseUI } = await load("exercise-ui.js");

// after returns the state after the actions, from a fresh exercise with
// hints hints that an earlier visit solved or not.
const after = (hints, solvedBefore, ...actions) => actions.reduce(step, exerciseState(hints, solvedBefore));

test("hints show in order, one a click, then Hint is spent", () => {
  const seen = [];
  let state = exerciseState(3, false);
  assert.deepEqual([view(state).shown, view(state).hint, view(state).hintSpent], [0, exerciseUI.hint, false]);
  for (let i = 0; i < 4; i++) {
    state = step(state, { type: "hint" });
    const v = view(state);
    seen.push(`${v.shown} ${v.hint} ${v.hintSpent}`);
  }
  assert.deepEqual(seen, ["1 Hint false", "2 Hint false", "3 No more hints true", "3 No more hints true"]);
});

test("an exercise without hints has Hint spent from the start", () => {
  assert.equal(view(exerciseState(0, false)).hintSpent, true);
});

test("the solution shows only once asked for, and does not show the hints", () => {
  assert.equal(view(exerciseState(2, false)).solution, false);
  const v = view(after(2, false, { type: "solution" }));
  assert.deepEqual([v.solution, v.shown], [true, 0]);
});

test("the feedback line and the solved state", () => {
  const wrong = { type: "judged", problem: "a row is missing" };
  const right = { type: "judged", problem: null };
  for (const [name, state, feedback, solved] of [
    ["fresh", after(1, false), { className: "feedback", text: "" }, false],
    ["solved on an earlier visit", after(1, true), { className: "feedback right", text: "✓ Solved" }, true],
    ["a wrong answer", after(1, false, wrong), { className: "feedback wrong", text: "Not yet: a row is missing" }, false],
    ["a right answer", after(1, false, wrong, right), { className: "feedback right", text: "✓ Correct! Exercise solved." }, true],
    ["wrong after right: solved stays", after(1, false, right, wrong), { className: "feedback wrong", text: "Not yet: a row is missing" }, true],
    ["wrong after an earlier visit's solve", after(1, true, wrong), { className: "feedback wrong", text: "Not yet: a row is missing" }, true],
  ]) {
    const v = view(state);
    assert.deepEqual(v.feedback, feedback, name);
    assert.equal(v.solved, solved, name);
  }
});

test("a verdict leaves the hints and the solution as they were", () => {
  const v = view(after(2, false, { type: "hint" }, { type: "judged", problem: null }));
  assert.deepEqual([v.shown, v.solution], [1, false]);
});

test("an unknown action is an error", () => {
  assert.throws(() => step(exerciseState(1, false), { type: "peek" }), /unknown action peek/);
});
