// progress.js: the reader's progress beside each lesson of the table of
// contents: visited or not, and exercises solved of the lesson's total.
import { progress } from "./store.js";

const ui = {
  visited: "✓ Visited",
  solved: (n, total) => `${n} of ${total} ${total === 1 ? "exercise" : "exercises"} solved`,
  exercises: (total) => `${total} ${total === 1 ? "exercise" : "exercises"}`,
};

// showProgress fills each lesson's progress mark in toc.
export function showProgress(toc) {
  for (const li of toc.querySelectorAll("li[data-exercises]")) {
    const mark = li.querySelector("[data-testid=progress]");
    const total = Number(li.dataset.exercises);
    const { visited, solved } = progress(new URL(li.querySelector("a").href).pathname);
    const parts = [];
    if (visited) parts.push(ui.visited);
    if (total > 0) parts.push(visited || solved > 0 ? ui.solved(Math.min(solved, total), total) : ui.exercises(total));
    mark.textContent = parts.join(" · ");
    mark.classList.toggle("visited", visited);
    mark.classList.toggle("done", total > 0 && solved >= total);
  }
}
