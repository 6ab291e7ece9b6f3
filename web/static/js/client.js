// client.js: promise-based connections to the engine's workers.

// WorkerClient sends messages to a worker, one reply per message matched
// by id, and can abandon a busy worker by replacing it.
export class WorkerClient {
  constructor(workerURL) {
    this.workerURL = workerURL;
    this.nextID = 1;
    this.pending = new Map();
    this.start();
  }

  start() {
    this.worker = new Worker(this.workerURL);
    this.worker.onmessage = ({ data }) => this.settle(data);
    this.worker.onerror = (ev) => this.failAll(ev.message || "the engine worker failed to start");
  }

  // send posts message (its ArrayBuffers in transfer are moved, not
  // copied) and resolves with the reply, less its id. It rejects when the
  // reply is {error} or the worker could not answer at all.
  send(message, transfer = []) {
    const id = this.nextID++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...message, id }, transfer);
    });
  }

  // restart abandons whatever the worker is doing, even a query that never
  // yields, by replacing it; pending messages reject with `stopped`.
  restart() {
    this.worker.terminate();
    this.failAll(stopped);
    this.start();
  }

  settle({ id, error, ...reply }) {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    if (error) p.reject(new Error(error));
    else p.resolve(reply);
  }

  failAll(message) {
    for (const p of this.pending.values()) p.reject(new Error(message));
    this.pending.clear();
  }
}

// EngineClient runs a lesson page's cells in worker.js.
export class EngineClient extends WorkerClient {
  // engine names the engine file the worker loads: "engine.wasm", or
  // "engine-orm.wasm" for pages that run example programs.
  constructor(workerURL, engine = "engine.wasm") {
    super(workerURL);
    this.engine = engine;
  }

  // run runs jobs in order on a fresh database; a job is a cell's work
  // (see worker.js) or a SQL string. It resolves with {results, schema,
  // fingerprints}: one result per job, the schema they left, and the
  // database's fingerprint before and after each job. It rejects if the
  // engine could not run at all.
  run(jobs) {
    return this.send({ engine: this.engine, jobs: jobs.map((j) => (typeof j === "string" ? { sql: j } : j)) });
  }
}

// stopped is the message of a run abandoned by restart.
export const stopped = "stopped";

// isStopped reports whether err is a run abandoned by restart.
export function isStopped(err) {
  return err instanceof Error && err.message === stopped;
}
