// playground-engine.js: a promise-based connection to the playground's
// worker (playground-worker.js), which keeps the database between calls.

// stopped is the message of a call abandoned by restart.
export const stopped = "stopped";

// PlaygroundEngine sends requests to the worker and resolves with its
// replies.
export class PlaygroundEngine {
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

  // call sends request op with args (their ArrayBuffers in transfer are
  // moved, not copied) and resolves with the reply. It rejects only when
  // the engine could not answer at all.
  call(op, args = {}, transfer = []) {
    const id = this.nextID++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, op, ...args }, transfer);
    });
  }

  // restart abandons whatever the worker is doing, even a query that never
  // yields, by replacing it with a fresh, empty one; pending calls reject
  // with `stopped`.
  restart() {
    this.worker.terminate();
    this.failAll(stopped);
    this.start();
  }

  settle({ id, error, ...value }) {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    if (error) p.reject(new Error(error));
    else p.resolve(value);
  }

  failAll(message) {
    for (const p of this.pending.values()) p.reject(new Error(message));
    this.pending.clear();
  }
}
