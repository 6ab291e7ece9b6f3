// client.js: a promise-based connection to the engine worker.

// EngineClient sends scripts to the worker and resolves with their results.
export class EngineClient {
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

  // restart abandons whatever the worker is doing, even a query that never
  // yields, by replacing it; pending runs reject with Stopped.
  restart() {
    this.worker.terminate();
    this.failAll(stopped);
    this.start();
  }

  // run runs scripts in order on a fresh database; it resolves with
  // {results, schema}: one result per script and the schema they left.
  // It rejects if the engine could not run at all.
  run(scripts) {
    const id = this.nextID++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, scripts });
    });
  }

  settle({ id, results, schema, error }) {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    if (error) p.reject(new Error(error));
    else p.resolve({ results, schema });
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
