// client.js: a promise-based connection to the engine worker.

// EngineClient sends jobs (cells, see worker.js) to the worker and
// resolves with their results.
export class EngineClient {
  // engine names the engine file the worker loads: "engine.wasm", or
  // "engine-orm.wasm" for pages that run example programs.
  constructor(workerURL, engine = "engine.wasm") {
    this.workerURL = workerURL;
    this.engine = engine;
    this.nextID = 1;
    this.pending = new Map();
    this.start();
  }

  start() {
    this.worker = new Worker(this.workerURL);
    this.worker.onmessage = ({ data }) => this.settle(data);
    this.worker.onerror = (ev) => this.failAll(ev.message || "the engine worker failed to start");
  }

  // restart abandons whatever the worker is doing, even a query that never
  // yields, by replacing it; pending runs reject with Stopped.
  restart() {
    this.worker.terminate();
    this.failAll(stopped);
    this.start();
  }

  // run runs jobs in order on a fresh database; a job is a cell's work
  // (see worker.js) or a SQL string. It resolves with {results, schema,
  // fingerprints}: one result per job, the schema they left, and the
  // database's fingerprint before and after each job. It rejects if the
  // engine could not run at all.
  run(jobs) {
    const id = this.nextID++;
    jobs = jobs.map((j) => (typeof j === "string" ? { sql: j } : j));
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, engine: this.engine, jobs });
    });
  }

  settle({ id, results, schema, fingerprints, error }) {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    if (error) p.reject(new Error(error));
    else p.resolve({ results, schema, fingerprints });
  }

  failAll(message) {
    for (const p of this.pending.values()) p.reject(new Error(message));
    this.pending.clear();
  }
}

// stopped is the message of a run abandoned by restart.
export const stopped = "stopped";

// isStopped reports whether err is a run abandoned by restart.
export function isStopped(err) {
  return err instanceof Error && err.message === stopped;
}
