// client.js: a page's connection to the engine's worker (worker.js), for
// lesson pages and the playground alike.

// Engine sends requests to the worker, one reply per request matched by
// id. It keeps the latest checkpoint the worker posts (the database as it
// was before the work under way) so that when it must replace the worker
// (Stop, or an engine that died) the new one starts from that state.
export class Engine {
  // engine names the engine file the worker loads: "engine.wasm", or
  // "engine-orm.wasm" for pages that run example programs.
  constructor(workerURL, engine = "engine.wasm") {
    this.workerURL = workerURL;
    this.engine = engine;
    this.nextID = 1;
    this.pending = new Map();
    this.checkpoint = null;
    this.start();
  }

  // start starts a worker on the engine, restoring the kept checkpoint.
  start() {
    this.broken = false;
    this.worker = new Worker(this.workerURL);
    this.worker.onmessage = ({ data }) => this.settle(data);
    this.worker.onerror = (ev) => {
      this.broken = true;
      this.failAll(ev.message || "the engine worker failed");
    };
    // Their failures reach the requests after them (the worker says why
    // it has no engine), so no one waits on these two.
    this.post("load", { engine: this.engine }).catch(() => {});
    if (this.checkpoint) this.post("restore", this.checkpoint).catch(() => {});
  }

  // call asks the worker to do op with args (their ArrayBuffers in
  // transfer are moved, not copied) and resolves with the reply's value.
  // It rejects when the request failed; after the engine itself died the
  // error has dead set and a new worker is already starting.
  call(op, args = {}, transfer = []) {
    if (this.broken) this.restart();
    return this.post(op, args, transfer);
  }

  post(op, args, transfer = []) {
    const id = this.nextID++;
    const held = this.checkpoint ? this.checkpoint.key : undefined;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...args, op, id, held }, transfer);
    });
  }

  // stop abandons whatever the worker is doing, even a query that never
  // yields, by replacing it; pending requests reject with `stopped`.
  stop() {
    this.restart(stopped);
  }

  restart(why = stopped) {
    this.worker.terminate();
    this.failAll(why);
    this.start();
  }

  settle({ id, checkpoint, value, error, dead }) {
    if (checkpoint) {
      this.checkpoint = checkpoint;
      return;
    }
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    if (error === undefined) {
      p.resolve(value);
      return;
    }
    const err = new Error(error);
    if (dead) {
      err.dead = true;
      this.restart(error);
    }
    p.reject(err);
  }

  failAll(message) {
    for (const p of this.pending.values()) p.reject(new Error(message));
    this.pending.clear();
  }
}

// stopped is the message of a request abandoned by stop.
export const stopped = "stopped";

// isStopped reports whether err is a request abandoned by stop.
export function isStopped(err) {
  return err instanceof Error && err.message === stopped;
}
