// lesson.js: the lesson page's script: defines the cells and runs them in
// page order on the page's database, in the engine's worker (worker.js),
// which keeps the states the cells leave, so a Run costs its own cell.
import { Engine, isStopped } from "./client.js";
import { answer, compare, followUp } from "./exercise.js";
import { SQLCell } from "./sql-cell.js";
import { ProgramCell } from "./program-cell.js";
import { CSVCell } from "./csv-cell.js";
import { DBPanel } from "./dbpanel.js";
import { loadStopped, markVisited, saveStopped, loadTieredUp, saveTieredUp } from "./store.js";

customElements.define("sql-cell", SQLCell);
customElements.define("program-cell", ProgramCell);
customElements.define("csv-cell", CSVCell);
customElements.define("db-panel", DBPanel);

// A lesson page counts as visited; the front page shows what was.
markVisited();

// cells are the page's cells in page order; each has an index, a job (its
// work for the worker), the lesson's own job, and shows its results.
const cells = () => Array.from(document.querySelectorAll("sql-cell, program-cell, csv-cell"));

// jobText names a job's work, for comparing and for keeping.
const jobText = (job) => JSON.stringify(job);

// edited reports whether the reader changed a cell's work.
const edited = (c) => jobText(c.job) !== jobText(c.lessonJob);

// lessonLimitMs bounds each statement of the lesson's own cells: the
// server says how long (lessons/course.LessonTimeLimit).
const lessonLimitMs = Number(document.querySelector("[data-testid=lesson]").dataset.timeLimitMs);

// jobsOf returns the cells' jobs; the lesson's own work gets the lesson's
// generous time limit, the reader's edits the engine's default.
const jobsOf = (list) => list.map((c) => (edited(c) ? c.job : { ...c.job, limitMs: lessonLimitMs }));

// stopped reports whether the cell's current work was stopped or ran out
// of time: the page's warm-up does not run it again.
const stopped = (c) => loadStopped(c.index) === jobText(c.job);

// interpreter is the engine that runs Go source: an edited program or a
// Go exercise. It is 1 MB more to download than engine-orm.wasm, so a
// page loads it only when a job needs it (or a reader starts to edit
// Go), and moves its database there (Engine.handOver).
const interpreter = "engine-go.wasm";

// interprets reports whether a job is Go source to interpret.
const interprets = (job) => job.source !== undefined;

// interrupted reports whether a result ran out of time.
const interrupted = (result) => result?.error != null && (result.error.code & 0xff) === 9;

// tierUpMs is how long the engine's hot code runs in the background on a
// first visit, for V8 to optimize it and keep it in its code cache (see
// tierup.js): measured with ./build.sh bench (bench/NOTES.md).
const tierUpMs = 20000;

// tierUp has the engine exercise its hot code once per engine build: the
// code cache keeps the result for later visits.
function tierUp(engine) {
  const build = new URL("../engine/" + engine.engine, import.meta.url).pathname;
  if (loadTieredUp(build)) return;
  engine.call("tierUp", { budgetMs: tierUpMs }).then(() => saveTieredUp(build), () => {});
}

// busyWhile shows target busy while work(target) runs, and shows a stop or
// an engine failure on it.
async function busyWhile(target, work) {
  target.busy(true);
  try {
    await work(target);
  } catch (err) {
    if (isStopped(err)) target.stopped();
    else target.fail(err.message, err.dead === true);
  } finally {
    target.busy(false);
  }
}

if (cells().length > 0) {
  // Pages with example programs need the engine variant that carries
  // them; a page whose reader edited Go starts on the interpreter.
  const workerURL = new URL("./worker.js", import.meta.url);
  const variant = !document.querySelector("program-cell") ? "engine.wasm"
    : cells().some((c) => edited(c) && interprets(c.job)) ? interpreter : "engine-orm.wasm";
  let engine = new Engine(workerURL, variant);

  // spare is the interpreter, started ahead of need when the reader
  // focuses a Go editor, so that the first edited Run does not wait for
  // its download and compilation.
  let spare = null;
  const startInterpreter = () => (spare ??= new Engine(workerURL, interpreter));
  document.addEventListener("focusin", (ev) => {
    if (engine.engine !== interpreter && ev.target.closest?.("program-cell .editor")) startInterpreter();
  });

  // engineFor returns the engine to run jobs on: this page's, moved to the
  // interpreter first when a job is Go source.
  let moving = null;
  const engineFor = async (jobs) => {
    if (engine.engine === interpreter || !jobs.some(interprets)) return engine;
    moving ??= (async () => {
      const next = startInterpreter();
      try {
        await next.loaded;
      } catch (err) {
        next.close();
        spare = null; // the next try starts a new one
        throw new Error(`the Go interpreter (${interpreter}) could not start: ${err.message}`);
      }
      await engine.handOver(next); // a Stop ends it, and next stays spare
      engine = next;
      spare = null;
      tierUp(engine);
      setTimeout(learnLessonPrints); // after the request that needed the move
    })().finally(() => {
      moving = null;
    });
    await moving;
    return engine;
  };

  // showSchema gives every cell's autocomplete the database's tables,
  // when they changed.
  let shownSchema = "";
  const showSchema = (schema) => {
    const text = JSON.stringify(schema);
    if (text === shownSchema) return;
    shownSchema = text;
    cells().forEach((c) => c.setSchema(schema));
  };

  // The database panel says whether the database the last run left is as
  // the lesson's own SQL builds it, by comparing fingerprints of the
  // database after each cell; lessonPrints are those of the lesson's SQL.
  const panel = document.querySelector("db-panel");
  let lessonPrints = Promise.resolve(null);
  // last is the latest run: the cells it ran and the fingerprints it saw.
  let last = null;
  const showDatabase = async (schema, prints, upTo) => {
    showSchema(schema);
    last = { prints, upTo };
    const lesson = await lessonPrints;
    const print = prints[upTo.length];
    if (panel && lesson) panel.show(schema, print !== undefined && print === lesson[upTo.length]);
  };

  // runnable returns the jobs up to the first this engine cannot run.
  const runnable = (jobs) => {
    const cut = engine.engine === interpreter ? -1 : jobs.findIndex(interprets);
    return cut < 0 ? jobs : jobs.slice(0, cut);
  };

  // lessonRun runs the lesson's own cells, as far as this engine can, and
  // resolves to the fingerprints of the database they build (null when
  // that failed); learnLessonPrints keeps them as the lesson's.
  const lessonRun = () => {
    const jobs = runnable(cells().map((c) => ({ ...c.lessonJob, limitMs: lessonLimitMs })));
    return engine.call("run", { jobs, warm: true }).then(({ prints }) => prints, () => null);
  };
  const learnLessonPrints = () => {
    lessonPrints = lessonRun();
  };

  // warmUp compiles the engine while the reader reads and runs the page's
  // cells once, up to a cell that was stopped or one only the interpreter
  // runs, so that the first Run costs its own cell; an edited cell shows
  // its own result instead of the lesson's. When cells are edited the
  // lesson's own cells run too, to learn the database they build.
  const warmUp = async () => {
    const all = cells();
    const cut = all.findIndex(stopped);
    const upTo = (cut < 0 ? all : all.slice(0, cut)).slice(0, runnable(jobsOf(all)).length);
    const run = engine.call("run", { jobs: jobsOf(upTo), warm: true });
    lessonPrints = all.some(edited)
      ? run.catch(() => {}).then(lessonRun)
      : run.then(({ prints }) => prints, () => null);
    try {
      const { results, prints, schema } = await run;
      upTo.forEach((c, i) => edited(c) && results[i] && c.show(results[i]));
      await showDatabase(schema, prints, upTo);
    } catch {
      // The reader's first Run says what is wrong.
    }
  };
  warmUp().then(() => tierUp(engine));

  // Reset database puts back the lesson's SQL in the edited cells that
  // changed the database (or whose original changed it, or when that is no
  // longer known), and runs again.
  document.addEventListener("db-reset", async () => {
    if (!last) return;
    const lesson = await lessonPrints;
    const { prints, upTo } = last;
    const changes = (p, i) => !p || p[i] === undefined || p[i] !== p[i + 1];
    upTo.filter((c, i) => edited(c) && (changes(prints, i) || changes(lesson, i))).forEach((c) => c.revert(false));
    upTo[upTo.length - 1].run();
  });

  // Reset page puts back every cell's SQL and the lesson's results.
  document.addEventListener("page-reset", () => {
    for (const c of cells()) {
      c.revert?.(false);
      c.restoreOutput?.();
      saveStopped(c.index, null);
    }
    warmUp();
  });

  // Plan shows the query plan of each of the cell's statements, on the
  // database the cells above build.
  document.addEventListener("cell-plan", (ev) => busyWhile(ev.target, async (target) => {
    const above = jobsOf(cells().filter((c) => c.index < target.index));
    const { plans } = await (await engineFor(above)).call("plan", { above, sql: target.source });
    target.showPlan(plans);
  }));

  // A run of cell k runs cell k on the database cells 0..k-1 build (the
  // worker runs again only those of them whose state it no longer has);
  // every cell up to k shows its result.
  document.addEventListener("cell-run", (ev) => busyWhile(ev.target, async (target) => {
    const upTo = cells().filter((c) => c.index <= target.index);
    saveStopped(target.index, jobText(target.job)); // until it ends
    const jobs = jobsOf(upTo);
    const { results, prints, ran, schema } = await (await engineFor(jobs)).call("run", { jobs });
    target.dataset.ran = ran; // how many cells this Run had to run: tests read it
    const result = results[results.length - 1];
    saveStopped(target.index, interrupted(result) ? jobText(target.job) : null);
    upTo.forEach((c, i) => results[i] && c.show(results[i]));
    showDatabase(schema, prints, upTo);
    if (result.error) target.mark(result.error);
  }));

  // Check runs the reader's SQL (and the exercise's check query) on the
  // database the cells above build, and the same with the solution, and
  // compares the two.
  document.addEventListener("cell-check", (ev) => busyWhile(ev.target, async (target) => {
    const above = jobsOf(cells().filter((c) => c.index < target.index));
    const { mine, theirs } = await (await engineFor(above)).call("check", {
      above, mine: { sql: target.source }, solution: { sql: target.solution, limitMs: lessonLimitMs }, check: target.checkSQL,
    });
    target.show(mine[0]);
    const failed = mine.find((r) => r.error);
    if (failed) {
      target.mark(failed.error);
      target.judged("your SQL fails: " + failed.error.message);
    } else {
      // A plan answer is judged on the rows of the query it explains too.
      const judged = async (results, sql) => {
        const query = target.checkSQL ? null : followUp(results[0]);
        if (query === null) return answer(results[results.length - 1]);
        const again = await engine.call("check", { above, mine: { sql }, check: query });
        return answer(results[0], again.mine[1]);
      };
      target.judged(compare(await judged(mine, target.source), await judged(theirs, target.solution), target.ordered));
    }
  }));

  // Stop replaces the worker; the new one starts from the database as it
  // was before the stopped cell (the page keeps that state), and the
  // stopped text is not run again until the reader runs it.
  document.addEventListener("cell-stop", (ev) => {
    saveStopped(ev.target.index, jobText(ev.target.job));
    engine.stop();
  });
}
