// exercise-ui.js: an exercise's controls, the same for a SQL and a Go
// exercise: Check, Hint (the hints one at a time, in order, then "No more
// hints"), Show solution, and the verdict: solved (kept across visits by
// store.js) or what is not right yet. They enhance the server's exercise
// box (web/cell.templ, web/program.templ), whose hints and solution read
// without JavaScript. What the controls show is a pure function of a
// small state (exerciseState, step, view), tested under Node.
import { button } from "./toolbar.js";
import { loadSolved, saveSolved } from "./store.js";

// exerciseUI are the strings of an exercise's controls.
export const exerciseUI = {
  check: "Check",
  hint: "Hint",
  noMoreHints: "No more hints",
  solution: "Show solution",
  correct: "Correct! Exercise solved.",
  solved: "Solved",
  notYet: "Not yet: ",
};

// exerciseState is what the reader has seen of an exercise with hints
// hints: how many of them show (the first ones), whether the solution
// shows, whether the exercise was ever solved (solvedBefore: on an
// earlier visit), and the verdict of this visit's last Check: checked is
// false until one, problem null when it was right.
export function exerciseState(hints, solvedBefore) {
  return { hints, shown: 0, solution: false, solved: solvedBefore, checked: false, problem: null };
}

// step returns the state after action: {type: "hint"} shows the next
// hint, {type: "solution"} the solution, {type: "judged", problem} records
// a Check's verdict (problem null when right). A solved exercise stays
// solved after a wrong answer.
export function step(state, action) {
  switch (action.type) {
    case "hint":
      return { ...state, shown: Math.min(state.shown + 1, state.hints) };
    case "solution":
      return { ...state, solution: true };
    case "judged":
      return { ...state, checked: true, problem: action.problem, solved: state.solved || action.problem === null };
  }
  throw new Error(`exercise: unknown action ${action.type}`);
}

// view returns what the controls show in state: how many hints, the Hint
// button's label and whether it is spent, whether the solution shows,
// the feedback line's class and text, and whether the cell reads solved.
export function view(state) {
  const spent = state.shown === state.hints;
  return {
    shown: state.shown,
    hint: spent ? exerciseUI.noMoreHints : exerciseUI.hint,
    hintSpent: spent,
    solution: state.solution,
    feedback: feedback(state),
    solved: state.solved,
  };
}

// feedback is the feedback line: this visit's last verdict, else whether
// an earlier visit solved the exercise.
function feedback(state) {
  if (state.checked && state.problem !== null) return { className: "feedback wrong", text: exerciseUI.notYet + state.problem };
  if (state.checked) return { className: "feedback right", text: "✓ " + exerciseUI.correct };
  if (state.solved) return { className: "feedback right", text: "✓ " + exerciseUI.solved };
  return { className: "feedback", text: "" };
}

// ExerciseControls are the controls of the exercise in cell (an element
// with an index and an .exercise box). buttons go into the cell's
// toolbar; solution, check and ordered are what the server's box says
// the answer is judged against.
export class ExerciseControls {
  constructor(cell, onCheck) {
    this.cell = cell;
    const box = cell.querySelector(".exercise");
    this.feedback = box.querySelector(".feedback");
    this.hintsBox = box.querySelector(".hints");
    this.hints = Array.from(box.querySelectorAll(".hints li"));
    this.solutionBox = box.querySelector(".solution");
    this.solution = this.solutionBox.querySelector("code").textContent;
    this.check = box.querySelector("pre.check")?.textContent ?? "";
    this.ordered = box.dataset.ordered !== undefined;
    this.state = exerciseState(this.hints.length, loadSolved(cell.index));
    this.hintButton = this.hintsBox ? control(exerciseUI.hint, () => this.act({ type: "hint" }, this.hintsBox), "hint") : null;
    const solution = control(exerciseUI.solution, () => this.act({ type: "solution" }, this.solutionBox), "solution");
    this.buttons = [control(exerciseUI.check, onCheck, "check"), this.hintButton, solution].filter(Boolean);
    this.render();
  }

  // judged shows the verdict on the reader's answer: problem is null when
  // it is right (kept as solved), else what differs.
  judged(problem) {
    if (problem === null) saveSolved(this.cell.index);
    this.act({ type: "judged", problem });
  }

  // act moves to the state after action and shows it, opening the box
  // the action revealed.
  act(action, opened) {
    this.state = step(this.state, action);
    this.render();
    if (opened) opened.open = true;
  }

  // render shows the state.
  render() {
    const v = view(this.state);
    if (this.hintsBox) {
      this.hintsBox.hidden = v.shown === 0;
      this.hints.forEach((li, i) => (li.hidden = i >= v.shown));
      this.hintButton.textContent = v.hint;
      this.hintButton.disabled = v.hintSpent;
    }
    this.solutionBox.hidden = !v.solution;
    this.feedback.className = v.feedback.className;
    this.feedback.textContent = v.feedback.text;
    this.cell.classList.toggle("solved", v.solved);
  }
}

// control makes one of the exercise's toolbar buttons.
function control(label, onClick, action) {
  const b = button(label, onClick, action);
  b.className = "secondary";
  return b;
}
