// bench.js: the benchmark page. The Go driver (bench/main.go) calls
// window.bench's functions through the DevTools protocol; each starts a
// worker for one engine ("dbtour", "sqljs" or "proto") and measures it.
const staticBase = new URLSearchParams(location.search).get("static");

// start creates the engine's worker and resolves when it has its first
// result, with the start-up milestones in ms since the worker was created.
function start(engine) {
  const url = engine === "sqljs" ? "worker-sqljs.js" : `worker-${engine}.js?static=${encodeURIComponent(staticBase)}`;
  const created = performance.timeOrigin + performance.now();
  const worker = new Worker(url);
  return new Promise((resolve, reject) => {
    worker.onerror = (ev) => reject(new Error(`${engine} worker: ${ev.message}`));
    worker.onmessage = ({ data }) => {
      if (data.op === "error") return reject(new Error(`${engine}: ${data.error}`));
      const m = data.marks;
      const since = (at) => (at ? at - created : 0);
      resolve({
        worker,
        report: {
          scripts: since(m.scripts), downloaded: since(m.downloaded), compiled: since(m.compiled),
          ready: since(m.ready), first: since(m.first), bytes: m.bytes, wasmBytes: m.wasmBytes, files: m.files, digest: data.digest,
        },
      });
    };
  });
}

// call sends one message to worker and resolves with the reply.
function call(worker, msg) {
  return new Promise((resolve, reject) => {
    worker.onmessage = ({ data }) => (data.op === "error" ? reject(new Error(data.error)) : resolve(data));
    worker.postMessage(msg);
  });
}

window.bench = {
  // startup measures one start of the engine (cold or warm, as the
  // browser's caches stand) and stops the worker stayMs later; with
  // tierUpMs, after the engine exercised its hot code that long first, as
  // a lesson page's worker does on a first visit.
  async startup(engine, stayMs, tierUpMs = 0) {
    const { worker, report } = await start(engine);
    if (tierUpMs > 0) await call(worker, { op: "tierUp", budgetMs: tierUpMs });
    await new Promise((resolve) => setTimeout(resolve, stayMs));
    worker.terminate();
    return report;
  },

  // roundTrip times n round trips page -> worker -> engine -> page of the
  // lesson query after warm-up; it returns the times sorted and the
  // result's fingerprint.
  async roundTrip(engine, n) {
    const { worker } = await start(engine);
    for (let i = 0; i < 50; i++) await call(worker, { op: "query" });
    const times = [];
    let last = null;
    for (let i = 0; i < n; i++) {
      const began = performance.now();
      last = await call(worker, { op: "query" });
      times.push(performance.now() - began);
    }
    worker.terminate();
    times.sort((a, b) => a - b);
    return { times, digest: JSON.stringify(last.values) };
  },

  // cell times n Runs of a lesson cell (SQL) on the state the cells above
  // (SQL texts) leave, restored before each run: what an engine that keeps
  // its database needs for a Run. It returns the times sorted, in ms.
  async cell(engine, aboveSQL, sql, n) {
    const { worker } = await start(engine);
    await call(worker, { op: "above", above: aboveSQL });
    const times = [];
    for (let i = 0; i < n; i++) {
      const began = performance.now();
      await call(worker, { op: "cell", sql });
      times.push(performance.now() - began);
    }
    worker.terminate();
    return times.sort((a, b) => a - b);
  },

  // script runs a pasted script of n statements on a fresh database:
  // {bytes, ms, ownMs} (ownMs: the statements' own time, when the engine
  // measures it).
  async script(engine, n) {
    const { worker } = await start(engine);
    const r = await call(worker, { op: "script", n });
    worker.terminate();
    return r;
  },

  // tierUp starts dbtour's engine, has it exercise its hot code for
  // tierUpMs (none for 0), as a lesson page's worker does on a first
  // visit, and keeps it alive lingerMs more, while V8 writes its cache.
  async tierUp(tierUpMs, lingerMs) {
    const { worker } = await start("dbtour");
    if (tierUpMs > 0) await call(worker, { op: "tierUp", budgetMs: tierUpMs });
    await new Promise((resolve) => setTimeout(resolve, lingerMs));
    worker.terminate();
    return true;
  },

  // bulk runs the bulk workload once on a fresh worker.
  async bulk(engine) {
    const { worker } = await start(engine);
    const { steps } = await call(worker, { op: "bulk" });
    worker.terminate();
    return steps;
  },
};
document.body.dataset.ready = "yes";
