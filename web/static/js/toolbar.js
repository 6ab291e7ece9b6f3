// toolbar.js: what every cell's toolbar and the playground's share: the
// Run button that becomes Stop while a run is under way, and its strings.

// toolbarUI are the toolbar's strings.
export const toolbarUI = {
  run: "Run",
  stop: "Stop",
  running: "Running…",
};

// doubleClick is how soon after Run a click on the same button counts as
// the second click of a double-click, not as Stop.
const doubleClick = 500;

// showBusy shows on a cell (with running, button and status) that a run
// is under way, or over; while it is, its Run button reads Stop.
export function showBusy(cell, on) {
  cell.running = on;
  armStop(cell.button, on, () => cell.running);
  cell.status.textContent = on ? toolbarUI.running : "";
  cell.setAttribute("aria-busy", String(on));
}

// armStop makes button read Stop while on, and arms it a moment later (as
// long as running() still says so), so that a double-click on Run does
// not stop the run it started.
export function armStop(button, on, running) {
  button.textContent = on ? toolbarUI.stop : toolbarUI.run;
  button.classList.toggle("stop", on);
  delete button.dataset.stopReady;
  if (on) setTimeout(() => running() && (button.dataset.stopReady = ""), doubleClick);
}

// stopArmed reports whether a click on button now means Stop.
export function stopArmed(button) {
  return button.dataset.stopReady !== undefined;
}

// stopOnPurpose stops cell's run once Stop is armed: a click sooner is the
// second half of a double-click on Run.
export function stopOnPurpose(cell) {
  if (stopArmed(cell.button)) cell.dispatchEvent(new CustomEvent("cell-stop", { bubbles: true }));
}

// button makes a toolbar button; action names it for tests and styles.
export function button(label, onClick, action) {
  const b = document.createElement("button");
  b.type = "button";
  b.textContent = label;
  if (action) b.dataset.action = action;
  b.addEventListener("click", onClick);
  return b;
}
