// lesson.js: the lesson page's script: defines <sql-cell> and runs cells
// in page order on the page's database, in a Web Worker.
import { EngineClient, isStopped } from "./client.js";
import { answer, compare, followUp } from "./exercise.js";
import { SQLCell } from "./sql-cell.js";
import { ProgramCell, CSVCell } from "./program-cell.js";
import { DBPanel } from "./dbpanel.js";
import { showProgress } from "./progress.js";
import { markVisited } from "./store.js";

customElements.define("sql-cell", SQLCell);
customElements.define("program-cell", ProgramCell);
customElements.define("csv-cell", CSVCell);
customElements.define("db-panel", DBPanel);

// A lesson page counts as visited; the front page shows what was.
if (document.querySelector("[data-testid=lesson]")) markVisited();
const toc = document.querySelector("[data-testid=toc]");
if (toc) showProgress(toc);

// The service worker lives at the site's root (this file is in
// static/VERSION/js/) so that it can keep every page for offline use.
if ("serviceWorker" in navigator) {
  navigator.serviceWorker.register(new URL("../../../sw.js", import.meta.url)).catch((err) => {
    console.warn("dbtour: offline use unavailable:", err);
  });
}

// cells are the page's cells in page order; each has an index, a job (its
// work for the worker) and shows its results.
const cells = () => Array.from(document.querySelectorAll("sql-cell, program-cell, csv-cell"));

// busyWhile shows target busy while work(target) runs, and shows a stop or
// an engine failure on it.
async function busyWhile(target, work) {
  target.busy(true);
  try {
    await work(target);
  } catch (err) {
    if (isStopped(err)) target.stopped();
    else target.fail(err.message);
  } finally {
    target.busy(false);
  }
}

if (cells().length > 0) {
  // Pages with example programs need the engine variant that carries them.
  const engine = document.querySelector("program-cell") ? "engine-orm.wasm" : "engine.wasm";
  const client = new EngineClient(new URL("./worker.js", import.meta.url), engine);

  // showSchema gives every cell's autocomplete the database's tables.
  const showSchema = (schema) => cells().forEach((c) => c.setSchema(schema));

  // The database panel says whether the database the last run left is as
  // the lesson's own SQL builds it, by comparing fingerprints of its
  // content after each cell; lessonPrints are those of the lesson's SQL.
  const panel = document.querySelector("db-panel");
  let lessonPrints = Promise.resolve(null);
  // last is the latest run: the cells it ran and the fingerprints it saw.
  let last = null;
  const showDatabase = async (schema, prints, upTo) => {
    showSchema(schema);
    last = { prints, upTo };
    const lesson = await lessonPrints;
    if (panel && lesson) panel.show(schema, prints[prints.length - 1] === lesson[upTo.length]);
  };

  // warmUp compiles the engine while the reader reads, running the whole
  // page once (and the lesson's own SQL) to learn the database it builds.
  // A page without edits runs once: the two runs would be the same.
  const warmUp = () => {
    const lessonJobs = cells().map((c) => c.originalJob ?? c.job);
    const jobs = cells().map((c) => c.job);
    const lessonRun = client.run(lessonJobs);
    const run = JSON.stringify(jobs) === JSON.stringify(lessonJobs) ? lessonRun : client.run(jobs);
    lessonPrints = lessonRun.then(({ fingerprints }) => fingerprints, () => null);
    return run.then(({ schema, fingerprints }) => showDatabase(schema, fingerprints, cells()), () => {});
  };
  warmUp();

  // Reset database puts back the lesson's SQL in the edited cells that
  // changed the database (or whose original changed it), and runs again.
  document.addEventListener("db-reset", async () => {
    if (!last) return;
    const lesson = await lessonPrints;
    const { prints, upTo } = last;
    upTo.filter((c, i) => c.edited && (prints[i] !== prints[i + 1] || !lesson || lesson[i] !== lesson[i + 1]))
      .forEach((c) => c.revert(false));
    upTo[upTo.length - 1].run();
  });

  // Reset page puts back every cell's SQL and the lesson's results.
  document.addEventListener("page-reset", () => {
    for (const c of cells()) {
      c.revert?.(false);
      c.restoreOutput?.();
    }
    warmUp();
  });

  // Plan runs the cells above, then shows the query plan of each of the
  // cell's statements.
  document.addEventListener("cell-plan", (ev) => busyWhile(ev.target, async (target) => {
    const above = cells().filter((c) => c.index < target.index).map((c) => c.job);
    const { results } = await client.run([...above, { plan: target.source }]);
    target.showPlan(results[results.length - 1].plans);
  }));

  // A run of cell k replays cells 0..k on a fresh database, so every cell
  // sees the database its place on the page implies; each shows its result.
  document.addEventListener("cell-run", (ev) => busyWhile(ev.target, async (target) => {
    const upTo = cells().filter((c) => c.index <= target.index);
    const { results, schema, fingerprints } = await client.run(upTo.map((c) => c.job));
    upTo.forEach((c, i) => c.show(results[i]));
    showDatabase(schema, fingerprints, upTo);
    const error = results[results.length - 1].error;
    if (error) target.mark(error);
  }));

  // Check runs the cells above, then the reader's SQL (and the exercise's
  // check query), and the same with the solution, and compares the two.
  document.addEventListener("cell-check", (ev) => busyWhile(ev.target, async (target) => {
    const above = cells().filter((c) => c.index < target.index).map((c) => c.job);
    const extra = target.checkSQL ? [target.checkSQL] : [];
    const mine = (await client.run([...above, target.source, ...extra])).results.slice(above.length);
    const theirs = (await client.run([...above, target.solution, ...extra])).results.slice(above.length);
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
        const again = (await client.run([...above, sql, query])).results;
        return answer(results[0], again[again.length - 1]);
      };
      target.judged(compare(await judged(mine, target.source), await judged(theirs, target.solution), target.ordered));
    }
  }));

  // Stop replaces the worker: a fresh engine, with nothing to restore,
  // since every run rebuilds the database from the cells above.
  document.addEventListener("cell-stop", () => {
    client.restart();
    warmUp();
  });
}
