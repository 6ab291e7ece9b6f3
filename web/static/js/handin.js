// handin.js: the Hand in area of the front page (every lesson it lists)
// and of a lesson page (its exercises). It writes a hand-in file, in the
// format lessons/README.md documents (Hand-in files), from what the
// browser keeps (store.js): the reader's name, each exercise's current
// SQL and whether the page judged it solved. The reader downloads it, or
// sends it when the server collects hand-ins (dbtour serve -collect).
import { loadEditAt, loadSolvedAt, loadName, saveName } from "./store.js";

const ui = {
  heading: "Hand in",
  intro: {
    lesson: "Hand in your answers to this lesson's exercises: your teacher can grade them.",
    course: "Hand in your answers to every exercise of the course: your teacher can grade them.",
  },
  name: "Your name",
  download: "Download hand-in",
  send: "Hand in to the teacher",
  needName: "Type your name first.",
  downloaded: (file) => `Saved ${file} (in your downloads).`,
  sent: (receipt) => `Handed in. Receipt: ${receipt}`,
  notSent: (why) => `Not handed in: ${why} Download it and give the file to your teacher instead.`,
  noServer: "the server cannot be reached.",
};

const area = document.querySelector("[data-testid=handin]");
if (area) setUp(area).catch((err) => console.warn("dbtour: no hand-in:", err));

// setUp fills the area once the course's description (course.json) is
// known; a page whose scope has no exercise keeps it hidden.
async function setUp(area) {
  const root = new URL(area.dataset.root || "./", location.href);
  const scope = area.dataset.scope === "lesson" ? "lesson" : "course";
  const course = await (await fetch(new URL("course.json", root))).json();
  const lessons = scope === "lesson"
    ? course.lessons.filter((l) => l.slug === slugOf(location.pathname))
    : course.lessons.filter((l) => !l.hidden);
  if (!lessons.some((l) => l.exercises.length > 0)) return;
  const form = build(area, scope);
  const make = () => handIn(course, lessons.filter((l) => l.exercises.length > 0), root, scope, form.name.value.trim());
  form.download.addEventListener("click", () => withName(form, () => {
    const file = download(make(), scope === "lesson" ? lessons[0].slug : "course");
    say(form, ui.downloaded(file));
  }));
  form.send.addEventListener("click", () => withName(form, () => send(form, make(), root)));
  area.hidden = false;
  // When the server collects, sending is the main way and a file the other.
  const collect = await collecting(root);
  form.send.hidden = !collect;
  form.download.classList.toggle("secondary", collect);
}

// slugOf is the lesson's name in a lesson page's path (…/lessons/SLUG/).
function slugOf(path) {
  const parts = path.replace(/index\.html$/, "").split("/").filter(Boolean);
  return decodeURIComponent(parts[parts.length - 1] ?? "");
}

// build makes the area's heading, name field, buttons and status line.
function build(area, scope) {
  const el = (tag, props = {}) => Object.assign(document.createElement(tag), props);
  const name = el("input", { type: "text", id: "handin-name", autocomplete: "name", maxLength: 100, value: loadName() });
  name.dataset.testid = "handin-name";
  name.addEventListener("change", () => saveName(name.value.trim()));
  const download = el("button", { type: "button", textContent: ui.download });
  download.dataset.action = "handin-download";
  const send = el("button", { type: "button", textContent: ui.send, hidden: true });
  send.dataset.action = "handin-send";
  const status = el("p", { className: "status" });
  status.setAttribute("role", "status");
  status.dataset.testid = "handin-status";
  const label = el("label", { htmlFor: name.id, textContent: ui.name + " " });
  const row = el("p", { className: "handin-row" });
  row.append(label, name, " ", download, " ", send);
  area.replaceChildren(el("h2", { textContent: ui.heading }), el("p", { textContent: ui.intro[scope] }), row, status);
  return { name, download, send, status };
}

// withName runs action when the reader has typed a name, keeping it.
function withName(form, action) {
  const name = form.name.value.trim();
  if (name === "") {
    say(form, ui.needName);
    form.name.focus();
    return;
  }
  saveName(name);
  return action();
}

function say(form, text) {
  form.status.textContent = text;
}

// handIn is the hand-in of lessons (from course.json) for learner: for
// each exercise the reader's SQL, kept by the exercise's page under its
// path, or else the starting SQL, and the page's solved mark.
export function handIn(course, lessons, root, scope, learner) {
  return {
    format: "dbtour-handin",
    version: 1,
    learner,
    handedIn: new Date().toISOString(),
    course: { version: course.version, title: course.title },
    scope,
    lessons: lessons.map((l) => {
      const path = new URL(`lessons/${l.slug}/`, root).pathname;
      return {
        slug: l.slug,
        exercises: l.exercises.map((e) => {
          const edit = loadEditAt(path, e.cell);
          return { cell: e.cell, answer: edit ?? e.source, edited: edit !== null && edit !== e.source, solved: loadSolvedAt(path, e.cell) };
        }),
      };
    }),
  };
}

// download saves h as a file named after what it holds, the learner and
// the day, and returns the name.
function download(h, what) {
  const safe = (s) => s.normalize("NFKD").replace(/[^A-Za-z0-9-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40) || "learner";
  const file = `handin-${what}-${safe(h.learner)}-${h.handedIn.slice(0, 10)}.json`;
  const a = document.createElement("a");
  a.href = URL.createObjectURL(new Blob([JSON.stringify(h, null, 2) + "\n"], { type: "application/json" }));
  a.download = file;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
  return file;
}

// collecting asks the server whether it takes hand-ins; a static host
// (no such path) or no network means no.
async function collecting(root) {
  try {
    const res = await fetch(new URL("handin", root), { cache: "no-store" });
    return res.ok && (await res.json()).collect === true;
  } catch {
    return false;
  }
}

// send posts h to the server and says how that went.
async function send(form, h, root) {
  form.send.disabled = true;
  try {
    const res = await fetch(new URL("handin", root), {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(h),
    });
    const reply = await res.json().catch(() => ({}));
    say(form, res.ok ? ui.sent(reply.receipt) : ui.notSent(reply.error ? reply.error + "." : `the server answered ${res.status}.`));
  } catch {
    say(form, ui.notSent(ui.noServer));
  } finally {
    form.send.disabled = false;
  }
}
